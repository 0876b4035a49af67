import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeOrganization, makeRegion, makeSmallNetwork, makeUser } from "./helpers/factories";
import type { Satisfaction, QualityGrade } from "@/lib/generated/prisma/enums";
import { execute, type Result } from "@/lib/api/use-case";
import { actorForUser, type Actor } from "@/lib/auth/actor";
import { takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { getChoiceRule, getRosterLawyer, listRoster } from "@/lib/lawyers/roster";
import { listLawyersForSupervision, reinstateLawyer, suspendLawyer } from "@/lib/lawyers/suspension";
import { idNumberCheckChar } from "@/lib/identity/id-number";
import { addDays, endOfShanghaiDay, shanghaiDate } from "@/lib/calendar/working-days";

// 律师名录 (public) and 质量监督 (officers): who is on the roster, the filters and orders, that
// nothing private leaks, the ratings drawn from closed cases, and suspension — its scope, the
// offers it withdraws and the cases it leaves alone.

const meta = { ip: null, userAgent: null };
const HOUR = 3_600_000;

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

const ROSTER_KEYS = [
  "userId", "name", "kind", "kindLabel", "firmName", "firmRegionName", "practiceSinceYear", "yearsInPractice", "expertise",
  "expertiseLabels", "serviceAreas", "languages", "load", "cap", "closedCases", "satisfiedRate", "rated", "goodRate", "graded",
].sort();

describe("lawyer roster and supervision", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let county2: { id: number };
  let officer: Actor;
  let officer2: Actor;
  let cityOfficer: Actor;
  let intake: Actor;
  let firmA: { id: number };
  let firmB: { id: number };
  let seq = 0;

  beforeEach(async () => {
    await resetDatabase();
    seq = 0;
    n = await makeSmallNetwork();
    county2 = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    const centre2 = await makeOrganization({ name: "乙县公共法律服务中心", tier: "CENTRE", regionId: county2.id, parentId: n.cityCentre.id, decidesLegalAid: true });
    officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id, name: "甲县审查员" });
    officer2 = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: centre2.id, name: "乙县审查员" });
    cityOfficer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.cityCentre.id, name: "市中心审查员" });
    intake = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    firmA = await db.lawFirm.create({ data: { name: "甲县明正律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
    firmB = await db.lawFirm.create({ data: { name: "乙县衡平律师事务所", regionId: county2.id, address: "乙县路 2 号", phone: "0797-2222222" } });
  });

  async function makeLawyer(opts: {
    name: string; firmId: number; regionIds: number[]; expertise?: string[]; since?: number; cap?: number; accepts?: boolean;
    languages?: string[]; role?: "LAWYER" | "RESIDENT"; phone?: string;
  }) {
    const user = await makeUser({ role: opts.role ?? "LAWYER", name: opts.name, phone: opts.phone });
    await db.lawyerProfile.create({
      data: {
        userId: user.id, firmId: opts.firmId, licenceNumber: `1369${String(user.id).padStart(13, "0")}`, practiceSinceYear: opts.since ?? 2015,
        expertise: opts.expertise ?? ["LABOUR"], concurrentCaseCap: opts.cap ?? 5, acceptsLegalAid: opts.accepts ?? true,
        languages: opts.languages ?? [], bio: `${opts.name}，主要办理劳动争议案件。`,
        serviceRegions: { connect: opts.regionIds.map((id) => ({ id })) },
      },
    });
    return user;
  }

  /** Three on the roster, four that must not be. */
  async function makeRoster() {
    const wang = await makeLawyer({ name: "王律师", firmId: firmA.id, regionIds: [n.county.id], expertise: ["LABOUR", "CONTRACT"], since: 2010, languages: ["客家话"], phone: "13900000001" });
    const zhao = await makeLawyer({ name: "赵律师", firmId: firmA.id, regionIds: [n.townA.id], expertise: ["FAMILY"], since: 2020 });
    const sun = await makeLawyer({ name: "孙律师", firmId: firmB.id, regionIds: [county2.id], expertise: ["LABOUR", "CRIMINAL"], since: 2000 });
    const suspended = await makeLawyer({ name: "停律师", firmId: firmA.id, regionIds: [n.county.id] });
    await db.lawyerProfile.update({ where: { userId: suspended.id }, data: { suspendedAt: new Date(), suspensionReason: "多次被投诉", suspendedByUserId: officer.userId } });
    const declines = await makeLawyer({ name: "拒律师", firmId: firmA.id, regionIds: [n.county.id], accepts: false });
    const inactive = await makeLawyer({ name: "失律师", firmId: firmA.id, regionIds: [n.county.id] });
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const notALawyer = await makeLawyer({ name: "无律师", firmId: firmA.id, regionIds: [n.county.id], role: "RESIDENT" });
    return { wang, zhao, sun, suspended, declines, inactive, notALawyer };
  }

  /** A legal-aid case from 东村, taken in at 甲县's centre, then set to the given state directly. */
  async function makeCase(data: {
    status: "APPROVED" | "ASSIGNED" | "CLOSED" | "TERMINATED"; lawyerUserId?: number; satisfaction?: Satisfaction; qualityGrade?: QualityGrade;
  }) {
    seq += 1;
    const first17 = `36990119700101${String(100 + seq).slice(-3)}`;
    const input = {
      applicant: { name: `申请人${seq}`, idNumber: first17 + idNumberCheckChar(first17), phone: `138123400${String(seq).padStart(2, "0")}`, address: "东村 3 组 12 号", regionCode: "369901001001" },
      matter: { category: "LABOUR", facts: "在工地干了半年，老板拖欠工资 2 万元。", opposingParty: `某劳务公司${seq}` },
      aidForm: "LABOUR_ARBITRATION",
      economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2400, householdSize: 3, signed: "on" } },
      consent: { personalInfo: "on" },
    };
    const { number } = must(await execute(takeInLegalAidApplication, input, intake, meta));
    const assignDueAt = endOfShanghaiDay(addDays(shanghaiDate(new Date()), 5));
    const order = await db.workOrder.update({ where: { number }, data: { status: "IN_PROGRESS", dueAt: assignDueAt } });
    const closed = data.status === "CLOSED" ? new Date() : null;
    return db.legalAidApplication.update({
      where: { workOrderId: order.id },
      data: {
        status: data.status, decidedAt: new Date(), assignDueAt, lawyerUserId: data.lawyerUserId ?? null,
        assignedAt: data.lawyerUserId ? new Date() : null, closedAt: closed, terminatedAt: data.status === "TERMINATED" ? new Date() : null,
        satisfaction: data.satisfaction ?? null, qualityGrade: data.qualityGrade ?? null,
      },
      include: { workOrder: true },
    });
  }

  const roster = async (input: Record<string, unknown> = {}, actor: Actor | null = null) => must(await execute(listRoster, input, actor, meta));
  const names = async (input: Record<string, unknown> = {}) => (await roster(input)).items.map((l) => l.name);

  it("lists only active lawyers who take legal aid and are not suspended, with public fields only, signed out", async () => {
    const r = await makeRoster();
    const page = await roster();
    expect(page.total).toBe(3);
    expect(page.items.map((l) => l.name).sort()).toEqual(["孙律师", "王律师", "赵律师"].sort());
    expect(page.nextCursor).toBeNull();

    for (const item of page.items) expect(Object.keys(item).sort()).toEqual(ROSTER_KEYS);
    const text = JSON.stringify(page);
    const licences = (await db.lawyerProfile.findMany({ select: { licenceNumber: true } })).map((p) => p.licenceNumber);
    for (const secret of ["13900000001", "0797-1111111", "0797-2222222", ...licences, "县城路", "phone", "licence", "email", "username"]) {
      expect(text).not.toContain(secret);
    }
    const wang = page.items.find((l) => l.userId === r.wang.id)!;
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    expect(wang).toMatchObject({
      kind: "LAWYER", kindLabel: "执业律师", firmName: "甲县明正律师事务所", firmRegionName: "甲县", practiceSinceYear: 2010,
      yearsInPractice: year - 2010, expertise: ["LABOUR", "CONTRACT"], expertiseLabels: ["劳动争议", "合同纠纷"],
      serviceAreas: [{ code: "369901000000", name: "甲县" }], languages: ["客家话"], load: 0, cap: 5, closedCases: 0,
      satisfiedRate: null, rated: 0, goodRate: null, graded: 0,
    });

    // the card: the same fields and the bio; everyone off the roster is "not found"
    const card = must(await execute(getRosterLawyer, { id: String(r.wang.id) }, null, meta));
    expect(Object.keys(card).sort()).toEqual([...ROSTER_KEYS, "bio"].sort());
    expect(card.bio).toBe("王律师，主要办理劳动争议案件。");
    for (const off of [r.suspended, r.declines, r.inactive, r.notALawyer]) {
      expect(await execute(getRosterLawyer, { id: off.id }, null, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await execute(getRosterLawyer, { id: officer.userId }, null, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(getRosterLawyer, { id: "abc" }, null, meta)).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { id: ["律师编号无效"] } });

    // the rule the page explains (admin-set, 3 by default)
    expect(must(await execute(getChoiceRule, {}, null, meta))).toEqual({ maxChoices: 3, offerHours: 24 });
  });

  it("filters by expertise, by the area served (above or below the region) and by name or firm", async () => {
    await makeRoster();
    expect((await names({ category: "LABOUR" })).sort()).toEqual(["孙律师", "王律师"].sort());
    expect(await names({ category: "FAMILY" })).toEqual(["赵律师"]);
    expect(await names({ category: "MEDICAL" })).toEqual([]);
    // the county: its own lawyer and the one serving a township below it
    expect((await names({ regionCode: "369901000000" })).sort()).toEqual(["王律师", "赵律师"].sort());
    // a township: the county's lawyer (above) and its own
    expect((await names({ regionCode: "369901001000" })).sort()).toEqual(["王律师", "赵律师"].sort());
    expect(await names({ regionCode: "369901002000" })).toEqual(["王律师"]);
    // a village inherits from every level above it
    expect((await names({ regionCode: "369901001001" })).sort()).toEqual(["王律师", "赵律师"].sort());
    expect(await names({ regionCode: "369902000000" })).toEqual(["孙律师"]);
    // the city: everyone serves somewhere inside it
    expect((await roster({ regionCode: "369900000000" })).total).toBe(3);
    expect(await roster({ regionCode: "369999000000" })).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(await names({ category: "LABOUR", regionCode: "369901001000" })).toEqual(["王律师"]);
    expect(await names({ q: "衡平" })).toEqual(["孙律师"]);
    expect(await names({ q: "赵" })).toEqual(["赵律师"]);
    // blank fields of the GET form mean "all"
    expect((await roster({ category: "", regionCode: "", q: "", sort: "", cursor: "" })).total).toBe(3);

    const bad = await execute(listRoster, { category: "ALIENS", regionCode: "1234", sort: "age", limit: "51" }, null, meta);
    expect(bad).toMatchObject({
      ok: false, code: "VALIDATION",
      fieldErrors: { category: ["擅长领域无效"], regionCode: ["服务地区代码应为 12 位数字"], sort: ["排序方式无效"], limit: ["每页最多 50 条"] },
    });
    expect(await execute(listRoster, { cursor: "nonsense" }, null, meta)).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { cursor: ["分页游标无效"] } });
  });

  it("rates from closed cases (satisfaction, quality) and sorts by rating, load or experience, page by page", async () => {
    const r = await makeRoster();
    // 王: two closed, both satisfied; graded 良 and 合格 → 100%, 50%
    await makeCase({ status: "CLOSED", lawyerUserId: r.wang.id, satisfaction: "SATISFIED", qualityGrade: "GOOD" });
    await makeCase({ status: "CLOSED", lawyerUserId: r.wang.id, satisfaction: "BASICALLY_SATISFIED", qualityGrade: "PASS" });
    // 赵: one closed unsatisfied (优), one terminated and satisfied (not closed) → 50%, 100%; one in progress
    await makeCase({ status: "CLOSED", lawyerUserId: r.zhao.id, satisfaction: "UNSATISFIED", qualityGrade: "EXCELLENT" });
    await makeCase({ status: "TERMINATED", lawyerUserId: r.zhao.id, satisfaction: "SATISFIED" });
    await makeCase({ status: "ASSIGNED", lawyerUserId: r.zhao.id });
    // 孙: nothing rated yet, two in progress
    await makeCase({ status: "ASSIGNED", lawyerUserId: r.sun.id });
    await makeCase({ status: "ASSIGNED", lawyerUserId: r.sun.id });

    const byRating = await roster();
    expect(byRating.items.map((l) => [l.name, l.satisfiedRate, l.goodRate, l.closedCases, l.rated, l.graded, l.load])).toEqual([
      ["王律师", 1, 0.5, 2, 2, 2, 0],
      ["赵律师", 0.5, 1, 1, 2, 1, 1],
      ["孙律师", null, null, 0, 0, 0, 2],
    ]);
    expect(await names({ sort: "load" })).toEqual(["王律师", "赵律师", "孙律师"]);
    expect(await names({ sort: "experience" })).toEqual(["孙律师", "王律师", "赵律师"]);

    // the card says the same
    expect(must(await execute(getRosterLawyer, { id: r.zhao.id }, null, meta))).toMatchObject({ satisfiedRate: 0.5, goodRate: 1, closedCases: 1, load: 1 });

    // two pages of two: no lawyer twice, none missed, the total throughout
    const first = await roster({ sort: "experience", limit: "2" });
    expect(first.items.map((l) => l.name)).toEqual(["孙律师", "王律师"]);
    expect(first.total).toBe(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await roster({ sort: "experience", limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ total: 3, nextCursor: null });
    expect(second.items.map((l) => l.name)).toEqual(["赵律师"]);
    // the ratings of a page sorted otherwise are still the lawyers' own
    expect(second.items[0]).toMatchObject({ satisfiedRate: 0.5, goodRate: 1 });
  });

  it("suspension: only the officer covering the lawyer's firm; off the roster until reinstated; the lawyer told; audited", async () => {
    const r = await makeRoster();
    const resident = await makeActor({ role: "RESIDENT" });

    // 乙县's centre does not cover 甲县's firm: the same answer as an unknown lawyer
    expect(await execute(suspendLawyer, { lawyerUserId: r.wang.id, reason: "多次未按时会见受援人" }, officer2, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(suspendLawyer, { lawyerUserId: 999999, reason: "多次未按时会见受援人" }, officer, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(suspendLawyer, { lawyerUserId: r.wang.id, reason: "多次未按时会见受援人" }, resident, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(suspendLawyer, { lawyerUserId: r.wang.id, reason: "多次未按时会见受援人" }, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await execute(suspendLawyer, { lawyerUserId: r.wang.id, reason: "差" }, officer, meta)).toMatchObject({
      ok: false, code: "VALIDATION", fieldErrors: { reason: ["暂停理由至少 4 个字"] },
    });
    expect(await execute(suspendLawyer, { lawyerUserId: r.wang.id, reason: "x".repeat(301) }, officer, meta)).toMatchObject({
      ok: false, fieldErrors: { reason: ["暂停理由不能超过 300 个字"] },
    });
    expect((await db.lawyerProfile.findUniqueOrThrow({ where: { userId: r.wang.id } })).suspendedAt).toBeNull();

    // the supervision list: each officer sees the lawyers of their own area; the city centre all
    const mine = must(await execute(listLawyersForSupervision, {}, officer, meta));
    expect(mine.map((l) => l.name)).toEqual(expect.arrayContaining(["王律师", "赵律师", "停律师", "拒律师", "失律师"]));
    expect(mine.map((l) => l.name)).not.toContain("孙律师");
    expect(mine.map((l) => l.name)).not.toContain("无律师");
    expect(mine[0]).toMatchObject({ name: "停律师", suspension: { reason: "多次被投诉", by: "甲县审查员" } });
    expect(must(await execute(listLawyersForSupervision, {}, officer2, meta)).map((l) => l.name)).toEqual(["孙律师"]);
    expect(must(await execute(listLawyersForSupervision, {}, cityOfficer, meta))).toHaveLength(6);
    expect(must(await execute(listLawyersForSupervision, { status: "suspended" }, officer, meta)).map((l) => l.name)).toEqual(["停律师"]);
    expect(must(await execute(listLawyersForSupervision, { q: "赵" }, officer, meta)).map((l) => l.name)).toEqual(["赵律师"]);
    expect(await execute(listLawyersForSupervision, {}, resident, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const done = must(await execute(suspendLawyer, { lawyerUserId: String(r.wang.id), reason: "  多次未按时会见受援人  " }, officer, meta));
    expect(done).toMatchObject({ lawyerUserId: r.wang.id, name: "王律师", withdrawnOffers: 0, movedCases: 0 });
    const profile = await db.lawyerProfile.findUniqueOrThrow({ where: { userId: r.wang.id } });
    expect(profile).toMatchObject({ suspensionReason: "多次未按时会见受援人", suspendedByUserId: officer.userId });
    expect(profile.suspendedAt).not.toBeNull();
    expect(await names()).not.toContain("王律师");
    expect(await execute(getRosterLawyer, { id: r.wang.id }, null, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const notice = await db.notification.findFirstOrThrow({ where: { recipientUserId: r.wang.id } });
    expect(notice).toMatchObject({ channel: "IN_APP", link: "/lawyer" });
    expect(notice.body).toContain("甲县公共法律服务中心已暂停您承办法律援助案件");
    expect(notice.body).toContain("理由：多次未按时会见受援人");
    expect(await db.auditEvent.count({ where: { action: "lawyer.suspend", result: "SUCCESS", targetId: String(r.wang.id), actorUserId: officer.userId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "lawyer.suspend", result: "DENIED", actorUserId: officer2.userId } })).toBe(1);

    expect(await execute(suspendLawyer, { lawyerUserId: r.wang.id, reason: "再次暂停试试" }, officer, meta)).toMatchObject({
      ok: false, code: "RULE_VIOLATION", message: "该律师已被暂停承办法律援助案件",
    });
    // reinstating is scoped the same way
    expect(await execute(reinstateLawyer, { lawyerUserId: r.wang.id }, officer2, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(must(await execute(reinstateLawyer, { lawyerUserId: r.wang.id, note: "已整改" }, cityOfficer, meta))).toMatchObject({ name: "王律师" });
    expect(await db.lawyerProfile.findUniqueOrThrow({ where: { userId: r.wang.id } })).toMatchObject({ suspendedAt: null, suspensionReason: null, suspendedByUserId: null });
    expect(await names()).toContain("王律师");
    const back = await db.notification.findFirstOrThrow({ where: { recipientUserId: r.wang.id }, orderBy: { id: "desc" } });
    expect(back.body).toBe("测试市公共法律服务中心已恢复您承办法律援助案件，您重新列入律师名录。说明：已整改");
    expect(await execute(reinstateLawyer, { lawyerUserId: r.wang.id }, officer, meta)).toMatchObject({
      ok: false, code: "RULE_VIOLATION", message: "该律师没有被暂停，不需要恢复",
    });
    // the city centre covers 乙县's firm too
    must(await execute(suspendLawyer, { lawyerUserId: r.sun.id, reason: "质量评估不合格" }, cityOfficer, meta));
    expect((await names()).sort()).toEqual(["王律师", "赵律师"].sort());
  });

  it("suspension withdraws the lawyer's pending offer, the case moves to the next choice; assigned cases stay", async () => {
    const r = await makeRoster();
    const pending = await makeCase({ status: "APPROVED" });
    await db.legalAidChoice.createMany({
      data: [
        { applicationId: pending.id, rank: 1, lawyerUserId: r.wang.id },
        { applicationId: pending.id, rank: 2, lawyerUserId: r.zhao.id },
      ],
    });
    const now = Date.now();
    const offer = await db.legalAidOffer.create({
      data: { applicationId: pending.id, lawyerUserId: r.wang.id, rank: 1, offeredAt: new Date(now - HOUR), expiresAt: new Date(now + 23 * HOUR) },
    });
    const handling = await makeCase({ status: "ASSIGNED", lawyerUserId: r.wang.id });

    const done = must(await execute(suspendLawyer, { lawyerUserId: r.wang.id, reason: "多次未按时会见受援人" }, officer, meta));
    expect(done).toMatchObject({ withdrawnOffers: 1, movedCases: 1 });
    const withdrawn = await db.legalAidOffer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(withdrawn.respondedAt).not.toBeNull();
    // offerNextChoice (lib/legal-aid/offers.ts): the second choice now has the case
    const offers = await db.legalAidOffer.findMany({ where: { applicationId: pending.id }, orderBy: { id: "asc" } });
    expect(offers.map((o) => [o.lawyerUserId, o.rank, o.status])).toEqual([
      [r.wang.id, 1, "WITHDRAWN"],
      [r.zhao.id, 2, "PENDING"],
    ]);
    expect((await db.notification.findFirstOrThrow({ where: { recipientUserId: r.wang.id } })).body).toContain("已撤回 1 件待接受的派单");
    // on the timeline (why 王律师 was passed over) and told to the applicant in one message
    expect((await db.workOrderEvent.findFirstOrThrow({ where: { kind: "OFFERED" } })).body).toBe("未派单：王律师：该律师已被暂停承办法律援助案件");
    expect(await db.notification.count({ where: { body: { startsWith: "律师王律师暂时不能承办法律援助案件。已将您的法律援助案件" } } })).toBe(1);

    // the case already in the lawyer's hands stays there (the centre changes lawyer if it must)
    expect(await db.legalAidApplication.findUniqueOrThrow({ where: { id: handling.id } })).toMatchObject({ status: "ASSIGNED", lawyerUserId: r.wang.id });
    const list = must(await execute(listLawyersForSupervision, {}, officer, meta));
    expect(list.find((l) => l.userId === r.wang.id)).toMatchObject({ load: 1, pendingOffers: 0, suspension: { reason: "多次未按时会见受援人" } });
    expect(list.find((l) => l.userId === r.zhao.id)).toMatchObject({ pendingOffers: 1, suspension: null });
    expect(await actorForUser(db, r.wang.id)).not.toBeNull();
  });
});
