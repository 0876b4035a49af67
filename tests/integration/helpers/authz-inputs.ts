import type { Role } from "@/lib/generated/prisma/enums";
import { addDays, shanghaiDate } from "@/lib/calendar/working-days";
import type { AuthzFixtures } from "./authz-fixtures";

// The authorization matrix's inputs. For every use case whose input names a record (an id, a
// number, a region code …), OWN_INPUTS gives a valid input naming county A's record; the matrix then
// checks that county A's actor of each allowed role reaches it and county B's actor of the same role
// is answered exactly as for a record that does not exist. A use case that names a record and is in
// neither OWN_INPUTS nor SCOPE_EXEMPT fails the matrix: a new door is covered, or exempted with a
// reason someone wrote down.

export type ScopeEntry = {
  input: (f: AuthzFixtures) => Record<string, unknown>;
  /** the key naming the record (default: the first resource key of the schema) */
  key?: string;
  /** the roles to check (default: every role the permission grants) */
  roles?: Role[];
  /**
   * What county B's actor gets, besides "nothing written":
   * - "hidden" (default): NOT_FOUND or FORBIDDEN, with the same code and message as for a record that does not exist;
   * - "sameAsMissing": exactly what a record that does not exist gets (a refusal of another code, or an empty list);
   * - "refused": any refusal — for regions only, which are public (the service-point finder lists every one), so
   *   telling "outside your area" (403) from "no such region" is no leak.
   */
  foreign?: "hidden" | "sameAsMissing" | "refused";
  /** the part of a successful answer that must not differ (default: all of it) — e.g. a search's rows, not its echoed filters */
  compare?: (data: unknown) => unknown;
};

const today = () => shanghaiDate(new Date());
const CENTRAL = { address: "甲县城关镇人民路 1 号", phone: "0797-1234567", openingHours: "工作日 9:00-17:00" };

export const OWN_INPUTS: Record<string, ScopeEntry> = {
  // ── work orders: A's resident's consultation, held in county A ──
  "workOrder.read": { input: (f) => ({ number: f.order.number }) },
  "workOrder.attachment.download": { input: (f) => ({ number: f.order.number, id: f.order.attachmentId }) },
  "workOrder.accept": { input: (f) => ({ number: f.order.number }) },
  "workOrder.assign": { input: (f) => ({ number: f.order.number, handlerUserId: f.a.STAFF.userId }) },
  "workOrder.bulkAccept": { input: (f) => ({ numbers: [f.order.number] }) },
  "workOrder.reply": { input: (f) => ({ number: f.order.number, body: "您好，可以先收集工资条、考勤记录等证据。" }) },
  "workOrder.transfer": { input: (f) => ({ number: f.order.number, toOrganizationId: f.A.station.id, reason: "由工作站办理更方便" }) },
  "workOrder.escalate": { input: (f) => ({ number: f.order.number, reason: "情况复杂，需要上级处理" }) },
  "workOrder.return": { input: (f) => ({ number: f.order.number, toOrganizationId: f.A.room.id, reason: "请村工作室先行了解情况" }) },
  "workOrder.pause": { input: (f) => ({ number: f.order.number, reason: "请补充劳动合同" }) },
  "workOrder.resume": { input: (f) => ({ number: f.order.number }) },
  "workOrder.close": { input: (f) => ({ number: f.order.number, resultSummary: "已解答，建议申请劳动仲裁。" }) },
  "workOrder.followUp": { input: (f) => ({ number: f.order.number, kind: "CALLBACK", result: "电话回访，群众满意", score: "SATISFIED" }) },
  "workOrder.handOverTargets": { input: (f) => ({ number: f.order.number }) },
  "workOrder.rate": { input: (f) => ({ number: f.order.number, score: "SATISFIED" }) },
  "workOrder.requesterMessage": { input: (f) => ({ number: f.order.number, body: "补充：老板姓王。" }) },
  "workOrder.stats": { input: (f) => ({ code: f.A.county.code }) },

  // ── legal aid ──
  "legalAid.read": { input: (f) => ({ number: f.la.submitted }) },
  "legalAid.case": { input: (f) => ({ number: f.la.submitted }) },
  "legalAid.attachment.download": { input: (f) => ({ number: f.la.assigned, id: f.la.attachmentId }) },
  "legalAid.document": { input: (f) => ({ number: f.la.assigned, kind: "assignment-notice" }) },
  "legalAid.candidates": { input: (f) => ({ number: f.la.submitted }) },
  "legalAid.approve": { input: (f) => ({ number: f.la.submitted }) },
  "legalAid.refuse": { input: (f) => ({ number: f.la.submitted, reasons: "经审查不符合经济困难标准的规定。" }) },
  "legalAid.requestMaterials": { input: (f) => ({ number: f.la.submitted, materials: ["劳动合同"] }) },
  "legalAid.recordSupplement": { input: (f) => ({ number: f.la.submitted, note: "申请人当面补交了工资条" }) },
  "legalAid.advanceAid": { input: (f) => ({ number: f.la.submitted, reason: "仲裁时效即将届满", preservation: "" }) },
  "legalAid.assignLawyer": { input: (f) => ({ number: f.la.pool, lawyerUserId: f.a.LAWYER.userId }) },
  "legalAid.decideRequest": { input: (f) => ({ number: f.la.assigned, requestId: f.la.requestId, approve: "false", note: "律师已联系受援人" }) },
  "legalAid.followUp": { input: (f) => ({ number: f.la.assigned, score: "SATISFIED", result: "受援人表示满意" }) },
  "legalAid.gradeQuality": { input: (f) => ({ number: f.la.assigned, grade: "GOOD", methods: ["FILE_INSPECTION"] }) },
  "legalAid.archive": { input: (f) => ({ number: f.la.assigned }) },
  "legalAid.supplyMaterials": { input: (f) => ({ number: f.la.submitted, note: "补充说明", attachments: [] }) },
  "legalAid.withdraw": { input: (f) => ({ number: f.la.submitted, reason: "已和解" }) },
  "legalAid.choose": { input: (f) => ({ number: f.la.offered, lawyerChoices: [String(f.a.LAWYER.userId)] }) },
  "legalAid.fileObjection": { input: (f) => ({ number: f.la.refused, reason: "我家确实困难，有低保证明，请重新审查。" }) },
  "legalAid.decideObjection": { input: (f) => ({ number: f.la.refused, outcome: "UPHELD", note: "维持原决定" }) },
  "legalAid.requestLawyerChange": { input: (f) => ({ number: f.la.assigned, detail: "律师仍然不联系我。" }) },
  "legalAid.rate": { input: (f) => ({ number: f.la.assigned, score: "SATISFIED" }) },
  "legalAid.lawyerCase": { input: (f) => ({ number: f.la.assigned }) },
  "legalAid.addProgress": { input: (f) => ({ number: f.la.assigned, kind: "MEETING", on: today(), note: "会见受援人" }) },
  "legalAid.requestTermination": { input: (f) => ({ number: f.la.assigned, reason: "RECIPIENT_REQUEST", detail: "受援人要求终止" }) },
  "legalAid.closeCase": {
    input: (f) => ({ number: f.la.assigned, endedOn: today(), outcome: "SETTLED", summary: "双方达成和解，欠薪已全部支付。", moneyRecovered: "20000", feesWaived: "0", attachments: [] }),
  },
  "legalAid.acceptOffer": { input: (f) => ({ id: f.la.offerId }) },
  "legalAid.declineOffer": { input: (f) => ({ id: f.la.offerId, reason: "时间冲突" }) },
  "legalAid.takeFromPool": { input: (f) => ({ number: f.la.pool }) },
  "lawyer.suspend": { input: (f) => ({ lawyerUserId: f.a.LAWYER.userId, reason: "多次无正当理由拒绝指派" }) },
  "lawyer.reinstate": { input: (f) => ({ lawyerUserId: f.a.LAWYER.userId, note: "已整改" }) },

  // ── mediation: the case in progress (f.med.number) and the one with an agreement (f.med.done) ──
  "mediation.read": { input: (f) => ({ number: f.med.number }) },
  "mediation.aftercare": { input: (f) => ({ number: f.med.done }) },
  "mediation.document": { input: (f) => ({ number: f.med.done, kind: "agreement" }) },
  "mediation.respond": { input: (f) => ({ number: f.med.number, agreed: "yes" }) },
  "mediation.consent": { input: (f) => ({ number: f.med.number, partyId: f.med.partyIds[1], agreed: "yes" }) },
  "mediation.listMediators": { input: (f) => ({ number: f.med.number }) },
  "mediation.assignMediator": { input: (f) => ({ number: f.med.number, mediatorUserId: f.a.MEDIATOR.userId, chosenByParties: "" }) },
  "mediation.addParticipant": { input: (f) => ({ number: f.med.number, kind: "JUDGE", name: "王法官", unit: "甲县人民法院" }) },
  "mediation.removeParticipant": { input: (f) => ({ number: f.med.number, id: f.med.participantId }) },
  "mediation.scheduleSession": {
    input: (f) => ({ number: f.med.number, scheduledAt: `${addDays(today(), 5)}T09:30`, placeKind: "ROOM", place: "东村调解室", public: "" }),
  },
  "mediation.recordSession": { input: (f) => ({ number: f.med.number, sessionId: f.med.sessionId, attendees: "双方当事人", minutes: "双方陈述了各自意见，同意下次继续调解。" }) },
  "mediation.extendDeadline": { input: (f) => ({ number: f.med.number, days: 5, reason: "当事人请求延期", partiesRequested: "on" }) },
  "mediation.escalate": { input: (f) => ({ number: f.med.number, reason: "案情复杂，提请上级调解" }) },
  "mediation.recordFailure": { input: (f) => ({ number: f.med.number, reason: "双方分歧较大", routesTold: ["LITIGATION"], crimePrevented: "" }) },
  "mediation.withdraw": { input: (f) => ({ number: f.med.number, reason: "当事人撤回申请" }) },
  "mediation.recordAgreement": {
    input: (f) => ({
      number: f.med.number, oral: "", facts: "双方因宅基地边界发生争议。", disputes: "边界走向", responsibilities: "双方均有责任",
      terms: "以原界桩为界，拆除新砌围墙。", performanceManner: "自行拆除", performanceDueOn: addDays(today(), 10), signedOn: today(),
      crimePrevented: "", statusMatter: "",
    }),
  },
  "mediation.recordConfirmation": { input: (f) => ({ number: f.med.done, step: "APPLIED", statusMatter: "", appliedOn: today(), court: "甲县人民法院" }) },
  "mediation.recordPerformance": { input: (f) => ({ number: f.med.done, result: "PERFORMED" }) },
  "mediation.reportToCourt": { input: (f) => ({ number: f.med.done }) },

  // ── the network and the admin's records of county A ──
  "organization.read": { input: (f) => ({ id: f.A.station.id }) },
  "organization.updateContact": { input: (f) => ({ id: f.A.station.id, ...CENTRAL }) },
  "organization.update": {
    input: (f) => ({
      id: f.A.station.id, name: "东镇公共法律服务工作站", tier: "STATION", regionId: f.A.town.id, parentId: f.A.centre.id, ...CENTRAL,
      standardized: "on", decidesLegalAid: "", services: ["CONSULTATION"],
    }),
  },
  "organization.create": {
    input: (f) => ({
      name: "东镇第二工作室", tier: "ROOM", regionId: f.A.village.id, parentId: f.A.station.id, ...CENTRAL, standardized: "", decidesLegalAid: "", services: ["CONSULTATION"],
    }),
    foreign: "sameAsMissing",
  },
  "organization.formOptions": { input: (f) => ({ organizationId: f.A.station.id }), key: "organizationId", foreign: "sameAsMissing" },
  "organization.adminList": { input: (f) => ({ county: f.A.county.code, page: 1 }), foreign: "sameAsMissing" },
  "region.adminChildren": { input: (f) => ({ parent: f.A.county.id }) },
  "region.create": { input: (f) => ({ code: "369901003000", name: "北镇", level: "TOWNSHIP", parentId: f.A.county.id }), key: "parentId", foreign: "refused" },
  "region.update": { input: (f) => ({ id: f.A.town.id, name: "东镇街道", parentId: f.A.county.id }) },
  "region.setPopulation": { input: (f) => ({ regionId: f.A.county.id, year: 2025, residents: 250000 }) },
  "network.overview": { input: (f) => ({ code: f.A.county.code }) },
  "apiClient.create": { input: (f) => ({ name: "东镇移动端", role: "STAFF", organizationId: f.A.station.id }), foreign: "sameAsMissing" },
  "apiClient.revoke": { input: (f) => ({ id: f.client.id }) },
  "legalAid.hardshipStandard.set": {
    input: (f) => ({ regionCode: f.A.county.code, effectiveFrom: "2027-01-01", monthlyIncomePerCapita: "1300", basis: "甲县民政局 2027 年低保标准" }),
    foreign: "sameAsMissing",
  },
  "legalAid.hardshipStandard.remove": { input: (f) => ({ id: f.standardId }) },
  "notification.markRead": { input: (f) => ({ ids: f.noticeIds.map(String) }), roles: ["RESIDENT"], foreign: "sameAsMissing" },

  // ── accounts, audit and personal data (issue 9) ──
  "user.forceSignOut": { input: (f) => ({ userId: f.a.STAFF.userId }) },
  "user.unlock": { input: (f) => ({ userId: f.a.STAFF.userId }) },
  "user.resetTotp": { input: (f) => ({ userId: f.a.STAFF.userId }) },
  "user.setActive": { input: (f) => ({ userId: f.a.STAFF.userId, active: "false" }) },
  "audit.search": { input: (f) => ({ targetId: f.med.number }), key: "targetId", foreign: "sameAsMissing", compare: (d) => (d as { items: unknown }).items },
  "audit.export": { input: (f) => ({ targetId: f.med.number }), key: "targetId", foreign: "sameAsMissing" },
  "consent.list": { input: (f) => ({ number: f.la.submitted }) },
  "consent.withdraw": { input: (f) => ({ id: f.consentId }) },

  // ── indicators: regions are public, so a leader outside is refused (403), not hidden ──
  "stats.indicators": { input: (f) => ({ region: f.A.county.code }), foreign: "refused" },
  "stats.export": { input: (f) => ({ region: f.A.county.code, format: "csv" }), foreign: "refused" },
  "stats.ranking": { input: (f) => ({ region: f.A.county.code, indicatorId: "mediation.successRate" }), foreign: "refused" },
  "stats.trend": { input: (f) => ({ region: f.A.county.code, indicatorId: "mediation.successRate" }), foreign: "refused" },
  "stats.target.list": { input: (f) => ({ regionCode: f.A.county.code }), foreign: "sameAsMissing" },
  "stats.target.progress": { input: (f) => ({ regionCode: f.A.county.code, year: 2026 }), foreign: "refused" },
  "stats.target.set": { input: (f) => ({ indicatorId: "mediation.successRate", regionCode: f.A.county.code, year: 2027, target: 96 }), key: "regionCode", foreign: "sameAsMissing" },
  "stats.target.delete": { input: (f) => ({ id: f.targetId }) },
  "stats.figure.list": { input: (f) => ({ regionCode: f.A.county.code }), foreign: "sameAsMissing" },
  "stats.figure.enter": {
    input: (f) => ({ key: "funding.aidTotal", regionCode: f.A.county.code, periodStart: "2024-01-01", periodEnd: "2024-12-31", value: 100, source: "决算" }),
    foreign: "sameAsMissing",
  },
  "stats.figure.delete": { input: (f) => ({ id: f.figureId }) },
};

/** Use cases that name a record but have no county to be outside of — each with the reason. */
export const SCOPE_EXEMPT: Record<string, string> = {
  // public doors: anyone may call them; what they show is public or guarded by a secret the caller holds
  "servicePoint.read": "public: a service point's page is public information",
  "servicePoint.regions": "public: the region picker of the service-point finder",
  "servicePoint.search": "public: the service-point finder",
  "lawyer.roster": "public: the legal-aid lawyer roster (点援制)",
  "lawyer.rosterCard": "public: one lawyer of the roster",
  "legalAid.hardshipStandard.get": "public: the hardship standard of a region (the eligibility self-check)",
  "progress.read": "public: guarded by the grant issued after the SMS code (tests/integration/tracking.test.ts)",
  "progress.requestCode": "public: answers the same whether or not number and phone match (tests/integration/tracking.test.ts)",
  "progress.verifyCode": "public: guarded by the SMS code sent to the phone on record",
  "workOrder.ratingLink": "public: guarded by the unguessable token sent to the requester",
  "workOrder.rateByLink": "public: guarded by the unguessable token sent to the requester",
  // a place, not a record: where the matter arose; routing decides who keeps it
  "workOrder.intake": "regionCode is where the matter arose: a hotline desk takes calls about any place, routing picks the keeper",
  "workOrder.submit": "regionCode/organizationId are where the resident asks for help (public service points), not a record of someone",
  "legalAid.intake": "regionCode is the applicant's place: routing sends it to that county's deciding centre",
  "legalAid.apply": "regionCode is the applicant's place (the resident's own application)",
  "mediation.intake": "regionCode is where the dispute arose: a court or police referral may come from anywhere",
  "mediation.apply": "regionCode is where the dispute arose (the resident's own application)",
  // the actor's own account
  "account.totp.enable": "code is a one-time code of the actor's own authenticator, not a record",
  "account.totp.disable": "code is a one-time code of the actor's own authenticator, not a record",
  // filters over a list that is already scoped to the actor
  "legalAid.pool": "countyCode only narrows the pool, which poolRefusals already limits to cases the lawyer may take",
  // city-wide records with no region to scope by
  "imports.read": "import batches are city-wide (no region): only a city-wide admin reads them (the city-wide test below)",
};

/** Valid inputs of the admin's city-wide operations (they name no record, so OWN_INPUTS has none). */
export const CITY_WIDE_INPUTS: Record<string, (f: AuthzFixtures) => Record<string, unknown>> = {
  "calendar.setDay": () => ({ date: "2027-10-08", kind: "HOLIDAY", name: "国庆节" }),
  "calendar.removeDay": () => ({ date: "2027-10-08" }),
  "workOrder.rules.update": () => ({ type: "CONSULTATION", handlingTier: "ROOM", needsDecider: "", limitValue: 5, limitUnit: "WORKING_DAYS", dueSoonHours: 24 }),
  "legalAid.rules.update": () => ({ dayBasis: "WORKING_DAYS", assignDays: 3, materialsDays: 15, objectionDays: 5, closingMaterialsDays: 15, offerHours: 24, maxChoices: 3 }),
  "imports.run": () => ({ kind: "WORK_ORDER", file: new File([new TextEncoder().encode("编号\n")], "历史工单.csv", { type: "text/csv" }) }),
  "imports.read": () => ({ id: 1 }),
};
