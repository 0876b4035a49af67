import { createHash } from "node:crypto";
import type { WorkOrderChannel, WorkOrderType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError, ruleViolation } from "@/lib/errors";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { computeDueAt } from "@/lib/work-orders/deadlines";
import { loadRule, routeWorkOrder } from "@/lib/work-orders/routing";
import { nextWorkOrderNumber } from "@/lib/work-orders/numbering";
import { OPEN_STATUSES, TYPE_LABELS } from "@/lib/work-orders/labels";
import { notifyRequester } from "@/lib/notify/enqueue";
import { IntakeWorkOrderInput, SubmitWorkOrderInput } from "@/lib/work-orders/schemas";
import { checkAttachments, storeAttachments } from "@/lib/work-orders/attachments";
import { chosenServicePoint } from "@/lib/network/service-point-requests";

// 统一受理: every channel ends here. One function creates the order, routes it, sets its deadline,
// writes the first timeline event and tells the requester the number; the doors differ only in who
// the requester is and who received it.

type NewOrder = {
  channel: WorkOrderChannel;
  type: WorkOrderType;
  regionCode: string;
  subject: string;
  description: string;
  category?: string;
  requester: { userId: number | null; name: string; phone: string };
  /** the staff member and service point that took it in (首问负责); null for residents' own submissions */
  receiver: { userId: number | null; organizationId: number } | null;
  /** the service point the requester chose themselves, already checked (chosenServicePoint); skips routing */
  organizationId?: number;
  actorName: string;
};

export type CreatedWorkOrder = { number: string; status: "NEW"; organization: { id: number; name: string }; dueAt: string };

export async function createWorkOrder(db: Tx, o: NewOrder, now = new Date()): Promise<CreatedWorkOrder & { id: number }> {
  const region = await db.region.findUnique({ where: { code: o.regionCode }, select: { id: true, path: true, code: true } });
  if (!region) throw ruleViolation("所选地区不存在", "regionCode");
  const receiving = o.receiver
    ? await db.organization.findUniqueOrThrow({
        where: { id: o.receiver.organizationId },
        select: { id: true, tier: true, decidesLegalAid: true, region: { select: { path: true } } },
      })
    : null;
  // A walk-in is served where the person stands if that point can handle it (一站式); a call or a
  // referral goes to the lowest tier that handles the type, wherever it was taken in.
  const keeper = o.channel === "WALK_IN" && receiving ? { ...receiving, regionPath: receiving.region.path } : null;
  const organizationId = o.organizationId ?? (await routeWorkOrder(db, o.type, region, keeper));
  const [rule, calendar] = await Promise.all([loadRule(db, o.type), loadWorkingCalendar(db)]);
  const due = computeDueAt(calendar, now, rule);
  const number = await nextWorkOrderNumber(db, region.code, now);
  const order = await db.workOrder.create({
    data: {
      number,
      channel: o.channel,
      type: o.type,
      subject: o.subject,
      description: o.description,
      category: o.category ?? null,
      requesterUserId: o.requester.userId,
      requesterName: o.requester.name,
      requesterPhone: o.requester.phone,
      regionId: region.id,
      organizationId,
      firstReceiverUserId: o.receiver?.userId ?? null,
      firstOrganizationId: receiving?.id ?? organizationId,
      dueAt: due,
      createdAt: now,
      events: {
        create: {
          kind: "CREATED",
          at: now,
          actorUserId: o.receiver?.userId ?? o.requester.userId,
          actorName: o.actorName,
          toOrganizationId: organizationId,
        },
      },
    },
    select: { id: true, number: true, status: true, dueAt: true, organization: { select: { id: true, name: true } } },
  });
  await notifyRequester(
    db,
    { userId: o.requester.userId, phone: o.requester.phone },
    `您的${TYPE_LABELS[o.type]}已登记，编号 ${order.number}，由${order.organization.name}办理。`,
    { number: order.number },
  );
  return { id: order.id, number: order.number, status: "NEW", organization: order.organization, dueAt: order.dueAt.toISOString() };
}

/** The account of a resident with this phone, so walk-in and hotline orders show up in their account too. */
async function residentWithPhone(db: Tx, phone: string) {
  const user = await db.user.findFirst({
    where: { phone, memberships: { some: { role: "RESIDENT" } } },
    select: { id: true },
  });
  return user?.id ?? null;
}

export function callerKey(actor: Actor) {
  return actor.apiClientId ? `client:${actor.apiClientId}` : `user:${actor.userId}`;
}

/**
 * Idempotency-Key: the first request with a key inserts its claim; a concurrent duplicate waits on
 * that row (ON CONFLICT blocks until the first transaction ends) and then replays the stored reply.
 * A key reused with a different body is a conflict, not a replay.
 */
export async function claimIdempotencyKey<T = CreatedWorkOrder>(db: Tx, actor: Actor, key: string, requestHash: string): Promise<T | null> {
  const claimed = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotentRequest" ("callerKey", "key", "requestHash", "status", "response")
    VALUES (${callerKey(actor)}, ${key}, ${requestHash}, 0, '{}'::jsonb)
    ON CONFLICT DO NOTHING RETURNING "key"`;
  if (claimed.length) return null;
  const previous = await db.idempotentRequest.findUniqueOrThrow({ where: { callerKey_key: { callerKey: callerKey(actor), key } } });
  if (previous.requestHash !== requestHash) {
    throw new AppError("CONFLICT", "同一个 Idempotency-Key 已用于另一笔不同的请求");
  }
  return previous.response as T;
}

/** Stores the reply a claimed Idempotency-Key replays. */
export async function completeIdempotencyKey(db: Tx, actor: Actor, key: string, response: object) {
  await db.idempotentRequest.update({
    where: { callerKey_key: { callerKey: callerKey(actor), key } },
    data: { status: 201, response: response as Prisma.InputJsonValue },
  });
}

export const intakeWorkOrder = defineUseCase({
  name: "workOrder.intake",
  permission: "workOrder.intake",
  write: true,
  input: IntakeWorkOrderInput,
  async run({ db, actor, input }) {
    if (!actor.organizationId) throw new AppError("FORBIDDEN", "只有网点工作人员可以登记工单");
    // A legal-aid application needs its case record (applicant identity, matter, economic basis):
    // it has its own intake (lib/legal-aid/apply.ts, POST /api/v1/legal-aid/applications).
    if (input.type === "LEGAL_AID") throw ruleViolation("法律援助申请请通过「代为登记法律援助申请」登记", "type");
    // So does a mediation case (parties, category, source): lib/mediation/intake.ts, POST /api/v1/mediation/cases.
    if (input.type === "MEDIATION") throw ruleViolation("人民调解请通过「登记调解案件」登记", "type");
    const { idempotencyKey, confirmDuplicate, ...request } = input;
    if (idempotencyKey) {
      const hash = createHash("sha256").update(JSON.stringify(request)).digest("hex");
      const replay = await claimIdempotencyKey(db, actor, idempotencyKey, hash);
      if (replay) return replay;
    }
    // 重复来电提醒: the same phone with an open order of the same type is usually the same matter.
    if (!confirmDuplicate && !idempotencyKey) {
      const open = await db.workOrder.findFirst({
        where: { requesterPhone: request.requester.phone, type: request.type, status: { in: OPEN_STATUSES } },
        select: { number: true },
      });
      if (open) {
        throw new AppError("CONFLICT", `该手机号已有未办结的同类工单 ${open.number}，确认不是同一事项后可勾选"仍然登记"再提交`, {
          confirmDuplicate: [`已有未办结的同类工单 ${open.number}`],
        });
      }
    }
    const { id: _id, ...created } = await createWorkOrder(db, {
      ...request,
      requester: { ...request.requester, userId: await residentWithPhone(db, request.requester.phone) },
      receiver: { userId: actor.userId, organizationId: actor.organizationId },
      actorName: actor.name,
    });
    if (idempotencyKey) await completeIdempotencyKey(db, actor, idempotencyKey, created);
    return created;
  },
  target: (_i, r) => ({ type: "WorkOrder", id: r.number }),
});

export const submitWorkOrder = defineUseCase({
  name: "workOrder.submit",
  permission: "workOrder.submit",
  write: true,
  input: SubmitWorkOrderInput,
  async run({ db, actor, input }) {
    const me = await db.user.findUniqueOrThrow({ where: { id: actor.userId ?? -1 }, select: { id: true, name: true, phone: true } });
    if (!me.phone) throw ruleViolation("请先在账号中登记手机号", "_form");
    const { attachments, organizationId, ...matter } = input;
    const chosen = organizationId === undefined ? null : await chosenServicePoint(db, organizationId, matter.type);
    const files = await checkAttachments(attachments);
    const { id, ...created } = await createWorkOrder(db, {
      ...matter,
      organizationId: chosen?.id,
      channel: "WEB",
      requester: { userId: me.id, name: me.name, phone: me.phone },
      receiver: null,
      actorName: me.name,
    });
    if (files.length) await storeAttachments(db, id, me.id, files);
    return created;
  },
  target: (_i, r) => ({ type: "WorkOrder", id: r.number }),
});
