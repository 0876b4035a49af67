import { z } from "zod";
import type { DeadlineUnit } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { ruleViolation } from "@/lib/errors";
import { checkbox, optionalText, textBetween } from "@/lib/validation";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { dayNumber, fromDbDate, shanghaiDate } from "@/lib/calendar/working-days";
import { extendForPause } from "@/lib/work-orders/deadlines";
import { chineseDate } from "@/lib/calendar/chinese-date";
import { loadRule } from "@/lib/work-orders/routing";
import { pauseOrder, resumeOrder } from "@/lib/work-orders/process";
import { checkAttachments, storeAttachments } from "@/lib/work-orders/attachments";
import { Attachments, WorkOrderNumber } from "@/lib/work-orders/schemas";
import {
  addCaseEvent, closeCaseOrder, dueAfter, loadLegalAidLimits, lockCase, notifyApplicant, notifyOfficers, requireApplicant,
  requireCaseStatus, type LockedCase,
} from "@/lib/legal-aid/case";
import { offerNext } from "@/lib/legal-aid/offers";

// 审查 (法律援助法 Art. 43–44): the deciding centre's officer asks once for missing materials, the
// applicant supplies them (or the officer records them handed in on paper), and the officer
// approves, refuses with written reasons, or starts advance aid; the applicant may withdraw.
// The work order carries the legal deadline: 7 days to decide (stopped while materials are
// awaited, and moved by the days it was stopped), then, after approval, the days to assign a lawyer.

// ───────────── inputs ─────────────


// "1. ", "2、", "(3)", "- " at a line's start: the officer's own numbering, dropped because the
// notice numbers the list itself. "1.5 万元" keeps its number.
const LIST_MARK = /^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}(?:[、)）]|[.．](?!\d))|[-•·*])\s*/;

/** The materials, as a list (API) or one line each from the form's textarea; blank lines dropped. */
const MaterialsList = z.preprocess(
  (v) => {
    const lines = typeof v === "string" ? v.split(/\r?\n/) : v;
    if (!Array.isArray(lines)) return lines;
    return lines.map((l) => (typeof l === "string" ? l.replace(LIST_MARK, "").trim() : l)).filter((l) => l !== "");
  },
  z
    .array(z.string({ error: "材料名称无效" }), { error: "请列出需要补充的材料，每行一项" })
    .min(1, "请列出需要补充的材料，每行一项")
    .max(20, "一次最多列出 20 项材料，请合并相近的材料")
    .refine((list) => list.every((m) => m.length <= 200), "每项材料不能超过 200 个字"),
);

export const RequestMaterialsInput = z.object({
  number: WorkOrderNumber,
  materials: MaterialsList,
  note: optionalText(500, "补充说明"),
});

export const SupplyMaterialsInput = z
  .object({ number: WorkOrderNumber, note: optionalText(2000, "说明"), attachments: Attachments })
  .superRefine((v, ctx) => {
    if (!v.note && v.attachments.length === 0) ctx.addIssue({ code: "custom", path: ["attachments"], message: "请上传补充的材料或填写说明" });
  });

export const RecordSupplementInput = z.object({ number: WorkOrderNumber, note: textBetween(1, 2000, "补充了哪些材料") });
export const ApproveInput = z.object({ number: WorkOrderNumber, note: optionalText(1000, "审查意见") });
export const RefuseInput = z.object({
  number: WorkOrderNumber,
  reasons: textBetween(10, 2000, "不予法律援助的理由", "请写明不予法律援助的理由（至少 10 个字）"),
});
export const AdvanceAidInput = z.object({
  number: WorkOrderNumber,
  reason: textBetween(4, 300, "紧急情况说明", "请说明紧急情况（至少 4 个字）"),
  preservation: checkbox,
});
export const WithdrawInput = z.object({ number: WorkOrderNumber, reason: optionalText(500, "撤回原因") });

// ───────────── shared by the steps ─────────────

export const daysText = (n: number, basis: DeadlineUnit) => (basis === "CALENDAR_DAYS" ? `${n} 日` : `${n} 个工作日`);

/**
 * For a step that ends the centre's part while the clock is stopped (refusal, withdrawal): the
 * order's deadline is first moved by the days it was paused, so `closedOnTime` is judged against
 * the deadline the order really had. No RESUMED event: the order closes in the same step.
 */
export async function settlePause(db: Tx, c: LockedCase, now: Date): Promise<LockedCase> {
  const o = c.workOrder;
  if (o.status !== "PAUSED" || !o.pausedAt) return c;
  const [rule, calendar] = await Promise.all([loadRule(db, o.type), loadWorkingCalendar(db)]);
  const dueAt = extendForPause(calendar, o.dueAt, o.pausedAt, now, rule.limitUnit);
  await db.workOrder.update({ where: { id: o.id }, data: { dueAt } });
  return { ...c, workOrder: { ...o, dueAt } };
}

/**
 * For a step after which the order stays open: a stopped clock runs again, the deadline moved by
 * the days it was stopped (as resumeOrder does). No RESUMED event: the step's own event
 * (MATERIALS_SUPPLIED, ADVANCE_AID, APPROVED) records it, as MATERIALS_REQUESTED records the pause,
 * so the applicant's timeline reads one entry per step.
 */
async function restartClock(db: Tx, actor: Actor, c: LockedCase, now: Date): Promise<LockedCase> {
  if (c.workOrder.status !== "PAUSED") return c;
  const dueAt = await resumeOrder(db, actor, c.workOrder, null, now, { event: false });
  return { ...c, workOrder: { ...c.workOrder, status: "IN_PROGRESS", pausedAt: null, dueAt } };
}

/** Back to review after materials came in: the clock runs again from where it stopped. */
async function materialsIn(db: Tx, actor: Actor, c: LockedCase, now: Date, event: { reason: string; body?: string | null }) {
  await db.legalAidApplication.update({ where: { id: c.id }, data: { status: "SUBMITTED", materialsSuppliedAt: now } });
  await addCaseEvent(db, c, "MATERIALS_SUPPLIED", actor, event);
  return (await restartClock(db, actor, c, now)).workOrder.dueAt;
}

/** A notice that keeps its head (who, what, by when) and shortens the list to fit the outbox's 300 characters. */
function fitNotice(head: string, list: string[], tail: string, max = 300): string {
  const full = `${head}${list.map((m, i) => `${i + 1}. ${m}`).join("；")}${tail}`;
  if (full.length <= max) return full;
  const more = "……（完整清单请登录查看或拨打 12348 查询）";
  const room = max - head.length - more.length;
  return `${head}${full.slice(head.length, head.length + Math.max(room, 0))}${more}`;
}

// ───────────── the steps ─────────────

/**
 * 一次性告知 (Art. 43 ¶2): the officer lists every missing material at once; the case record keeps
 * that it was asked, so it can be asked only once. The decision clock stops until they come in;
 * unsupplied by `materialsDueAt`, the application counts as withdrawn (expire-materials.ts).
 */
export const requestMaterials = defineUseCase({
  name: "legalAid.requestMaterials",
  permission: "legalAid.review",
  write: true,
  input: RequestMaterialsInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    if (c.materialsRequestedAt) throw ruleViolation("本申请已一次性告知过需补充的材料，不能再次要求补充", "_form");
    requireCaseStatus(c, ["SUBMITTED"], "要求补充材料");
    const now = new Date();
    const limits = await loadLegalAidLimits(db);
    const materialsDueAt = await dueAfter(db, now, limits.materialsDays, limits.dayBasis);
    const numbered = input.materials.map((m, i) => `${i + 1}. ${m}`).join("\n");
    await db.legalAidApplication.update({
      where: { id: c.id },
      data: { status: "MATERIALS_REQUESTED", materialsRequestedAt: now, materialsList: input.materials, materialsDueAt },
    });
    // A clock already stopped by a plain pause stays stopped; supplying resumes it either way.
    if (c.workOrder.status !== "PAUSED") await pauseOrder(db, actor, c.workOrder, `一次性告知补充材料：${input.materials.join("；")}`, now);
    await addCaseEvent(db, c, "MATERIALS_REQUESTED", actor, { body: numbered.slice(0, 4000), reason: input.note ?? null });
    await notifyApplicant(
      db,
      c,
      fitNotice(
        `您的法律援助申请 ${c.workOrder.number} 需要补充材料，请于 ${chineseDate(materialsDueAt)} 前补充，逾期未补充的视为撤回申请。需补充：`,
        input.materials,
        input.note ? `。说明：${input.note}` : "。",
      ),
    );
    return { number: c.workOrder.number, materialsDueAt: materialsDueAt.toISOString() };
  },
});

/** The applicant supplies the listed materials online: files and/or a note. Review resumes. */
export const supplyMaterials = defineUseCase({
  name: "legalAid.supplyMaterials",
  permission: "legalAid.supplement",
  write: true,
  input: SupplyMaterialsInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireApplicant(c, actor);
    requireCaseStatus(c, ["MATERIALS_REQUESTED"], "补充材料");
    const checked = await checkAttachments(input.attachments);
    const now = new Date();
    await storeAttachments(db, c.workOrder.id, actor.userId, checked, "SUPPLEMENT");
    const dueAt = await materialsIn(db, actor, c, now, {
      reason: checked.length ? `申请人在线补充材料（${checked.length} 个文件）` : "申请人在线补充说明",
      body: input.note ?? null,
    });
    await notifyOfficers(db, c, `法律援助申请 ${c.workOrder.number} 的申请人已补充材料，请继续审查，审查期限至 ${chineseDate(dueAt)}。`);
    return { number: c.workOrder.number, decisionDueAt: dueAt.toISOString() };
  },
});

/** The officer records materials the applicant handed in at the window (or by post). Review resumes. */
export const recordSupplement = defineUseCase({
  name: "legalAid.recordSupplement",
  permission: "legalAid.review",
  write: true,
  input: RecordSupplementInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireCaseStatus(c, ["MATERIALS_REQUESTED"], "登记补充材料");
    const dueAt = await materialsIn(db, actor, c, new Date(), { reason: "工作人员登记申请人现场补充的材料", body: input.note });
    await notifyApplicant(db, c, `已收到您为法律援助申请 ${c.workOrder.number} 补充的材料，我们将继续审查。`);
    return { number: c.workOrder.number, decisionDueAt: dueAt.toISOString() };
  },
});

/** After a decision to give aid: the work order stays open and counts down to the assignment deadline. */
async function openForAssignment(db: Tx, actor: Actor, c: LockedCase, now: Date) {
  const limits = await loadLegalAidLimits(db);
  const assignDueAt = await dueAfter(db, now, limits.assignDays, limits.dayBasis);
  await db.workOrder.update({
    where: { id: c.workOrder.id },
    // A new legal deadline: the overdue job may flag this one too.
    data: { status: "IN_PROGRESS", dueAt: assignDueAt, handlerUserId: c.workOrder.handlerUserId ?? actor.userId, overdueEscalatedAt: null },
  });
  return { assignDueAt, assignWithin: daysText(limits.assignDays, limits.dayBasis) };
}

/** 决定给予法律援助 (Art. 43): a lawyer must then be assigned within the assignment limit. */
export const approveApplication = defineUseCase({
  name: "legalAid.approve",
  permission: "legalAid.review",
  write: true,
  input: ApproveInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    let c = await lockCase(db, actor, input.number);
    requireCaseStatus(c, ["SUBMITTED"], "决定给予法律援助");
    const now = new Date();
    c = await restartClock(db, actor, c, now);
    const decidedOnTime = now <= c.workOrder.dueAt;
    const { assignDueAt, assignWithin } = await openForAssignment(db, actor, c, now);
    await db.legalAidApplication.update({
      where: { id: c.id },
      data: { status: "APPROVED", decidedAt: now, decidedByUserId: actor.userId, decisionReason: input.note ?? null, decidedOnTime, assignDueAt },
    });
    await addCaseEvent(db, c, "APPROVED", actor, { reason: input.note ?? null });
    const decided = `您的法律援助申请 ${c.workOrder.number} 已决定给予法律援助。`;
    const next = await offerNext(db, { ...c, status: "APPROVED", assignDueAt }, now, decided);
    if (!next) await notifyApplicant(db, c, `${decided}我们将在 ${assignWithin}内为您指派律师。`);
    return { number: c.workOrder.number, decidedOnTime, assignDueAt: assignDueAt.toISOString(), next };
  },
});

/** 决定不予法律援助: in writing, with reasons (Art. 43); the applicant may object to the bureau (Art. 49). */
export const refuseApplication = defineUseCase({
  name: "legalAid.refuse",
  permission: "legalAid.review",
  write: true,
  input: RefuseInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    let c = await lockCase(db, actor, input.number);
    requireCaseStatus(c, ["SUBMITTED", "MATERIALS_REQUESTED"], "决定不予法律援助");
    const now = new Date();
    c = await settlePause(db, c, now);
    const decidedOnTime = now <= c.workOrder.dueAt;
    await db.legalAidApplication.update({
      where: { id: c.id },
      data: { status: "REFUSED", decidedAt: now, decidedByUserId: actor.userId, decisionReason: input.reasons, decidedOnTime },
    });
    await closeCaseOrder(db, c, actor, `不予法律援助：${input.reasons}`, now);
    await addCaseEvent(db, c, "REFUSED", actor, { body: input.reasons });
    await notifyApplicant(
      db,
      c,
      `您的法律援助申请 ${c.workOrder.number} 经审查决定不予法律援助，理由见决定书。如有异议，可以向司法行政部门提出（法律援助法第四十九条）。`,
    );
    return { number: c.workOrder.number, decidedOnTime };
  },
});

/** Art. 44 (一): a limitation period or procedural deadline "under 7 days" away — read as at most 7 calendar days from today, like the queue's urgent mark. */
const ADVANCE_AID_DAYS = 7;

/**
 * 先行援助 (Art. 44): aid starts at once, before the review is complete; the decision counts as
 * made now and assignment follows. Allowed when the case's recorded urgent deadline is at most 7
 * calendar days away (including one already passed), or when the officer ticks that preservation
 * or advance execution must be applied for at once (Art. 44 (二)). The reason is always required.
 */
export function advanceAidRefusal(urgentDeadline: Date | null, preservation: boolean, now: Date): string | null {
  if (preservation) return null;
  if (!urgentDeadline) return "本申请没有登记紧迫的时效或期限；只有需要立即申请保全或先予执行时，才能先行提供法律援助";
  const daysAway = dayNumber(fromDbDate(urgentDeadline)) - dayNumber(shanghaiDate(now));
  if (daysAway <= ADVANCE_AID_DAYS) return null;
  return `本案的时效或期限（${fromDbDate(urgentDeadline)}）距今超过 ${ADVANCE_AID_DAYS} 日；只有期限不足 ${ADVANCE_AID_DAYS} 日或需要立即申请保全、先予执行时，才能先行提供法律援助`;
}

export const startAdvanceAid = defineUseCase({
  name: "legalAid.advanceAid",
  permission: "legalAid.review",
  write: true,
  input: AdvanceAidInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    let c = await lockCase(db, actor, input.number);
    requireCaseStatus(c, ["SUBMITTED", "MATERIALS_REQUESTED"], "先行提供法律援助");
    const now = new Date();
    const refusal = advanceAidRefusal(c.urgentDeadline, input.preservation, now);
    if (refusal) throw ruleViolation(refusal, "preservation");
    c = await restartClock(db, actor, c, now);
    const decidedOnTime = now <= c.workOrder.dueAt;
    const reason = `${input.preservation ? "需要立即申请保全或先予执行。" : ""}${input.reason}`.slice(0, 300);
    const { assignDueAt } = await openForAssignment(db, actor, c, now);
    await db.legalAidApplication.update({
      where: { id: c.id },
      data: {
        status: "APPROVED", advanceAidAt: now, advanceAidReason: reason, decidedAt: now, decidedByUserId: actor.userId, decidedOnTime, assignDueAt,
      },
    });
    await addCaseEvent(db, c, "ADVANCE_AID", actor, { reason });
    const decided = `您的法律援助申请 ${c.workOrder.number} 情况紧急，已决定先行提供法律援助，尚缺的材料请随后补交。`;
    const next = await offerNext(db, { ...c, status: "APPROVED", assignDueAt }, now, decided);
    if (!next) await notifyApplicant(db, c, `${decided}我们将立即为您指派律师。`);
    return { number: c.workOrder.number, decidedOnTime, assignDueAt: assignDueAt.toISOString(), next };
  },
});

/** The applicant withdraws before the decision: the centre's part ends. */
export const withdrawApplication = defineUseCase({
  name: "legalAid.withdraw",
  permission: "legalAid.withdraw",
  write: true,
  input: WithdrawInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    let c = await lockCase(db, actor, input.number);
    requireApplicant(c, actor);
    requireCaseStatus(c, ["SUBMITTED", "MATERIALS_REQUESTED"], "撤回申请");
    const now = new Date();
    c = await settlePause(db, c, now);
    await db.legalAidApplication.update({ where: { id: c.id }, data: { status: "WITHDRAWN", withdrawnAt: now } });
    await closeCaseOrder(db, c, actor, input.reason ? `申请人撤回申请：${input.reason}` : "申请人撤回申请", now);
    await addCaseEvent(db, c, "WITHDRAWN", actor, { reason: input.reason ?? "申请人撤回申请" });
    await notifyOfficers(db, c, `法律援助申请 ${c.workOrder.number} 已由申请人撤回。`);
    return { number: c.workOrder.number };
  },
});
