import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeOrganization, makeRegion, makeSmallNetwork } from "./helpers/factories";
import { meta, must } from "./helpers/legal-aid";
import { execute, type AnyUseCase } from "@/lib/api/use-case";
import { indicatorRanking, indicatorTrend } from "@/lib/stats/dashboard";
import { getIndicators } from "@/lib/stats/indicators";

// Issue 7 item 3: the dashboard's trend (one indicator month by month, Shanghai months) and ranking
// (child regions by one indicator), on a dataset small enough to count by hand; a county leader
// cannot read another county.

let seq = 0;
/** A work order written directly: the figures read records, whatever door wrote them. */
async function order(o: { regionId: number; organizationId: number; createdAt: string; closedAt?: string; onTime?: boolean }) {
  seq += 1;
  return db.workOrder.create({
    data: {
      number: `369901-20260101-${String(seq).padStart(7, "0")}`, channel: "WALK_IN", type: "CONSULTATION", status: o.closedAt ? "CLOSED" : "IN_PROGRESS",
      subject: "咨询", description: "咨询", requesterName: "某", requesterPhone: "13900000000", regionId: o.regionId, organizationId: o.organizationId,
      firstOrganizationId: o.organizationId, dueAt: new Date("2026-12-31T00:00:00Z"), createdAt: new Date(o.createdAt),
      closedAt: o.closedAt ? new Date(o.closedAt) : null, closedOnTime: o.closedAt ? (o.onTime ?? true) : null,
    },
  });
}

describe("dashboard trend and ranking", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let countyB: Awaited<ReturnType<typeof makeRegion>>;
  let countyC: Awaited<ReturnType<typeof makeRegion>>;
  let centreB: Awaited<ReturnType<typeof makeOrganization>>;

  beforeEach(async () => {
    await resetDatabase();
    seq = 0;
    n = await makeSmallNetwork();
    countyB = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    countyC = await makeRegion({ code: "369903000000", name: "丙县", level: "COUNTY", parentId: n.city.id });
    centreB = await makeOrganization({ name: "乙县公共法律服务中心", tier: "CENTRE", regionId: countyB.id, parentId: n.cityCentre.id });

    // 甲县, 东村 (东镇): registered (Shanghai days)
    //   01-10 — before the period
    //   01-20 — January; closed 02-03 on time
    //   02-05 — February; closed 02-10 late
    //   02-28 15:59 UTC = 02-28 23:59 Shanghai — still February; closed 03-05 15:59 UTC on time (exactly 5 days)
    //   02-28 16:30 UTC = 03-01 00:30 Shanghai — March
    // 甲县, 西村 (西镇):
    //   03-10 15:00 UTC = 03-10 23:00 Shanghai — March, the period's last day
    //   03-10 16:00 UTC = 03-11 00:00 Shanghai — after the period
    const a = { regionId: n.villageA.id, organizationId: n.roomA.id };
    const b = { regionId: n.villageB.id, organizationId: n.roomB.id };
    await order({ ...a, createdAt: "2026-01-10T02:00:00Z" });
    await order({ ...a, createdAt: "2026-01-20T02:00:00Z", closedAt: "2026-02-03T02:00:00Z" });
    await order({ ...a, createdAt: "2026-02-05T02:00:00Z", closedAt: "2026-02-10T02:00:00Z", onTime: false });
    await order({ ...a, createdAt: "2026-02-28T15:59:00Z", closedAt: "2026-03-05T15:59:00Z" });
    await order({ ...a, createdAt: "2026-02-28T16:30:00Z" });
    await order({ ...b, createdAt: "2026-03-10T15:00:00Z" });
    await order({ ...b, createdAt: "2026-03-10T16:00:00Z" });
    // 乙县: two registered in February, one closed on time
    await order({ regionId: countyB.id, organizationId: centreB.id, createdAt: "2026-02-02T02:00:00Z", closedAt: "2026-02-04T02:00:00Z" });
    await order({ regionId: countyB.id, organizationId: centreB.id, createdAt: "2026-02-03T02:00:00Z" });
  });

  it("gives one point per Shanghai month, the first and last clipped to the period", async () => {
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const accepted = must(await execute(indicatorTrend, { indicatorId: "workOrders.accepted", from: "2026-01-15", to: "2026-03-10" }, leader, meta));
    expect(accepted.region).toEqual({ code: "369901000000", name: "甲县" });
    expect(accepted.indicator).toMatchObject({ id: "workOrders.accepted", name: "受理工单", unit: "件", group: "工单办理" });
    expect(accepted.points).toEqual([
      { month: "2026-01", from: "2026-01-15", to: "2026-01-31", value: 1, numerator: 1, denominator: null },
      { month: "2026-02", from: "2026-02-01", to: "2026-02-28", value: 2, numerator: 2, denominator: null },
      { month: "2026-03", from: "2026-03-01", to: "2026-03-10", value: 2, numerator: 2, denominator: null },
    ]);
    // the points of a count add up to the period's own figure
    const whole = must(await execute(getIndicators, { from: "2026-01-15", to: "2026-03-10" }, leader, meta));
    expect(whole.indicators.find((i) => i.id === "workOrders.accepted")?.value).toBe(5);

    // a rate month by month: January has nothing closed (null, never 0%), February 1 of 2, March 1 of 1
    const onTime = must(await execute(indicatorTrend, { indicatorId: "workOrders.onTimeRate", from: "2026-01-01", to: "2026-03-31" }, leader, meta));
    expect(onTime.points.map((p) => [p.month, p.value, p.numerator, p.denominator])).toEqual([
      ["2026-01", null, 0, 0],
      ["2026-02", 50, 1, 2],
      ["2026-03", 100, 1, 1],
    ]);

    // one township: only 西村's order on 03-10 (its 03-11 one is after the period)
    const town = must(await execute(indicatorTrend, { region: "369901002000", indicatorId: "workOrders.accepted", from: "2026-03-01", to: "2026-03-10" }, leader, meta));
    expect(town.points.map((p) => p.value)).toEqual([1]);
  });

  it("ranks the counties of a city, best first, equal values sharing a rank and empty ones last", async () => {
    const city = await makeActor({ role: "LEADER", regionId: n.city.id });
    const q = { region: "369900000000", from: "2026-01-01", to: "2026-03-31" };

    const onTime = must(await execute(indicatorRanking, { ...q, indicatorId: "workOrders.onTimeRate" }, city, meta));
    expect(onTime).toMatchObject({ region: { code: "369900000000", name: "测试市", level: "CITY" }, childLevel: "COUNTY", order: "desc" });
    expect(onTime.trail).toEqual([{ code: "369900000000", name: "测试市" }]);
    // 乙县 1 of 1 closed on time; 甲县 2 of 3; 丙县 closed nothing
    expect(onTime.rows.map((r) => [r.rank, r.name, r.value === null ? null : Number(r.value.toFixed(4)), r.numerator, r.denominator])).toEqual([
      [1, "乙县", 100, 1, 1],
      [2, "甲县", 66.6667, 2, 3],
      [null, "丙县", null, 0, 0],
    ]);

    // accepted in the quarter: 甲县 all 7, 乙县 2, 丙县 0 — a count is never empty
    const accepted = must(await execute(indicatorRanking, { ...q, indicatorId: "workOrders.accepted" }, city, meta));
    expect(accepted.rows.map((r) => [r.rank, r.code, r.value])).toEqual([
      [1, "369901000000", 7],
      [2, "369902000000", 2],
      [3, "369903000000", 0],
    ]);

    // shorter handling is better: 乙县 48 h against 甲县 (336 + 120 + 120 h) ÷ 3 = 192 h
    const hours = must(await execute(indicatorRanking, { ...q, indicatorId: "workOrders.avgHandlingHours" }, city, meta));
    expect(hours.order).toBe("asc");
    expect(hours.rows.map((r) => [r.rank, r.name, r.value === null ? null : Number(r.value.toFixed(4))])).toEqual([
      [1, "乙县", 48],
      [2, "甲县", 192],
      [null, "丙县", null],
    ]);
  });

  it("ranks the townships of a county and keeps the breadcrumbs inside the leader's region", async () => {
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    // 1–10 March: 东镇 one (03-01 00:30 Shanghai), 西镇 one (03-10) — equal, so both rank 1, in code order
    const r = must(await execute(indicatorRanking, { indicatorId: "workOrders.accepted", from: "2026-03-01", to: "2026-03-10" }, leader, meta));
    expect(r).toMatchObject({ region: { code: "369901000000", level: "COUNTY" }, childLevel: "TOWNSHIP" });
    expect(r.rows.map((x) => [x.rank, x.name, x.value])).toEqual([[1, "东镇", 1], [1, "西镇", 1]]);
    expect(r.trail).toEqual([{ code: "369901000000", name: "甲县" }]);

    // a township: its service points (the drill-down's last step), each by the records it holds;
    // the trail starts at the leader's county, not the city above it
    const town = must(await execute(indicatorRanking, { region: "369901001000", indicatorId: "workOrders.accepted", from: "2026-02-01", to: "2026-02-28" }, leader, meta));
    expect(town).toMatchObject({ servicePoints: true, childLevel: null });
    expect(town.rows.map((x) => [x.rank, x.name, x.value, x.organizationId])).toEqual([
      [1, "东村公共法律服务工作室", 2, n.roomA.id],
      [2, "东镇公共法律服务工作站", 0, n.stationA.id],
    ]);
    expect(town.trail.map((t) => t.name)).toEqual(["甲县", "东镇"]);

    const city = await makeActor({ role: "LEADER", regionId: n.city.id });
    const fromCity = must(await execute(indicatorRanking, { region: "369901001000", indicatorId: "workOrders.accepted", from: "2026-02-01", to: "2026-02-28" }, city, meta));
    expect(fromCity.trail.map((t) => t.name)).toEqual(["测试市", "甲县", "东镇"]);

    // a village: its room
    const village = must(await execute(indicatorRanking, { region: "369901001001", indicatorId: "workOrders.accepted", from: "2026-02-01", to: "2026-02-28" }, leader, meta));
    expect(village.rows.map((x) => [x.name, x.value])).toEqual([["东村公共法律服务工作室", 2]]);

    // one service point's own figures: the overview narrowed to it (read from the records)
    const room = must(await execute(getIndicators, { region: "369901001000", org: n.roomA.id, from: "2026-01-01", to: "2026-03-31" }, leader, meta));
    expect(room.organization).toMatchObject({ id: n.roomA.id, name: "东村公共法律服务工作室", tier: "ROOM" });
    expect(room.indicators.find((i) => i.id === "workOrders.accepted")?.value).toBe(5);
    // a service point outside the region asked for (or the leader's) is not found
    expect(await execute(getIndicators, { region: "369901001000", org: n.roomB.id }, leader, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(getIndicators, { org: centreB.id }, leader, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(getIndicators, { org: "abc" }, leader, meta)).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { org: ["服务网点无效"] } });
  });

  it("refuses another county (403), other roles, and bad input with a message per field", async () => {
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    for (const uc of [indicatorTrend, indicatorRanking] as AnyUseCase[]) {
      expect(await execute(uc, { region: countyB.code, indicatorId: "workOrders.accepted" }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(uc, { region: "369900000000", indicatorId: "workOrders.accepted" }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(uc, { region: "369999000000", indicatorId: "workOrders.accepted" }, leader, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await execute(uc, { region: "12", indicatorId: "nope", from: "2026-02-30" }, leader, meta)).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { region: ["地区代码应为 12 位数字"], indicatorId: ["没有这个指标"], from: ["起始日期应为有效日期，格式如 2026-01-01"] },
      });
      expect(await execute(uc, { indicatorId: "workOrders.accepted", from: "2026-03-02", to: "2026-03-01" }, leader, meta)).toMatchObject({
        ok: false, fieldErrors: { to: ["截止日期不能早于起始日期"] },
      });
      const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
      expect(await execute(uc, { indicatorId: "workOrders.accepted" }, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await execute(indicatorTrend, { indicatorId: "workOrders.accepted", from: "2020-01-01", to: "2026-01-31" }, leader, meta)).toMatchObject({
      ok: false, fieldErrors: { from: ["趋势最长 60 个月，请缩短时间范围"] },
    });
    // 60 months exactly is allowed
    const five = must(await execute(indicatorTrend, { indicatorId: "network.centres", from: "2021-02-01", to: "2026-01-31" }, leader, meta));
    expect(five.points).toHaveLength(60);
    // a city leader reads 丙县, which has no children: nothing to rank
    const city = await makeActor({ role: "LEADER", regionId: n.city.id });
    expect(must(await execute(indicatorRanking, { region: countyC.code, indicatorId: "workOrders.accepted" }, city, meta)).rows).toEqual([]);
  });
});
