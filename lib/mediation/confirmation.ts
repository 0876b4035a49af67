import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { ruleViolation } from "@/lib/errors";
import { checkbox, optionalText } from "@/lib/validation";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { fromDbDate, toDbDate } from "@/lib/calendar/working-days";
import { chineseDate } from "@/lib/calendar/chinese-date";
import { addMediationEvent, lockMediation, notifyParties, requireMediationStatus } from "@/lib/mediation/case";
import {
  LATE_APPLICATION_REFUSAL, ORAL_AGREEMENT_REFUSAL, STATUS_MATTER_REFUSAL, confirmationAvailability,
} from "@/lib/mediation/aftercare-rules";
import { optionalDay, optionalYesNo } from "@/lib/mediation/aftercare-inputs";

export { confirmationAvailability, type ConfirmationAvailability } from "@/lib/mediation/aftercare-rules";

// 司法确认 (人民调解法 Art. 33; SPC rules 2011): after a written agreement, both parties may apply
// jointly to the court within 30 days; the court decides within 3 days whether to accept the
// application and within 15 days whether to confirm. The committee records each of the three
// steps as the parties report them — the court's own file is not reachable from here.

export const CONFIRMATION_STEPS = ["APPLIED", "ACCEPTED", "RESULT"] as const;
export type ConfirmationStep = (typeof CONFIRMATION_STEPS)[number];

export const RecordConfirmationInput = z
  .object({
    number: WorkOrderNumber,
    step: z.enum(CONFIRMATION_STEPS, { error: "请选择登记的事项" }),
    /** the form's question (是否涉及确认身份关系、收养关系或婚姻关系), asked again at the application */
    statusMatter: checkbox,
    appliedOn: optionalDay("申请日期", "notFuture"),
    court: optionalText(80, "受理法院"),
    acceptedOn: optionalDay("受理日期", "notFuture"),
    granted: optionalYesNo("确认结果"),
    note: optionalText(500, "说明"),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.step === "APPLIED") {
      if (!v.appliedOn) need("appliedOn", "请填写申请日期");
      if (!v.court) need("court", "请填写受理申请的人民法院");
    }
    if (v.step === "ACCEPTED" && !v.acceptedOn) need("acceptedOn", "请填写受理日期");
    if (v.step === "RESULT") {
      if (v.granted === undefined) need("granted", "请选择人民法院是否确认调解协议有效");
      if (v.granted === false && !v.note) need("note", "请写明人民法院不予确认的理由");
    }
  });
export type RecordConfirmationInput = z.input<typeof RecordConfirmationInput>;

const CONFIRMED_NOTICE =
  "人民法院已依法确认调解协议有效。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行（人民调解法第三十三条）。";
const REJECTED_NOTICE =
  "人民法院确认调解协议无效（不予确认）。当事人可以通过人民调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼（人民调解法第三十三条）。";

/**
 * 司法确认: the joint application (within the 30-day window), the court's acceptance, and its
 * decision. Refused for oral agreements and for agreements on identity, adoption or marriage status.
 */
export const recordConfirmation = defineUseCase({
  name: "mediation.recordConfirmation",
  permission: "mediation.process",
  write: true,
  input: RecordConfirmationInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["SUCCEEDED"], "登记司法确认");
    const a = await db.mediationCase.findUniqueOrThrow({
      where: { id: c.id },
      select: {
        agreementOral: true, agreementSignedOn: true, confirmationDueOn: true, confirmationAppliedOn: true, confirmationCourt: true,
        confirmationAcceptedOn: true, confirmationGranted: true,
      },
    });
    if (!confirmationAvailability(c.category, { statusMatter: input.statusMatter }).available) {
      throw ruleViolation(STATUS_MATTER_REFUSAL, "statusMatter");
    }
    if (a.agreementOral) throw ruleViolation(ORAL_AGREEMENT_REFUSAL, "_form");
    // A written agreement without a window was recorded as one on identity, adoption or marriage status.
    if (!a.confirmationDueOn) throw ruleViolation(STATUS_MATTER_REFUSAL, "_form");
    if (a.confirmationGranted !== null) throw ruleViolation("人民法院的确认结果已经登记", "_form");
    const number = c.workOrder.number;

    if (input.step === "APPLIED") {
      if (a.confirmationAppliedOn) throw ruleViolation("司法确认申请已经登记", "_form");
      const appliedOn = input.appliedOn!;
      if (a.agreementSignedOn && appliedOn < fromDbDate(a.agreementSignedOn)) {
        throw ruleViolation("申请日期不能早于调解协议生效日期", "appliedOn");
      }
      if (appliedOn > fromDbDate(a.confirmationDueOn)) {
        throw ruleViolation(`${LATE_APPLICATION_REFUSAL}（应于 ${chineseDate(a.confirmationDueOn)} 前申请）`, "appliedOn");
      }
      await db.mediationCase.update({
        where: { id: c.id },
        data: { confirmationAppliedOn: toDbDate(appliedOn), confirmationCourt: input.court!, confirmationNote: input.note ?? null },
      });
      await addMediationEvent(db, c, "CONFIRMATION_RECORDED", actor, {
        reason: "当事人已共同申请司法确认",
        body: `${chineseDate(toDbDate(appliedOn))}向${input.court}申请${input.note ? `。${input.note}` : ""}`,
      });
      await notifyParties(
        db,
        c,
        `人民调解案件 ${number} 的调解协议已于 ${chineseDate(toDbDate(appliedOn))} 向${input.court}申请司法确认。人民法院一般在三日内决定是否受理，受理后十五日内作出是否确认的决定。`,
      );
      return { number, step: input.step };
    }

    if (!a.confirmationAppliedOn) throw ruleViolation("请先登记当事人的司法确认申请", "_form");
    const appliedOn = fromDbDate(a.confirmationAppliedOn);

    if (input.step === "ACCEPTED") {
      if (a.confirmationAcceptedOn) throw ruleViolation("人民法院受理情况已经登记", "_form");
      const acceptedOn = input.acceptedOn!;
      if (acceptedOn < appliedOn) throw ruleViolation("受理日期不能早于申请日期", "acceptedOn");
      await db.mediationCase.update({
        where: { id: c.id },
        data: { confirmationAcceptedOn: toDbDate(acceptedOn), ...(input.note ? { confirmationNote: input.note } : {}) },
      });
      await addMediationEvent(db, c, "CONFIRMATION_RECORDED", actor, {
        reason: "人民法院已受理司法确认申请",
        body: `${a.confirmationCourt ?? "人民法院"}于${chineseDate(toDbDate(acceptedOn))}受理${input.note ? `。${input.note}` : ""}`,
      });
      return { number, step: input.step };
    }

    const granted = input.granted!;
    await db.mediationCase.update({
      where: { id: c.id },
      data: { confirmationGranted: granted, ...(input.note ? { confirmationNote: input.note } : {}) },
    });
    await addMediationEvent(db, c, "CONFIRMATION_RECORDED", actor, {
      reason: granted ? "人民法院确认调解协议有效" : "人民法院不予确认调解协议",
      body: input.note ?? null,
    });
    await notifyParties(db, c, `人民调解案件 ${number}：${granted ? CONFIRMED_NOTICE : REJECTED_NOTICE}`);
    return { number, step: input.step, granted };
  },
});
