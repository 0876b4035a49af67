import { Writable } from "node:stream";
import pino from "pino";
import { z } from "zod";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { idNumberFor, makeLawyer, meta, must, sampleApplication } from "./helpers/legal-aid";
import { defineUseCase, execute, type Result } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { decryptField } from "@/lib/crypto";
import { storage } from "@/lib/files/storage";
import { logger } from "@/lib/logger";
import { applyForLegalAid, takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { getLegalAidApplication, getLegalAidCase, listLegalAidQueue } from "@/lib/legal-aid/queries";
import { assignLawyer } from "@/lib/legal-aid/assignment";
import { getLawyerCase, listMyCases } from "@/lib/legal-aid/lawyer-case";
import { getLegalAidDocument } from "@/lib/legal-aid/documents";
import { applyForMediation, recordConsent, registerMediationCase } from "@/lib/mediation/intake";
import { getMediationCase, listMediationCases, listMyMediationCases } from "@/lib/mediation/queries";
import { getWorkOrder, listInbox, listMyWorkOrders } from "@/lib/work-orders/queries";
import { exportIndicators } from "@/lib/stats/export";
import { listConsents, withdrawConsent } from "@/lib/personal-data/consent";
import { revealPersonalData } from "@/lib/personal-data/reveal";
import { ANONYMISED, anonymiseExpired } from "@/lib/personal-data/retention";
import { recountAll } from "@/lib/stats/counts";
import { addDays, endOfShanghaiDay, shanghaiDate, type IsoDate } from "@/lib/calendar/working-days";

// Issue 9 item 4 (personal data) against a real PostgreSQL: consent records, the audited reveal of a
// full ID number within the record's own scope, masking in every list / view / printout / export,
// the retention job (personal data gone, indicators unchanged) and no personal data in logs.

const VILLAGE_A = "369901001001";
const APPLICANT_ID = idNumberFor(1);
const AGENT_ID = idNumberFor(2);
const PARTY_ID = idNumberFor(3);
const APPLICANT_PHONE = "13812340001";
const AGENT_PHONE = "13812340002";
const PARTY_PHONE = "13900000002";

const fails = <T,>(r: Result<T>) => {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  return r;
};

/** A green-channel application with an agent (Art. 40): sensitive (disability), so both consents. */
const sensitiveApplication = (seq = 1) => ({
  ...sampleApplication(seq, { name: "陈秀兰", phone: APPLICANT_PHONE }),
  applicant: { name: "陈秀兰", idNumber: idNumberFor(seq), phone: APPLICANT_PHONE, address: "东村 3 组 12 号", regionCode: VILLAGE_A },
  agent: { name: "陈大明", relation: "儿子", phone: AGENT_PHONE, idNumber: AGENT_ID },
  greenChannel: "SEVERE_DISABILITY",
  consent: { personalInfo: "on", sensitiveInfo: "on" },
});

/** A walk-in mediation between two people, both present and agreeing, registered by the village room. */
const walkIn = () => ({
  source: "APPLICATION",
  category: "HOUSING_HOMESTEAD",
  regionCode: VILLAGE_A,
  summary: "与邻居王大伯因宅基地边界发生争议。",
  allAgreed: "on",
  parties: [
    { role: "APPLICANT", name: "陈秀兰", phone: APPLICANT_PHONE, idNumber: APPLICANT_ID, address: "东村 3 组 12 号" },
    { role: "RESPONDENT", name: "王大伯", phone: PARTY_PHONE, idNumber: PARTY_ID, address: "东村 3 组 13 号" },
  ],
});

describe("personal data", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let officer: Actor;
  let centreStaff: Actor;
  let resident: Actor;
  let roomMediator: Actor;

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id, name: "审查员" });
    centreStaff = await makeActor({ role: "STAFF", organizationId: n.centre.id, name: "窗口" });
    resident = await makeActor({ role: "RESIDENT", name: "陈秀兰", phone: APPLICANT_PHONE });
    roomMediator = await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "老娘舅" });
  });

  describe("consent records", () => {
    it("an online application records the personal-information consent and, separately, the sensitive one with its categories", async () => {
      const { number } = must(await execute(applyForLegalAid, sensitiveApplication(), resident, meta));
      const order = await db.workOrder.findUniqueOrThrow({ where: { number }, include: { legalAid: true, consents: { orderBy: { id: "asc" } } } });
      expect(order.consents).toMatchObject([
        { purpose: "PERSONAL_INFO", userId: resident.userId, subjectName: "陈大明", categories: [], noticeVersion: "legal-aid-2026-12", withdrawnAt: null },
        { purpose: "SENSITIVE_INFO", userId: resident.userId, subjectName: "陈大明", categories: ["disability"], noticeVersion: "legal-aid-2026-12" },
      ]);
      // the application's own columns keep working
      expect(order.legalAid?.personalInfoConsentAt).toBeInstanceOf(Date);
      expect(order.legalAid?.sensitiveInfoConsentAt).toBeInstanceOf(Date);
    });

    it("a plain staff intake records only the personal-information consent; an abuse victim or a child under 14 needs the separate one", async () => {
      const { number } = must(await execute(takeInLegalAidApplication, sampleApplication(5), centreStaff, meta));
      const consents = await db.consentRecord.findMany({ where: { workOrder: { number } } });
      // the applicant's account (found by the phone, as the intake links it) is the consent's subject too
      expect(consents).toMatchObject([{ purpose: "PERSONAL_INFO", userId: resident.userId, subjectName: "陈秀兰" }]);

      const victim = { ...sampleApplication(6), economic: { basis: "NO_ECONOMIC_TEST", situation: "ABUSE_VICTIM" } };
      expect(fails(await execute(takeInLegalAidApplication, victim, centreStaff, meta)).fieldErrors?.["consent.sensitiveInfo"]).toBeDefined();
      const child17 = "36990120180101123";
      const { idNumberCheckChar } = await import("@/lib/identity/id-number");
      const child = { ...sampleApplication(7), applicant: { ...sampleApplication(7).applicant, idNumber: child17 + idNumberCheckChar(child17) } };
      expect(fails(await execute(takeInLegalAidApplication, child, centreStaff, meta)).fieldErrors?.["consent.sensitiveInfo"]).toBeDefined();
      const ok = must(await execute(takeInLegalAidApplication, { ...victim, consent: { personalInfo: "on", sensitiveInfo: "on" } }, centreStaff, meta));
      expect(await db.consentRecord.findMany({ where: { workOrder: { number: ok.number }, purpose: "SENSITIVE_INFO" } })).toMatchObject([{ categories: ["abuseVictim"] }]);
    });

    it("mediation: the applying party's consent at intake; a party with an account when they agree", async () => {
      const respondent = await makeActor({ role: "RESIDENT", name: "王大伯", phone: PARTY_PHONE });
      const applied = must(await execute(applyForMediation, {
        category: "NEIGHBOUR", regionCode: VILLAGE_A, summary: "邻居噪音纠纷。", self: { address: "东村 3 组 12 号" },
        parties: [{ role: "RESPONDENT", name: "王大伯", phone: PARTY_PHONE }],
      }, resident, meta));
      const order = await db.workOrder.findUniqueOrThrow({ where: { number: applied.number }, include: { consents: true, mediation: { include: { parties: true } } } });
      expect(order.consents).toMatchObject([{ purpose: "PERSONAL_INFO", userId: resident.userId, subjectName: "陈秀兰", noticeVersion: "mediation-2026-12" }]);
      const party = order.mediation!.parties.find((p) => p.userId === respondent.userId)!;
      must(await execute(recordConsent, { number: applied.number, partyId: party.id, agreed: "yes" }, roomMediator, meta));
      expect(await db.consentRecord.findMany({ where: { workOrderId: order.id }, orderBy: { id: "asc" } })).toMatchObject([
        { userId: resident.userId }, { userId: respondent.userId, subjectName: "王大伯", purpose: "PERSONAL_INFO" },
      ]);
    });

    it("staff read every consent of a case, a resident only their own; a resident withdraws their sensitive consent, once, and the staff see it", async () => {
      const { number } = must(await execute(applyForLegalAid, sensitiveApplication(), resident, meta));
      const other = await makeActor({ role: "RESIDENT", name: "李四", phone: "13700000009" });
      const staffView = must(await execute(listConsents, { number }, officer, meta));
      expect(staffView.map((c) => [c.purpose, c.withdrawable])).toEqual([["PERSONAL_INFO", false], ["SENSITIVE_INFO", false]]);
      expect(staffView[1]).toMatchObject({ categories: ["残疾情况"], noticeText: expect.stringContaining("单独同意") });
      const mine = must(await execute(listConsents, { number }, resident, meta));
      const sensitive = mine.find((c) => c.purpose === "SENSITIVE_INFO")!;
      expect(sensitive.withdrawable).toBe(true);
      expect(fails(await execute(listConsents, { number }, other, meta)).code).toBe("NOT_FOUND");

      // someone else's consent, or the personal-information one, cannot be withdrawn here
      expect(fails(await execute(withdrawConsent, { id: sensitive.id }, other, meta)).code).toBe("NOT_FOUND");
      const personal = mine.find((c) => c.purpose === "PERSONAL_INFO")!;
      expect(fails(await execute(withdrawConsent, { id: personal.id }, resident, meta)).code).toBe("NOT_FOUND");
      expect(fails(await execute(withdrawConsent, { id: sensitive.id }, officer, meta)).code).toBe("FORBIDDEN");

      must(await execute(withdrawConsent, { id: sensitive.id }, resident, meta));
      const row = await db.consentRecord.findUniqueOrThrow({ where: { id: sensitive.id } });
      expect(row.withdrawnAt).toBeInstanceOf(Date);
      expect((await db.legalAidApplication.findFirstOrThrow({ where: { workOrder: { number } } })).sensitiveInfoConsentAt).toBeNull();
      expect(fails(await execute(withdrawConsent, { id: sensitive.id }, resident, meta)).code).toBe("RULE_VIOLATION");
      // the case goes on; the staff see the withdrawal on the timeline and in the consents
      const c = must(await execute(getLegalAidCase, { number }, officer, meta));
      expect(c.status).toBe("SUBMITTED");
      expect(c.events.at(-1)).toMatchObject({ kind: "REQUESTER_MESSAGE", reason: "撤回敏感个人信息处理同意" });
      expect(must(await execute(listConsents, { number }, officer, meta))[1].withdrawnAt).not.toBeNull();
      expect(await db.auditEvent.count({ where: { action: "consent.withdraw", result: "SUCCESS", targetId: String(sensitive.id) } })).toBe(1);
    });
  });

  it("at rest: ID numbers and the economic basis (which names disability, minors, abuse) are ciphertext; the case page reads them", async () => {
    const exempt = { ...sensitiveApplication(), economic: { basis: "EXEMPT_GROUP", group: "DISABLED_NO_INCOME" } };
    const { number } = must(await execute(applyForLegalAid, exempt, resident, meta));
    const [raw] = await db.$queryRaw<{ j: string }[]>`SELECT row_to_json(a)::text AS j FROM "LegalAidApplication" a`;
    for (const plain of [idNumberFor(1), AGENT_ID, "DISABLED_NO_INCOME"]) expect(raw.j).not.toContain(plain);
    const c = must(await execute(getLegalAidCase, { number }, officer, meta));
    expect(c.economicDetail).toEqual({ basis: "EXEMPT_GROUP", group: "DISABLED_NO_INCOME" });
  });

  describe("显示完整号码 (reveal)", () => {
    const revealed = async (actor: Actor, input: Record<string, unknown>) => execute(revealPersonalData, input, actor, meta);

    it("the centre's officer and staff see the applicant's and agent's full numbers; each reveal is audited with its target", async () => {
      const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
      const { number } = must(await execute(takeInLegalAidApplication, sensitiveApplication(), roomStaff, meta));
      expect(must(await revealed(officer, { kind: "legalAidApplicant", number }))).toEqual({
        kind: "legalAidApplicant", value: idNumberFor(1), masked: `${idNumberFor(1).slice(0, 4)}**********${idNumberFor(1).slice(-4)}`,
      });
      expect(must(await revealed(centreStaff, { kind: "legalAidAgent", number })).value).toBe(AGENT_ID);
      const audits = await db.auditEvent.findMany({ where: { action: "personalData.reveal" }, orderBy: { id: "asc" } });
      expect(audits).toMatchObject([
        { actorUserId: officer.userId, result: "SUCCESS", targetType: "LegalAidApplicant", targetId: number },
        { actorUserId: centreStaff.userId, result: "SUCCESS", targetType: "LegalAidAgent", targetId: number },
      ]);
      // the audit holds the target, never the number
      expect(JSON.stringify(audits, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(idNumberFor(1));

      // the room that took it in no longer holds it: as on its detail page, not found (and audited as denied)
      expect(fails(await revealed(roomStaff, { kind: "legalAidApplicant", number })).code).toBe("NOT_FOUND");
      expect(await db.auditEvent.count({ where: { action: "personalData.reveal", result: "DENIED", actorUserId: roomStaff.userId } })).toBe(1);
    });

    it("leaders, admins and residents may not reveal; lawyers only on their own assigned case", async () => {
      const { number } = must(await execute(takeInLegalAidApplication, sensitiveApplication(), centreStaff, meta));
      const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
      const admin = await makeActor({ role: "ADMIN" });
      for (const who of [leader, admin, resident]) {
        expect(fails(await revealed(who, { kind: "legalAidApplicant", number })).code).toBe("FORBIDDEN");
      }
      const firm = await db.lawFirm.create({ data: { name: "甲律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
      const lawyer = await makeLawyer({ name: "张律师", firmId: firm.id, regionIds: [n.county.id] });
      const otherLawyer = await makeLawyer({ name: "李律师", firmId: firm.id, regionIds: [n.county.id] });
      expect(fails(await revealed(lawyer, { kind: "legalAidApplicant", number })).code).toBe("NOT_FOUND");
      const order = await db.workOrder.update({ where: { number }, data: { status: "IN_PROGRESS", dueAt: endOfShanghaiDay(addDays(shanghaiDate(new Date()), 5)) } });
      await db.legalAidApplication.update({
        where: { workOrderId: order.id },
        data: { status: "APPROVED", decidedAt: new Date(), decidedByUserId: officer.userId, decidedOnTime: true, assignDueAt: order.dueAt },
      });
      must(await execute(assignLawyer, { number, lawyerUserId: lawyer.userId }, officer, meta));
      expect(must(await revealed(lawyer, { kind: "legalAidApplicant", number })).value).toBe(idNumberFor(1));
      expect(fails(await revealed(otherLawyer, { kind: "legalAidApplicant", number })).code).toBe("NOT_FOUND");
    });

    it("a mediation party's number for the case team only; a higher tier reading through its subtree is refused", async () => {
      const { number } = must(await execute(registerMediationCase, walkIn(), roomMediator, meta));
      const c = must(await execute(getMediationCase, { number }, roomMediator, meta));
      const respondent = c.parties.find((p) => p.role === "RESPONDENT")!;
      expect(respondent.idNumber).toBe(`${PARTY_ID.slice(0, 4)}**********${PARTY_ID.slice(-4)}`);
      expect(must(await revealed(roomMediator, { kind: "mediationParty", number, partyId: respondent.id })).value).toBe(PARTY_ID);
      const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
      expect(must(await execute(getMediationCase, { number }, stationStaff, meta)).inTeam).toBe(false);
      expect(fails(await revealed(stationStaff, { kind: "mediationParty", number, partyId: respondent.id })).code).toBe("NOT_FOUND");
      // a party of another case through this case's number: not found
      const other = must(await execute(registerMediationCase, walkIn(), roomMediator, meta));
      const otherParty = await db.mediationParty.findFirstOrThrow({ where: { case: { workOrder: { number: other.number } } } });
      expect(fails(await revealed(roomMediator, { kind: "mediationParty", number, partyId: otherParty.id })).code).toBe("NOT_FOUND");
    });
  });

  it("lists, case views, printouts and the export never carry a full ID number; lists mask phones", async () => {
    const { number } = must(await execute(applyForLegalAid, sensitiveApplication(), resident, meta));
    const order = await db.workOrder.update({ where: { number }, data: { status: "IN_PROGRESS" } });
    await db.legalAidApplication.update({
      where: { workOrderId: order.id },
      data: { status: "APPROVED", decidedAt: new Date(), decidedByUserId: officer.userId, decidedOnTime: true, assignDueAt: endOfShanghaiDay(addDays(shanghaiDate(new Date()), 5)) },
    });
    const firm = await db.lawFirm.create({ data: { name: "甲律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
    const lawyer = await makeLawyer({ name: "张律师", firmId: firm.id, regionIds: [n.county.id] });
    must(await execute(assignLawyer, { number, lawyerUserId: lawyer.userId }, officer, meta));
    const mediation = must(await execute(registerMediationCase, walkIn(), roomMediator, meta));
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const today = shanghaiDate(new Date());

    const reads: [string, Result<unknown>][] = [
      ["legal-aid queue", await execute(listLegalAidQueue, { view: "handling" }, officer, meta)],
      ["legal-aid case (officer)", await execute(getLegalAidCase, { number }, officer, meta)],
      ["legal-aid case (applicant)", await execute(getLegalAidCase, { number }, resident, meta)],
      ["legal-aid application", await execute(getLegalAidApplication, { number }, officer, meta)],
      ["decision document", await execute(getLegalAidDocument, { number, kind: "decision" }, officer, meta)],
      ["assignment notice", await execute(getLegalAidDocument, { number, kind: "assignment-notice" }, officer, meta)],
      ["lawyer's list", await execute(listMyCases, {}, lawyer, meta)],
      ["lawyer's case", await execute(getLawyerCase, { number }, lawyer, meta)],
      ["mediation list", await execute(listMediationCases, { view: "committee" }, roomMediator, meta)],
      ["mediation case", await execute(getMediationCase, { number: mediation.number }, roomMediator, meta)],
      ["resident's mediation list", await execute(listMyMediationCases, {}, resident, meta)],
      ["inbox (room)", await execute(listInbox, {}, roomMediator, meta)],
      ["inbox search by phone", await execute(listInbox, { q: APPLICANT_PHONE }, roomMediator, meta)],
      ["work order", await execute(getWorkOrder, { number: mediation.number }, roomMediator, meta)],
      ["resident's orders", await execute(listMyWorkOrders, {}, resident, meta)],
    ];
    for (const [what, r] of reads) {
      expect(r.ok, `${what}: ${JSON.stringify(r)}`).toBe(true);
      const text = JSON.stringify(r);
      for (const id of [idNumberFor(1), AGENT_ID, APPLICANT_ID, PARTY_ID]) expect(text, what).not.toContain(id);
    }
    // the lists show phones masked: the inbox found the order by the full number and shows it masked
    const inbox = must(await execute(listInbox, { q: APPLICANT_PHONE }, roomMediator, meta));
    expect(inbox.items.map((i) => i.requesterPhone)).toEqual(["138****0001"]);
    expect(JSON.stringify(must(await execute(listInbox, {}, roomMediator, meta)))).not.toContain(APPLICANT_PHONE);

    // the export holds aggregates only
    for (const format of ["csv", "xlsx"] as const) {
      const file = must(await execute(exportIndicators, { from: today, to: today, format }, leader, meta));
      const text = Buffer.from(file.bytes).toString("latin1");
      for (const id of [idNumberFor(1), AGENT_ID, PARTY_ID]) expect(text).not.toContain(id);
    }
  });

  describe("retention (lib/personal-data/retention.ts)", () => {
    const OLD = new Date("2019-03-04T02:00:00Z");
    const OLD_CLOSED = new Date("2019-06-10T08:00:00Z");
    const PERSONAL = ["陈秀兰", "陈大明", "王大伯", APPLICANT_PHONE, AGENT_PHONE, PARTY_PHONE, idNumberFor(1), AGENT_ID, PARTY_ID, "东村 3 组 12 号", "东村 3 组 13 号", "在工地干了半年", "宅基地边界"];

    /** Every row that hangs off the given work orders, as JSON text. */
    async function rowsOf(orderIds: number[]): Promise<Record<string, string[]>> {
      const apps = `(SELECT id FROM "LegalAidApplication" WHERE "workOrderId" = ANY($1::int[]))`;
      const cases = `(SELECT id FROM "MediationCase" WHERE "workOrderId" = ANY($1::int[]))`;
      const queries: Record<string, string> = {
        WorkOrder: `id = ANY($1::int[])`,
        LegalAidApplication: `"workOrderId" = ANY($1::int[])`,
        MediationCase: `"workOrderId" = ANY($1::int[])`,
        ConsentRecord: `"workOrderId" = ANY($1::int[])`,
        Notification: `"workOrderId" = ANY($1::int[])`,
        WorkOrderRating: `"workOrderId" = ANY($1::int[])`,
        WorkOrderFollowUp: `"workOrderId" = ANY($1::int[])`,
        WorkOrderPause: `"workOrderId" = ANY($1::int[])`,
        WorkOrderEvent: `"workOrderId" = ANY($1::int[])`,
        WorkOrderAttachment: `"workOrderId" = ANY($1::int[])`,
        LegalAidObjection: `"applicationId" IN ${apps}`,
        LegalAidRequest: `"applicationId" IN ${apps}`,
        MediationParty: `"caseId" IN ${cases}`,
        MediationSession: `"caseId" IN ${cases}`,
      };
      const out: Record<string, string[]> = {};
      for (const [table, where] of Object.entries(queries)) {
        const rows = await db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM "${table}" t WHERE ${where} ORDER BY 1`, orderIds);
        out[table] = rows.map((r) => r.j);
      }
      return out;
    }

    /** A legal-aid case archived in 2019: every counted field set, and personal data everywhere it can be. */
    async function oldLegalAid(lawyer: Actor, when = { applied: OLD, closed: OLD_CLOSED }) {
      const { number } = must(await execute(applyForLegalAid, sensitiveApplication(), resident, meta));
      const order = await db.workOrder.findUniqueOrThrow({ where: { number }, include: { legalAid: true } });
      const appId = order.legalAid!.id;
      await db.$executeRaw`UPDATE "WorkOrder" SET status = 'CLOSED', "createdAt" = ${when.applied}, "closedAt" = ${when.closed}, "closedOnTime" = true,
        "resultSummary" = '已为陈秀兰指派律师' WHERE id = ${order.id}`;
      await db.$executeRaw`UPDATE "LegalAidApplication" SET status = 'ARCHIVED', "decidedAt" = ${when.applied}, "decidedOnTime" = true, "decisionReason" = '陈秀兰符合条件',
        "lawyerUserId" = ${lawyer.userId}, "assignedAt" = ${when.applied}, "assignedOnTime" = true, "assignedSameDay" = true, "assignedVia" = 'OFFICER',
        "closedAt" = ${when.closed}, outcome = 'WON', "outcomeSummary" = '为陈秀兰追回工资', "moneyRecovered" = 20000, "feesWaived" = 1500,
        satisfaction = 'SATISFIED', "satisfactionComment" = '谢谢，电话 13812340001', "followedUpAt" = ${when.closed},
        "qualityGrade" = 'GOOD', "qualityGradedAt" = ${when.closed}, "archivedAt" = ${when.closed}, "updatedAt" = ${when.closed} WHERE id = ${appId}`;
      await db.legalAidAssignment.create({ data: { applicationId: appId, round: 1, lawyerUserId: lawyer.userId!, via: "OFFICER", assignedAt: when.applied } });
      await db.legalAidObjection.create({ data: { applicationId: appId, reason: "陈秀兰不服", dueAt: when.applied, decidedAt: when.applied, outcome: "CORRECTED" } });
      await db.workOrderRating.create({ data: { workOrderId: order.id, round: 1, score: "SATISFIED", comment: "陈秀兰很满意", via: "PHONE_FOLLOW_UP", at: when.closed } });
      await db.workOrderFollowUp.create({ data: { workOrderId: order.id, kind: "CALLBACK", organizationId: n.centre.id, openedAt: when.closed, doneAt: when.closed, result: "回访陈秀兰 13812340001" } });
      const file = await storage.put(new TextEncoder().encode("%PDF-1.4 残疾人证 陈秀兰"), "pdf");
      await db.workOrderAttachment.create({ data: { workOrderId: order.id, fileName: "陈秀兰残疾人证.pdf", contentType: "application/pdf", size: 10, sha256: file.sha256, storageKey: file.key } });
      return { number, orderId: order.id, appId, storageKey: file.key };
    }

    /** A mediation case that succeeded in 2019, with sessions, an agreement and signatures. */
    async function oldMediation() {
      const { number } = must(await execute(registerMediationCase, walkIn(), roomMediator, meta));
      const c = await db.mediationCase.findFirstOrThrow({ where: { workOrder: { number } } });
      await db.$executeRaw`UPDATE "WorkOrder" SET status = 'CLOSED', "createdAt" = ${OLD}, "closedAt" = ${OLD_CLOSED}, "closedOnTime" = true WHERE id = ${c.workOrderId}`;
      await db.$executeRaw`UPDATE "MediationCase" SET status = 'SUCCEEDED', "endedAt" = ${OLD_CLOSED}, "agreementFacts" = '陈秀兰与王大伯的宅基地边界',
        "agreementTerms" = '王大伯拆除围墙', "agreementSignedOn" = ${OLD_CLOSED}, signatures = '{"1":"data:image/png;base64,AAAA"}'::jsonb,
        "confirmationGranted" = true, performance = 'PERFORMED', "performanceNote" = '王大伯已履行', "updatedAt" = ${OLD_CLOSED} WHERE id = ${c.id}`;
      await db.mediationSession.create({ data: { caseId: c.id, scheduledAt: OLD, placeKind: "OTHER", place: "陈秀兰家中（东村 3 组 12 号）", attendees: "陈秀兰、王大伯", minutes: "王大伯同意拆墙", heldAt: OLD } });
      return { number, orderId: c.workOrderId, caseId: c.id };
    }

    it("anonymises closed records past the retention period: no personal value remains, the indicators are unchanged; young and open records untouched; idempotent", async () => {
      const firm = await db.lawFirm.create({ data: { name: "甲律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
      const lawyer = await makeLawyer({ name: "张律师", firmId: firm.id, regionIds: [n.county.id] });
      const aid = await oldLegalAid(lawyer);
      const med = await oldMediation();
      // young: closed last month; open: registered in 2019 and still in progress
      const lastMonth = new Date(Date.now() - 30 * 86_400_000);
      const young = await oldLegalAid(lawyer, { applied: lastMonth, closed: lastMonth });
      const open = must(await execute(registerMediationCase, walkIn(), roomMediator, meta));
      const openOrder = await db.workOrder.findUniqueOrThrow({ where: { number: open.number } });
      await db.$executeRaw`UPDATE "WorkOrder" SET "createdAt" = ${OLD} WHERE id = ${openOrder.id}`;
      await db.$executeRaw`UPDATE "MediationCase" SET "updatedAt" = ${OLD} WHERE "workOrderId" = ${openOrder.id}`;
      const untouched = [young.orderId, openOrder.id];
      const hashBefore = (await db.legalAidApplication.findUniqueOrThrow({ where: { id: aid.appId } })).applicantIdHash;

      const scope = { regionPath: n.city.path, from: "2018-01-01" as IsoDate, to: addDays(shanghaiDate(new Date()), 1) };
      const figuresBefore = await recountAll(db, scope);
      const untouchedBefore = await rowsOf(untouched);
      expect(JSON.stringify(await rowsOf([aid.orderId, med.orderId]))).toContain("陈秀兰");
      expect(figuresBefore).toMatchObject({ aidAccepted: 2, aidRecipients: 1, aidMoneyRecovered: 40000, mediationSucceeded: 1, ordersRated: 2 });

      const counts = await anonymiseExpired(db, { now: new Date(), retention: 5 });
      expect(counts).toEqual({ workOrders: 2, legalAid: 1, mediation: 1, parties: 2, attachments: 1 });

      // no personal value of the two records remains, in any of their rows
      const after = JSON.stringify(await rowsOf([aid.orderId, med.orderId]));
      for (const value of PERSONAL) expect(after, value).not.toContain(value);
      expect(after).toContain(ANONYMISED);
      const app = await db.legalAidApplication.findUniqueOrThrow({ where: { id: aid.appId } });
      expect(decryptField(app.applicantIdCipher)).toBe(ANONYMISED);
      expect(app).toMatchObject({ agentIdCipher: null, applicantUserId: null, economicDetail: {}, applicantIdHash: hashBefore });
      expect(await db.workOrder.count({ where: { id: { in: [aid.orderId, med.orderId] }, anonymisedAt: { not: null } } })).toBe(2);
      await expect(storage.get(aid.storageKey)).rejects.toThrow();
      // the resident's own lists no longer hold the old case; the pages still open for the staff
      expect(must(await execute(listMyWorkOrders, {}, resident, meta)).map((o) => o.number)).not.toContain(aid.number);
      expect(must(await execute(getLegalAidCase, { number: aid.number }, officer, meta)).applicant).toMatchObject({ name: ANONYMISED, idNumber: "****" });

      // the indicators are exactly what they were
      expect(await recountAll(db, scope)).toEqual(figuresBefore);
      // young and open records untouched
      expect(await rowsOf(untouched)).toEqual(untouchedBefore);
      expect(JSON.stringify(untouchedBefore)).toContain("陈秀兰");

      // a system action, audited with counts only
      const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "retention.anonymise" } });
      expect(audit).toMatchObject({ actorUserId: null, actorRole: null, result: "SUCCESS", detail: expect.objectContaining({ workOrders: 2, parties: 2 }) });

      // idempotent: a second run finds nothing and changes nothing
      const settled = await rowsOf([aid.orderId, med.orderId, ...untouched]);
      expect(await anonymiseExpired(db, { now: new Date(), retention: 5 })).toEqual({ workOrders: 0, legalAid: 0, mediation: 0, parties: 0, attachments: 0 });
      expect(await rowsOf([aid.orderId, med.orderId, ...untouched])).toEqual(settled);
      expect(await db.auditEvent.count({ where: { action: "retention.anonymise" } })).toBe(1);
    });

    it("a case still moving (an open follow-up, a recent step on the case) waits, whatever its order's closing date", async () => {
      const firm = await db.lawFirm.create({ data: { name: "甲律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
      const lawyer = await makeLawyer({ name: "张律师", firmId: firm.id, regionIds: [n.county.id] });
      const followedUp = await oldLegalAid(lawyer);
      await db.workOrderFollowUp.create({ data: { workOrderId: followedUp.orderId, kind: "RECTIFICATION", organizationId: n.centre.id } });
      const recent = await oldLegalAid(lawyer);
      await db.$executeRaw`UPDATE "LegalAidApplication" SET "updatedAt" = now() WHERE id = ${recent.appId}`;
      expect(await anonymiseExpired(db, { now: new Date(), retention: 5 })).toMatchObject({ workOrders: 0 });
      // a longer retention keeps even the finished ones
      await db.workOrderFollowUp.updateMany({ where: { workOrderId: followedUp.orderId }, data: { doneAt: OLD_CLOSED } });
      expect(await anonymiseExpired(db, { now: new Date(), retention: 10 })).toMatchObject({ workOrders: 0 });
      expect(await anonymiseExpired(db, { now: new Date(), retention: 5 })).toMatchObject({ workOrders: 1 });
    });
  });

  describe("no personal data in logs", () => {
    const lines: string[] = [];
    const stream = pino.symbols.streamSym as unknown as keyof typeof logger;
    let original: unknown;
    beforeEach(() => {
      lines.length = 0;
      original = logger[stream];
      // the process logger's own formatters, hooks and redaction, writing into memory
      (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    });
    afterEach(() => {
      (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = original;
    });

    it("a use case failing with an INTERNAL error whose message carries the input (a Prisma error printing its arguments) logs none of it", async () => {
      // a real query that Prisma rejects, printing the call's arguments (the name, phone and ID) in its message
      const failing = defineUseCase({
        name: "test.failing",
        permission: "legalAid.intake",
        write: true,
        input: z.object({ name: z.string(), phone: z.string(), idNumber: z.string() }),
        async run({ db: tx, input }) {
          return tx.user.create({ data: { name: input.name, phone: input.phone, passwordHash: input.idNumber, noSuchField: input.idNumber } as never });
        },
      });
      const r = await execute(failing, { name: "陈秀兰", phone: APPLICANT_PHONE, idNumber: APPLICANT_ID }, centreStaff, meta);
      expect(r).toMatchObject({ ok: false, code: "INTERNAL" });
      const out = lines.join("");
      expect(out).toContain("use case failed");
      expect(out).toContain((r as { errorId: string }).errorId);
      expect(out).not.toContain(APPLICANT_PHONE);
      expect(out).not.toContain(APPLICANT_ID);
    });
  });
});
