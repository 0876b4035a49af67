import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { idNumberFor, makeLawyer, meta, must, sampleApplication } from "./helpers/legal-aid";
import { testDatabaseUrl } from "./helpers/database-url";
import { execute, type Result } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { intakeWorkOrder } from "@/lib/work-orders/create-work-order";
import { acceptWorkOrder, replyToWorkOrder } from "@/lib/work-orders/process";
import { takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { approveApplication } from "@/lib/legal-aid/review";
import { assignLawyer } from "@/lib/legal-aid/assignment";
import { recordConsent, registerMediationCase } from "@/lib/mediation/intake";
import { assignMediator, scheduleSession } from "@/lib/mediation/steps";
import { addDays, shanghaiDate } from "@/lib/calendar/working-days";
import { rateLimiter } from "@/lib/rate-limit";
import { LOOKUP_LIMITS } from "@/lib/tracking/limits";
import { requestLookupCode } from "@/lib/tracking/request-code";
import { verifyLookupCode } from "@/lib/tracking/verify-code";
import { getTrackedProgress } from "@/lib/tracking/progress";
import { verifyGrant } from "@/lib/tracking/grant";
import { runJobNow } from "@/lib/jobs/boss";

// 查进度 on a real PostgreSQL: codes go through the outbox only to the phone on record, the answer
// never tells a right phone from a wrong one, wrong codes are counted and lock, limits are shared
// through the rate_limit table, and the timeline carries nothing personal.

const VILLAGE_A = "369901001001";
const PHONE = "13912345678";
const SMS_PREFIX = "您正在查询办理进度";

const fails = <T,>(r: Result<T>) => {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  return r;
};

/** The code in the newest look-up SMS to a phone (what the resident reads on their phone). */
async function codeSentTo(phone: string): Promise<string> {
  const sms = await db.notification.findFirstOrThrow({ where: { channel: "SMS", recipientPhone: phone, body: { startsWith: SMS_PREFIX } }, orderBy: { id: "desc" } });
  return /验证码 (\d{6})/.exec(sms.body)![1];
}
const lookupSmsCount = () => db.notification.count({ where: { body: { startsWith: SMS_PREFIX } } });

describe("progress look-up without an account", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let roomStaff: Actor;
  let number: string;

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id, name: "窗口小李" });
    ({ number } = must(
      await execute(
        intakeWorkOrder,
        { channel: "WALK_IN", type: "CONSULTATION", regionCode: VILLAGE_A, subject: "张大爷问赡养费", description: "张大爷，住东村 5 组，儿子不给赡养费。", requester: { name: "张大爷", phone: PHONE } },
        roomStaff,
        meta,
      ),
    ));
  });

  it("texts a code to the phone on record; a wrong phone or unknown number gets the same answer and no SMS", async () => {
    const right = must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    expect(right).toEqual({ number, maskedPhone: "139****5678", validMinutes: 10 });
    expect(await lookupSmsCount()).toBe(1);
    const sms = await db.notification.findFirstOrThrow({ where: { body: { startsWith: SMS_PREFIX } } });
    expect(sms).toMatchObject({ channel: "SMS", recipientPhone: PHONE, status: "PENDING" });
    expect(sms.body).toMatch(/^您正在查询办理进度，验证码 \d{6}，10 分钟内有效。如非本人操作请忽略。$/);

    const wrong = must(await execute(requestLookupCode, { number, phone: "13700000000" }, null, meta));
    expect(wrong).toEqual({ number, maskedPhone: "137****0000", validMinutes: 10 });
    const unknown = must(await execute(requestLookupCode, { number: "369901-20200101-0000001", phone: PHONE }, null, meta));
    expect(Object.keys(unknown)).toEqual(Object.keys(right));
    expect(await lookupSmsCount()).toBe(1);
    expect(await db.progressLookupCode.count()).toBe(1);

    // stored as hashes only; audited, the mismatches marked, and no phone in clear anywhere in the trail
    const stored = await db.progressLookupCode.findFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(PHONE);
    expect(JSON.stringify(stored)).not.toContain(await codeSentTo(PHONE));
    const audit = await db.auditEvent.findMany({ where: { action: { startsWith: "progress." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.result])).toEqual([
      ["progress.requestCode", "SUCCESS"],
      ["progress.requestCode.unmatched", "DENIED"],
      ["progress.requestCode", "SUCCESS"],
      ["progress.requestCode.unmatched", "DENIED"],
      ["progress.requestCode", "SUCCESS"],
    ]);
    for (const a of audit) expect(JSON.stringify({ ...a, id: String(a.id) })).not.toMatch(/1[3-9]\d{9}/);
  });

  it("accepts the code once, and grants that number only", async () => {
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const code = await codeSentTo(PHONE);
    const ok = must(await execute(verifyLookupCode, { number, phone: PHONE, code }, null, meta));
    expect(ok).toMatchObject({ number, maskedPhone: "139****5678" });
    expect(verifyGrant(ok.token, number)).toMatchObject({ number, maskedPhone: "139****5678" });
    expect(verifyGrant(ok.token, "369901-20200101-0000001")).toBeNull();

    const replay = fails(await execute(verifyLookupCode, { number, phone: PHONE, code }, null, meta));
    expect(replay).toMatchObject({ code: "RULE_VIOLATION", fieldErrors: { code: [expect.stringContaining("验证码已失效")] } });
    // the code was sent for this phone: the same code with another phone opens nothing
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const fresh = await codeSentTo(PHONE);
    expect(fails(await execute(verifyLookupCode, { number, phone: "13700000000", code: fresh }, null, meta)).code).toBe("RULE_VIOLATION");

    const audit = await db.auditEvent.findMany({ where: { action: "progress.verifyCode" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.result, (a.detail as { reason?: string } | null)?.reason ?? null])).toEqual([["SUCCESS", null], ["DENIED", "expired"], ["DENIED", "no-code"]]);
  });

  it("counts wrong codes and locks after five tries, even for the right code", async () => {
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const code = await codeSentTo(PHONE);
    const wrongCode = code === "000000" ? "111111" : "000000";
    for (const left of [4, 3, 2, 1]) {
      const r = fails(await execute(verifyLookupCode, { number, phone: PHONE, code: wrongCode }, null, meta));
      expect(r.fieldErrors?.code).toEqual([`验证码不对，还可以再试 ${left} 次。`]);
    }
    const fifth = fails(await execute(verifyLookupCode, { number, phone: PHONE, code: wrongCode }, null, meta));
    expect(fifth.fieldErrors?.code?.[0]).toContain("输错的次数太多");
    const right = fails(await execute(verifyLookupCode, { number, phone: PHONE, code }, null, meta));
    expect(right.fieldErrors?.code?.[0]).toContain("输错的次数太多");
    expect((await db.progressLookupCode.findFirstOrThrow()).attempts).toBe(5);

    // a new code works again, and retires the old one
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    must(await execute(verifyLookupCode, { number, phone: PHONE, code: await codeSentTo(PHONE) }, null, meta));
  });

  it("refuses an expired code and an earlier code once a newer one was sent", async () => {
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const first = await codeSentTo(PHONE);
    await db.progressLookupCode.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = fails(await execute(verifyLookupCode, { number, phone: PHONE, code: first }, null, meta));
    expect(expired.fieldErrors?.code?.[0]).toContain("验证码已失效");

    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const second = await codeSentTo(PHONE);
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const third = await codeSentTo(PHONE);
    if (second !== third) expect(fails(await execute(verifyLookupCode, { number, phone: PHONE, code: second }, null, meta)).code).toBe("RULE_VIOLATION");
    must(await execute(verifyLookupCode, { number, phone: PHONE, code: third }, null, meta));
  });

  it("purges codes a day old (the daily job), keeping today's", async () => {
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const [old] = await db.progressLookupCode.findMany({ orderBy: { id: "asc" }, take: 1 });
    await db.progressLookupCode.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    expect(await runJobNow("progress.purgeCodes", db)).toEqual({ deleted: 1 });
    expect(await db.progressLookupCode.count()).toBe(1);
  });

  it("refuses the 4th code in ten minutes for a phone, with the wait, whether or not the phone matched", async () => {
    for (let i = 0; i < 3; i++) must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const fourth = fails(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    expect(fourth).toMatchObject({ code: "RATE_LIMITED", message: "获取验证码太频繁了，请 10 分钟后再试。" });
    expect(await lookupSmsCount()).toBe(3);
    // audited as a failure, without the phone
    const refused = await db.auditEvent.findFirstOrThrow({ where: { action: "progress.requestCode", result: "FAILED" } });
    expect(JSON.stringify(refused.detail)).toContain("RATE_LIMITED");
    expect(JSON.stringify(refused.detail)).not.toContain(PHONE);

    // a prober with a wrong phone is limited the same way
    const other = "13700000000";
    for (let i = 0; i < 3; i++) must(await execute(requestLookupCode, { number: "369901-20200101-0000001", phone: other }, null, meta));
    expect(fails(await execute(requestLookupCode, { number: "369901-20200101-0000002", phone: other }, null, meta)).code).toBe("RATE_LIMITED");

    // an address is limited across phones and numbers (generous: a village may share one)
    const ipMeta = { ip: "203.0.113.9", userAgent: null };
    for (let i = 0; i < LOOKUP_LIMITS.sendPerIp.points; i++) {
      must(await execute(requestLookupCode, { number: `369901-20200101-${String(i).padStart(7, "0")}`, phone: `1350000${String(1000 + i)}` }, null, ipMeta));
    }
    expect(fails(await execute(requestLookupCode, { number, phone: "13600000000" }, null, ipMeta)).code).toBe("RATE_LIMITED");
  });

  describe("counters shared through the rate_limit table", () => {
    const pools = [new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 }), new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 })];
    afterAll(() => Promise.all(pools.map((p) => p.end())));

    it("two limiter instances on separate connections see the same counts", async () => {
      const rule = { name: "test.shared", points: 2, durationSeconds: 60 };
      const a = rateLimiter(rule, { pool: pools[0] });
      const b = rateLimiter(rule, { pool: pools[1] });
      expect(await a.consume("someone")).toEqual({ ok: true, remaining: 1 });
      expect(await b.consume("someone")).toEqual({ ok: true, remaining: 0 });
      const refused = await a.consume("someone");
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(50);
      expect(await b.consume("someone else")).toEqual({ ok: true, remaining: 1 });
      // keys are stored hashed
      const rows = await db.rateLimit.findMany({ where: { key: { startsWith: "test.shared:" } } });
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r.key).toMatch(/^test\.shared:[0-9a-f]{64}$/);
      await b.reset("someone");
      expect((await a.consume("someone")).ok).toBe(true);
    });

    it("a second process sees the codes the app already sent to a phone", async () => {
      for (let i = 0; i < 3; i++) must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
      const elsewhere = rateLimiter(LOOKUP_LIMITS.sendPerPhone, { pool: pools[1] });
      expect((await elsewhere.consume(PHONE)).ok).toBe(false);
      expect((await elsewhere.consume("13700000000")).ok).toBe(true);
    });
  });

  it("a grant opens the timeline of its number only; without one there is nothing", async () => {
    must(await execute(acceptWorkOrder, { number }, roomStaff, meta));
    must(await execute(replyToWorkOrder, { number, body: "张大爷您好，可以申请调解。" }, roomStaff, meta));
    must(await execute(requestLookupCode, { number, phone: PHONE }, null, meta));
    const { token } = must(await execute(verifyLookupCode, { number, phone: PHONE, code: await codeSentTo(PHONE) }, null, meta));

    const p = must(await execute(getTrackedProgress, { number, grant: token }, null, meta));
    expect(p).toMatchObject({ number, kind: "WORK_ORDER", orderStatus: "IN_PROGRESS", open: true, maskedPhone: "139****5678", servicePoint: { name: n.roomA.name, phone: "0797-1234567" } });
    expect(p.deadlines).toEqual([expect.objectContaining({ label: "办理期限", basis: "WORKING_DAYS" })]);
    expect(p.events.map((e) => e.kind)).toEqual(["CREATED", "ACCEPTED", "REPLIED"]);
    const shown = JSON.stringify(p);
    for (const secret of ["张大爷", "东村 5 组", "赡养费", "窗口小李", PHONE, "申请调解"]) expect(shown).not.toContain(secret);

    expect(fails(await execute(getTrackedProgress, { number, grant: "" }, null, meta)).code).toBe("NOT_FOUND");
    expect(fails(await execute(getTrackedProgress, { number: "369901-20200101-0000001", grant: token }, null, meta)).code).toBe("NOT_FOUND");
    expect(fails(await execute(getTrackedProgress, { number, grant: token.slice(0, -3) + "AAA" }, null, meta)).code).toBe("NOT_FOUND");
  });

  it("a legal-aid case: the applicant's phone opens it; no applicant, lawyer or staff details in the timeline", async () => {
    const aidPhone = "13812340001";
    const lawyer = await makeLawyer({ name: "陈立衡", firmId: (await db.lawFirm.create({ data: { name: "明正律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-7654321" } })).id, regionIds: [n.villageA.id] });
    const officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id, name: "黄审查" });
    const app = sampleApplication(3, { name: "陈秀兰", phone: aidPhone, opposingParty: "某建筑劳务公司" });
    const { number: aid } = must(await execute(takeInLegalAidApplication, app, roomStaff, meta));
    must(await execute(approveApplication, { number: aid }, officer, meta));
    must(await execute(assignLawyer, { number: aid, lawyerUserId: lawyer.userId }, officer, meta));

    must(await execute(requestLookupCode, { number: aid, phone: aidPhone }, null, meta));
    const { token } = must(await execute(verifyLookupCode, { number: aid, phone: aidPhone, code: await codeSentTo(aidPhone) }, null, meta));
    const p = must(await execute(getTrackedProgress, { number: aid, grant: token }, null, meta));

    expect(p).toMatchObject({ kind: "LEGAL_AID", type: "LEGAL_AID", legalAidStatus: "ASSIGNED", servicePoint: { name: n.centre.name } });
    expect(p.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["CREATED", "APPROVED", "LAWYER_ASSIGNED"]));
    for (const e of p.events) expect(e).toMatchObject({ actorName: null, reason: null, body: null });
    const shown = JSON.stringify(p);
    const id = idNumberFor(3);
    for (const secret of ["陈秀兰", id, id.slice(-4) + '"', "东村 3 组 12 号", "某建筑劳务公司", "拖欠工资", "陈立衡", "明正律师事务所", "黄审查", "窗口小李", aidPhone]) {
      expect(shown, secret).not.toContain(secret);
    }
  });

  it("a mediation case: an applying party's phone opens it, the other side's does not; no party, mediator or session details", async () => {
    const mediator = await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "老娘舅" });
    const { number: med } = must(
      await execute(
        registerMediationCase,
        {
          source: "APPLICATION", category: "NEIGHBOUR", regionCode: VILLAGE_A, summary: "排水沟堵塞，雨水倒灌进刘家院子。",
          parties: [
            { role: "APPLICANT", name: "刘桂芳", phone: "13600000001", idNumber: idNumberFor(5), address: "东村 2 组 8 号" },
            { role: "RESPONDENT", name: "赵老四", phone: "13600000002", address: "东村 2 组 9 号" },
          ],
        },
        mediator,
        meta,
      ),
    );
    const other = await db.mediationParty.findFirst({ where: { case: { workOrder: { number: med } }, consent: "PENDING" } });
    if (other) must(await execute(recordConsent, { number: med, partyId: other.id, agreed: "yes" }, mediator, meta));
    must(await execute(assignMediator, { number: med, mediatorUserId: mediator.userId, chosenByParties: "" }, mediator, meta));
    must(await execute(scheduleSession, { number: med, scheduledAt: `${addDays(shanghaiDate(new Date()), 1)}T09:30`, placeKind: "ROOM", place: "东村调解室" }, mediator, meta));

    const before = await lookupSmsCount();
    must(await execute(requestLookupCode, { number: med, phone: "13600000002" }, null, meta));
    expect(await lookupSmsCount()).toBe(before);
    must(await execute(requestLookupCode, { number: med, phone: "13600000001" }, null, meta));
    expect(await lookupSmsCount()).toBe(before + 1);
    const { token } = must(await execute(verifyLookupCode, { number: med, phone: "13600000001", code: await codeSentTo("13600000001") }, null, meta));
    const p = must(await execute(getTrackedProgress, { number: med, grant: token }, null, meta));

    expect(p).toMatchObject({ kind: "MEDIATION", mediationStatus: "IN_PROGRESS", open: true, servicePoint: { name: n.roomA.name } });
    expect(p.deadlines.map((d) => d.label)).toEqual(["调解期限"]);
    expect(p.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["CREATED", "MEDIATOR_ASSIGNED", "SESSION_SCHEDULED"]));
    const shown = JSON.stringify(p);
    for (const secret of ["刘桂芳", "赵老四", idNumberFor(5), "东村 2 组", "排水沟", "老娘舅", "东村调解室", "13600000001", "13600000002"]) {
      expect(shown, secret).not.toContain(secret);
    }
  });
});
