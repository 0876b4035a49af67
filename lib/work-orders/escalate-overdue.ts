import { z } from "zod";
import { db as processDb, type Db, type Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { requireCityWideAdmin } from "@/lib/auth/scope";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { addEvent } from "@/lib/work-orders/process";
import { OPEN_STATUSES } from "@/lib/work-orders/labels";

const BATCH = 200;

/**
 * The overdue job (every 5 minutes, pg-boss): each open order past its due time that has not been
 * escalated yet moves to its organization's parent, once, with an ESCALATED event by the system;
 * the handler and the parent's staff are told. Paused orders are not overdue (their clock stopped).
 * Each order commits on its own, and rows are claimed with SKIP LOCKED, so two workers never
 * escalate the same order and a failure leaves the rest done.
 */
export async function escalateOverdueWorkOrders(db: Db, now: Date): Promise<{ escalated: number }> {
  let escalated = 0;
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        SELECT "id" FROM "WorkOrder"
        WHERE "status"::text = ANY(${OPEN_STATUSES.filter((s) => s !== "PAUSED")}) AND "dueAt" < ${now} AND "overdueEscalatedAt" IS NULL
        ORDER BY "dueAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      for (const { id } of rows) {
        const order = await tx.workOrder.findUniqueOrThrow({
          where: { id },
          select: {
            id: true, number: true, type: true, handlerUserId: true, organizationId: true,
            organization: { select: { name: true, parentId: true } }, region: { select: { path: true } },
          },
        });
        if (order.type === "LEGAL_AID") {
          await flagOverdueLegalAid(tx, order, now);
          continue;
        }
        if (order.type === "MEDIATION") {
          await flagOverdueMediation(tx, order, now);
          continue;
        }
        const parentId = order.organization.parentId;
        await tx.workOrder.update({
          where: { id },
          data: { overdueEscalatedAt: now, ...(parentId ? { organizationId: parentId, handlerUserId: null, status: "NEW" } : {}) },
        });
        await addEvent(tx, order, "ESCALATED", null, { reason: "超过办理时限，系统自动上报", from: order.organizationId, to: parentId ?? order.organizationId });
        const recipients = new Set<number>();
        if (order.handlerUserId) recipients.add(order.handlerUserId);
        const staff = await tx.membership.findMany({
          where: { organizationId: parentId ?? order.organizationId, role: { in: ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"] } },
          select: { userId: true },
        });
        staff.forEach((s) => recipients.add(s.userId));
        for (const userId of recipients) {
          await enqueueNotification(tx, { channel: "IN_APP", recipientUserId: userId, body: `工单 ${order.number} 已超过办理时限，已由${order.organization.name}自动上报。`, link: `/staff/work-orders/${order.number}`, workOrderId: id });
        }
      }
      return rows.length;
    });
    escalated += done;
    if (done < BATCH) return { escalated };
  }
}

/**
 * Only the deciding county centre may decide legal aid (Art. 43), so an overdue application stays
 * there: it is flagged once, and the centre's officers and the justice bureau's leaders of its
 * region (who supervise the deadline) are told.
 */
async function flagOverdueLegalAid(
  tx: Tx,
  order: { id: number; number: string; organizationId: number; organization: { name: string }; region: { path: string } },
  now: Date,
) {
  await tx.workOrder.update({ where: { id: order.id }, data: { overdueEscalatedAt: now } });
  await addEvent(tx, order, "ESCALATED", null, { reason: "超过法定期限，已提醒司法局督办" });
  const codes = order.region.path.split("/").filter(Boolean);
  const people = await tx.membership.findMany({
    where: {
      OR: [
        { organizationId: order.organizationId, role: "LEGAL_AID_OFFICER" },
        { role: "LEADER", region: { code: { in: codes } } },
      ],
    },
    select: { userId: true, role: true },
  });
  for (const p of people) {
    await enqueueNotification(tx, {
      channel: "IN_APP",
      recipientUserId: p.userId,
      body: `法律援助申请 ${order.number} 已超过法定期限（${order.organization.name}），请督办。`,
      link: p.role === "LEADER" ? "/leader" : `/staff/legal-aid/${order.number}`,
      workOrderId: order.id,
    });
  }
}

/**
 * A mediation case stays with its committee when its time runs out: moving it up would take it from
 * the mediator who knows the parties, and escalation is the committee's own judgement
 * (lib/mediation/steps.ts escalateMediation). It is flagged once; the committee's mediators and
 * staff are told so they can conclude, or extend on the parties' request.
 */
async function flagOverdueMediation(
  tx: Tx,
  order: { id: number; number: string; handlerUserId: number | null; organizationId: number; organization: { name: string } },
  now: Date,
) {
  await tx.workOrder.update({ where: { id: order.id }, data: { overdueEscalatedAt: now } });
  await addEvent(tx, order, "ESCALATED", null, { reason: "超过调解期限，已提醒调解委员会及时结案或经当事人申请延长" });
  const people = await tx.membership.findMany({
    where: { organizationId: order.organizationId, role: { in: ["STAFF", "MEDIATOR"] } },
    select: { userId: true },
  });
  const recipients = new Set(people.map((p) => p.userId));
  if (order.handlerUserId) recipients.add(order.handlerUserId);
  for (const userId of recipients) {
    await enqueueNotification(tx, {
      channel: "IN_APP",
      recipientUserId: userId,
      body: `调解案件 ${order.number} 已超过调解期限（${order.organization.name}），请及时结案，或经当事人申请延长期限。`,
      link: `/staff/mediation/${order.number}`,
      workOrderId: order.id,
    });
  }
}

/**
 * The admin's "检查超期工单" button: runs the same job at once. The job commits batch by batch on
 * the process client (not inside this use case's transaction); the audit event records who ran it.
 */
export const escalateOverdueNow = defineUseCase({
  name: "workOrder.escalateOverdueNow",
  permission: "workOrder.rules",
  write: true,
  input: z.object({}),
  run: ({ actor }) => {
    requireCityWideAdmin(actor);
    return escalateOverdueWorkOrders(processDb, new Date());
  },
});
