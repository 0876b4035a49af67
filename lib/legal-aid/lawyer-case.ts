import { z } from "zod";
import { LegalAidOutcome } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { legalAidScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { decryptField } from "@/lib/crypto";
import { maskIdNumber } from "@/lib/identity/id-number";
import { fromDbDate, shanghaiDate, startOfShanghaiDay, toDbDate } from "@/lib/calendar/working-days";
import { Attachments, WorkOrderNumber } from "@/lib/work-orders/schemas";
import { checkAttachments, storeAttachments } from "@/lib/work-orders/attachments";
import { AID_FORM_LABELS } from "@/lib/legal-aid/application-schemas";
import {
  matterCategoryLabel, OUTCOME_LABELS, PROGRESS_KINDS, TERMINATION_REASONS, type ProgressKind, type TerminationReason,
} from "@/lib/legal-aid/labels";
import {
  addCaseEvent, dueAfter, loadLegalAidLimits, lockCase, notifyApplicant, notifyOfficers, requireAssignedLawyer, requireCaseStatus,
} from "@/lib/legal-aid/case";
import { lawyerRatings } from "@/lib/legal-aid/aftercare";
import { availableDocumentKinds } from "@/lib/legal-aid/documents";
import { pastDate, yuan } from "@/lib/legal-aid/step-inputs";
import { textBetween } from "@/lib/validation";

// 承办: the assigned lawyer's side of a legal-aid case — their list, the case file, progress notes,
// a termination request (Art. 48) and the closing (Art. 50). Lawyers see only the cases assigned
// to them now (legalAidScope); anyone else gets 404.

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const RECENT_DONE = 50;

/** 我的法律援助案件: in progress first (oldest assignment first), then the latest 50 finished ones. */
export const listMyCases = defineUseCase({
  name: "legalAid.myCases",
  permission: "legalAid.handle",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const select = {
      status: true, applicantName: true, matterCategory: true, aidForm: true, assignedAt: true, closingDueAt: true,
      closedAt: true, terminatedAt: true, archivedAt: true, greenChannel: true, urgentDeadline: true,
      workOrder: { select: { number: true } },
      requests: { where: { decidedAt: null }, select: { kind: true } },
    } as const;
    const scope = legalAidScope(actor);
    const [active, done] = await Promise.all([
      db.legalAidApplication.findMany({ where: { AND: [scope, { status: "ASSIGNED" }] }, orderBy: [{ assignedAt: "asc" }, { id: "asc" }], take: 500, select }),
      db.legalAidApplication.findMany({
        where: { AND: [scope, { status: { in: ["CLOSED", "TERMINATED", "ARCHIVED"] } }] },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        take: RECENT_DONE,
        select,
      }),
    ]);
    const item = (r: (typeof active)[number]) => ({
      number: r.workOrder.number,
      status: r.status,
      applicantName: r.applicantName,
      category: matterCategoryLabel(r.matterCategory),
      aidForm: AID_FORM_LABELS[r.aidForm],
      greenChannel: r.greenChannel,
      urgentDeadline: r.urgentDeadline ? fromDbDate(r.urgentDeadline) : null,
      assignedAt: r.assignedAt?.toISOString() ?? null,
      closingDueAt: r.closingDueAt?.toISOString() ?? null,
      endedAt: (r.closedAt ?? r.terminatedAt)?.toISOString() ?? null,
      openRequests: r.requests.map((q) => q.kind),
    });
    const rating = actor.userId ? (await lawyerRatings(db, [actor.userId])).get(actor.userId) ?? null : null;
    return { active: active.map(item), done: done.map(item), rating };
  },
});

/** The case file for the assigned lawyer: the applicant's contact (ID masked), the matter, the history and the materials. */
export const getLawyerCase = defineUseCase({
  name: "legalAid.lawyerCase",
  permission: "legalAid.handle",
  write: false,
  input: z.object({ number: WorkOrderNumber }),
  audit: "view",
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await db.legalAidApplication.findFirst({
      where: { AND: [{ workOrder: { number: input.number } }, legalAidScope(actor)] },
      include: {
        requests: { orderBy: { id: "asc" } },
        workOrder: {
          select: {
            number: true, createdAt: true,
            organization: { select: { name: true, phone: true, address: true } },
            region: { select: { name: true } },
            attachments: { orderBy: { id: "asc" }, select: { id: true, fileName: true, contentType: true, size: true, purpose: true, createdAt: true } },
            events: { orderBy: { id: "asc" } },
          },
        },
      },
    });
    if (!c) throw notFound("法律援助案件");
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const limits = await loadLegalAidLimits(db);
    return {
      number: c.workOrder.number,
      status: c.status,
      submittedAt: c.workOrder.createdAt.toISOString(),
      centre: c.workOrder.organization,
      region: c.workOrder.region.name,
      applicant: {
        name: c.applicantName,
        // the lawyer has to reach the recipient: the phone in full; the ID number stays masked
        phone: c.applicantPhone,
        idNumber: maskIdNumber(decryptField(c.applicantIdCipher)),
        address: c.applicantAddress,
      },
      agent: c.agentName ? { name: c.agentName, relation: c.agentRelation, phone: c.agentPhone } : null,
      matter: {
        kind: c.matterKind,
        category: matterCategoryLabel(c.matterCategory),
        facts: c.facts,
        opposingParty: c.opposingParty,
        authority: c.authority,
        urgentDeadline: c.urgentDeadline ? fromDbDate(c.urgentDeadline) : null,
      },
      aidForm: c.aidForm,
      aidFormLabel: AID_FORM_LABELS[c.aidForm],
      greenChannel: c.greenChannel,
      advanceAid: !!c.advanceAidAt,
      assignedAt: iso(c.assignedAt),
      /** closing materials are due this many (working or natural) days after the case ended */
      closingLimit: { days: limits.closingMaterialsDays, basis: limits.dayBasis },
      closing: {
        endedOn: c.caseEndedOn ? fromDbDate(c.caseEndedOn) : null,
        dueAt: iso(c.closingDueAt),
        closedAt: iso(c.closedAt),
        onTime: c.closingOnTime,
        outcome: c.outcome,
        summary: c.outcomeSummary,
        moneyRecovered: c.moneyRecovered?.toFixed(2) ?? null,
        feesWaived: c.feesWaived?.toFixed(2) ?? null,
      },
      termination: c.terminatedAt ? { at: c.terminatedAt.toISOString(), reason: c.terminationReason } : null,
      requests: c.requests.map((r) => ({
        id: r.id, kind: r.kind, reason: r.reason, detail: r.detail, filedAt: r.filedAt.toISOString(),
        decidedAt: iso(r.decidedAt), approved: r.approved, decisionNote: r.decisionNote,
      })),
      // the decision and the assignment notice; the materials notice is the applicant's business
      documents: availableDocumentKinds({ status: c.status, materialsRequestedAt: null, decidedAt: c.decidedAt, lawyerUserId: c.lawyerUserId, assignedAt: c.assignedAt }),
      attachments: c.workOrder.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
      events: c.workOrder.events.map((e) => ({
        id: String(e.id), at: e.at.toISOString(), kind: e.kind, actorName: e.actorName, reason: e.reason, body: e.body, from: null, to: null,
      })),
    };
  },
});

/** Steps on a case need it to be the lawyer's, and still in progress. */
async function lockMyCase(db: Tx, actor: Actor, number: string, doing: string) {
  const c = await lockCase(db, actor, number);
  requireAssignedLawyer(c, actor);
  requireCaseStatus(c, ["ASSIGNED"], doing);
  return c;
}

const notBeforeApplication = (day: string, submittedAt: Date, label: string, field: string) => {
  if (day < shanghaiDate(submittedAt)) throw ruleViolation(`${label}不能早于申请日期（${shanghaiDate(submittedAt)}）`, field);
};

export const AddProgressInput = z.object({
  number: WorkOrderNumber,
  kind: z.enum(keysOf(PROGRESS_KINDS), { error: "请选择进展类型" }),
  on: pastDate("进展日期"),
  note: textBetween(2, 1000, "进展情况"),
});

/** 办案进展: a meeting, an investigation, a filing, a hearing … on the case's timeline; the recipient is told. */
export const addProgress = defineUseCase({
  name: "legalAid.addProgress",
  permission: "legalAid.handle",
  write: true,
  input: AddProgressInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMyCase(db, actor, input.number, "记录办案进展");
    notBeforeApplication(input.on, c.workOrder.createdAt, "进展日期", "on");
    const label = PROGRESS_KINDS[input.kind as ProgressKind];
    await addCaseEvent(db, c, "CASE_PROGRESS", actor, { reason: label, body: `${input.on} ${input.note}` });
    await notifyApplicant(db, c, `您的法律援助案件 ${c.workOrder.number} 有新进展：${label}（${input.on}）。`);
    return { number: c.workOrder.number };
  },
});

export const RequestTerminationInput = z.object({
  number: WorkOrderNumber,
  reason: z.enum(keysOf(TERMINATION_REASONS), { error: "请选择终止的理由" }),
  detail: textBetween(4, 1000, "具体情况"),
});

/** 申请终止法律援助 (Art. 48): the lawyer asks; the centre decides (lib/legal-aid/aftercare.ts decideRequest). */
export const requestTermination = defineUseCase({
  name: "legalAid.requestTermination",
  permission: "legalAid.handle",
  write: true,
  input: RequestTerminationInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMyCase(db, actor, input.number, "申请终止法律援助");
    if (await db.legalAidRequest.count({ where: { applicationId: c.id, kind: "TERMINATION", decidedAt: null } })) {
      throw ruleViolation("已经申请终止法律援助，请等待法律援助中心处理", "_form");
    }
    const label = TERMINATION_REASONS[input.reason as TerminationReason];
    const request = await db.legalAidRequest.create({
      data: { applicationId: c.id, kind: "TERMINATION", reason: input.reason, detail: input.detail, filedByUserId: actor.userId },
    });
    await addCaseEvent(db, c, "TERMINATION_REQUESTED", actor, { reason: label, body: input.detail });
    await notifyOfficers(db, c, `承办律师申请终止案件 ${c.workOrder.number} 的法律援助（${label}），请审查处理。`);
    return { number: c.workOrder.number, requestId: request.id };
  },
});

export const CloseCaseInput = z.object({
  number: WorkOrderNumber,
  endedOn: pastDate("办结日期"),
  outcome: z.enum(LegalAidOutcome, { error: "请选择办理结果" }),
  summary: textBetween(10, 2000, "结案小结"),
  moneyRecovered: yuan("挽回经济损失"),
  feesWaived: yuan("减免收费"),
  attachments: Attachments,
});

/**
 * 结案 (Art. 50): the outcome, the amounts and the closing materials. The materials are due within
 * the configured days after the case ended; on time or not is kept for the indicators. The centre
 * then calls the recipient back (a CALLBACK follow-up) and the recipient is asked to rate.
 */
export const closeCase = defineUseCase({
  name: "legalAid.closeCase",
  permission: "legalAid.handle",
  write: true,
  input: CloseCaseInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMyCase(db, actor, input.number, "结案");
    notBeforeApplication(input.endedOn, c.workOrder.createdAt, "办结日期", "endedOn");
    if (input.attachments.length === 0) throw ruleViolation("请上传结案材料（如判决书、调解书、结案报告）", "attachments");
    if (await db.legalAidRequest.count({ where: { applicationId: c.id, kind: "TERMINATION", decidedAt: null } })) {
      throw ruleViolation("本案的终止法律援助申请尚未处理，请等法律援助中心处理后再结案", "_form");
    }
    const files = await checkAttachments(input.attachments);
    const now = new Date();
    const limits = await loadLegalAidLimits(db);
    const closingDueAt = await dueAfter(db, startOfShanghaiDay(input.endedOn), limits.closingMaterialsDays, limits.dayBasis);
    const closingOnTime = now <= closingDueAt;
    await db.legalAidApplication.update({
      where: { id: c.id },
      data: {
        status: "CLOSED", closedAt: now, caseEndedOn: toDbDate(input.endedOn), closingDueAt, closingOnTime,
        outcome: input.outcome, outcomeSummary: input.summary, moneyRecovered: input.moneyRecovered, feesWaived: input.feesWaived,
      },
    });
    await storeAttachments(db, c.workOrder.id, actor.userId, files, "CLOSING");
    await addCaseEvent(db, c, "CASE_CLOSED", actor, { reason: OUTCOME_LABELS[input.outcome], body: input.summary });
    await db.workOrderFollowUp.create({ data: { workOrderId: c.workOrder.id, kind: "CALLBACK", organizationId: c.workOrder.organizationId } });
    await notifyApplicant(db, c, `您的法律援助案件 ${c.workOrder.number} 已结案，请对承办律师的服务进行评价。`);
    await notifyOfficers(db, c, `承办律师已提交案件 ${c.workOrder.number} 的结案材料，请回访受援人并进行质量评估。`);
    return { number: c.workOrder.number, closingDueAt: closingDueAt.toISOString(), closingOnTime };
  },
});
