import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork, makeUser } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { actorForUser } from "@/lib/auth/actor";
import { applyForLegalAid, takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { getLegalAidApplication } from "@/lib/legal-aid/queries";
import { idNumberCheckChar } from "@/lib/identity/id-number";
import { decryptField } from "@/lib/crypto";

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
