import type { Prisma } from "@/lib/generated/prisma/client";
import type { MediationStatus, WorkOrderEventKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { mediationScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { addEvent, closeOrderForCase } from "@/lib/work-orders/process";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { MEDIATION_STATUS_LABELS } from "@/lib/mediation/labels";

// The shared core of every step on a mediation case: find it in the actor's scope and lock it (its
// work order row, the lock every work-order step takes), check the status allows the step, write
// the step into the order's timeline (one history for the parties and the committee) and tell the
// parties. Mirrors lib/legal-aid/case.ts.

const caseSelect = {
  id: true, status: true, source: true, category: true, mediatorUserId: true, assignedAt: true, extendedDays: true,
  endedAt: true, agreementSignedOn: true, performanceDueOn: true, confirmationDueOn: true, referralDeadline: true,
  workOrder: {
    select: {
      id: true, number: true, status: true, dueAt: true, pausedAt: true, createdAt: true, type: true, handlerUserId: true,
      requesterUserId: true, requesterPhone: true, organizationId: true, regionId: true,
      organization: { select: { id: true, name: true, parentId: true, tier: true } },
    },
  },
} satisfies Prisma.MediationCaseSelect;
export type LockedMediation = Prisma.MediationCaseGetPayload<{ select: typeof caseSelect }>;

/** The case by its work-order number if it is in the actor's scope (lib/auth/scope.ts), locked until the transaction ends. */
export async function lockMediation(db: Tx, actor: Actor, number: string): Promise<LockedMediation> {
  const found = await db.mediationCase.findFirst({
    where: { AND: [{ workOrder: { number } }, mediationScope(actor)] },
    select: { id: true, workOrderId: true },
  });
  if (!found) throw notFound("调解案件");
  await db.$queryRaw`SELECT 1 FROM "WorkOrder" WHERE "id" = ${found.workOrderId} FOR UPDATE`;
  return db.mediationCase.findUniqueOrThrow({ where: { id: found.id }, select: caseSelect });
}

/** The case by id, locked, with no actor scope: for the system's own steps (jobs) whose authority the caller checked. */
export async function lockMediationById(db: Tx, caseId: number): Promise<LockedMediation | null> {
  const found = await db.mediationCase.findUnique({ where: { id: caseId }, select: { workOrderId: true } });
  if (!found) return null;
  await db.$queryRaw`SELECT 1 FROM "WorkOrder" WHERE "id" = ${found.workOrderId} FOR UPDATE`;
  return db.mediationCase.findUniqueOrThrow({ where: { id: caseId }, select: caseSelect });
}

export function requireMediationStatus(c: LockedMediation, allowed: MediationStatus[], doing: string) {
  if (!allowed.includes(c.status)) {
    throw ruleViolation(`案件当前状态为「${MEDIATION_STATUS_LABELS[c.status]}」，不能${doing}`, "_form");
  }
}

/** Appends the step to the order's timeline. */
export function addMediationEvent(
  db: Tx,
  c: LockedMediation,
  kind: WorkOrderEventKind,
  actor: Pick<Actor, "userId" | "name"> | null,
  extra: { reason?: string | null; body?: string | null } = {},
) {
  return addEvent(db, { id: c.workOrder.id }, kind, actor, extra);
}

export const partyLink = (number: string) => `/resident/mediation/${number}`;
export const committeeLink = (number: string) => `/staff/mediation/${number}`;

/**
 * Tells every party: in-app (with a link to the case) when the party has an account, else by SMS
 * to the phone given (the outbox refuses anything shaped like an ID number). Parties without a
 * phone (a company without a contact) are told by the committee in person.
 */
export async function notifyParties(db: Tx, c: LockedMediation, body: string) {
  const parties = await db.mediationParty.findMany({ where: { caseId: c.id }, select: { userId: true, phone: true } });
  const sent = new Set<string>();
  for (const p of parties) {
    const key = p.userId ? `u${p.userId}` : p.phone ? `p${p.phone}` : null;
    if (!key || sent.has(key)) continue;
    sent.add(key);
    if (p.userId) {
      await enqueueNotification(db, { channel: "IN_APP", recipientUserId: p.userId, body, link: partyLink(c.workOrder.number), workOrderId: c.workOrder.id });
    } else if (p.phone && /^1\d{10}$/.test(p.phone)) {
      // SMS only to a mobile number; a landline party is told by the committee by phone
      await enqueueNotification(db, { channel: "SMS", recipientPhone: p.phone, body, workOrderId: c.workOrder.id });
    }
  }
}

/** Tells the committee's people (staff and mediators of the organization that holds the case). */
export async function notifyCommittee(db: Tx, c: LockedMediation, body: string) {
  const people = await db.membership.findMany({
    where: { organizationId: c.workOrder.organizationId, role: { in: ["STAFF", "MEDIATOR"] } },
    select: { userId: true },
  });
  for (const p of new Set(people.map((x) => x.userId))) {
    await enqueueNotification(db, { channel: "IN_APP", recipientUserId: p, body, link: committeeLink(c.workOrder.number), workOrderId: c.workOrder.id });
  }
}

/**
 * Closes the case's work order when the mediation ends (success, failure, withdrawal, refusal):
 * `closedOnTime` feeds the on-time indicator. The case record goes on (confirmation, follow-up).
 */
export async function closeMediationOrder(db: Tx, c: LockedMediation, actor: Pick<Actor, "userId">, resultSummary: string, now = new Date()) {
  await closeOrderForCase(db, c.workOrder, actor, resultSummary, now);
}

/**
 * Whether the person is in the case team: the committee holding it (its organization's people), the
 * mediator and the co-mediators. Outside it (a parent tier reading through its subtree), parties'
 * phones and ID numbers are masked.
 */
export async function inCaseTeam(db: Tx, actor: Actor, caseId: number, organizationId: number): Promise<boolean> {
  if (!actor.userId) return false;
  if (actor.organizationId === organizationId) return true;
  const c = await db.mediationCase.findUnique({ where: { id: caseId }, select: { mediatorUserId: true, participants: { where: { userId: actor.userId }, select: { id: true } } } });
  return !!c && (c.mediatorUserId === actor.userId || c.participants.length > 0);
}
