import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineUseCase, type UseCaseResult } from "@/lib/api/use-case";
import { can } from "@/lib/auth/permissions";
import { mediationScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { fromDbDate, shanghaiDate } from "@/lib/calendar/working-days";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import {
  MEDIATION_CATEGORY_LABELS, MEDIATION_SOURCE_LABELS, MEDIATION_STATUS_LABELS, PARTY_ROLE_LABELS, type PerformanceResult, type PerformanceRoute,
} from "@/lib/mediation/labels";
import { confirmationAvailability, ORAL_AGREEMENT_REFUSAL, STATUS_MATTER_REFUSAL } from "@/lib/mediation/aftercare-rules";
import { availableMediationDocuments, MEDIATION_DOCUMENT_LABELS, mediationDocumentHref } from "@/lib/mediation/documents";
import { REPORTABLE_STATUSES } from "@/lib/mediation/follow-up";
import { inCaseTeam } from "@/lib/mediation/case";

// What the case page's aftercare section shows and which of its steps apply: the agreement, the
// court confirmation, the performance follow-up and the report to a delegating court. Read here
// on its own (not through the case query) so the section can be placed on any case page.

const select = {
  status: true, source: true, category: true, endedAt: true, crimeRisk: true, crimePrevented: true,
  referralAuthority: true, referralReference: true,
  agreementOral: true, agreementFacts: true, agreementDisputes: true, agreementResponsibilities: true, agreementTerms: true,
  performanceManner: true, performanceDueOn: true, agreementSignedOn: true, signatures: true,
  confirmationDueOn: true, confirmationWarnedAt: true, confirmationAppliedOn: true, confirmationCourt: true, confirmationAcceptedOn: true,
  confirmationGranted: true, confirmationNote: true,
  performance: true, performanceCheckedAt: true, performanceNote: true, performanceRoute: true, reportedToCourtAt: true,
  parties: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, role: true } },
  id: true,
  workOrder: { select: { number: true, organizationId: true } },
} satisfies Prisma.MediationCaseSelect;

const isoDay = (d: Date | null) => (d ? fromDbDate(d) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const getMediationAftercare = defineUseCase({
  name: "mediation.aftercare",
  permission: "mediation.read",
  write: false,
  input: z.object({ number: WorkOrderNumber }),
  audit: "view",
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input }) {
    const c = await db.mediationCase.findFirst({ where: { AND: [{ workOrder: { number: input.number } }, mediationScope(actor)] }, select });
    if (!c) throw notFound("调解案件");
    const today = shanghaiDate(new Date());
    const signed = c.signatures && typeof c.signatures === "object" && !Array.isArray(c.signatures) ? Object.keys(c.signatures) : [];
    const succeeded = c.status === "SUCCEEDED";
    const written = succeeded && c.agreementOral === false;
    const dueOn = isoDay(c.confirmationDueOn);

    // Why no court confirmation is possible, when it is not.
    const unavailableReason = !succeeded
      ? null
      : c.agreementOral
        ? ORAL_AGREEMENT_REFUSAL
        : !dueOn
          ? STATUS_MATTER_REFUSAL
          : null;
    const applied = !!c.confirmationAppliedOn;
    const decided = c.confirmationGranted !== null;
    // The steps are for the committee holding the case and its mediators; a higher tier reads along.
    const processor = can(actor.role, "mediation.process") && (await inCaseTeam(db, actor, c.id, c.workOrder.organizationId));

    return {
      number: c.workOrder.number,
      status: c.status,
      statusLabel: MEDIATION_STATUS_LABELS[c.status],
      source: c.source,
      sourceLabel: MEDIATION_SOURCE_LABELS[c.source],
      category: c.category,
      categoryLabel: MEDIATION_CATEGORY_LABELS[c.category],
      endedAt: iso(c.endedAt),
      crimeRisk: c.crimeRisk,
      crimePrevented: c.crimePrevented,
      referral: c.source === "COURT" ? { authority: c.referralAuthority, reference: c.referralReference } : null,
      agreement: succeeded
        ? {
            oral: !!c.agreementOral,
            facts: c.agreementFacts,
            disputes: c.agreementDisputes,
            responsibilities: c.agreementResponsibilities,
            terms: c.agreementTerms,
            performanceManner: c.performanceManner,
            performanceDueOn: isoDay(c.performanceDueOn),
            signedOn: isoDay(c.agreementSignedOn),
            /** the parties whose signature was captured on screen */
            signedPartyIds: signed.map(Number),
          }
        : null,
      confirmation: {
        available: written && !!dueOn,
        unavailableReason,
        /** for 婚姻家庭 matters: what the identity/adoption/marriage question is about */
        hint: confirmationAvailability(c.category, { statusMatter: false }).hint,
        dueOn,
        /** the window is still open for an application */
        open: !!dueOn && !applied && today <= dueOn,
        warnedAt: iso(c.confirmationWarnedAt),
        appliedOn: isoDay(c.confirmationAppliedOn),
        court: c.confirmationCourt,
        acceptedOn: isoDay(c.confirmationAcceptedOn),
        granted: c.confirmationGranted,
        note: c.confirmationNote,
      },
      performance: {
        result: c.performance as PerformanceResult | null,
        checkedAt: iso(c.performanceCheckedAt),
        note: c.performanceNote,
        route: c.performanceRoute as PerformanceRoute | null,
        /** the agreed date has come */
        due: !!c.performanceDueOn && today >= fromDbDate(c.performanceDueOn),
      },
      reportedToCourtAt: iso(c.reportedToCourtAt),
      parties: c.parties.map((p) => ({ id: p.id, name: p.name, role: p.role, roleLabel: PARTY_ROLE_LABELS[p.role] })),
      /** the steps the actor may take now */
      steps: {
        agreement: processor && (c.status === "IN_PROGRESS" || c.status === "ACCEPTED"),
        confirmationApplied: processor && written && !!dueOn && !applied && !decided,
        confirmationAccepted: processor && written && applied && !c.confirmationAcceptedOn && !decided,
        confirmationResult: processor && written && applied && !decided,
        performance: processor && succeeded,
        reportToCourt: processor && c.source === "COURT" && REPORTABLE_STATUSES.includes(c.status) && !c.reportedToCourtAt,
      },
      documents: availableMediationDocuments(c).map((kind) => ({
        kind,
        label: kind === "agreement" && c.agreementOral ? "人民调解口头协议登记表" : MEDIATION_DOCUMENT_LABELS[kind],
        href: mediationDocumentHref(c.workOrder.number, kind),
      })),
    };
  },
});

export type MediationAftercare = UseCaseResult<typeof getMediationAftercare>;
