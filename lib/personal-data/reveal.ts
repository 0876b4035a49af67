import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { legalAidScope, mediationScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { decryptField } from "@/lib/crypto";
import { maskIdNumber } from "@/lib/identity/id-number";
import { idParam } from "@/lib/validation";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { inCaseTeam } from "@/lib/mediation/case";

// 显示完整号码: every page, list, printout and export shows ID numbers masked (3301**********1234);
// the full number is one deliberate, audited step for the roles whose work needs it (decision 014):
// the staff who take an application in or decide it, the lawyer assigned to the case (court filings
// carry it), and the committee holding a mediation case. The record is found through the same scope
// as its own detail page, so a reveal never reaches further than the page that offers it.

export const RevealInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("legalAidApplicant"), number: WorkOrderNumber }),
    z.object({ kind: z.literal("legalAidAgent"), number: WorkOrderNumber }),
    z.object({ kind: z.literal("mediationParty"), number: WorkOrderNumber, partyId: idParam("当事人") }),
  ],
  { error: "要查看的号码无效" },
);
export type RevealInput = z.input<typeof RevealInput>;
export type RevealKind = RevealInput["kind"];

const TARGET_TYPE: Record<RevealKind, string> = {
  legalAidApplicant: "LegalAidApplicant",
  legalAidAgent: "LegalAidAgent",
  mediationParty: "MediationParty",
};

/**
 * Returns one full ID number. Audited as a view ("personalData.reveal" with what was revealed as the
 * target): the value is returned only after the audit event is written, and a refused or
 * out-of-scope attempt is audited as DENIED (it is a NOT_FOUND).
 */
export const revealPersonalData = defineUseCase({
  name: "personalData.reveal",
  permission: "personalData.reveal",
  write: false,
  audit: "view",
  input: RevealInput,
  target: (input) => ({ type: TARGET_TYPE[input.kind], id: input.kind === "mediationParty" ? `${input.number}#${input.partyId}` : input.number }),
  async run({ db, actor, input }) {
    let cipher: string | null = null;
    if (input.kind === "mediationParty") {
      const party = await db.mediationParty.findFirst({
        where: { id: input.partyId, case: { AND: [{ workOrder: { number: input.number } }, mediationScope(actor)] } },
        select: { idCipher: true, caseId: true, case: { select: { workOrder: { select: { organizationId: true } } } } },
      });
      // Contacts in full are the case team's (getMediationCase): a higher tier reading through its subtree sees them masked.
      if (party && (await inCaseTeam(db, actor, party.caseId, party.case.workOrder.organizationId))) cipher = party.idCipher;
    } else {
      const app = await db.legalAidApplication.findFirst({
        where: { AND: [{ workOrder: { number: input.number } }, legalAidScope(actor)] },
        select: { applicantIdCipher: true, agentIdCipher: true },
      });
      cipher = (input.kind === "legalAidApplicant" ? app?.applicantIdCipher : app?.agentIdCipher) ?? null;
    }
    if (!cipher) throw notFound("证件号码");
    const value = decryptField(cipher);
    return { kind: input.kind, value, masked: maskIdNumber(value) };
  },
});
