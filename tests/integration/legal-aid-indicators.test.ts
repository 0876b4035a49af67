import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeOrganization, makeRegion, makeSmallNetwork, makeUser } from "./helpers/factories";
import { execute, type Result } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { AssignmentRoute, OfferStatus } from "@/lib/generated/prisma/enums";
import { CHOICE_INDICATOR_DEFINITION, choiceIndicators } from "@/lib/legal-aid/indicators";
import { shanghaiDate } from "@/lib/calendar/working-days";

// 点援制 indicators: cases by the route of their first lawyer, the 点援率, approval → lawyer hours
// and each lawyer's offers and pool takes — exact figures over rows written directly, two counties,
// the leader's region scope and Shanghai-day period boundaries.

const meta = { ip: null, userAgent: null };
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const t = (iso: string) => new Date(iso);

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

type CaseSpec = {
  regionId: number;
  organizationId: number;
  decidedAt: Date | null;
  /** every time a lawyer got the case, round 1 first */
  assignments?: { lawyerUserId: number; via: AssignmentRoute; at: Date }[];
  offers?: { lawyerUserId: number; status: OfferStatus; at: Date }[];
};

let seq = 0;
/** A legal-aid case with exactly the rows the indicators read (the case steps are tested elsewhere). */
async function makeCase(spec: CaseSpec) {
  seq += 1;
  const order = await db.workOrder.create({
    data: {
      number: `369901-20260301-${String(seq).padStart(7, "0")}`,
      channel: "WALK_IN", type: "LEGAL_AID", status: "IN_PROGRESS", subject: "法律援助申请", description: "拖欠工资",
      requesterName: "申请人", requesterPhone: "13800000000", regionId: spec.regionId, organizationId: spec.organizationId,
      firstOrganizationId: spec.organizationId, dueAt: t("2026-12-31T00:00:00Z"),
    },
  });
  const last = spec.assignments?.at(-1);
  const application = await db.legalAidApplication.create({
    data: {
      workOrderId: order.id, status: last ? "ASSIGNED" : "APPROVED", applicantName: `申请人${seq}`, applicantIdCipher: "x",
      applicantIdHash: `hash-${seq}`, applicantPhone: "13800000000", applicantAddress: "东村 1 号", matterKind: "CIVIL",
      matterCategory: "LABOUR", facts: "老板拖欠工资。", opposingParty: "某公司", aidForm: "LABOUR_ARBITRATION",
      economicBasis: "HARDSHIP_DECLARATION", economicDetail: {}, personalInfoConsentAt: t("2026-01-01T00:00:00Z"),
      decidedAt: spec.decidedAt, lawyerUserId: last?.lawyerUserId ?? null, assignedAt: last?.at ?? null, assignedVia: last?.via ?? null,
    },
  });
  for (const [i, a] of (spec.assignments ?? []).entries()) {
    await db.legalAidAssignment.create({ data: { applicationId: application.id, round: i + 1, lawyerUserId: a.lawyerUserId, via: a.via, assignedAt: a.at } });
  }
  for (const [i, o] of (spec.offers ?? []).entries()) {
    await db.legalAidOffer.create({
      data: {
        applicationId: application.id, lawyerUserId: o.lawyerUserId, rank: i + 1, status: o.status, offeredAt: o.at,
        expiresAt: new Date(o.at.getTime() + 24 * 3_600_000),
      },
    });
  }
  return application;
}

describe("点援制 indicators", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let countyB: { id: number };
  let centreB: { id: number };
  let wang: number;
  let zhao: number;
  let sun: number;

  async function makeLawyer(name: string, firmId: number) {
    const user = await makeUser({ role: "LAWYER", name });
    await db.lawyerProfile.create({
      data: { userId: user.id, firmId, licenceNumber: `1369${String(user.id).padStart(13, "0")}`, practiceSinceYear: 2015, expertise: ["LABOUR"] },
    });
    return user.id;
  }

  beforeEach(async () => {
    await resetDatabase();
    seq = 0;
    n = await makeSmallNetwork();
    countyB = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    centreB = await makeOrganization({ name: "乙县公共法律服务中心", tier: "CENTRE", regionId: countyB.id, parentId: n.cityCentre.id, decidesLegalAid: true });
    const firmA = await db.lawFirm.create({ data: { name: "甲律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
    const firmB = await db.lawFirm.create({ data: { name: "乙律师事务所", regionId: countyB.id, address: "县城路 2 号", phone: "0797-2222222" } });
    wang = await makeLawyer("王律师", firmA.id);
    zhao = await makeLawyer("赵律师", firmB.id);
    sun = await makeLawyer("孙律师", firmB.id);
  });

  /** March 2026 in 甲县 (cases in its villages and townships too) and in 乙县, with rows just outside the month. */
  async function seedMarch() {
    const a = { organizationId: n.centre.id };
    // 1: 点援 — 赵 declined, 王 accepted 6 h after the approval
    await makeCase({
      ...a, regionId: n.villageA.id, decidedAt: t("2026-03-10T00:00:00Z"),
      offers: [{ lawyerUserId: zhao, status: "DECLINED", at: t("2026-03-10T00:00:00Z") }, { lawyerUserId: wang, status: "ACCEPTED", at: t("2026-03-10T02:00:00Z") }],
      assignments: [{ lawyerUserId: wang, via: "CHOICE", at: t("2026-03-10T06:00:00Z") }],
    });
    // 2: 王 let the offer lapse; 赵 took it from the pool 12 h after the approval
    await makeCase({
      ...a, regionId: n.townB.id, decidedAt: t("2026-03-11T00:00:00Z"),
      offers: [{ lawyerUserId: wang, status: "EXPIRED", at: t("2026-03-11T00:00:00Z") }],
      assignments: [{ lawyerUserId: zhao, via: "POOL", at: t("2026-03-11T12:00:00Z") }],
    });
    // 3: the officer assigned 孙 after 3 h; 王's waiting offer was withdrawn
    await makeCase({
      ...a, regionId: n.county.id, decidedAt: t("2026-03-12T00:00:00Z"),
      offers: [{ lawyerUserId: wang, status: "WITHDRAWN", at: t("2026-03-12T01:00:00Z") }],
      assignments: [{ lawyerUserId: sun, via: "OFFICER", at: t("2026-03-12T03:00:00Z") }],
    });
    // 4: first lawyer at 00:00 on 1 March Shanghai time (in), 3 h after the approval; the offer at 23:00
    //    on 28 February (out); after a change of lawyer 赵 took it from the pool in March (round 2)
    await makeCase({
      ...a, regionId: n.villageA.id, decidedAt: t("2026-02-28T13:00:00Z"),
      offers: [{ lawyerUserId: wang, status: "ACCEPTED", at: t("2026-02-28T15:00:00Z") }],
      assignments: [
        { lawyerUserId: wang, via: "CHOICE", at: t("2026-02-28T16:00:00Z") },
        { lawyerUserId: zhao, via: "POOL", at: t("2026-03-20T00:00:00Z") },
      ],
    });
    // 5: the officer, 4 h after the approval, at 23:59:59 on 31 March Shanghai time (in)
    await makeCase({
      ...a, regionId: n.townA.id, decidedAt: t("2026-03-31T11:59:59Z"),
      assignments: [{ lawyerUserId: sun, via: "OFFICER", at: t("2026-03-31T15:59:59Z") }],
    });
    // 6: offered and accepted at 00:00 on 1 April Shanghai time (out)
    await makeCase({
      ...a, regionId: n.villageB.id, decidedAt: t("2026-03-31T10:00:00Z"),
      offers: [{ lawyerUserId: wang, status: "ACCEPTED", at: t("2026-03-31T16:00:00Z") }],
      assignments: [{ lawyerUserId: wang, via: "CHOICE", at: t("2026-03-31T16:00:00Z") }],
    });
    // 7: first lawyer in February (out); the replacement in March is not a new case
    await makeCase({
      ...a, regionId: n.villageA.id, decidedAt: t("2026-02-27T00:00:00Z"),
      assignments: [
        { lawyerUserId: sun, via: "OFFICER", at: t("2026-02-28T15:59:59Z") },
        { lawyerUserId: wang, via: "CHOICE", at: t("2026-03-05T00:00:00Z") },
      ],
    });
    // 8: approved, an offer to 孙 still waiting
    await makeCase({ ...a, regionId: n.county.id, decidedAt: t("2026-03-25T00:00:00Z"), offers: [{ lawyerUserId: sun, status: "PENDING", at: t("2026-03-25T00:00:00Z") }] });

    const b = { organizationId: centreB.id, regionId: countyB.id };
    await makeCase({
      ...b, decidedAt: t("2026-03-15T00:00:00Z"),
      offers: [{ lawyerUserId: sun, status: "ACCEPTED", at: t("2026-03-15T00:00:00Z") }],
      assignments: [{ lawyerUserId: sun, via: "CHOICE", at: t("2026-03-15T01:00:00Z") }],
    });
    await makeCase({ ...b, decidedAt: t("2026-03-16T00:00:00Z"), assignments: [{ lawyerUserId: wang, via: "POOL", at: t("2026-03-16T02:00:00Z") }] });
  }

  const lawyerRow = (userId: number, name: string, firmName: string, figures: Partial<Record<string, number>>) => ({
    userId, name, firmName, offers: 0, pending: 0, accepted: 0, declined: 0, expired: 0, withdrawn: 0, poolTakes: 0, ...figures,
  });

  it("counts a county's cases by the route of their first lawyer, with the 点援率, hours and lawyers, within Shanghai days", async () => {
    await seedMarch();
    const leaderA = await makeActor({ role: "LEADER", regionId: n.county.id });
    const d = must(await execute(choiceIndicators, MARCH, leaderA, meta));

    expect(d.period).toEqual(MARCH);
    expect(d.assigned).toEqual({ total: 5, OFFICER: 2, CHOICE: 2, POOL: 1 });
    expect(d.choiceShare).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    expect(d.applicantChoiceShare).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    // CHOICE (6 + 3) / 2, POOL 12, 点援制 (6 + 3 + 12) / 3, OFFICER (3 + 4) / 2
    expect(d.avgHoursApprovalToAcceptance).toEqual({ choiceScheme: 7, CHOICE: 4.5, POOL: 12, OFFICER: 3.5 });
    expect(d.lawyers).toEqual([
      lawyerRow(wang, "王律师", "甲律师事务所", { offers: 3, accepted: 1, expired: 1, withdrawn: 1 }),
      lawyerRow(zhao, "赵律师", "乙律师事务所", { offers: 1, declined: 1, poolTakes: 2 }),
      lawyerRow(sun, "孙律师", "乙律师事务所", { offers: 1, pending: 1 }),
    ]);
    expect(d.lawyerCount).toBe(3);
    expect(d.definition).toBe(CHOICE_INDICATOR_DEFINITION);
    expect(d.definition).toContain("点援率 = ");
  });

  it("keeps each leader to their region; the city leader and the admin see both counties", async () => {
    await seedMarch();
    const leaderB = await makeActor({ role: "LEADER", regionId: countyB.id });
    const b = must(await execute(choiceIndicators, MARCH, leaderB, meta));
    expect(b.assigned).toEqual({ total: 2, OFFICER: 0, CHOICE: 1, POOL: 1 });
    expect(b.choiceShare).toEqual({ numerator: 2, denominator: 2, rate: 1 });
    expect(b.avgHoursApprovalToAcceptance).toEqual({ choiceScheme: 1.5, CHOICE: 1, POOL: 2, OFFICER: null });
    expect(b.lawyers).toEqual([
      lawyerRow(sun, "孙律师", "乙律师事务所", { offers: 1, accepted: 1 }),
      lawyerRow(wang, "王律师", "甲律师事务所", { poolTakes: 1 }),
    ]);

    const cityLeader = await makeActor({ role: "LEADER", regionId: n.city.id });
    const admin = await makeActor({ role: "ADMIN" });
    for (const actor of [cityLeader, admin]) {
      const all = must(await execute(choiceIndicators, MARCH, actor, meta));
      expect(all.assigned).toEqual({ total: 7, OFFICER: 2, CHOICE: 3, POOL: 2 });
      expect(all.choiceShare).toEqual({ numerator: 5, denominator: 7, rate: 5 / 7 });
      expect(all.applicantChoiceShare).toEqual({ numerator: 3, denominator: 7, rate: 3 / 7 });
      // CHOICE (6 + 3 + 1) / 3 = 3.33, POOL (12 + 2) / 2, 点援制 24 / 5
      expect(all.avgHoursApprovalToAcceptance).toEqual({ choiceScheme: 4.8, CHOICE: 3.3, POOL: 7, OFFICER: 3.5 });
      expect(all.lawyers.map((l) => [l.name, l.offers, l.poolTakes])).toEqual([["王律师", 3, 1], ["孙律师", 2, 0], ["赵律师", 1, 2]]);
    }

    // an admin whose membership is tied to a region reads that region only, as everywhere else
    const regionAdmin = await makeActor({ role: "ADMIN", regionId: countyB.id });
    expect(must(await execute(choiceIndicators, MARCH, regionAdmin, meta)).assigned.total).toBe(2);
  });

  it("answers an empty period with zero cases and no rate (null, not 0 or NaN)", async () => {
    await seedMarch();
    const admin = await makeActor({ role: "ADMIN" });
    const d = must(await execute(choiceIndicators, { from: "2025-01-01", to: "2025-12-31" }, admin, meta));
    expect(d).toMatchObject({
      period: { from: "2025-01-01", to: "2025-12-31" },
      assigned: { total: 0, OFFICER: 0, CHOICE: 0, POOL: 0 },
      choiceShare: { numerator: 0, denominator: 0, rate: null },
      applicantChoiceShare: { numerator: 0, denominator: 0, rate: null },
      avgHoursApprovalToAcceptance: { choiceScheme: null, CHOICE: null, POOL: null, OFFICER: null },
      lawyers: [],
      lawyerCount: 0,
    });
    // one day, both ends included: only case 5's 23:59:59
    const lastDay = must(await execute(choiceIndicators, { from: "2026-03-31", to: "2026-03-31" }, admin, meta));
    expect(lastDay.assigned).toEqual({ total: 1, OFFICER: 1, CHOICE: 0, POOL: 0 });
  });

  it("defaults to this year up to today (Shanghai)", async () => {
    const now = new Date();
    await makeCase({
      organizationId: n.centre.id, regionId: n.villageA.id, decidedAt: new Date(now.getTime() - 2 * 3_600_000),
      assignments: [{ lawyerUserId: wang, via: "CHOICE", at: now }],
    });
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const today = shanghaiDate(now);
    const d = must(await execute(choiceIndicators, {}, leader, meta));
    expect(d.period).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today });
    expect(d.assigned).toEqual({ total: 1, OFFICER: 0, CHOICE: 1, POOL: 0 });
    expect(d.avgHoursApprovalToAcceptance.CHOICE).toBe(2);
    // only an end: from 1 January of that year; form fields may arrive blank
    expect(must(await execute(choiceIndicators, { from: " ", to: "2025-06-30" }, leader, meta)).period).toEqual({ from: "2025-01-01", to: "2025-06-30" });
  });

  it("lists the 20 lawyers with the most offers and says how many there were", async () => {
    const lawyers = [];
    for (let i = 0; i < 22; i += 1) lawyers.push((await makeUser({ role: "LAWYER", name: `律师${i}` })).id);
    // lawyer i gets i + 1 offers, so the two with one and two offers fall off
    for (const [i, id] of lawyers.entries()) {
      await makeCase({
        organizationId: n.centre.id, regionId: n.county.id, decidedAt: t("2026-03-01T00:00:00Z"),
        offers: Array.from({ length: i + 1 }, () => ({ lawyerUserId: id, status: "DECLINED" as const, at: t("2026-03-02T00:00:00Z") })),
      });
    }
    const admin = await makeActor({ role: "ADMIN" });
    const d = must(await execute(choiceIndicators, MARCH, admin, meta));
    expect(d.lawyerCount).toBe(22);
    expect(d.lawyers).toHaveLength(20);
    expect(d.lawyers[0]).toMatchObject({ name: "律师21", firmName: null, offers: 22, declined: 22 });
    expect(d.lawyers.at(-1)).toMatchObject({ name: "律师2", offers: 3 });
  });

  it("refuses a wrong period with a Chinese message per field", async () => {
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    expect(await execute(choiceIndicators, { from: "2026-02-30", to: "2026/03/31" }, leader, meta)).toMatchObject({
      ok: false, code: "VALIDATION",
      fieldErrors: { from: ["起始日期应为有效日期，格式如 2026-01-01"], to: ["截止日期应为有效日期，格式如 2026-01-01"] },
    });
    expect(await execute(choiceIndicators, { from: "1999-12-31", to: "9999-12-31" }, leader, meta)).toMatchObject({
      ok: false, fieldErrors: { from: ["起始日期应在 2000 年至 2099 年之间"], to: ["截止日期应在 2000 年至 2099 年之间"] },
    });
    expect(await execute(choiceIndicators, { from: "2026-03-31", to: "2026-03-01" }, leader, meta)).toMatchObject({
      ok: false, fieldErrors: { to: ["截止日期不能早于起始日期"] },
    });
    expect(await execute(choiceIndicators, { from: "2098-01-01" }, leader, meta)).toMatchObject({
      ok: false, fieldErrors: { from: ["起始日期不能晚于今天"] },
    });
  });

  it("is for leaders and admins only", async () => {
    const others: Actor[] = [
      await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id }),
      await makeActor({ role: "STAFF", organizationId: n.centre.id }),
      await makeActor({ role: "RESIDENT" }),
    ];
    for (const actor of others) {
      expect(await execute(choiceIndicators, MARCH, actor, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await execute(choiceIndicators, MARCH, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
