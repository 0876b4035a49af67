import type { Satisfaction, RatingVia } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError, ruleViolation } from "@/lib/errors";
import { hashToken } from "@/lib/crypto";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { addEvent, lockOrder, requireStatus, type LockedOrder } from "@/lib/work-orders/process";
import { SATISFACTION_LABELS } from "@/lib/work-orders/labels";
import { FollowUpInput, RateByLinkInput, RateInput } from "@/lib/work-orders/schemas";

// 随时评价、随手评价: one rating per closing. 不满意 reopens the order for rectification (跟踪整改)
// with a follow-up task for the organization, whose staff are told at once.

async function recordRating(
  db: Tx,
  actor: Pick<Actor, "userId" | "name"> | null,
  order: LockedOrder,
  r: { score: Satisfaction; comment?: string; via: RatingVia },
) {
  const round = await db.workOrderEvent.count({ where: { workOrderId: order.id, kind: "CLOSED" } });
  if (round === 0) throw ruleViolation("工单尚未办结，暂不能评价", "_form");
  if (await db.workOrderRating.count({ where: { workOrderId: order.id, round } })) {
    throw ruleViolation("本次办理已经评价过了，感谢您的反馈", "_form");
  }
  await db.workOrderRating.create({ data: { workOrderId: order.id, round, score: r.score, comment: r.comment ?? null, via: r.via } });
  await addEvent(db, order, "RATED", actor, { reason: SATISFACTION_LABELS[r.score], body: r.comment ?? null });
  if (r.score === "UNSATISFIED") {
    await db.workOrder.update({ where: { id: order.id }, data: { status: "REOPENED", closedAt: null, closedOnTime: null } });
    await db.workOrderFollowUp.create({ data: { workOrderId: order.id, kind: "RECTIFICATION", organizationId: order.organizationId } });
    await addEvent(db, order, "REOPENED", null, { reason: "群众评价不满意，转入跟踪整改" });
    const staff = await db.membership.findMany({ where: { organizationId: order.organizationId, role: { in: ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"] } }, select: { userId: true } });
    for (const s of staff) {
      await enqueueNotification(db, { channel: "IN_APP", recipientUserId: s.userId, body: `工单 ${order.number} 群众评价不满意，请跟踪整改。`, link: `/staff/work-orders/${order.number}`, workOrderId: order.id });
    }
  }
  return { number: order.number, round, score: r.score };
}

/** A resident rates their own closed order from their account. */
export const rateWorkOrder = defineUseCase({
  name: "workOrder.rate",
  permission: "workOrder.rate",
  write: true,
  input: RateInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, ["CLOSED"], "评价");
    return recordRating(db, actor, order, { score: input.score, comment: input.comment, via: "ACCOUNT" });
  },
});

async function orderForToken(db: Tx, token: string) {
  const row = await db.ratingToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.usedAt || row.expiresAt < new Date()) throw new AppError("NOT_FOUND", "评价链接无效或已过期，如需评价请拨打 12348");
  return row;
}

/** What the one-time link page shows: the order's number, type, service point and result. */
export const getRatingLink = defineUseCase({
  name: "workOrder.ratingLink",
  permission: "workOrder.rateByLink",
  write: false,
  input: RateByLinkInput.pick({ token: true }),
  async run({ db, input }) {
    const row = await orderForToken(db, input.token);
    return db.workOrder.findUniqueOrThrow({
      where: { id: row.workOrderId },
      select: { number: true, type: true, subject: true, resultSummary: true, closedAt: true, organization: { select: { name: true } } },
    });
  },
  // the subject and result may name people; whoever holds the link sees them, so each opening is traced
  audit: "view",
  target: (_i, order) => ({ type: "WorkOrder", id: order.number }),
});

/** A requester without an account rates through the one-time link sent by SMS. */
export const rateByLink = defineUseCase({
  name: "workOrder.rateByLink",
  permission: "workOrder.rateByLink",
  write: true,
  input: RateByLinkInput,
  async run({ db, input }) {
    const row = await orderForToken(db, input.token);
    // Claim the token first: a double tap or a replay finds it used.
    const claimed = await db.ratingToken.updateMany({ where: { tokenHash: row.tokenHash, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", "评价链接无效或已过期，如需评价请拨打 12348");
    const found = await db.workOrder.findUniqueOrThrow({ where: { id: row.workOrderId }, select: { number: true, requesterName: true } });
    const system = { userId: null, name: `${found.requesterName}（短信评价）` };
    await db.$queryRaw`SELECT 1 FROM "WorkOrder" WHERE "id" = ${row.workOrderId} FOR UPDATE`;
    const order = await db.workOrder.findUniqueOrThrow({
      where: { id: row.workOrderId },
      select: { id: true, number: true, type: true, status: true, dueAt: true, pausedAt: true, handlerUserId: true, requesterUserId: true, requesterPhone: true, organizationId: true, organization: { select: { id: true, name: true, parentId: true } } },
    });
    requireStatus(order, ["CLOSED"], "评价");
    return recordRating(db, system, order, { score: input.score, comment: input.comment, via: "LINK" });
  },
  target: (_i, r) => ({ type: "WorkOrder", id: r.number }),
});

/** 回访 / 整改: staff record a phone call-back (optionally with the rating given on the phone) or a rectification result. */
export const recordFollowUp = defineUseCase({
  name: "workOrder.followUp",
  permission: "workOrder.process",
  write: true,
  input: FollowUpInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    const now = new Date();
    if (input.kind === "RECTIFICATION") {
      const open = await db.workOrderFollowUp.findFirst({ where: { workOrderId: order.id, kind: "RECTIFICATION", doneAt: null } });
      if (!open) throw ruleViolation("该工单没有待完成的整改任务", "kind");
      await db.workOrderFollowUp.update({ where: { id: open.id }, data: { doneAt: now, doneByUserId: actor.userId, result: input.result } });
    } else {
      requireStatus(order, ["CLOSED"], "回访");
      await db.workOrderFollowUp.create({ data: { workOrderId: order.id, kind: "CALLBACK", organizationId: order.organizationId, doneAt: now, doneByUserId: actor.userId, result: input.result } });
    }
    await addEvent(db, order, "FOLLOWED_UP", actor, { reason: input.kind === "CALLBACK" ? "电话回访" : "整改结果", body: input.result });
    if (input.kind === "CALLBACK" && input.score) {
      await recordRating(db, actor, order, { score: input.score, via: "PHONE_FOLLOW_UP" });
    }
    return { number: order.number };
  },
});
