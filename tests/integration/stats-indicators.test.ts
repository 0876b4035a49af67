import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeRegion, makeSmallNetwork } from "./helpers/factories";
import { meta, must } from "./helpers/legal-aid";
import { execute } from "@/lib/api/use-case";
import type { WorkOrderType } from "@/lib/generated/prisma/enums";
import { getIndicators } from "@/lib/stats/indicators";

// Issue 7: the registry's figures for a dataset small enough to count by hand, to the last digit;
// and a county leader cannot read another county.

let seq = 0;
/** A work order written directly (the figures read records, whatever door wrote them). */
async function order(o: { regionId: number; organizationId: number; type?: WorkOrderType; createdAt: string; closedAt?: string; onTime?: boolean }) {
  seq += 1;
  return db.workOrder.create({
    data: {
      number: `369901-20260301-${String(seq).padStart(7, "0")}`, channel: "WALK_IN", type: o.type ?? "CONSULTATION", status: o.closedAt ? "CLOSED" : "IN_PROGRESS",
      subject: "咨询", description: "咨询", requesterName: "某", requesterPhone: "13900000000", regionId: o.regionId, organizationId: o.organizationId,
      firstOrganizationId: o.organizationId, dueAt: new Date("2026-12-31T00:00:00Z"), createdAt: new Date(o.createdAt),
      closedAt: o.closedAt ? new Date(o.closedAt) : null, closedOnTime: o.closedAt ? (o.onTime ?? true) : null,
    },
  });
}

describe("indicators (registry over the records)", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;

  beforeEach(async () => {
    await resetDatabase();
    seq = 0;
    n = await makeSmallNetwork();
    await db.regionPopulation.createMany({ data: [{ regionId: n.county.id, year: 2026, residents: 40_000 }, { regionId: n.city.id, year: 2026, residents: 90_000 }] });
    await db.organization.update({ where: { id: n.roomA.id }, data: { legalAdviserName: "张律师" } });
  });

  it("computes the figures of a known dataset exactly, and shows an empty denominator as null", async () => {
    // March 2026 (Shanghai days): 4 orders registered (one at 23:30 on 31 March Shanghai time still counts;
    // one at 00:10 on 1 April does not), 3 closed of which 2 on time, handling 10 h + 20 h + 30 h
    await order({ regionId: n.villageA.id, organizationId: n.roomA.id, createdAt: "2026-03-01T02:00:00Z", closedAt: "2026-03-01T12:00:00Z" });
    await order({ regionId: n.villageA.id, organizationId: n.roomA.id, createdAt: "2026-03-02T02:00:00Z", closedAt: "2026-03-02T22:00:00Z", onTime: false });
    await order({ regionId: n.villageB.id, organizationId: n.roomB.id, type: "COMPLAINT", createdAt: "2026-03-10T00:00:00Z", closedAt: "2026-03-11T06:00:00Z" });
    await order({ regionId: n.villageB.id, organizationId: n.roomB.id, createdAt: "2026-03-31T15:30:00Z" });
    await order({ regionId: n.villageB.id, organizationId: n.roomB.id, createdAt: "2026-03-31T16:10:00Z" });
    const rated = await db.workOrder.findFirstOrThrow({ where: { number: "369901-20260301-0000001" } });
    await db.workOrderRating.createMany({
      data: [
        { workOrderId: rated.id, round: 1, score: "SATISFIED", via: "ACCOUNT", at: new Date("2026-03-05T00:00:00Z") },
        { workOrderId: (await db.workOrder.findFirstOrThrow({ where: { number: "369901-20260301-0000002" } })).id, round: 1, score: "UNSATISFIED", via: "ACCOUNT", at: new Date("2026-03-05T00:00:00Z") },
      ],
    });

    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const r = must(await execute(getIndicators, { from: "2026-03-01", to: "2026-03-31" }, leader, meta));
    expect(r).toMatchObject({ region: { code: "369901000000", name: "甲县" }, from: "2026-03-01", to: "2026-03-31" });
    const v = Object.fromEntries(r.indicators.map((i) => [i.id, i]));
    expect(v["workOrders.accepted"]).toMatchObject({ value: 4, numerator: 4, denominator: null });
    expect(v["workOrders.consultations"].value).toBe(3);
    expect(v["workOrders.closed"].value).toBe(3);
    expect(v["workOrders.onTimeRate"]).toMatchObject({ numerator: 2, denominator: 3 });
    expect(v["workOrders.onTimeRate"].value).toBeCloseTo(66.6667, 3);
    expect(v["workOrders.avgHandlingHours"]).toMatchObject({ value: 20, numerator: 60, denominator: 3 });
    expect(v["workOrders.satisfactionRate"]).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    // network: one centre, two stations, two rooms on two villages, one adviser
    expect(v["network.centres"].value).toBe(1);
    expect(v["network.stations"].value).toBe(2);
    expect(v["network.roomCoverage"]).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
    expect(v["network.adviserCoverage"]).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    // nothing to divide by: null, never NaN or 0
    expect(v["mediation.successRate"]).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(v["legalAid.aidRate"]).toMatchObject({ value: 0, numerator: 0, denominator: 40_000 });
    expect(r.indicators.every((i) => i.value === null || Number.isFinite(i.value))).toBe(true);

    // by tier and by channel: all five orders are held by rooms and came in as walk-ins
    const rooms = must(await execute(getIndicators, { from: "2026-03-01", to: "2026-03-31", tier: "ROOM" }, leader, meta));
    expect(rooms.indicators.find((i) => i.id === "workOrders.accepted")?.value).toBe(4);
    expect(rooms.indicators.find((i) => i.id === "network.centres")?.value).toBe(0);
    expect(rooms.indicators.find((i) => i.id === "network.rooms")?.value).toBe(2);
    const stations = must(await execute(getIndicators, { from: "2026-03-01", to: "2026-03-31", tier: "STATION" }, leader, meta));
    expect(stations.indicators.find((i) => i.id === "workOrders.accepted")?.value).toBe(0);
    const web = must(await execute(getIndicators, { from: "2026-03-01", to: "2026-03-31", channel: "WEB" }, leader, meta));
    expect(web.indicators.find((i) => i.id === "workOrders.accepted")?.value).toBe(0);
    expect(await execute(getIndicators, { tier: "VILLAGE" }, leader, meta)).toMatchObject({ ok: false, fieldErrors: { tier: ["层级应为 CENTRE、STATION 或 ROOM"] } });

    // one township only: the room of 东村
    const town = must(await execute(getIndicators, { region: "369901001000", from: "2026-03-01", to: "2026-03-31" }, leader, meta));
    expect(town.indicators.find((i) => i.id === "workOrders.accepted")?.value).toBe(2);

    // by business type (业务类别): one complaint, three consultations
    const complaints = must(await execute(getIndicators, { from: "2026-03-01", to: "2026-03-31", type: "COMPLAINT" }, leader, meta));
    expect(complaints.indicators.find((i) => i.id === "workOrders.accepted")?.value).toBe(1);
    expect(complaints.indicators.find((i) => i.id === "workOrders.consultations")?.value).toBe(0);
    expect(complaints.filters).toEqual({ tier: null, channel: null, type: "COMPLAINT" });
    expect(await execute(getIndicators, { type: "NOTARY" }, leader, meta)).toMatchObject({ ok: false, fieldErrors: { type: ["业务类别无效"] } });

    // the breakdowns, counted by hand: 4 registered, by type, channel, tier and current status
    const split = Object.fromEntries(r.breakdowns.map((b) => [b.id, b.items.map((i) => [i.label, i.value])]));
    expect(split.type).toEqual([["法律咨询", 3], ["投诉建议", 1]]);
    expect(split.channel).toEqual([["窗口来访", 4]]);
    expect(split.tier).toEqual([["公共法律服务工作室", 4]]);
    expect(split.status).toEqual([["已办结", 3], ["办理中", 1]]);
    expect(split.aidForm).toEqual([]);
    expect(r.breakdowns.find((b) => b.id === "mediationCategory")).toMatchObject({ name: "调解案件按纠纷类型", of: "受理的调解案件数（按登记时间）" });
  });

  it("a county leader gets 403 for another county, and bad input a message per field", async () => {
    const other = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    expect(await execute(getIndicators, { region: other.code }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(getIndicators, { region: "369900000000" }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const city = await makeActor({ role: "LEADER", regionId: n.city.id });
    expect(must(await execute(getIndicators, { region: other.code }, city, meta)).region.name).toBe("乙县");
    expect(await execute(getIndicators, { region: "1", from: "2026-02-30" }, city, meta)).toMatchObject({
      ok: false, code: "VALIDATION", fieldErrors: { region: ["地区代码应为 12 位数字"], from: ["起始日期应为有效日期，格式如 2026-01-01"] },
    });
    expect(await execute(getIndicators, { from: "2026-03-02", to: "2026-03-01" }, city, meta)).toMatchObject({ ok: false, fieldErrors: { to: ["截止日期不能早于起始日期"] } });
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    expect(await execute(getIndicators, {}, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
