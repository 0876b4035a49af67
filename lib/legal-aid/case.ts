import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeadlineUnit, LegalAidStatus, WorkOrderEventKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { legalAidScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { computeDueAt } from "@/lib/work-orders/deadlines";
import { addEvent, closeOrderForCase } from "@/lib/work-orders/process";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { LEGAL_AID_STATUS_LABELS } from "@/lib/legal-aid/labels";

// The shared core of every step on a legal-aid case after it was submitted: find the case in the
// actor's scope and lock it, check the status allows the step, compute the next legal deadline on
// the working-day calendar, write the step into the order's timeline and tell the applicant.

const caseSelect = {
  id: true, status: true, applicantUserId: true, applicantName: true, applicantPhone: true, opposingParty: true,
  matterCategory: true, urgentDeadline: true, greenChannel: true, lawyerUserId: true, assignDueAt: true,
  materialsRequestedAt: true, materialsDueAt: true, closedAt: true, terminatedAt: true,
  satisfaction: true, qualityGrade: true, advanceAidAt: true, decidedAt: true, poolOpenedAt: true, poolClosedAt: true,
  workOrder: {
    select: {
      id: true, number: true, status: true, dueAt: true, pausedAt: true, createdAt: true, type: true, handlerUserId: true,
      requesterUserId: true, requesterPhone: true, organizationId: true, regionId: true,
      organization: { select: { id: true, name: true, parentId: true } },
    },
  },
} satisfies Prisma.LegalAidApplicationSelect;
export type LockedCase = Prisma.LegalAidApplicationGetPayload<{ select: typeof caseSelect }>;

/**
 * The case by its work-order number if it is in the actor's legal-aid scope (lib/auth/scope.ts),
 * locked (its work order row, the lock every work-order step takes) until the transaction ends.
 */
export async function lockCase(db: Tx, actor: Actor, number: string): Promise<LockedCase> {
  const found = await db.legalAidApplication.findFirst({
    where: { AND: [{ workOrder: { number } }, legalAidScope(actor)] },
    select: { id: true, workOrderId: true },
  });
  if (!found) throw notFound("法律援助案件");
  await db.$queryRaw`SELECT 1 FROM "WorkOrder" WHERE "id" = ${found.workOrderId} FOR UPDATE`;
  return db.legalAidApplication.findUniqueOrThrow({ where: { id: found.id }, select: caseSelect });
}

/**
 * The case by its id, locked like lockCase, with no actor scope: for the system's own steps (the
 * offer chain after a decline or an expiry, a suspension's withdrawn offers) whose authority was
 * checked by the caller. Null when the case does not exist.
 */
export async function lockCaseById(db: Tx, applicationId: number): Promise<LockedCase | null> {
  const found = await db.legalAidApplication.findUnique({ where: { id: applicationId }, select: { workOrderId: true } });
  if (!found) return null;
  await db.$queryRaw`SELECT 1 FROM "WorkOrder" WHERE "id" = ${found.workOrderId} FOR UPDATE`;
  return db.legalAidApplication.findUniqueOrThrow({ where: { id: applicationId }, select: caseSelect });
}

export function requireCaseStatus(c: LockedCase, allowed: LegalAidStatus[], doing: string) {
  if (!allowed.includes(c.status)) {
    throw ruleViolation(`案件当前状态为「${LEGAL_AID_STATUS_LABELS[c.status]}」，不能${doing}`, "_form");
  }
}

/** For the applicant's own steps: the resident must be the applicant (an agent applies from their own account). */
export function requireApplicant(c: LockedCase, actor: Actor) {
  if (!actor.userId || (c.applicantUserId !== actor.userId && c.workOrder.requesterUserId !== actor.userId)) {
    throw notFound("法律援助案件");
  }
}

/** For the lawyer's steps: only the lawyer currently assigned. */
export function requireAssignedLawyer(c: LockedCase, actor: Actor) {
  if (!actor.userId || c.lawyerUserId !== actor.userId) throw notFound("法律援助案件");
}

export type LegalAidLimits = {
  dayBasis: DeadlineUnit;
  assignDays: number;
  materialsDays: number;
  objectionDays: number;
  closingMaterialsDays: number;
  /** 点援制: hours a chosen lawyer has to accept an offer, and how many lawyers an applicant may rank */
  offerHours: number;
  maxChoices: number;
  /** after approval the applicant may (re)choose for this many hours; null: until the assignment deadline */
  choiceHours: number | null;
};

/** The configured limits (one row, seeded by the migration with the defaults). */
export async function loadLegalAidLimits(db: Tx): Promise<LegalAidLimits> {
  const rule = await db.legalAidRule.findUnique({ where: { id: 1 } });
  return rule ?? { dayBasis: "WORKING_DAYS", assignDays: 3, materialsDays: 15, objectionDays: 5, closingMaterialsDays: 15, offerHours: 24, maxChoices: 3, choiceHours: null };
}

/** The end of the `days`-th working (or natural, per the rule) day after `from`. */
export async function dueAfter(db: Tx, from: Date, days: number, basis: DeadlineUnit): Promise<Date> {
  return computeDueAt(await loadWorkingCalendar(db), from, { limitValue: days, limitUnit: basis === "HOURS" ? "WORKING_DAYS" : basis });
}

/** Appends the step to the order's timeline (the applicant and the staff read one history). */
export function addCaseEvent(
  db: Tx,
  c: LockedCase,
  kind: WorkOrderEventKind,
  actor: Pick<Actor, "userId" | "name"> | null,
  extra: { reason?: string | null; body?: string | null } = {},
) {
  return addEvent(db, { id: c.workOrder.id }, kind, actor, extra);
}

export const applicantLink = (number: string) => `/resident/legal-aid/${number}`;
export const officerLink = (number: string) => `/staff/legal-aid/${number}`;
export const lawyerLink = (number: string) => `/lawyer/legal-aid/${number}`;

/** Tells the applicant: in-app with a link to the case when they have an account, else by SMS (with the number for 12348). */
export async function notifyApplicant(db: Tx, c: LockedCase, body: string) {
  const userId = c.applicantUserId ?? c.workOrder.requesterUserId;
  if (userId) {
    await enqueueNotification(db, { channel: "IN_APP", recipientUserId: userId, body, link: applicantLink(c.workOrder.number), workOrderId: c.workOrder.id });
  } else {
    await enqueueNotification(db, { channel: "SMS", recipientPhone: c.applicantPhone, body, workOrderId: c.workOrder.id });
  }
}

/** Tells the legal-aid officers of the deciding centre (in-app). */
export async function notifyOfficers(db: Tx, c: LockedCase, body: string) {
  const officers = await db.membership.findMany({
    where: { organizationId: c.workOrder.organizationId, role: "LEGAL_AID_OFFICER" },
    select: { userId: true },
  });
  for (const o of officers) {
    await enqueueNotification(db, { channel: "IN_APP", recipientUserId: o.userId, body, link: officerLink(c.workOrder.number), workOrderId: c.workOrder.id });
  }
}

/** Tells the assigned lawyer (in-app). */
export async function notifyLawyer(db: Tx, c: LockedCase, lawyerUserId: number, body: string) {
  await enqueueNotification(db, { channel: "IN_APP", recipientUserId: lawyerUserId, body, link: lawyerLink(c.workOrder.number), workOrderId: c.workOrder.id });
}

/**
 * Closes the application's work order: the centre's part (受理 → 审查 → 指派, or a refusal or
 * withdrawal) is done. `closedOnTime` feeds the on-time indicator. The case record goes on.
 */
export async function closeCaseOrder(db: Tx, c: LockedCase, actor: Pick<Actor, "userId">, resultSummary: string, now = new Date()) {
  await closeOrderForCase(db, c.workOrder, actor, resultSummary, now);
}
