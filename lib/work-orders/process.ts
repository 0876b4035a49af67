import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkOrderEventKind, WorkOrderStatus } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { workOrderScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { hashToken } from "@/lib/crypto";
import { env } from "@/lib/env";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { extendForPause } from "@/lib/work-orders/deadlines";
import { loadRule } from "@/lib/work-orders/routing";
import { STATUS_LABELS } from "@/lib/work-orders/labels";
import { enqueueNotification, notifyRequester } from "@/lib/notify/enqueue";
import {
  AcceptInput, AssignInput, BulkAcceptInput, CloseInput, EscalateInput, PauseInput, ReplyInput, RequesterMessageInput,
  ResumeInput, ReturnInput, TransferInput,
} from "@/lib/work-orders/schemas";

// Handling an order: every step checks the order is in the actor's scope, locks it, checks the
// status allows the step, changes it, and appends one timeline event — in the wrapper's transaction.

const orderSelect = {
  id: true, number: true, type: true, status: true, dueAt: true, pausedAt: true, handlerUserId: true,
  requesterUserId: true, requesterPhone: true, organizationId: true,
  organization: { select: { id: true, name: true, parentId: true } },
} satisfies Prisma.WorkOrderSelect;
export type LockedOrder = Prisma.WorkOrderGetPayload<{ select: typeof orderSelect }>;

/** The order by number if the actor may handle it, locked against concurrent steps until commit. */
export async function lockOrder(db: Tx, actor: Actor, number: string, { caseStep = false } = {}): Promise<LockedOrder> {
  const found = await db.workOrder.findFirst({ where: { AND: [{ number }, workOrderScope(actor)] }, select: { id: true } });
  if (!found) throw notFound("工单");
  await db.$queryRaw`SELECT 1 FROM "WorkOrder" WHERE "id" = ${found.id} FOR UPDATE`;
  const order = await db.workOrder.findUniqueOrThrow({ where: { id: found.id }, select: orderSelect });
  // A legal-aid application or a mediation case moves only by the law's steps (lib/legal-aid,
  // lib/mediation), never by the generic ones: a generic close or transfer would leave its case
  // record behind. Taking it on (受理) is harmless.
  if (!caseStep && order.type === "LEGAL_AID") throw ruleViolation("法律援助申请请在法律援助案件页面办理", "_form");
  if (!caseStep && order.type === "MEDIATION") throw ruleViolation("人民调解案件请在调解案件页面办理", "_form");
  return order;
}

export function requireStatus(order: LockedOrder, allowed: WorkOrderStatus[], doing: string) {
  if (!allowed.includes(order.status)) {
    throw ruleViolation(`工单当前状态为「${STATUS_LABELS[order.status]}」，不能${doing}`, "_form");
  }
}

export async function addEvent(
  db: Tx,
  order: { id: number },
  kind: WorkOrderEventKind,
  actor: Pick<Actor, "userId" | "name"> | null,
  extra: { reason?: string | null; body?: string | null; from?: number | null; to?: number | null } = {},
) {
  await db.workOrderEvent.create({
    data: {
      workOrderId: order.id, kind, actorUserId: actor?.userId ?? null, actorName: actor?.name ?? "系统",
      reason: extra.reason ?? null, body: extra.body ?? null, fromOrganizationId: extra.from ?? null, toOrganizationId: extra.to ?? null,
    },
  });
}

const requesterOf = (o: LockedOrder) => ({ userId: o.requesterUserId, phone: o.requesterPhone });
const OPEN_FOR_WORK: WorkOrderStatus[] = ["NEW", "IN_PROGRESS", "REOPENED"];

async function acceptOne(db: Tx, actor: Actor, number: string, handlerUserId: number | null) {
  const order = await lockOrder(db, actor, number, { caseStep: true });
  requireStatus(order, ["NEW", "REOPENED", "IN_PROGRESS"], "受理");
  const handler = handlerUserId ?? actor.userId;
  if (handler !== actor.userId) await assertHandlerInOrganization(db, handler, order.organizationId);
  await db.workOrder.update({ where: { id: order.id }, data: { status: "IN_PROGRESS", handlerUserId: handler } });
  await addEvent(db, order, handler === actor.userId ? "ACCEPTED" : "ASSIGNED", actor, {
    reason: handler === actor.userId ? null : `指派给承办人（用户 ${handler}）`,
  });
  return { number };
}

async function assertHandlerInOrganization(db: Tx, userId: number | null, organizationId: number) {
  const ok = userId && (await db.membership.count({ where: { userId, organizationId, role: { in: ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"] } } }));
  if (!ok) throw ruleViolation("承办人必须是本网点的工作人员", "handlerUserId");
}

export const acceptWorkOrder = defineUseCase({
  name: "workOrder.accept",
  permission: "workOrder.process",
  write: true,
  input: AcceptInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  run: ({ db, actor, input }) => acceptOne(db, actor, input.number, null),
});

export const assignWorkOrder = defineUseCase({
  name: "workOrder.assign",
  permission: "workOrder.process",
  write: true,
  input: AssignInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  run: ({ db, actor, input }) => acceptOne(db, actor, input.number, input.handlerUserId),
});

/** 批量受理/指派: all or nothing, so a half-done batch never has to be untangled. */
export const bulkAcceptWorkOrders = defineUseCase({
  name: "workOrder.bulkAccept",
  permission: "workOrder.process",
  write: true,
  input: BulkAcceptInput,
  async run({ db, actor, input }) {
    for (const number of input.numbers) await acceptOne(db, actor, number, input.handlerUserId ?? null);
    return { count: input.numbers.length };
  },
});

export const replyToWorkOrder = defineUseCase({
  name: "workOrder.reply",
  permission: "workOrder.process",
  write: true,
  input: ReplyInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, OPEN_FOR_WORK, "答复");
    if (order.status === "NEW") {
      await db.workOrder.update({ where: { id: order.id }, data: { status: "IN_PROGRESS", handlerUserId: actor.userId } });
    }
    await addEvent(db, order, "REPLIED", actor, { body: input.body });
    await notifyRequester(db, requesterOf(order), `您的工单 ${order.number} 有新的答复，请登录查看或拨打 12348。`, { number: order.number, workOrderId: order.id });
    return { number: order.number };
  },
});

async function handOver(db: Tx, actor: Actor, order: LockedOrder, toId: number, kind: "TRANSFERRED" | "ESCALATED" | "RETURNED", reason: string) {
  await db.workOrder.update({ where: { id: order.id }, data: { organizationId: toId, handlerUserId: null, status: order.status === "PAUSED" ? "PAUSED" : "NEW" } });
  await addEvent(db, order, kind, actor, { reason, from: order.organizationId, to: toId });
  const staff = await db.membership.findMany({ where: { organizationId: toId, role: { in: ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"] } }, select: { userId: true } });
  for (const s of staff) {
    await enqueueNotification(db, { channel: "IN_APP", recipientUserId: s.userId, body: `收到${order.organization.name}${kind === "ESCALATED" ? "上报" : kind === "RETURNED" ? "退回" : "转来"}的工单 ${order.number}。`, link: `/staff/work-orders/${order.number}`, workOrderId: order.id });
  }
}

/** 转办: to a sibling service point (same parent). */
export const transferWorkOrder = defineUseCase({
  name: "workOrder.transfer",
  permission: "workOrder.process",
  write: true,
  input: TransferInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, ["NEW", "IN_PROGRESS", "PAUSED", "REOPENED"], "转办");
    const to = await db.organization.findUnique({ where: { id: input.toOrganizationId }, select: { id: true, parentId: true } });
    if (!to || to.id === order.organizationId || to.parentId === null || to.parentId !== order.organization.parentId) {
      throw ruleViolation("只能转给同一上级下的其他网点", "toOrganizationId");
    }
    await handOver(db, actor, order, to.id, "TRANSFERRED", input.reason);
    return { number: order.number, organizationId: to.id };
  },
});

/** 上报: to the parent service point (room → station → centre). */
export const escalateWorkOrder = defineUseCase({
  name: "workOrder.escalate",
  permission: "workOrder.process",
  write: true,
  input: EscalateInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, ["NEW", "IN_PROGRESS", "PAUSED", "REOPENED"], "上报");
    if (!order.organization.parentId) throw ruleViolation("本网点没有上级网点，不能上报", "_form");
    await handOver(db, actor, order, order.organization.parentId, "ESCALATED", input.reason);
    return { number: order.number, organizationId: order.organization.parentId };
  },
});

/** 退回: the receiving side hands it back down to one of its direct children. */
export const returnWorkOrder = defineUseCase({
  name: "workOrder.return",
  permission: "workOrder.process",
  write: true,
  input: ReturnInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, ["NEW", "IN_PROGRESS", "PAUSED", "REOPENED"], "退回");
    const to = await db.organization.findUnique({ where: { id: input.toOrganizationId }, select: { id: true, parentId: true } });
    if (!to || to.parentId !== order.organizationId) throw ruleViolation("只能退回给本网点的直接下级网点", "toOrganizationId");
    await handOver(db, actor, order, to.id, "RETURNED", input.reason);
    return { number: order.number, organizationId: to.id };
  },
});

/**
 * Stops the order's clock: PAUSED from now, with a pause row giving the reason. The caller writes
 * the timeline event (a plain pause, or a legal-aid 一次性告知 that is itself the pause's record).
 */
export async function pauseOrder(
  db: Tx,
  actor: Pick<Actor, "userId">,
  order: Pick<LockedOrder, "id" | "handlerUserId">,
  reason: string,
  now = new Date(),
) {
  await db.workOrder.update({ where: { id: order.id }, data: { status: "PAUSED", pausedAt: now, handlerUserId: order.handlerUserId ?? actor.userId } });
  await db.workOrderPause.create({ data: { workOrderId: order.id, startedAt: now, reason: reason.slice(0, 500) } });
}

/** 暂停计时: waiting on the requester (e.g. missing materials); the deadline stops. */
export const pauseWorkOrder = defineUseCase({
  name: "workOrder.pause",
  permission: "workOrder.process",
  write: true,
  input: PauseInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, ["NEW", "IN_PROGRESS", "REOPENED"], "暂停计时");
    await pauseOrder(db, actor, order, input.reason);
    await addEvent(db, order, "PAUSED", actor, { reason: input.reason });
    await notifyRequester(db, requesterOf(order), `您的工单 ${order.number} 需要补充：${input.reason.slice(0, 60)}。补充后继续办理。`, { number: order.number, workOrderId: order.id });
    return { number: order.number };
  },
});

/**
 * Ends a pause and moves the deadline by the time spent waiting. Shared by staff resume, the
 * requester's reply and the legal-aid steps (whose own event records the restart: `event: false`).
 */
export async function resumeOrder(
  db: Tx,
  actor: Pick<Actor, "userId" | "name">,
  order: Pick<LockedOrder, "id" | "type" | "status" | "pausedAt" | "dueAt">,
  reason: string | null,
  now = new Date(),
  { event = true } = {},
) {
  if (order.status !== "PAUSED" || !order.pausedAt) return order.dueAt;
  const [rule, calendar] = await Promise.all([loadRule(db, order.type), loadWorkingCalendar(db)]);
  const due = extendForPause(calendar, order.dueAt, order.pausedAt, now, rule.limitUnit);
  await db.workOrder.update({ where: { id: order.id }, data: { status: "IN_PROGRESS", pausedAt: null, dueAt: due } });
  await db.workOrderPause.updateMany({ where: { workOrderId: order.id, endedAt: null }, data: { endedAt: now } });
  if (event) await addEvent(db, order, "RESUMED", actor, { reason });
  return due;
}

export const resumeWorkOrder = defineUseCase({
  name: "workOrder.resume",
  permission: "workOrder.process",
  write: true,
  input: ResumeInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, ["PAUSED"], "恢复计时");
    const due = await resumeOrder(db, actor, order, input.reason ?? null);
    return { number: order.number, dueAt: due.toISOString() };
  },
});

/** The requester adds information (their reply); a paused clock resumes. */
export const addRequesterMessage = defineUseCase({
  name: "workOrder.requesterMessage",
  permission: "workOrder.submit",
  write: true,
  input: RequesterMessageInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, ["NEW", "IN_PROGRESS", "PAUSED", "REOPENED"], "补充材料");
    await addEvent(db, order, "REQUESTER_MESSAGE", actor, { body: input.body });
    await resumeOrder(db, actor, order, "群众已补充");
    return { number: order.number };
  },
});

const RATING_LINK_DAYS = 30;

/** 办结: with a result summary; the requester is told and asked to rate (a one-time link by SMS without an account). */
export const closeWorkOrder = defineUseCase({
  name: "workOrder.close",
  permission: "workOrder.process",
  write: true,
  input: CloseInput,
  target: (i) => ({ type: "WorkOrder", id: i.number }),
  async run({ db, actor, input }) {
    const order = await lockOrder(db, actor, input.number);
    requireStatus(order, OPEN_FOR_WORK, "办结");
    const now = new Date();
    await db.workOrder.update({
      where: { id: order.id },
      data: { status: "CLOSED", closedAt: now, resultSummary: input.resultSummary, closedOnTime: now <= order.dueAt, handlerUserId: order.handlerUserId ?? actor.userId },
    });
    await addEvent(db, order, "CLOSED", actor, { body: input.resultSummary });
    await db.workOrderFollowUp.updateMany({ where: { workOrderId: order.id, kind: "RECTIFICATION", doneAt: null }, data: { doneAt: now, doneByUserId: actor.userId, result: input.resultSummary.slice(0, 1000) } });
    const round = await db.workOrderEvent.count({ where: { workOrderId: order.id, kind: "CLOSED" } });
    if (order.requesterUserId) {
      await enqueueNotification(db, { channel: "IN_APP", recipientUserId: order.requesterUserId, body: `您的工单 ${order.number} 已办结，请对本次服务进行评价。`, link: `/resident/work-orders/${order.number}`, workOrderId: order.id });
    } else {
      const token = randomBytes(18).toString("base64url");
      await db.ratingToken.create({ data: { tokenHash: hashToken(token), workOrderId: order.id, round, expiresAt: new Date(now.getTime() + RATING_LINK_DAYS * 86_400_000) } });
      await enqueueNotification(db, { channel: "SMS", recipientPhone: order.requesterPhone, body: `您的工单 ${order.number} 已办结，请点击链接评价：${env().PUBLIC_BASE_URL}/rate/${token}`, link: `/rate/${token}`, workOrderId: order.id });
    }
    return { number: order.number, closedOnTime: now <= order.dueAt };
  },
});

/**
 * Closes an order whose case record (legal aid, mediation) ended the order's part: `closedOnTime`
 * feeds the on-time indicator, a running pause ends with it. The caller holds the order's lock.
 */
export async function closeOrderForCase(
  db: Tx,
  order: { id: number; dueAt: Date; handlerUserId: number | null },
  actor: Pick<Actor, "userId">,
  resultSummary: string,
  now: Date,
) {
  await db.workOrder.update({
    where: { id: order.id },
    data: {
      status: "CLOSED", closedAt: now, pausedAt: null, closedOnTime: now <= order.dueAt, resultSummary: resultSummary.slice(0, 2000),
      handlerUserId: order.handlerUserId ?? actor.userId,
    },
  });
  await db.workOrderPause.updateMany({ where: { workOrderId: order.id, endedAt: null }, data: { endedAt: now } });
}
