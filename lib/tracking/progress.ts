import type { DeadlineUnit } from "@/lib/generated/prisma/enums";
import { defineUseCase, type UseCaseResult } from "@/lib/api/use-case";
import { AppError } from "@/lib/errors";
import { loadLegalAidLimits } from "@/lib/legal-aid/case";
import { OPEN_MEDIATION_STATUSES } from "@/lib/mediation/labels";
import { dueState, type DueState } from "@/lib/work-orders/deadlines";
import { OPEN_STATUSES } from "@/lib/work-orders/labels";
import { verifyGrant } from "@/lib/tracking/grant";
import { TrackedProgressInput } from "@/lib/tracking/schemas";

// What 查进度 shows someone who proved only that they hold the phone on record: where the request
// is, by when, and which service point has it. Deliberately less than the account pages: no names
// (theirs, the other side's, staff's or the lawyer's), no ID numbers, addresses, subjects or
// descriptions, and no free text of the timeline (replies, reasons, notes may name people). The
// steps keep their kind, time and the service points involved, which are public.

export type Deadline = {
  /** 办理期限, 审查决定期限, 补充材料截止, 指派律师期限, 调解期限 */
  label: string;
  at: string;
  state: DueState;
  /** how it is counted: working days, natural days or hours */
  basis: DeadlineUnit;
  /** the clock stands still while the requester is asked for more (暂停计时) */
  paused: boolean;
};

export const getTrackedProgress = defineUseCase({
  name: "progress.read",
  permission: "progress.lookup",
  write: false,
  input: TrackedProgressInput,
  async run({ db, input }) {
    const grant = verifyGrant(input.grant, input.number);
    if (!grant) throw new AppError("NOT_FOUND", "查询已过期，请重新验证手机号");

    const order = await db.workOrder.findUnique({
      where: { number: input.number },
      select: {
        type: true, status: true, createdAt: true, dueAt: true, closedAt: true,
        organization: { select: { name: true, phone: true, address: true, openingHours: true } },
        legalAid: { select: { status: true, materialsDueAt: true, assignDueAt: true, decidedAt: true, assignedAt: true, closedAt: true, terminatedAt: true, withdrawnAt: true } },
        mediation: { select: { status: true, extendedDays: true, endedAt: true } },
        events: { orderBy: { id: "asc" }, select: { id: true, at: true, kind: true, fromOrganizationId: true, toOrganizationId: true } },
      },
    });
    if (!order) throw new AppError("NOT_FOUND", "没有找到这个编号的办理记录");

    const now = new Date();
    const [rule, aidLimits] = await Promise.all([
      db.workOrderTypeRule.findUnique({ where: { type: order.type }, select: { limitUnit: true, dueSoonHours: true } }),
      order.legalAid ? loadLegalAidLimits(db) : null,
    ]);
    const soonHours = rule?.dueSoonHours ?? 24;
    const orderBasis: DeadlineUnit = rule?.limitUnit ?? "WORKING_DAYS";
    const paused = order.status === "PAUSED";
    // The order's own clock pauses while waiting on the requester; a deadline set for the requester does not.
    const deadline = (label: string, at: Date, basis: DeadlineUnit, ownClock = true): Deadline => ({
      label, at: at.toISOString(), state: dueState(at, now, soonHours), basis, paused: ownClock && paused,
    });

    const deadlines: Deadline[] = [];
    let open: boolean;
    let ended: { label: string; at: string } | null = null;
    const aid = order.legalAid;
    const med = order.mediation;
    if (aid) {
      const basis = aidLimits?.dayBasis ?? "WORKING_DAYS";
      open = !["REFUSED", "WITHDRAWN", "CLOSED", "ARCHIVED", "TERMINATED"].includes(aid.status);
      // The decision limit is the order's due time (LEGAL_AID rule); later limits are the case's own.
      if (aid.status === "SUBMITTED") deadlines.push(deadline("审查决定期限", order.dueAt, orderBasis));
      if (aid.status === "MATERIALS_REQUESTED" && aid.materialsDueAt) deadlines.push(deadline("补充材料截止", aid.materialsDueAt, basis, false));
      if (aid.status === "APPROVED" && aid.assignDueAt) deadlines.push(deadline("指派律师期限", aid.assignDueAt, basis));
      const end = aid.closedAt ?? aid.terminatedAt ?? aid.withdrawnAt ?? (aid.status === "REFUSED" ? aid.decidedAt : null);
      if (end && !open) ended = { label: aid.status === "REFUSED" ? "作出决定时间" : "结束时间", at: end.toISOString() };
    } else if (med) {
      open = OPEN_MEDIATION_STATUSES.includes(med.status);
      if (open) deadlines.push(deadline("调解期限", order.dueAt, orderBasis));
      if (!open && med.endedAt) ended = { label: "结束时间", at: med.endedAt.toISOString() };
    } else {
      open = OPEN_STATUSES.includes(order.status);
      if (open) deadlines.push(deadline("办理期限", order.dueAt, orderBasis));
      if (!open && order.closedAt) ended = { label: "办结时间", at: order.closedAt.toISOString() };
    }

    const orgIds = [...new Set(order.events.flatMap((e) => [e.fromOrganizationId, e.toOrganizationId]).filter((x): x is number => x !== null))];
    const orgs = orgIds.length ? await db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [];
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));

    return {
      number: input.number,
      maskedPhone: grant.maskedPhone,
      grantExpiresAt: grant.expiresAt.toISOString(),
      type: order.type,
      kind: aid ? ("LEGAL_AID" as const) : med ? ("MEDIATION" as const) : ("WORK_ORDER" as const),
      orderStatus: order.status,
      legalAidStatus: aid?.status ?? null,
      mediationStatus: med?.status ?? null,
      extendedDays: med?.extendedDays ?? 0,
      submittedAt: order.createdAt.toISOString(),
      open,
      deadlines,
      ended,
      /** the service point that has it now: public contact details only */
      servicePoint: order.organization,
      /** in the format of components/work-orders/timeline, stripped of names and free text */
      events: order.events.map((e) => ({
        id: String(e.id),
        at: e.at.toISOString(),
        kind: e.kind,
        actorName: null,
        reason: null,
        body: null,
        from: e.fromOrganizationId ? orgName.get(e.fromOrganizationId) ?? null : null,
        to: e.toOrganizationId ? orgName.get(e.toOrganizationId) ?? null : null,
      })),
    };
  },
});

export type TrackedProgress = UseCaseResult<typeof getTrackedProgress>;
