import { z } from "zod";
import type { MediationStatus } from "@/lib/generated/prisma/enums";
import { defineUseCase } from "@/lib/api/use-case";
import { ruleViolation } from "@/lib/errors";
import { optionalText } from "@/lib/validation";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { fromDbDate, shanghaiDate } from "@/lib/calendar/working-days";
import { addMediationEvent, lockMediation, notifyParties, requireMediationStatus } from "@/lib/mediation/case";
import { PERFORMANCE_LABELS, PERFORMANCE_ROUTE_LABELS, type PerformanceResult, type PerformanceRoute } from "@/lib/mediation/labels";
import { optionalChoice } from "@/lib/mediation/aftercare-inputs";

// After the agreement: the committee supervises its performance (人民调解法 Art. 31) with a 履行回访
// at the agreed deadline, and points a party whose counterpart did not perform to the court —
// enforcement after court confirmation (Art. 33 ¶2) or a lawsuit (Art. 32). A court-delegated case
// (诉前委派) reports its result back to the delegating court.

const RESULTS = Object.keys(PERFORMANCE_LABELS) as [PerformanceResult, ...PerformanceResult[]];
const ROUTES = Object.keys(PERFORMANCE_ROUTE_LABELS) as [PerformanceRoute, ...PerformanceRoute[]];

export const RecordPerformanceInput = z
  .object({
    number: WorkOrderNumber,
    result: z.enum(RESULTS, { error: "请选择履行情况" }),
    note: optionalText(1000, "回访情况"),
    route: optionalChoice(ROUTES, "后续途径"),
  })
  .superRefine((v, ctx) => {
    if (v.result !== "PERFORMED" && !v.route) {
      ctx.addIssue({ code: "custom", path: ["route"], message: "协议未全部履行的，请选择引导当事人采取的途径" });
    }
  })
  // a fully performed agreement needs no route; one sent along would only confuse the record
  .transform((v) => (v.result === "PERFORMED" ? { ...v, route: undefined } : v));
export type RecordPerformanceInput = z.input<typeof RecordPerformanceInput>;

const ROUTE_NOTICES: Record<PerformanceRoute, string> = {
  COURT_CONFIRMATION:
    "经人民法院确认有效的调解协议，一方拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行（人民调解法第三十三条）；尚未申请司法确认的，可以在协议生效之日起三十日内共同申请。",
  LITIGATION_GUIDANCE: "当事人之间就调解协议的履行发生争议的，一方当事人可以向人民法院提起诉讼（人民调解法第三十二条）。",
};

/**
 * 履行回访: the result of the check at the agreed deadline (may be recorded again when things
 * change, e.g. a partial performance later completed). Not fully performed → the route the
 * parties were pointed to, which they are told.
 */
export const recordPerformance = defineUseCase({
  name: "mediation.recordPerformance",
  permission: "mediation.process",
  write: true,
  input: RecordPerformanceInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["SUCCEEDED"], "登记履行回访");
    const route = input.route ?? null;
    if (route === "COURT_CONFIRMATION") {
      const a = await db.mediationCase.findUniqueOrThrow({
        where: { id: c.id },
        select: { confirmationGranted: true, confirmationAppliedOn: true, confirmationDueOn: true },
      });
      // Enforcement needs a confirmed agreement; without one, the route is open only while the parties may still apply.
      const stillOpen = !!a.confirmationDueOn && (a.confirmationAppliedOn !== null || shanghaiDate(new Date()) <= fromDbDate(a.confirmationDueOn));
      if (a.confirmationGranted === false || (a.confirmationGranted !== true && !stillOpen)) {
        throw ruleViolation("该调解协议未经人民法院确认，且已不能申请司法确认，请引导当事人向人民法院提起诉讼", "route");
      }
    }
    const now = new Date();
    await db.mediationCase.update({
      where: { id: c.id },
      data: { performance: input.result, performanceCheckedAt: now, performanceNote: input.note ?? null, performanceRoute: route },
    });
    await addMediationEvent(db, c, "PERFORMANCE_CHECKED", actor, {
      reason: `履行回访：${PERFORMANCE_LABELS[input.result]}${route ? `，${PERFORMANCE_ROUTE_LABELS[route]}` : ""}`,
      body: input.note ?? null,
    });
    if (route) {
      await notifyParties(
        db,
        c,
        `人民调解案件 ${c.workOrder.number} 履行回访：调解协议${PERFORMANCE_LABELS[input.result]}。${ROUTE_NOTICES[route]}`,
      );
    }
    return { number: c.workOrder.number, performance: input.result, route };
  },
});

/** The statuses after which a delegating court is told the result. */
export const REPORTABLE_STATUSES: MediationStatus[] = ["SUCCEEDED", "FAILED", "WITHDRAWN", "REFUSED"];

export const ReportToCourtInput = z.object({ number: WorkOrderNumber });

/**
 * 向委派法院反馈: a court-delegated case (诉前委派) that has ended is reported back to the court
 * with the result and, after a success, the agreement (the printable 委派调解结果反馈函). Recorded
 * once; the letter can be reprinted at any time.
 */
export const reportToCourt = defineUseCase({
  name: "mediation.reportToCourt",
  permission: "mediation.process",
  write: true,
  input: ReportToCourtInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    if (c.source !== "COURT") throw ruleViolation("只有法院委派调解的案件需要向法院反馈结果", "_form");
    requireMediationStatus(c, REPORTABLE_STATUSES, "向法院反馈结果");
    const a = await db.mediationCase.findUniqueOrThrow({
      where: { id: c.id },
      select: { reportedToCourtAt: true, referralAuthority: true, referralReference: true },
    });
    if (a.reportedToCourtAt) throw ruleViolation("已经向法院反馈过调解结果", "_form");
    const now = new Date();
    await db.mediationCase.update({ where: { id: c.id }, data: { reportedToCourtAt: now } });
    await addMediationEvent(db, c, "COURT_REPORTED", actor, {
      reason: `已向${a.referralAuthority ?? "委派法院"}反馈调解结果`,
      body: a.referralReference ? `委派案号：${a.referralReference}` : null,
    });
    return { number: c.workOrder.number, reportedToCourtAt: now.toISOString() };
  },
});
