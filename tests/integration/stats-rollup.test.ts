import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { db, resetDatabase } from "./helpers/db";
import { makeOrganization, makeRegion, makeSmallNetwork } from "./helpers/factories";
import { makeLawyer } from "./helpers/legal-aid";
import { addDays, type IsoDate } from "@/lib/calendar/working-days";
import { recountAll, recountBreakdowns } from "@/lib/stats/counts";
import { breakdownsFor, countsFor, refreshRollups, type StatsScope } from "@/lib/stats/rollup";
import { runJobNow } from "@/lib/jobs/boss";
import type {
  AidForm, LegalAidMatterKind, MediationCategory, MediationSource, OrganizationTier, RegionLevel, WorkOrderChannel, WorkOrderType,
} from "@/lib/generated/prisma/enums";

// Issue 7: the roll-ups equal a recount of the records after any sequence of writes. fast-check
// draws sequences of operations — create (plain, legal aid, mediation), transfer, change channel
// or type, close, reopen, rate, follow up, decide, assign, close/follow up/grade aid, end
// mediation, delete, bulk import, change a service point's tier — applies them straight to the
// tables (the triggers see every door alike), then compares every count and breakdown for many
// scopes: city, counties, a township, a village, a service point; whole months, ragged periods,
// single days; tier, channel and type filters.

type Net = Awaited<ReturnType<typeof network>>;
async function network() {
  const n = await makeSmallNetwork();
  const countyB = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
  const townC = await makeRegion({ code: "369902001000", name: "南镇", level: "TOWNSHIP", parentId: countyB.id });
  const villageC = await makeRegion({ code: "369902001001", name: "南村", level: "VILLAGE", parentId: townC.id });
  const centreB = await makeOrganization({ name: "乙县公共法律服务中心", tier: "CENTRE", regionId: countyB.id, parentId: n.cityCentre.id, decidesLegalAid: true });
  const stationC = await makeOrganization({ name: "南镇公共法律服务工作站", tier: "STATION", regionId: townC.id, parentId: centreB.id });
  const roomC = await makeOrganization({ name: "南村公共法律服务工作室", tier: "ROOM", regionId: villageC.id, parentId: stationC.id });
  const firm = await db.lawFirm.create({ data: { name: "测试律师事务所", regionId: n.county.id, address: "甲县人民路 1 号", phone: "0571-8888888" } });
  const lawyer = await makeLawyer({ name: "李律师", firmId: firm.id, regionIds: [n.county.id] });
  const regions = [n.city, n.county, n.townA, n.townB, n.villageA, n.villageB, countyB, townC, villageC];
  const orgs = [n.cityCentre, n.centre, n.stationA, n.stationB, n.roomA, n.roomB, centreB, stationC, roomC];
  return { ...n, countyB, townC, villageC, centreB, stationC, roomC, lawyerId: lawyer.userId!, regions, orgs };
}

const CHANNELS: WorkOrderChannel[] = ["WALK_IN", "HOTLINE_12348", "WEB", "COURT_REFERRAL"];
const TYPES: WorkOrderType[] = ["CONSULTATION", "COMPLAINT", "OTHER"];
const AID_FORMS: AidForm[] = ["CIVIL_REPRESENTATION", "CRIMINAL_DEFENCE", "LABOUR_ARBITRATION"];
const KINDS: LegalAidMatterKind[] = ["CIVIL", "CRIMINAL", "ADMINISTRATIVE"];
const CATEGORIES: MediationCategory[] = ["MARRIAGE_FAMILY", "NEIGHBOUR", "LABOUR"];
const SOURCES: MediationSource[] = ["APPLICATION", "COURT", "PROACTIVE"];

// The window the records fall in: late January to early April 2026, so periods cross months.
const START = Date.parse("2026-01-20T00:00:00Z");
const SPAN_HOURS = 80 * 24;
const at = (h: number) => new Date(START + (h % SPAN_HOURS) * 3_600_000 + (h % 7) * 60_000);
const pick = <T,>(list: readonly T[], i: number) => list[i % list.length];

let seq = 0;
async function createOrder(net: Net, a: number, b: number, c: number, kind: "plain" | "aid" | "mediation", importKey?: string) {
  seq += 1;
  const region = pick(net.regions, a);
  const org = pick(net.orgs, b);
  const type: WorkOrderType = kind === "aid" ? "LEGAL_AID" : kind === "mediation" ? "MEDIATION" : pick(TYPES, c);
  const order = await db.workOrder.create({
    data: {
      number: `369901-20260120-${String(seq).padStart(7, "0")}`, channel: pick(CHANNELS, a + c), type, status: "NEW",
      subject: "测试", description: "测试", requesterName: "某", requesterPhone: "13900000000", regionId: region.id,
      organizationId: org.id, firstOrganizationId: org.id, dueAt: new Date("2026-12-31T00:00:00Z"), createdAt: at(a * 7 + c),
      importKey: importKey ?? null,
    },
  });
  if (kind === "aid") {
    await db.legalAidApplication.create({
      data: {
        workOrderId: order.id, status: "SUBMITTED", applicantName: "陈某", applicantIdCipher: "x", applicantIdHash: `hash-${c % 5}`,
        applicantPhone: "13900000000", applicantAddress: "某村", matterKind: pick(KINDS, c), matterCategory: "LABOUR", facts: "欠薪",
        opposingParty: "某公司", aidForm: pick(AID_FORMS, c), economicBasis: "HARDSHIP_DECLARATION", economicDetail: {},
        greenChannel: c % 3 === 0, personalInfoConsentAt: order.createdAt,
      },
    });
  }
  if (kind === "mediation") {
    await db.mediationCase.create({
      data: { workOrderId: order.id, source: pick(SOURCES, c), category: pick(CATEGORIES, c), status: "ACCEPTED", major: c % 4 === 0 },
    });
  }
  return order;
}

const later = (d: Date, hours: number) => new Date(d.getTime() + hours * 3_600_000 + 17 * 60_000);

type Op = { op: string; a: number; b: number; c: number };
async function apply(net: Net, { op, a, b, c }: Op) {
  const orders = await db.workOrder.findMany({ select: { id: true, createdAt: true, closedAt: true }, orderBy: { id: "asc" } });
  const target = orders.length ? orders[a % orders.length] : null;
  const aid = await db.legalAidApplication.findMany({ select: { id: true, workOrderId: true }, orderBy: { id: "asc" } });
  const aidCase = aid.length ? aid[b % aid.length] : null;
  const aidOrder = aidCase ? orders.find((o) => o.id === aidCase.workOrderId)! : null;
  switch (op) {
    case "create": return createOrder(net, a, b, c, "plain");
    case "createAid": return createOrder(net, a, b, c, "aid");
    case "createMediation": return createOrder(net, a, b, c, "mediation");
    case "import": {
      // a bulk import writes many orders in one statement (the triggers run per statement)
      const base = seq;
      seq += 5;
      await db.workOrder.createMany({
        data: Array.from({ length: 5 }, (_, i) => ({
          number: `369902-20260120-${String(base + i).padStart(7, "0")}`, channel: pick(CHANNELS, i + c), type: pick(TYPES, i), status: "CLOSED" as const,
          subject: "导入", description: "导入", requesterName: "某", requesterPhone: "13900000000", regionId: pick(net.regions, a + i).id,
          organizationId: pick(net.orgs, b + i).id, firstOrganizationId: pick(net.orgs, b + i).id, dueAt: new Date("2026-12-31T00:00:00Z"),
          createdAt: at(a * 3 + i * 41), closedAt: later(at(a * 3 + i * 41), 30 + i), closedOnTime: i % 2 === 0, importKey: `WORK_ORDER:x:${base + i}`,
        })),
      });
      return;
    }
    case "transfer":
      if (target) await db.workOrder.update({ where: { id: target.id }, data: { organizationId: pick(net.orgs, b).id, regionId: c % 2 ? pick(net.regions, c).id : undefined } });
      return;
    case "rechannel":
      if (target) await db.workOrder.update({ where: { id: target.id }, data: { channel: pick(CHANNELS, b) } });
      return;
    case "close":
      if (target) await db.workOrder.update({ where: { id: target.id }, data: { status: "CLOSED", closedAt: later(target.createdAt, b % 200), closedOnTime: c % 3 !== 0 } });
      return;
    case "reopen":
      if (target) await db.workOrder.update({ where: { id: target.id }, data: { status: "IN_PROGRESS", closedAt: null, closedOnTime: null } });
      return;
    case "rate":
      if (target) {
        const round = (await db.workOrderRating.count({ where: { workOrderId: target.id } })) + 1;
        await db.workOrderRating.create({
          data: { workOrderId: target.id, round, score: pick(["SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"] as const, c), via: "ACCOUNT", at: later(target.createdAt, b % 300) },
        });
      }
      return;
    case "followUp":
      if (target) {
        await db.workOrderFollowUp.create({
          data: { workOrderId: target.id, kind: "CALLBACK", organizationId: pick(net.orgs, b).id, doneAt: c % 4 ? later(target.createdAt, 50) : null },
        });
      }
      return;
    case "decide":
      if (aidCase && aidOrder) {
        await db.legalAidApplication.update({
          where: { id: aidCase.id },
          data: { status: c % 4 ? "APPROVED" : "REFUSED", decidedAt: later(aidOrder.createdAt, a % 240), decidedOnTime: c % 5 === 0 ? null : c % 2 === 0 },
        });
      }
      return;
    case "assign":
      if (aidCase && aidOrder && !(await db.legalAidAssignment.findFirst({ where: { applicationId: aidCase.id } }))) {
        await db.legalAidAssignment.create({
          data: { applicationId: aidCase.id, round: 1, lawyerUserId: net.lawyerId, via: pick(["OFFICER", "CHOICE", "POOL"] as const, c), assignedAt: later(aidOrder.createdAt, a % 40) },
        });
        await db.legalAidApplication.update({ where: { id: aidCase.id }, data: { assignedOnTime: c % 3 !== 0 } });
      }
      return;
    case "aidAftercare":
      if (aidCase && aidOrder) {
        await db.legalAidApplication.update({
          where: { id: aidCase.id },
          data: {
            closedAt: later(aidOrder.createdAt, 400 + (a % 300)), moneyRecovered: `${(c % 9000) + 0.1}`, feesWaived: `${(b % 500) + 0.2}`,
            followedUpAt: later(aidOrder.createdAt, 700 + (b % 100)), satisfaction: pick(["SATISFIED", "UNSATISFIED", null] as const, c),
            qualityGradedAt: c % 2 ? later(aidOrder.createdAt, 800) : null, qualityGrade: pick(["EXCELLENT", "GOOD", "PASS"] as const, a),
          },
        });
      }
      return;
    case "endMediation": {
      const m = await db.mediationCase.findMany({ include: { workOrder: { select: { createdAt: true } } }, orderBy: { id: "asc" } });
      const x = m.length ? m[a % m.length] : null;
      if (x) {
        await db.mediationCase.update({
          where: { id: x.id },
          data: {
            status: pick(["SUCCEEDED", "FAILED", "WITHDRAWN", "REFUSED"] as const, c), endedAt: later(x.workOrder.createdAt, b % 500),
            confirmationGranted: c % 2 === 0, performance: c % 3 === 0 ? ("PERFORMED" as never) : null, crimePrevented: b % 5 === 0,
          },
        });
      }
      return;
    }
    case "delete":
      // only orders with nothing hanging on them (as in the app: drafts and mistakes, never cases)
      if (target && !aid.some((x) => x.workOrderId === target.id) && !(await db.mediationCase.findFirst({ where: { workOrderId: target.id } }))) {
        await db.workOrderRating.deleteMany({ where: { workOrderId: target.id } });
        await db.workOrderFollowUp.deleteMany({ where: { workOrderId: target.id } });
        await db.workOrder.delete({ where: { id: target.id } });
      }
      return;
    case "retier": {
      // a station upgraded to a centre (rare, but it moves all of its counts)
      const org = pick(net.orgs, b);
      const tier: OrganizationTier = pick(["CENTRE", "STATION", "ROOM"] as const, c);
      await db.organization.update({ where: { id: org.id }, data: { tier } });
      return;
    }
  }
}

const OPS = ["create", "create", "createAid", "createMediation", "import", "transfer", "rechannel", "close", "close", "reopen", "rate",
  "followUp", "decide", "assign", "aidAftercare", "endMediation", "delete", "retier"];

function scopes(net: Net, k: number): StatsScope[] {
  const periods: [IsoDate, IsoDate][] = [
    ["2026-01-01", "2026-04-30"], ["2026-01-25", "2026-03-07"], ["2026-02-01", "2026-02-28"], ["2026-03-31", "2026-03-31"],
    ["2026-02-15", "2026-02-20"], ["2025-12-01", "2026-06-30"],
  ];
  const places: { path: string; level: RegionLevel }[] = [net.city, net.county, net.countyB, net.townA, net.villageB].map((r) => ({ path: r.path, level: r.level }));
  const out: StatsScope[] = [];
  for (const [from, to] of periods) for (const p of places) out.push({ regionPath: p.path, level: p.level, from, to });
  const [from, to] = periods[k % periods.length];
  out.push({ regionPath: net.city.path, level: "CITY", from, to, tier: pick(["CENTRE", "STATION", "ROOM"] as const, k) });
  out.push({ regionPath: net.city.path, level: "CITY", from, to, channel: pick(CHANNELS, k) });
  out.push({ regionPath: net.county.path, level: "COUNTY", from, to, type: pick(["LEGAL_AID", "MEDIATION", "CONSULTATION"] as const, k), tier: "CENTRE" });
  out.push({ regionPath: net.townA.path, level: "TOWNSHIP", from, to, channel: "WALK_IN" });
  out.push({ regionPath: net.county.path, level: "COUNTY", from, to, organizationId: net.roomA.id });
  return out;
}

async function expectRollupsEqualRecount(net: Net, k: number) {
  for (const scope of scopes(net, k)) {
    const label = JSON.stringify(scope);
    expect(await countsFor(db, scope), label).toEqual(await recountAll(db, scope));
    expect(await breakdownsFor(db, scope), label).toEqual(await recountBreakdowns(db, scope));
  }
}

describe("roll-ups equal the recount", () => {
  let net: Net;
  beforeAll(async () => {
    await resetDatabase();
    net = await network();
  });

  it("after random sequences of writes of every kind", async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ op: fc.constantFrom(...OPS), a: fc.nat(10_000), b: fc.nat(10_000), c: fc.nat(10_000) }), { minLength: 15, maxLength: 40 }),
        async (ops) => {
          for (const op of ops) await apply(net, op);
          await expectRollupsEqualRecount(net, round++);
        },
      ),
      { numRuns: 8, seed: 20261203, endOnFailure: true },
    );
    // the sequences did write what the comparisons cover
    const [orders, aid, mediation] = await Promise.all([db.workOrder.count(), db.legalAidApplication.count(), db.mediationCase.count()]);
    expect(orders).toBeGreaterThan(50);
    expect(aid).toBeGreaterThan(3);
    expect(mediation).toBeGreaterThan(3);
  }, 180_000);

  it("counts a Shanghai day from Shanghai midnight, not UTC's", async () => {
    await resetDatabase();
    net = await network();
    // applied 1 March 20:00 Shanghai (12:00 UTC), assigned 2 March 01:00 Shanghai (1 March 17:00 UTC): not the same day
    const order = await createOrder(net, 0, 1, 0, "aid");
    await db.workOrder.update({ where: { id: order.id }, data: { createdAt: new Date("2026-03-01T12:00:00Z") } });
    const app = await db.legalAidApplication.findFirstOrThrow({ where: { workOrderId: order.id } });
    await db.legalAidAssignment.create({ data: { applicationId: app.id, round: 1, lawyerUserId: net.lawyerId, via: "OFFICER", assignedAt: new Date("2026-03-01T17:00:00Z") } });
    const scope: StatsScope = { regionPath: net.city.path, level: "CITY", from: "2026-03-01", to: "2026-03-31" };
    const raw = await recountAll(db, scope);
    expect(raw.aidAssigned).toBe(1);
    expect(raw.aidAssignedSameDay).toBe(0);
    expect((await countsFor(db, scope)).aidAssignedSameDay).toBe(0);
    // and the 2 March assignment is counted on 2 March
    expect((await countsFor(db, { ...scope, from: "2026-03-02", to: "2026-03-02" })).aidAssigned).toBe(1);
    expect((await countsFor(db, { ...scope, from: addDays("2026-03-01", 0), to: "2026-03-01" })).aidAssigned).toBe(0);
  });

  it("refreshes only what was touched, and a read after a write sees it", async () => {
    await refreshRollups(db);
    expect(await refreshRollups(db)).toBe(0);
    const order = await createOrder(net, 3, 2, 1, "plain");
    await db.workOrder.update({ where: { id: order.id }, data: { status: "CLOSED", closedAt: later(order.createdAt, 24 * 40), closedOnTime: true } });
    expect(await refreshRollups(db)).toBe(2); // its registration day and its closing day
    const scope: StatsScope = { regionPath: net.city.path, level: "CITY", from: "2026-01-01", to: "2026-06-30" };
    const before = await countsFor(db, scope);
    // the job does the same refresh (so reads rarely find work)
    await createOrder(net, 4, 2, 1, "plain");
    expect(await runJobNow("stats.refreshRollups", db)).toBe(1);
    expect(await runJobNow("stats.refreshRollups", db)).toBe(0);
    expect((await countsFor(db, scope)).ordersAccepted).toBe(before.ordersAccepted + 1);
    await createOrder(net, 5, 2, 1, "plain");
    expect((await countsFor(db, scope)).ordersAccepted).toBe(before.ordersAccepted + 2);
  });

  it("受援人, a distinct count, is read once per recipients' version: new orders keep it, an approval changes it", async () => {
    const scope: StatsScope = { regionPath: net.city.path, level: "CITY", from: "2026-01-01", to: "2026-06-30" };
    const version = async () => (await db.statsVersion.findUnique({ where: { id: 1 } }))?.recipients ?? null;
    const approve = async (a: number, hash: string) => {
      const order = await createOrder(net, a, 1, 4, "aid");
      await db.legalAidApplication.updateMany({
        where: { workOrderId: order.id },
        data: { status: "APPROVED", decidedAt: later(order.createdAt, 30), decidedOnTime: true, applicantIdHash: hash },
      });
    };
    // (a reset database has no version row; the first refresh that changes the recipients writes one)
    await approve(8, "hash-first-recipient");
    const counted = (await countsFor(db, scope)).aidRecipients;
    expect(counted).toBeGreaterThan(0);
    const v1 = await version();
    expect(v1).not.toBeNull();

    // a new order (and its refresh) leaves the recipients and their version alone
    await createOrder(net, 6, 2, 1, "plain");
    expect(await refreshRollups(db)).toBe(1);
    expect(await version()).toBe(v1);

    // the count is the one kept: rows changed behind the version's back are not read …
    const rows = await db.statsRecipientDay.findMany();
    expect(rows.length).toBeGreaterThan(0);
    await db.statsRecipientDay.deleteMany();
    expect((await countsFor(db, scope)).aidRecipients).toBe(counted);
    // … until the version moves (any instance's refresh moves it, in the database)
    await db.statsVersion.update({ where: { id: 1 }, data: { recipients: { increment: 1 } } });
    expect((await countsFor(db, scope)).aidRecipients).toBe(0);
    await db.statsRecipientDay.createMany({ data: rows });
    await db.statsVersion.update({ where: { id: 1 }, data: { recipients: { increment: 1 } } });
    expect((await countsFor(db, scope)).aidRecipients).toBe(counted);

    // an approval of a new applicant changes the recipients: a new version, and the count follows the recount
    const before = await version();
    await approve(7, "hash-new-recipient");
    const after = await countsFor(db, scope);
    expect(await version()).not.toBe(before);
    expect(after.aidRecipients).toBe(counted + 1);
    expect(after.aidRecipients).toBe((await recountAll(db, scope)).aidRecipients);

    // without a version row (a reset database) nothing is kept
    await db.statsVersion.deleteMany();
    await db.statsRecipientDay.deleteMany();
    expect((await countsFor(db, scope)).aidRecipients).toBe(0);
    await db.statsRecipientDay.createMany({ data: rows });
    expect((await countsFor(db, scope)).aidRecipients).toBe(counted);
  });
});
