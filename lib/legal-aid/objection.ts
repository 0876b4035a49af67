import { z } from "zod";
import { textBetween } from "@/lib/validation";
import { ObjectionOutcome } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { legalAidScope } from "@/lib/auth/scope";
import { ruleViolation } from "@/lib/errors";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { computeDueAt, dueState } from "@/lib/work-orders/deadlines";
import { loadRule } from "@/lib/work-orders/routing";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { matterCategoryLabel, OBJECTION_OUTCOME_LABELS } from "@/lib/legal-aid/labels";
import { chineseDate } from "@/lib/calendar/chinese-date";
import { daysText } from "@/lib/legal-aid/review";
import {
  addCaseEvent, dueAfter, loadLegalAidLimits, lockCase, notifyApplicant, notifyOfficers, requireApplicant, requireCaseStatus, type LockedCase,
} from "@/lib/legal-aid/case";

// 异议 (法律援助法 Art. 49): an applicant refused legal aid may object to the justice bureau that
// set up the centre; the bureau decides within the objection limit (5 working days by default) to
// uphold the refusal or order the centre to correct it — which sends the application back to review.


export const FileObjectionInput = z.object({ number: WorkOrderNumber, reason: textBetween(10, 2000, "异议理由") });
export const DecideObjectionInput = z.object({
  number: WorkOrderNumber,
  outcome: z.enum(ObjectionOutcome, { error: "请选择审查结果" }),
  note: textBetween(4, 1000, "审查意见"),
});

export const LEADER_OBJECTIONS_LINK = "/leader/legal-aid";

/** The justice-bureau leaders over the case's area: LEADER memberships on the order's region or any region above it. */
async function notifyLeaders(db: Tx, c: LockedCase, body: string) {
  const region = await db.region.findUniqueOrThrow({ where: { id: c.workOrder.regionId }, select: { path: true } });
  const codes = region.path.split("/").filter(Boolean);
  const leaders = await db.membership.findMany({ where: { role: "LEADER", region: { code: { in: codes } } }, select: { userId: true } });
  for (const userId of new Set(leaders.map((l) => l.userId))) {
    await enqueueNotification(db, { channel: "IN_APP", recipientUserId: userId, body, link: LEADER_OBJECTIONS_LINK, workOrderId: c.workOrder.id });
  }
}

/** 提出异议: against the current refusal, once. */
export const fileObjection = defineUseCase({
  name: "legalAid.fileObjection",
  permission: "legalAid.object",
  write: true,
  input: FileObjectionInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireApplicant(c, actor);
    requireCaseStatus(c, ["REFUSED"], "提出异议");
    // One objection per refusal: a refusal made again after a correction may be objected to anew.
    const already = await db.legalAidObjection.count({ where: { applicationId: c.id, filedAt: { gte: c.decidedAt ?? new Date(0) } } });
    if (already) throw ruleViolation("您已对本次不予法律援助的决定提出过异议，不能重复提出；请等待司法行政部门的审查决定", "_form");
    const now = new Date();
    const limits = await loadLegalAidLimits(db);
    const dueAt = await dueAfter(db, now, limits.objectionDays, limits.dayBasis);
    const objection = await db.legalAidObjection.create({ data: { applicationId: c.id, filedAt: now, reason: input.reason, dueAt } });
    await addCaseEvent(db, c, "OBJECTED", actor, { body: input.reason });
    await notifyLeaders(
      db,
      c,
      `法律援助申请 ${c.workOrder.number}（${c.workOrder.organization.name}）的申请人对不予法律援助的决定提出异议，请于 ${chineseDate(dueAt)} 前审查决定。`,
    );
    await notifyApplicant(
      db,
      c,
      `已收到您对法律援助申请 ${c.workOrder.number} 提出的异议，司法行政部门将在 ${daysText(limits.objectionDays, limits.dayBasis)}内（${chineseDate(dueAt)} 前）作出决定。`,
    );
    return { number: c.workOrder.number, objectionId: objection.id, dueAt: dueAt.toISOString() };
  },
});

/**
 * 异议审查: the bureau upholds the refusal, or orders the centre to correct it — then the
 * application is back in review with a fresh decision deadline (the LEGAL_AID work-order rule)
 * and its work order reopens.
 */
export const decideObjection = defineUseCase({
  name: "legalAid.decideObjection",
  permission: "legalAid.decideObjection",
  write: true,
  input: DecideObjectionInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    const open = await db.legalAidObjection.findFirst({ where: { applicationId: c.id, decidedAt: null }, orderBy: { id: "desc" } });
    if (!open) throw ruleViolation("本案没有待审查的异议", "_form");
    requireCaseStatus(c, ["REFUSED"], "审查异议");
    const now = new Date();
    await db.legalAidObjection.update({
      where: { id: open.id },
      data: { decidedAt: now, outcome: input.outcome, decisionNote: input.note, decidedByUserId: actor.userId },
    });
    let decisionDueAt: Date | null = null;
    if (input.outcome === "CORRECTED") {
      const [rule, calendar] = await Promise.all([loadRule(db, "LEGAL_AID"), loadWorkingCalendar(db)]);
      decisionDueAt = computeDueAt(calendar, now, rule);
      await db.legalAidApplication.update({
        where: { id: c.id },
        data: { status: "SUBMITTED", decidedAt: null, decidedByUserId: null, decisionReason: null, decidedOnTime: null },
      });
      await db.workOrder.update({
        where: { id: c.workOrder.id },
        data: { status: "REOPENED", closedAt: null, closedOnTime: null, resultSummary: null, pausedAt: null, dueAt: decisionDueAt, overdueEscalatedAt: null },
      });
    }
    await addCaseEvent(db, c, "OBJECTION_DECIDED", actor, { reason: OBJECTION_OUTCOME_LABELS[input.outcome], body: input.note });
    const n = c.workOrder.number;
    if (input.outcome === "UPHELD") {
      await notifyApplicant(db, c, `司法行政部门对您就法律援助申请 ${n} 提出的异议作出决定：维持不予法律援助的决定。如不服，可以依法申请行政复议或者提起行政诉讼。`);
      await notifyOfficers(db, c, `司法行政部门维持了对法律援助申请 ${n} 不予法律援助的决定。`);
    } else {
      await notifyApplicant(db, c, `司法行政部门对您就法律援助申请 ${n} 提出的异议作出决定：责令法律援助机构改正。您的申请将重新审查。`);
      await notifyOfficers(db, c, `司法行政部门责令改正法律援助申请 ${n} 的不予援助决定，请重新审查，审查期限至 ${chineseDate(decisionDueAt!)}。`);
    }
    return { number: n, outcome: input.outcome, decisionDueAt: decisionDueAt?.toISOString() ?? null };
  },
});

const DECIDED_SHOWN = 20;

/** 异议审查 for the leader: open objections in their region by deadline, then the latest decided ones. */
export const listObjections = defineUseCase({
  name: "legalAid.objections",
  permission: "legalAid.decideObjection",
  write: false,
  input: z.object({}),
  // not a masked list: it is where the leader reads each objection in full (applicant, facts, reasons)
  audit: "view",
  async run({ db, actor }) {
    const select = {
      id: true, filedAt: true, reason: true, dueAt: true, decidedAt: true, outcome: true, decisionNote: true, decidedByUserId: true,
      application: {
        select: {
          status: true, applicantName: true, matterCategory: true, facts: true, opposingParty: true,
          workOrder: { select: { id: true, number: true, organization: { select: { name: true } } } },
        },
      },
    } as const;
    const where = { application: legalAidScope(actor) };
    const [open, decided] = await Promise.all([
      db.legalAidObjection.findMany({ where: { ...where, decidedAt: null }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: 500, select }),
      db.legalAidObjection.findMany({ where: { ...where, decidedAt: { not: null } }, orderBy: [{ decidedAt: "desc" }, { id: "desc" }], take: DECIDED_SHOWN, select }),
    ]);
    const rows = [...open, ...decided];
    // The refusal objected to is the last REFUSED event before the objection: the case's own
    // decisionReason is cleared when a correction reopens the review.
    const refusals = rows.length
      ? await db.workOrderEvent.findMany({
          where: { kind: "REFUSED", workOrderId: { in: [...new Set(rows.map((r) => r.application.workOrder.id))] } },
          orderBy: { id: "asc" },
          select: { workOrderId: true, at: true, body: true },
        })
      : [];
    const deciderIds = [...new Set(rows.map((r) => r.decidedByUserId).filter((x): x is number => x !== null))];
    const deciders = new Map(
      deciderIds.length ? (await db.user.findMany({ where: { id: { in: deciderIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]) : [],
    );
    const now = new Date();
    return rows.map((o) => {
      const refusal = refusals.filter((e) => e.workOrderId === o.application.workOrder.id && e.at <= o.filedAt).at(-1);
      return {
        id: o.id,
        number: o.application.workOrder.number,
        centre: o.application.workOrder.organization.name,
        caseStatus: o.application.status,
        applicantName: o.application.applicantName,
        category: matterCategoryLabel(o.application.matterCategory),
        facts: o.application.facts,
        opposingParty: o.application.opposingParty,
        refusalReasons: refusal?.body ?? null,
        refusedAt: refusal?.at.toISOString() ?? null,
        reason: o.reason,
        filedAt: o.filedAt.toISOString(),
        dueAt: o.dueAt.toISOString(),
        dueState: o.decidedAt ? ("ok" as const) : dueState(o.dueAt, now, 24),
        decidedAt: o.decidedAt?.toISOString() ?? null,
        outcome: o.outcome,
        decisionNote: o.decisionNote,
        decidedBy: o.decidedByUserId ? deciders.get(o.decidedByUserId) ?? null : null,
      };
    });
  },
});
