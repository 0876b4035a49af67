import { z } from "zod";
import { QualityGrade, Satisfaction } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { notFound, ruleViolation } from "@/lib/errors";
import { idParam, optionalText } from "@/lib/validation";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { SATISFACTION_LABELS } from "@/lib/work-orders/labels";
import {
  QUALITY_GRADE_LABELS, QUALITY_METHODS, REQUEST_KIND_LABELS, TERMINATION_REASONS, type QualityMethod, type TerminationReason,
} from "@/lib/legal-aid/labels";
import {
  addCaseEvent, dueAfter, loadLegalAidLimits, lockCase, notifyApplicant, notifyLawyer, notifyOfficers, requireApplicant,
  requireCaseStatus, type LockedCase,
} from "@/lib/legal-aid/case";
import { list, yesNo } from "@/lib/legal-aid/step-inputs";
import { textBetween } from "@/lib/validation";

// After the lawyer took the case: the recipient's request for another lawyer (Art. 55), the
// centre's decision on requests, the recipient's rating or the phone follow-up (回访), the quality
// assessment (Art. 59) and the archive (结案归档). Also the lawyers' rating drawn from them.

const terminationLabel = (key: string) => TERMINATION_REASONS[key as TerminationReason] ?? key;

/** The change-of-lawyer request's reason column: the recipient's own request (Art. 55); their words go to `detail`. */
const CHANGE_REASON = "RECIPIENT_REQUEST";

export const RequestLawyerChangeInput = z.object({ number: WorkOrderNumber, detail: textBetween(4, 1000, "申请更换的理由") });

/** 申请更换律师: the recipient asks the centre for a different lawyer; one open request at a time. */
export const requestLawyerChange = defineUseCase({
  name: "legalAid.requestLawyerChange",
  permission: "legalAid.requestLawyerChange",
  write: true,
  input: RequestLawyerChangeInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireApplicant(c, actor);
    requireCaseStatus(c, ["ASSIGNED"], "申请更换律师");
    if (await db.legalAidRequest.count({ where: { applicationId: c.id, kind: "CHANGE_LAWYER", decidedAt: null } })) {
      throw ruleViolation("您已申请更换律师，请等待法律援助中心处理", "_form");
    }
    const request = await db.legalAidRequest.create({
      data: { applicationId: c.id, kind: "CHANGE_LAWYER", reason: CHANGE_REASON, detail: input.detail, filedByUserId: actor.userId },
    });
    await addCaseEvent(db, c, "LAWYER_CHANGE_REQUESTED", actor, { body: input.detail });
    await notifyOfficers(db, c, `受援人申请更换案件 ${c.workOrder.number} 的承办律师，请审查处理。`);
    return { number: c.workOrder.number, requestId: request.id };
  },
});

export const DecideRequestInput = z.object({
  number: WorkOrderNumber,
  requestId: idParam("申请编号"),
  approve: yesNo("同意或不同意"),
  note: textBetween(2, 1000, "处理意见"),
});

/**
 * The centre decides a termination request (Art. 48) or a change of lawyer (Art. 55). An approved
 * termination ends the aid; an approved change takes the case from the lawyer and starts a new
 * assignment limit.
 */
export const decideRequest = defineUseCase({
  name: "legalAid.decideRequest",
  permission: "legalAid.review",
  write: true,
  input: DecideRequestInput,
  target: (i) => ({ type: "LegalAidRequest", id: i.requestId }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    const request = await db.legalAidRequest.findFirst({ where: { id: input.requestId, applicationId: c.id } });
    if (!request) throw notFound("申请事项");
    if (request.decidedAt) throw ruleViolation("该申请已经处理过了", "_form");
    const kindLabel = REQUEST_KIND_LABELS[request.kind];
    if (input.approve) requireCaseStatus(c, ["ASSIGNED"], `同意${kindLabel}`);

    const now = new Date();
    await db.legalAidRequest.update({
      where: { id: request.id },
      data: { decidedAt: now, approved: input.approve, decisionNote: input.note, decidedByUserId: actor.userId },
    });
    await addCaseEvent(db, c, "REQUEST_DECIDED", actor, { reason: `${input.approve ? "同意" : "不同意"}${kindLabel}`, body: input.note });

    if (request.kind === "TERMINATION") {
      await decideTermination(db, c, actor, input.approve, request.reason, input.note, now);
    } else {
      await decideChange(db, c, input.approve, input.note, now);
    }
    return { number: c.workOrder.number, requestId: request.id, approved: input.approve };
  },
});

async function decideTermination(
  db: Tx, c: LockedCase, actor: { userId: number | null; name: string }, approve: boolean, reason: string, note: string, now: Date,
) {
  const why = terminationLabel(reason);
  if (!approve) {
    await notifyApplicant(db, c, `承办律师提出的终止法律援助申请未获同意，律师将继续为您提供法律援助。案件编号 ${c.workOrder.number}。`);
    if (c.lawyerUserId) await notifyLawyer(db, c, c.lawyerUserId, `案件 ${c.workOrder.number} 的终止法律援助申请未获同意：${note}。请继续承办。`);
    return;
  }
  await db.legalAidApplication.update({ where: { id: c.id }, data: { status: "TERMINATED", terminatedAt: now, terminationReason: reason } });
  await addCaseEvent(db, c, "TERMINATED", actor, { reason: why });
  await notifyApplicant(
    db,
    c,
    `法律援助中心决定终止对您的法律援助（${why}）。如有异议，可以向司法行政部门提出。案件编号 ${c.workOrder.number}。`,
  );
  if (c.lawyerUserId) await notifyLawyer(db, c, c.lawyerUserId, `法律援助中心已同意终止案件 ${c.workOrder.number} 的法律援助。`);
}

async function decideChange(db: Tx, c: LockedCase, approve: boolean, note: string, now: Date) {
  if (!approve) {
    await notifyApplicant(db, c, `您更换承办律师的申请未获同意：${note}。案件编号 ${c.workOrder.number}。`);
    if (c.lawyerUserId) await notifyLawyer(db, c, c.lawyerUserId, `受援人申请更换案件 ${c.workOrder.number} 的承办律师，法律援助中心未同意，请继续承办。`);
    return;
  }
  const limits = await loadLegalAidLimits(db);
  const assignDueAt = await dueAfter(db, now, limits.assignDays, limits.dayBasis);
  await db.legalAidApplication.update({ where: { id: c.id }, data: { status: "APPROVED", lawyerUserId: null, assignDueAt } });
  await notifyApplicant(db, c, `法律援助中心同意为您更换承办律师，将尽快指派新的律师。案件编号 ${c.workOrder.number}。`);
  // No link: the case leaves the former lawyer's list.
  if (c.lawyerUserId) {
    await enqueueNotification(db, {
      channel: "IN_APP", recipientUserId: c.lawyerUserId, workOrderId: c.workOrder.id,
      body: `受援人申请更换承办律师，法律援助中心已同意，案件 ${c.workOrder.number} 不再由您承办。请将已收取的材料交回法律援助中心。`,
    });
  }
}

// ───────────── 回访: the recipient's rating, or the officer's phone call ─────────────

async function recordSatisfaction(
  db: Tx,
  c: LockedCase,
  actor: { userId: number | null; name: string },
  r: { score: Satisfaction; via: "ACCOUNT" | "PHONE_FOLLOW_UP"; comment: string | null; result: string },
) {
  const now = new Date();
  await db.legalAidApplication.update({
    where: { id: c.id },
    data: { satisfaction: r.score, satisfactionVia: r.via, satisfactionComment: r.comment, followedUpAt: now },
  });
  const done = { doneAt: now, doneByUserId: actor.userId, result: r.result.slice(0, 1000) };
  const closed = await db.workOrderFollowUp.updateMany({ where: { workOrderId: c.workOrder.id, kind: "CALLBACK", doneAt: null }, data: done });
  // A terminated case has no open call-back; a phone follow-up is still kept on record.
  if (closed.count === 0 && r.via === "PHONE_FOLLOW_UP") {
    await db.workOrderFollowUp.create({ data: { workOrderId: c.workOrder.id, kind: "CALLBACK", organizationId: c.workOrder.organizationId, ...done } });
  }
  if (r.score === "UNSATISFIED") {
    await notifyOfficers(db, c, `受援人对案件 ${c.workOrder.number} 承办律师的服务不满意，请核实并在质量评估中考虑。`);
  }
}

export const RateCaseInput = z.object({
  number: WorkOrderNumber,
  score: z.enum(Satisfaction, { error: "请选择满意程度" }),
  comment: optionalText(500, "评价内容"),
});

/** The recipient rates the lawyer's service once, after the case closed or the aid ended. */
export const rateCase = defineUseCase({
  name: "legalAid.rate",
  permission: "legalAid.rate",
  write: true,
  input: RateCaseInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireApplicant(c, actor);
    requireCaseStatus(c, ["CLOSED", "TERMINATED"], "评价");
    if (c.satisfaction) throw ruleViolation("您已经评价过了，感谢您的反馈", "_form");
    const label = SATISFACTION_LABELS[input.score];
    await recordSatisfaction(db, c, actor, { score: input.score, via: "ACCOUNT", comment: input.comment ?? null, result: `受援人在线评价：${label}` });
    await addCaseEvent(db, c, "RATED", actor, { reason: label, body: input.comment ?? null });
    return { number: c.workOrder.number, score: input.score };
  },
});

export const FollowUpCaseInput = z.object({
  number: WorkOrderNumber,
  score: z.enum(Satisfaction, { error: "请选择受援人的满意程度" }),
  result: textBetween(2, 1000, "回访情况"),
});

/** 电话回访: the officer calls the recipient and records their satisfaction, unless they already rated. */
export const recordFollowUp = defineUseCase({
  name: "legalAid.followUp",
  permission: "legalAid.review",
  write: true,
  input: FollowUpCaseInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireCaseStatus(c, ["CLOSED", "TERMINATED"], "回访");
    if (c.satisfaction) throw ruleViolation("受援人已经评价过，不需要再次回访", "_form");
    const label = SATISFACTION_LABELS[input.score];
    await recordSatisfaction(db, c, actor, { score: input.score, via: "PHONE_FOLLOW_UP", comment: null, result: input.result });
    await addCaseEvent(db, c, "FOLLOWED_UP", actor, { reason: `电话回访，受援人${label}`, body: input.result });
    return { number: c.workOrder.number, score: input.score };
  },
});

// ───────────── 质量评估 and 归档 ─────────────

export const GradeQualityInput = z.object({
  number: WorkOrderNumber,
  grade: z.enum(QualityGrade, { error: "请选择评估等级" }),
  methods: list(z.enum(Object.keys(QUALITY_METHODS) as [QualityMethod, ...QualityMethod[]], { error: "评估方法无效" }))
    .refine((m) => m.length > 0, "请至少选择一种评估方法"),
  note: optionalText(1000, "评估意见"),
});

/** 质量评估 (Art. 59): hearing attendance, file inspection, the authority's opinion, the call-back. */
export const gradeQuality = defineUseCase({
  name: "legalAid.gradeQuality",
  permission: "legalAid.review",
  write: true,
  input: GradeQualityInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireCaseStatus(c, ["CLOSED", "TERMINATED"], "进行质量评估");
    if (c.qualityGrade) throw ruleViolation("该案件已经完成质量评估", "_form");
    const methods = [...new Set(input.methods)];
    await db.legalAidApplication.update({
      where: { id: c.id },
      data: { qualityGrade: input.grade, qualityMethods: methods, qualityNote: input.note ?? null, qualityGradedAt: new Date(), qualityGradedByUserId: actor.userId },
    });
    const grade = QUALITY_GRADE_LABELS[input.grade];
    const how = `评估方法：${methods.map((m) => QUALITY_METHODS[m]).join("、")}`;
    await addCaseEvent(db, c, "QUALITY_GRADED", actor, { reason: grade, body: input.note ? `${how}\n${input.note}` : how });
    if (c.lawyerUserId) await notifyLawyer(db, c, c.lawyerUserId, `案件 ${c.workOrder.number} 的办案质量评估结果为「${grade}」。`);
    return { number: c.workOrder.number, grade: input.grade };
  },
});

export const ArchiveCaseInput = z.object({ number: WorkOrderNumber });

/** 结案归档: once graded and, for a closed case, followed up (rated by the recipient or called back). */
export const archiveCase = defineUseCase({
  name: "legalAid.archive",
  permission: "legalAid.review",
  write: true,
  input: ArchiveCaseInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireCaseStatus(c, ["CLOSED", "TERMINATED"], "归档");
    if (!c.qualityGrade) throw ruleViolation("请先完成质量评估，再归档", "_form");
    if (c.status === "CLOSED" && !c.satisfaction) throw ruleViolation("请先回访受援人（或等受援人评价），再归档", "_form");
    const now = new Date();
    await db.legalAidApplication.update({ where: { id: c.id }, data: { status: "ARCHIVED", archivedAt: now, archivedByUserId: actor.userId } });
    await addCaseEvent(db, c, "ARCHIVED", actor);
    return { number: c.workOrder.number, archivedAt: now.toISOString() };
  },
});

// ───────────── the lawyers' rating ─────────────

export type LawyerRating = {
  /** cases the lawyer closed (结案) */
  closed: number;
  /** of their closed or terminated cases, those with the recipient's satisfaction */
  rated: number;
  /** 满意 + 基本满意 over rated; null before the first rating */
  satisfiedRate: number | null;
  graded: number;
  /** 优 + 良 over graded; null before the first grade */
  goodRate: number | null;
};

/** Each lawyer's record from their legal-aid cases: recipients' satisfaction and the centre's quality grades. */
export async function lawyerRatings(db: Tx, userIds: number[]): Promise<Map<number, LawyerRating>> {
  const ids = [...new Set(userIds)];
  const rows = ids.length
    ? await db.legalAidApplication.groupBy({
        by: ["lawyerUserId", "satisfaction", "qualityGrade"],
        where: { lawyerUserId: { in: ids }, OR: [{ closedAt: { not: null } }, { satisfaction: { not: null } }, { qualityGrade: { not: null } }] },
        _count: { _all: true, closedAt: true },
      })
    : [];
  const tally = new Map(ids.map((id) => [id, { closed: 0, rated: 0, satisfied: 0, graded: 0, good: 0 }]));
  for (const r of rows) {
    const t = tally.get(r.lawyerUserId as number);
    if (!t) continue;
    const n = r._count._all;
    t.closed += r._count.closedAt;
    if (r.satisfaction) {
      t.rated += n;
      if (r.satisfaction !== "UNSATISFIED") t.satisfied += n;
    }
    if (r.qualityGrade) {
      t.graded += n;
      if (r.qualityGrade === "EXCELLENT" || r.qualityGrade === "GOOD") t.good += n;
    }
  }
  const rate = (part: number, whole: number) => (whole ? part / whole : null);
  return new Map(
    [...tally].map(([id, t]) => [id, { closed: t.closed, rated: t.rated, satisfiedRate: rate(t.satisfied, t.rated), graded: t.graded, goodRate: rate(t.good, t.graded) }]),
  );
}
