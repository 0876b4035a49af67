import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeRegion, makeSmallNetwork } from "./helpers/factories";
import { meta, must } from "./helpers/legal-aid";
import { execute } from "@/lib/api/use-case";
import { shanghaiDate } from "@/lib/calendar/working-days";
import type { MediationStatus } from "@/lib/generated/prisma/enums";
import {
  deleteFigure, deleteTarget, enterFigure, listFigures, listTargets, MANUAL_FIGURES, setTarget, targetProgress,
} from "@/lib/stats/targets";

// Issue 7 item 4: plan targets per indicator × region × year, figures the system cannot count entered
// with their source, and progress against the actuals — registry actuals recounted from the records.

let seq = 0;
/** A concluded mediation case in 东村, written directly (the figures read records, whatever door wrote them). */
async function mediation(n: Awaited<ReturnType<typeof makeSmallNetwork>>, status: MediationStatus, endedAt: string) {
  seq += 1;
  const order = await db.workOrder.create({
    data: {
      number: `369901-20250301-${String(seq).padStart(7, "0")}`, channel: "WALK_IN", type: "MEDIATION", status: "CLOSED",
      subject: "邻里纠纷", description: "邻里纠纷", requesterName: "某", requesterPhone: "13900000000", regionId: n.villageA.id,
      organizationId: n.roomA.id, firstOrganizationId: n.roomA.id, dueAt: new Date("2025-12-31T00:00:00Z"),
      createdAt: new Date("2025-03-01T02:00:00Z"), closedAt: new Date(endedAt), closedOnTime: true,
    },
  });
  await db.mediationCase.create({ data: { workOrderId: order.id, source: "APPLICATION", category: "NEIGHBOUR", status, endedAt: new Date(endedAt) } });
}

describe("plan targets and entered figures", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;

  beforeEach(async () => {
    await resetDatabase();
    seq = 0;
    n = await makeSmallNetwork();
  });

  it("sets, replaces, lists and deletes a target; audits each write", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    const first = must(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: "369901000000", year: "2025", target: "95", source: "甲县“十四五”规划" }, admin, meta));
    expect(first.replaced).toBe(false);
    // the same indicator, region and year: replaced, not duplicated
    const again = must(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: "369901000000", year: 2025, target: 96.5 }, admin, meta));
    expect(again).toEqual({ id: first.id, replaced: true });
    must(await execute(setTarget, { indicatorId: "funding.aidPerResident", regionCode: "369901000000", year: 2025, target: "1.5" }, admin, meta));
    must(await execute(setTarget, { indicatorId: "capacity.lawyersPer10k", regionCode: "369900000000", year: 2026, target: 3 }, admin, meta));

    const county = must(await execute(listTargets, { regionCode: "369901000000", year: "2025" }, admin, meta));
    expect(county.targets.map((t) => [t.indicatorId, t.target, t.source, t.name, t.unit])).toEqual([
      ["funding.aidPerResident", 1.5, null, "人均法律援助经费", "元/人"],
      // the replacement cleared the source it did not repeat
      ["mediation.successRate", 96.5, null, "调解成功率", "%"],
    ]);
    expect(county.regions.map((r) => r.code)).toEqual(["369900000000", "369901000000"]);
    expect(must(await execute(listTargets, {}, admin, meta)).targets).toHaveLength(3);

    must(await execute(deleteTarget, { id: String(first.id) }, admin, meta));
    expect(await db.indicatorTarget.count()).toBe(2);
    expect(await execute(deleteTarget, { id: first.id }, admin, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const audit = await db.auditEvent.findMany({ where: { result: "SUCCESS" }, select: { action: true }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["stats.target.set", "stats.target.set", "stats.target.set", "stats.target.set", "stats.target.delete"]);
  });

  it("says what is wrong with each field", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    expect(await execute(setTarget, { indicatorId: "made.up", regionCode: "3699", year: "2019", target: "-1" }, admin, meta)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        indicatorId: ["没有这个指标"],
        regionCode: ["地区代码应为 12 位数字"],
        year: ["年度应在 2020 年至 2035 年之间"],
        target: ["目标值不能小于 0"],
      },
    });
    expect(await execute(setTarget, { indicatorId: "", regionCode: "", year: "", target: "" }, admin, meta)).toMatchObject({
      fieldErrors: { indicatorId: ["请选择指标"], regionCode: ["请选择地区"], year: ["请选择年度"], target: ["请填写目标值"] },
    });
    expect(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: "369901000000", year: 2025, target: "abc" }, admin, meta)).toMatchObject({
      fieldErrors: { target: ["目标值应为数字"] },
    });
    expect(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: "369901000000", year: 2025, target: 120 }, admin, meta)).toMatchObject({
      fieldErrors: { target: ["百分比目标不能超过 100"] },
    });
    expect(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: "369901000000", year: 2036, target: 1.23456 }, admin, meta)).toMatchObject({
      fieldErrors: { year: ["年度应在 2020 年至 2035 年之间"], target: ["目标值最多保留 4 位小数"] },
    });
    // a well-formed code of no region (or one outside a region admin's subtree)
    expect(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: "369999000000", year: 2025, target: 95 }, admin, meta)).toMatchObject({
      ok: false, code: "RULE_VIOLATION", fieldErrors: { regionCode: ["地区不存在或不在您的管理范围内"] },
    });
    expect(await execute(enterFigure, { key: "funding.nothing", regionCode: "369901000000", periodStart: "2025-02-30", periodEnd: "", value: "", source: " " }, admin, meta)).toMatchObject({
      ok: false,
      fieldErrors: {
        key: ["没有这个填报项目"],
        periodStart: ["起始日期应为有效日期，格式如 2026-01-01"],
        periodEnd: ["请填写截止日期"],
        value: ["请填写数值"],
        source: ["请填写数据来源"],
      },
    });
    expect(await execute(enterFigure, { key: "funding.aidTotal", regionCode: "369901000000", periodStart: "2025-12-31", periodEnd: "2025-01-01", value: 1, source: "决算" }, admin, meta)).toMatchObject({
      fieldErrors: { periodEnd: ["截止日期不能早于起始日期"] },
    });
    expect(await db.indicatorTarget.count()).toBe(0);
    expect(await db.manualFigure.count()).toBe(0);
  });

  it("enters a figure with its source, corrects it in place, lists and deletes it", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    const period = { key: "people.lawLiterate", regionCode: "369901000000", periodStart: "2025-01-01", periodEnd: "2025-06-30" };
    const first = must(await execute(enterFigure, { ...period, value: "1,180", source: "县委依法治县办统计" }, admin, meta));
    const corrected = must(await execute(enterFigure, { ...period, value: 1200, source: "县委依法治县办统计（更正）" }, admin, meta));
    expect(corrected).toEqual({ id: first.id, replaced: true });
    must(await execute(enterFigure, { ...period, periodStart: "2026-01-01", periodEnd: "2026-06-30", value: 1300, source: "半年报" }, admin, meta));

    const listed = must(await execute(listFigures, { regionCode: "369901000000", year: 2025 }, admin, meta));
    expect(listed).toEqual([
      expect.objectContaining({ key: "people.lawLiterate", name: "法律明白人", unit: "人", periodStart: "2025-01-01", periodEnd: "2025-06-30", value: 1200, source: "县委依法治县办统计（更正）" }),
    ]);
    const row = await db.manualFigure.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.enteredById).toBe(admin.userId);
    must(await execute(deleteFigure, { id: first.id }, admin, meta));
    expect(must(await execute(listFigures, {}, admin, meta)).map((f) => f.periodEnd)).toEqual(["2026-06-30"]);
  });

  it("shows progress of a registry indicator recounted from the records, and of an entered figure", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    // 2025 in 甲县: 20 mediations concluded, 19 successful → 95%; one concluded in 2024 does not count
    for (let i = 0; i < 19; i++) await mediation(n, "SUCCEEDED", "2025-05-10T02:00:00Z");
    await mediation(n, "FAILED", "2025-12-31T15:00:00Z"); // 23:00 on 31 December, Shanghai time
    await mediation(n, "FAILED", "2024-12-31T15:00:00Z");
    const county = "369901000000";
    must(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: county, year: 2025, target: 98, source: "十四五规划" }, admin, meta));
    must(await execute(setTarget, { indicatorId: "mediation.succeeded", regionCode: county, year: 2025, target: 0 }, admin, meta));
    must(await execute(setTarget, { indicatorId: "workOrders.avgHandlingHours", regionCode: county, year: 2025, target: 24 }, admin, meta));
    must(await execute(setTarget, { indicatorId: "workOrders.satisfactionRate", regionCode: county, year: 2025, target: 90 }, admin, meta));
    must(await execute(setTarget, { indicatorId: "funding.aidPerResident", regionCode: county, year: 2025, target: 2 }, admin, meta));
    must(await execute(setTarget, { indicatorId: "venues.ruleOfLawCulture", regionCode: county, year: 2025, target: 10 }, admin, meta));
    // half-year and full-year figures: the full year (the period ending latest in 2025) is the actual;
    // one entered for 2026 and one for the city do not count
    const fig = { key: "funding.aidPerResident", regionCode: county };
    must(await execute(enterFigure, { ...fig, periodStart: "2025-01-01", periodEnd: "2025-06-30", value: 0.8, source: "半年决算" }, admin, meta));
    must(await execute(enterFigure, { ...fig, periodStart: "2025-01-01", periodEnd: "2025-12-31", value: 1.7, source: "县财政局 2025 年决算" }, admin, meta));
    must(await execute(enterFigure, { ...fig, periodStart: "2026-01-01", periodEnd: "2026-03-31", value: 9, source: "一季度" }, admin, meta));
    must(await execute(enterFigure, { ...fig, regionCode: "369900000000", periodStart: "2025-01-01", periodEnd: "2025-12-31", value: 5, source: "市" }, admin, meta));

    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const p = must(await execute(targetProgress, { year: "2025" }, leader, meta));
    expect(p).toMatchObject({ region: { code: county, name: "甲县" }, year: 2025, from: "2025-01-01", to: "2025-12-31" });
    const byId = Object.fromEntries(p.items.map((i) => [i.indicatorId, i]));
    expect(byId["mediation.successRate"]).toMatchObject({ kind: "indicator", name: "调解成功率", unit: "%", target: 98, actual: 95, met: false, higherIsBetter: true, targetSource: "十四五规划", actualSource: "系统统计（2025-01-01 至 2025-12-31）" });
    expect(byId["mediation.successRate"].progress).toBeCloseTo(95 / 98, 10);
    // a target of 0: no progress ratio, but reached
    expect(byId["mediation.succeeded"]).toMatchObject({ target: 0, actual: 19, progress: null, met: true });
    // lower is better: the 20 mediation work orders closed in 2025 took (19 × 1,680 h + 7,333 h) ÷ 20 on average
    expect(byId["workOrders.avgHandlingHours"]).toMatchObject({ actual: 1962.65, met: false, higherIsBetter: false });
    // no rating: nothing to divide by, so no actual (not 0%)
    expect(byId["workOrders.satisfactionRate"]).toMatchObject({ actual: null, progress: null, met: null });
    expect(byId["funding.aidPerResident"]).toMatchObject({ kind: "figure", actual: 1.7, progress: 0.85, met: false, actualSource: "县财政局 2025 年决算（2025-01-01 至 2025-12-31）" });
    // nothing entered yet
    expect(byId["venues.ruleOfLawCulture"]).toMatchObject({ actual: null, progress: null, met: null, actualSource: null });

    // the current year runs to today; a later year has no actuals yet
    must(await execute(setTarget, { indicatorId: "mediation.successRate", regionCode: county, year: 2035, target: 99 }, admin, meta));
    const now = must(await execute(targetProgress, { regionCode: county, year: 2026 }, admin, meta));
    expect(now).toMatchObject({ from: "2026-01-01", to: shanghaiDate(new Date()), items: [] });
    const later = must(await execute(targetProgress, { regionCode: county, year: 2035 }, admin, meta));
    expect(later).toMatchObject({ to: null, items: [{ indicatorId: "mediation.successRate", actual: null, progress: null }] });
  });

  it("leaders read their own region only; only admins write", async () => {
    const other = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    const admin = await makeActor({ role: "ADMIN" });
    must(await execute(setTarget, { indicatorId: "mediators.fullTime", regionCode: other.code, year: 2025, target: 12 }, admin, meta));
    must(await execute(setTarget, { indicatorId: "mediators.fullTime", regionCode: "369901000000", year: 2025, target: 8 }, admin, meta));

    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    expect(must(await execute(targetProgress, { regionCode: "369901001000", year: 2025 }, leader, meta)).region.name).toBe("东镇");
    expect(await execute(targetProgress, { regionCode: other.code, year: 2025 }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(targetProgress, { regionCode: "369900000000", year: 2025 }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // lists are scoped inside the query: the other county's target is simply not there
    expect(must(await execute(listTargets, {}, leader, meta)).targets.map((t) => t.target)).toEqual([8]);
    expect(must(await execute(listTargets, { regionCode: other.code }, leader, meta)).targets).toEqual([]);
    const city = await makeActor({ role: "LEADER", regionId: n.city.id });
    expect(must(await execute(targetProgress, { regionCode: other.code, year: 2025 }, city, meta)).items).toMatchObject([{ target: 12, actual: null }]);

    for (const actor of [leader, await makeActor({ role: "STAFF", organizationId: n.centre.id })]) {
      expect(await execute(setTarget, { indicatorId: "mediators.fullTime", regionCode: "369901000000", year: 2025, target: 1 }, actor, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(enterFigure, { key: "mediators.fullTime", regionCode: "369901000000", periodStart: "2025-01-01", periodEnd: "2025-12-31", value: 1, source: "x" }, actor, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(deleteTarget, { id: 1 }, actor, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    expect(await execute(targetProgress, { year: 2025 }, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // an admin of one county cannot set or delete the other county's targets
    const countyAdmin = await makeActor({ role: "ADMIN", regionId: n.county.id });
    expect(await execute(setTarget, { indicatorId: "mediators.fullTime", regionCode: other.code, year: 2025, target: 1 }, countyAdmin, meta)).toMatchObject({
      ok: false, code: "RULE_VIOLATION", fieldErrors: { regionCode: ["地区不存在或不在您的管理范围内"] },
    });
    const otherTarget = await db.indicatorTarget.findFirstOrThrow({ where: { regionId: other.id } });
    expect(await execute(deleteTarget, { id: otherTarget.id }, countyAdmin, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.indicatorTarget.findMany({ orderBy: { id: "asc" }, select: { target: true } })).toHaveLength(2);
  });

  it("defines every entered figure once, apart from the registry's indicators", () => {
    const keys = MANUAL_FIGURES.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(MANUAL_FIGURES.every((f) => f.name && f.unit && f.description)).toBe(true);
  });
});
