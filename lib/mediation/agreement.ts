import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineUseCase } from "@/lib/api/use-case";
import { ruleViolation } from "@/lib/errors";
import { checkbox, textBetween } from "@/lib/validation";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { toDbDate, type IsoDate } from "@/lib/calendar/working-days";
import { chineseDate } from "@/lib/calendar/chinese-date";
import {
  addMediationEvent, closeMediationOrder, lockMediation, notifyParties, requireMediationStatus,
} from "@/lib/mediation/case";
import {
  base64Bytes, confirmationAvailability, confirmationDueOn, SIGNATURE_MAX_BYTES, SIGNATURE_PREFIX, termsSummary,
} from "@/lib/mediation/aftercare-rules";
import { day } from "@/lib/mediation/aftercare-inputs";

// 调解成功 (人民调解法 Art. 28–31): the agreement is recorded in the structured fields of Art. 29
// — or, when the parties see no need for a document, as an oral agreement whose content the
// mediator records (Art. 28). Recording it ends the mediation: the case is SUCCEEDED, its work
// order closes, and the 30-day window for court confirmation (Art. 33) opens.

export const AGREEMENT_RESULT = "调解成功，达成协议";

/** Signatures from the on-screen pad: party id → PNG data URL. Blank pads send "" and are dropped. */
const Signatures = z.preprocess(
  (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "object" || Array.isArray(v)) return v;
    const kept = Object.entries(v as Record<string, unknown>).filter(([, s]) => !(typeof s === "string" && s.trim() === ""));
    return kept.length ? Object.fromEntries(kept) : undefined;
  },
  z
    .record(
      z.string().regex(/^\d+$/, "签名对应的当事人无效"),
      z
        .string({ error: "签名无效" })
        .refine((s) => s.startsWith(SIGNATURE_PREFIX) && /^[A-Za-z0-9+/]+=*$/.test(s.slice(SIGNATURE_PREFIX.length)), {
          error: "签名应为 PNG 图片",
          abort: true,
        })
        .refine((s) => base64Bytes(s.slice(SIGNATURE_PREFIX.length)) <= SIGNATURE_MAX_BYTES, "签名图片不能超过 200KB"),
    )
    .optional(),
);

export const RecordAgreementInput = z
  .object({
    number: WorkOrderNumber,
    /** Art. 28: the parties chose an oral agreement; the mediator records its content */
    oral: checkbox,
    facts: textBetween(4, 4000, "纠纷的主要事实"),
    disputes: textBetween(2, 2000, "争议事项"),
    responsibilities: textBetween(2, 2000, "各方当事人的责任"),
    terms: textBetween(4, 4000, "协议内容"),
    performanceManner: textBetween(2, 500, "履行方式"),
    performanceDueOn: day("履行期限", "notPast"),
    signedOn: day("协议生效日期", "notFuture"),
    crimePrevented: checkbox,
    /** 是否涉及确认身份关系、收养关系或婚姻关系: such an agreement cannot be confirmed by a court */
    statusMatter: checkbox,
    signatures: Signatures,
  })
  .refine((v) => v.performanceDueOn >= v.signedOn, { path: ["performanceDueOn"], error: "履行期限不能早于协议生效日期" });
export type RecordAgreementInput = z.input<typeof RecordAgreementInput>;

// A bank card or account number in the terms must not ride in a text message (and the outbox
// refuses anything shaped like an ID number): long digit runs keep only their last four digits.
const scrubLongNumbers = (s: string) => s.replace(/\d{12,}/g, (m) => `****${m.slice(-4)}`);

const NOTICE_MAX = 300;

/** The parties' notice: the deadline first, then as much of the terms as the 300-character notice holds. */
export function agreementNotice(o: { number: string; oral: boolean; terms: string; performanceDueOn: IsoDate; confirmationDueOn: IsoDate | null }) {
  const head =
    `您参与的人民调解案件 ${o.number} 调解成功，已达成${o.oral ? "口头" : ""}调解协议，履行期限至 ${chineseDate(toDbDate(o.performanceDueOn))}。` +
    (o.confirmationDueOn
      ? `如需申请司法确认，请双方当事人于 ${chineseDate(toDbDate(o.confirmationDueOn))} 前共同向人民法院申请（人民调解法第三十三条）。`
      : "");
  const label = "协议内容：";
  const room = NOTICE_MAX - head.length - label.length;
  const terms = termsSummary(scrubLongNumbers(o.terms));
  if (room < 10) return head;
  return head + label + (terms.length <= room ? terms : `${terms.slice(0, room - 1)}…`);
}

/**
 * 调解成功，记录协议: the mediator records the agreement (written or oral). The case must be in
 * mediation (IN_PROGRESS, or ACCEPTED when it was settled at the first meeting before a mediator
 * was formally assigned). The confirmation window opens for a written agreement that a court may
 * confirm; an oral one, or one on identity, adoption or marriage status, has none.
 */
export const recordAgreement = defineUseCase({
  name: "mediation.recordAgreement",
  permission: "mediation.process",
  write: true,
  input: RecordAgreementInput,
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockMediation(db, actor, input.number);
    requireMediationStatus(c, ["IN_PROGRESS", "ACCEPTED"], "记录调解协议");

    let signatures: Prisma.InputJsonValue | undefined;
    if (input.signatures) {
      const partyIds = new Set((await db.mediationParty.findMany({ where: { caseId: c.id }, select: { id: true } })).map((p) => String(p.id)));
      for (const id of Object.keys(input.signatures)) {
        if (!partyIds.has(id)) throw ruleViolation("签名对应的当事人不属于本案", `signatures.${id}`);
      }
      signatures = input.signatures;
    }

    const confirmable = !input.oral && confirmationAvailability(c.category, { statusMatter: input.statusMatter }).available;
    const dueOn = confirmable ? confirmationDueOn(input.signedOn) : null;
    const now = new Date();
    await db.mediationCase.update({
      where: { id: c.id },
      data: {
        status: "SUCCEEDED",
        endedAt: now,
        agreementOral: input.oral,
        agreementFacts: input.facts,
        agreementDisputes: input.disputes,
        agreementResponsibilities: input.responsibilities,
        agreementTerms: input.terms,
        performanceManner: input.performanceManner,
        performanceDueOn: toDbDate(input.performanceDueOn),
        agreementSignedOn: toDbDate(input.signedOn),
        signatures,
        crimePrevented: input.crimePrevented,
        confirmationDueOn: dueOn ? toDbDate(dueOn) : null,
      },
    });
    await closeMediationOrder(db, c, actor, AGREEMENT_RESULT, now);
    const kind = input.oral ? "口头调解协议（人民调解法第二十八条）" : "调解协议书";
    const notConfirmable = input.oral ? "口头协议，不适用司法确认" : !confirmable ? "涉及身份、收养或婚姻关系的确认，不适用司法确认" : null;
    await addMediationEvent(db, c, "MEDIATION_SUCCEEDED", actor, {
      reason: `达成${kind}`,
      body: [`协议内容：${input.terms}`, `履行方式：${input.performanceManner}`, notConfirmable].filter(Boolean).join("\n"),
    });
    await notifyParties(
      db,
      c,
      agreementNotice({ number: c.workOrder.number, oral: input.oral, terms: input.terms, performanceDueOn: input.performanceDueOn, confirmationDueOn: dueOn }),
    );
    return { number: c.workOrder.number, status: "SUCCEEDED" as const, confirmationDueOn: dueOn };
  },
});
