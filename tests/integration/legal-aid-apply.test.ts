import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork, makeUser } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { actorForUser } from "@/lib/auth/actor";
import { applyForLegalAid, takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { getLegalAidApplication } from "@/lib/legal-aid/queries";
import { idNumberCheckChar } from "@/lib/identity/id-number";
import { decryptField } from "@/lib/crypto";
import { storage } from "@/lib/files/storage";
import { discardLegalAidDraft, getLegalAidDraft, saveLegalAidDraft } from "@/lib/legal-aid/drafts";

const meta = { ip: null, userAgent: null };
const id17 = "36990119700101123";
const ID = id17 + idNumberCheckChar(id17);

const application = (over: Record<string, unknown> = {}) => ({
  applicant: { name: "陈秀兰", idNumber: ID, phone: "13812340001", address: "东村 3 组 12 号", regionCode: "369901001001" },
  matter: { category: "LABOUR", facts: "在工地干了半年，老板拖欠工资 2 万元。", opposingParty: "某建筑劳务公司" },
  aidForm: "LABOUR_ARBITRATION",
  economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2400, householdSize: 3, signed: "on" } },
  consent: { personalInfo: "on" },
  ...over,
});

describe("legal-aid applications: intake", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
  });

  it("a village room takes in an application; it goes to the deciding county centre with a 7-working-day deadline, ID encrypted", async () => {
    const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    const r = await execute(takeInLegalAidApplication, application(), roomStaff, meta);
    expect(r).toMatchObject({ ok: true, data: { status: "SUBMITTED", number: expect.stringMatching(/^369901-/) } });
    const app = await db.legalAidApplication.findFirstOrThrow({ include: { workOrder: true } });
    expect(app.workOrder).toMatchObject({ type: "LEGAL_AID", organizationId: n.centre.id, firstOrganizationId: n.roomA.id, channel: "WALK_IN" });
    expect(app.applicantIdCipher).not.toContain(ID);
    expect(decryptField(app.applicantIdCipher)).toBe(ID);
    expect(app).toMatchObject({ matterKind: "CIVIL", economicBasis: "HARDSHIP_DECLARATION", greenChannel: false, sensitiveInfoConsentAt: null });
    // the room can take it in but cannot see it once it sits at the centre; the centre's staff can
    expect(await execute(getLegalAidApplication, { number: app.workOrder.number }, roomStaff, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id });
    const seen = await execute(getLegalAidApplication, { number: app.workOrder.number }, officer, meta);
    expect(seen).toMatchObject({ ok: true, data: { applicant: { idNumber: "3699**********" + ID.slice(-4) } } });
  });

  it("an application taken in for a resident's phone joins their account: the order, the case, the consent and an in-app notice", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const resident = await makeUser({ role: "RESIDENT", phone: "13812340001" });
    const r = await execute(takeInLegalAidApplication, application({ channel: "HOTLINE_12348" }), staff, meta);
    if (!r.ok) throw new Error(r.message);
    const order = await db.workOrder.findUniqueOrThrow({ where: { number: r.data.number }, include: { legalAid: true, consents: true } });
    expect(order.requesterUserId).toBe(resident.id);
    expect(order.legalAid?.applicantUserId).toBe(resident.id);
    expect(order.consents.map((c) => c.userId)).toEqual(order.consents.map(() => resident.id));
    const notices = await db.notification.findMany({ where: { workOrderId: order.id } });
    expect(notices.map((x) => [x.channel, x.recipientUserId])).toEqual([["IN_APP", resident.id]]);
  });

  it("refuses a bad ID number, a wrong phone, a missing consent and sensitive data without its separate consent", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const bad = await execute(
      takeInLegalAidApplication,
      application({ applicant: { name: "陈", idNumber: id17 + "0", phone: "12345", address: "x", regionCode: "369901001001" }, consent: {} }),
      staff,
      meta,
    );
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!bad.ok) {
      expect(bad.fieldErrors?.["applicant.idNumber"]).toEqual(["身份证号码校验未通过，请核对"]);
      expect(bad.fieldErrors?.["applicant.phone"]).toEqual(["请输入正确的11位手机号"]);
      expect(bad.fieldErrors?.["consent.personalInfo"]).toEqual(["请同意为办理法律援助处理您的个人信息"]);
    }
    const sensitive = await execute(takeInLegalAidApplication, application({ greenChannel: "SEVERE_DISABILITY" }), staff, meta);
    expect(sensitive).toMatchObject({ ok: false, fieldErrors: { "consent.sensitiveInfo": [expect.stringContaining("敏感个人信息")] } });
    const ok = await execute(takeInLegalAidApplication, application({ greenChannel: "SEVERE_DISABILITY", consent: { personalInfo: true, sensitiveInfo: true } }), staff, meta);
    expect(ok.ok).toBe(true);
    expect(await db.legalAidApplication.count()).toBe(1);
    expect(await db.workOrder.count()).toBe(1);
  });

  it("an Idempotency-Key makes a double submit one application", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    const body = application({ idempotencyKey: "wechat-la-000000001", channel: "WECHAT" });
    const [a, b] = await Promise.all([execute(takeInLegalAidApplication, body, staff, meta), execute(takeInLegalAidApplication, body, staff, meta)]);
    expect(a.ok && b.ok && a.data.number === b.data.number).toBe(true);
    expect(await db.legalAidApplication.count()).toBe(1);
    expect(await db.consentRecord.count()).toBe(1);
    // order, case, consent and audit event are one statement; the replay is audited as well, with the same case
    const number = a.ok ? a.data.number : "";
    const events = await db.auditEvent.findMany({ where: { action: "legalAid.intake" } });
    expect(events.map((e) => [e.result, e.targetType, e.targetId, e.actorUserId])).toEqual([
      ["SUCCESS", "LegalAidApplication", number, staff.userId],
      ["SUCCESS", "LegalAidApplication", number, staff.userId],
    ]);
  });

  it("a resident applies online and only they (not another resident) can read it", async () => {
    const me = await makeUser({ role: "RESIDENT", phone: "13812340001" });
    const other = await makeUser({ role: "RESIDENT", phone: "13812340002" });
    const meActor = (await actorForUser(db, me.id))!;
    const r = await execute(applyForLegalAid, application(), meActor, meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await db.workOrder.findFirstOrThrow()).toMatchObject({ channel: "WEB", requesterUserId: me.id });
    expect(await execute(getLegalAidApplication, { number: r.data.number }, meActor, meta)).toMatchObject({ ok: true, data: { applicant: { phone: "138****0001" } } });
    expect(await execute(getLegalAidApplication, { number: r.data.number }, (await actorForUser(db, other.id))!, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

// 证明材料: real image/PDF bytes; the EICAR test signature hidden inside a real PNG, so the type
// check passes it and only the virus scan can refuse it.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
const file = (bytes: Uint8Array, name: string, type = "application/octet-stream") => new File([bytes as BlobPart], name, { type });
const infectedPng = () => file(new Uint8Array([...PNG, ...new TextEncoder().encode(EICAR)]), "欠条.png", "image/png");

describe("legal-aid applications: 证明材料 uploads", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
  });
  afterEach(() => vi.restoreAllMocks());

  it("a resident's PNG and PDF are stored with purpose REQUEST on the application's work order", async () => {
    const me = await makeUser({ role: "RESIDENT", phone: "13812340001" });
    const actor = (await actorForUser(db, me.id))!;
    const r = await execute(applyForLegalAid, application({ attachments: [file(PNG, "身份证.png", "image/png"), file(PDF, "../收入证明.pdf", "application/pdf")] }), actor, meta);
    expect(r).toMatchObject({ ok: true });
    const order = await db.workOrder.findFirstOrThrow({ include: { attachments: { orderBy: { id: "asc" } } } });
    expect(order.attachments).toMatchObject([
      { fileName: "身份证.png", contentType: "image/png", size: PNG.length, purpose: "REQUEST", uploadedByUserId: me.id },
      { fileName: "收入证明.pdf", contentType: "application/pdf", size: PDF.length, purpose: "REQUEST", uploadedByUserId: me.id },
    ]);
    expect(await storage.get(order.attachments[0].storageKey)).toEqual(PNG);
    expect(await storage.get(order.attachments[1].storageKey)).toEqual(PDF);
  });

  it("the staff door stores the files too, uploaded by the staff member", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    expect(await execute(takeInLegalAidApplication, application({ attachments: file(PNG, "户口本.png", "image/png") }), staff, meta)).toMatchObject({ ok: true });
    expect(await db.workOrderAttachment.findMany()).toMatchObject([{ fileName: "户口本.png", purpose: "REQUEST", uploadedByUserId: staff.userId }]);
  });

  it("a text file renamed .pdf and an infected PNG are refused next to the field, and nothing at all is saved", async () => {
    const me = await makeUser({ role: "RESIDENT", phone: "13812340001" });
    const actor = (await actorForUser(db, me.id))!;
    const put = vi.spyOn(storage, "put");
    const fake = await execute(applyForLegalAid, application({ attachments: [file(PNG, "ok.png", "image/png"), file(new TextEncoder().encode("just text"), "收入证明.pdf", "application/pdf")] }), actor, meta);
    expect(fake).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { attachments: ["「收入证明.pdf」不是图片或 PDF 文件，请重新选择"] } });
    const infected = await execute(applyForLegalAid, application({ attachments: [file(PDF, "ok.pdf", "application/pdf"), infectedPng()] }), actor, meta);
    expect(infected).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { attachments: ["「欠条.png」未通过安全检查，不能上传"] } });
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    expect(await execute(takeInLegalAidApplication, application({ attachments: infectedPng() }), staff, meta)).toMatchObject({ ok: false, fieldErrors: { attachments: [expect.stringContaining("未通过安全检查")] } });
    expect(put).not.toHaveBeenCalled();
    expect(await db.workOrder.count()).toBe(0);
    expect(await db.legalAidApplication.count()).toBe(0);
    expect(await db.workOrderAttachment.count()).toBe(0);
    expect(await db.workOrderEvent.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "legalAid.apply", result: "FAILED" } })).toBe(2);
  });

  it("says when a file is over 10MB or there are more than 5", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG);
    const tooBig = await execute(takeInLegalAidApplication, application({ attachments: [file(big, "大照片.png", "image/png")] }), staff, meta);
    expect(tooBig).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "attachments.0": ["每个附件不能超过 10MB"] } });
    const six = Array.from({ length: 6 }, (_, i) => file(PNG, `${i}.png`, "image/png"));
    expect(await execute(takeInLegalAidApplication, application({ attachments: six }), staff, meta)).toMatchObject({ ok: false, fieldErrors: { attachments: ["最多上传 5 个附件"] } });
    expect(await db.workOrder.count()).toBe(0);
  });

  it("an Idempotency-Key with files replays the first answer (stored once); the same key with other files is a conflict", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    const body = () => application({ idempotencyKey: "wechat-la-files-0001", attachments: [file(PNG, "欠条.png", "image/png")] });
    const first = await execute(takeInLegalAidApplication, body(), staff, meta);
    const again = await execute(takeInLegalAidApplication, body(), staff, meta);
    expect(first.ok && again.ok && again.data.number === first.data.number).toBe(true);
    expect(await db.legalAidApplication.count()).toBe(1);
    expect(await db.workOrderAttachment.count()).toBe(1);
    const other = await execute(takeInLegalAidApplication, application({ idempotencyKey: "wechat-la-files-0001", attachments: [file(PDF, "欠条.pdf", "application/pdf")] }), staff, meta);
    expect(other).toMatchObject({ ok: false, code: "CONFLICT" });
    // without files the key still works as before (JSON API clients)
    const json = application({ idempotencyKey: "wechat-la-json-00001" });
    const [a, b] = [await execute(takeInLegalAidApplication, json, staff, meta), await execute(takeInLegalAidApplication, json, staff, meta)];
    expect(a.ok && b.ok && a.data.number === b.data.number).toBe(true);
    expect(await db.legalAidApplication.count()).toBe(2);
  });
});

describe("legal-aid application drafts", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
  });

  // what the server action hands over: formDataToObject's nested object, files included
  const formValues = () => ({
    applicant: { name: "陈秀兰", idNumber: ID, phone: "138 1234 0001", address: "", regionCode: "369901001001" },
    matter: { category: "LABOUR", facts: "老板拖欠工资。" },
    economic: { basis: "EXEMPT_GROUP", group: "" },
    consent: { personalInfo: "on" },
    attachments: new File([PNG as BlobPart], "身份证.png", { type: "image/png" }),
  });

  it("saves unvalidated values encrypted (one per user), loads them flat by field name, and discards them", async () => {
    const me = await makeUser({ role: "RESIDENT", phone: "13812340001" });
    const actor = (await actorForUser(db, me.id))!;
    expect(await execute(getLegalAidDraft, {}, actor, meta)).toEqual({ ok: true, data: null });
    const saved = await execute(saveLegalAidDraft, formValues(), actor, meta);
    expect(saved).toMatchObject({ ok: true, data: { savedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) } });
    const row = await db.legalAidDraft.findUniqueOrThrow({ where: { userId: me.id } });
    expect(row.cipher).not.toContain(ID);
    expect(row.cipher).not.toContain("老板");
    expect(row.cipher.startsWith("v1.")).toBe(true);
    const loaded = await execute(getLegalAidDraft, {}, actor, meta);
    expect(loaded).toEqual({
      ok: true,
      data: {
        "applicant.name": "陈秀兰",
        "applicant.idNumber": ID,
        "applicant.phone": "138 1234 0001",
        "applicant.address": "",
        "applicant.regionCode": "369901001001",
        "matter.category": "LABOUR",
        "matter.facts": "老板拖欠工资。",
        "economic.basis": "EXEMPT_GROUP",
        "economic.group": "",
        "consent.personalInfo": "on",
      },
    });
    // saving again replaces the draft
    expect(await execute(saveLegalAidDraft, { matter: { facts: "改过的经过" } }, actor, meta)).toMatchObject({ ok: true });
    expect(await db.legalAidDraft.count()).toBe(1);
    expect(await execute(getLegalAidDraft, {}, actor, meta)).toEqual({ ok: true, data: { "matter.facts": "改过的经过" } });
    // another resident sees only their own (none)
    const other = (await actorForUser(db, (await makeUser({ role: "RESIDENT", phone: "13812340002" })).id))!;
    expect(await execute(getLegalAidDraft, {}, other, meta)).toEqual({ ok: true, data: null });
    expect(await execute(discardLegalAidDraft, {}, other, meta)).toEqual({ ok: true, data: { discarded: false } });
    expect(await execute(discardLegalAidDraft, {}, actor, meta)).toEqual({ ok: true, data: { discarded: true } });
    expect(await execute(getLegalAidDraft, {}, actor, meta)).toEqual({ ok: true, data: null });
    expect(await db.legalAidDraft.count()).toBe(0);
  });

  it("refuses a draft over 20KB and anyone but a resident", async () => {
    const me = await makeUser({ role: "RESIDENT", phone: "13812340001" });
    const actor = (await actorForUser(db, me.id))!;
    const huge = await execute(saveLegalAidDraft, { matter: { facts: "字".repeat(7000) } }, actor, meta);
    expect(huge).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { _form: [expect.stringContaining("超过 20KB")] } });
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    expect(await execute(saveLegalAidDraft, formValues(), staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(getLegalAidDraft, {}, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.legalAidDraft.count()).toBe(0);
  });

  it("a successful submission deletes the applicant's draft in the same transaction; a refused one keeps it", async () => {
    const me = await makeUser({ role: "RESIDENT", phone: "13812340001" });
    const actor = (await actorForUser(db, me.id))!;
    const other = (await actorForUser(db, (await makeUser({ role: "RESIDENT", phone: "13812340002" })).id))!;
    await execute(saveLegalAidDraft, formValues(), actor, meta);
    await execute(saveLegalAidDraft, formValues(), other, meta);
    const refused = await execute(applyForLegalAid, application({ attachments: infectedPng() }), actor, meta);
    expect(refused.ok).toBe(false);
    expect(await db.legalAidDraft.count({ where: { userId: me.id } })).toBe(1);
    expect(await execute(applyForLegalAid, application(), actor, meta)).toMatchObject({ ok: true });
    expect(await db.legalAidDraft.findMany({ select: { userId: true } })).toEqual([{ userId: other.userId }]);
  });
});
