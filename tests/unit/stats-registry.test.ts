import { describe, expect, it } from "vitest";
import { COUNTS, INDICATORS, countsOf, evaluate, formatIndicator, indicatorById, type Counts, type CountId } from "@/lib/stats/registry";

// The indicator registry (issue 7): every formula evaluated, empty denominators shown as "—".

const allCounts = (v: number): Counts => Object.fromEntries(Object.keys(COUNTS).map((k) => [k, v])) as Counts;
const ind = (id: string) => {
  const i = indicatorById(id);
  if (!i) throw new Error(id);
  return i;
};

describe("indicator registry", () => {
  it("has unique ids, names and a definition for every indicator, and formulas over known counts only", () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) {
      expect(i.name.length).toBeGreaterThan(1);
      expect(i.definition.length).toBeGreaterThan(8);
      for (const c of countsOf(i.formula)) expect(Object.keys(COUNTS)).toContain(c);
    }
  });

  it("covers what the issue lists", () => {
    const ids = INDICATORS.map((i) => i.id);
    for (const id of [
      "network.roomCoverage", "network.adviserCoverage", "workOrders.onTimeRate", "workOrders.avgHandlingHours", "workOrders.satisfactionRate",
      "workOrders.followUpRate", "legalAid.aidRate", "legalAid.sameDayAssignRate", "legalAid.reviewOnTimeRate", "legalAid.assignOnTimeRate",
      "legalAid.choiceShare", "legalAid.moneyRecovered", "legalAid.feesWaived", "mediation.successRate", "mediation.performanceRate",
      "mediation.confirmed", "mediation.major", "mediation.crimePrevented", "capacity.lawyersPer10k", "capacity.mediators", "capacity.committees",
    ]) expect(ids).toContain(id);
  });

  it("evaluates every formula, and an empty denominator is null (—), never NaN or 0%", () => {
    for (const i of INDICATORS) {
      const v = evaluate(i, allCounts(7));
      expect(Number.isFinite(v.value)).toBe(true);
      const zero = evaluate(i, allCounts(0));
      if (i.formula.kind === "count") expect(zero.value).toBe(0);
      else {
        expect(zero.value).toBeNull();
        expect(formatIndicator(i, zero.value)).toBe("—");
      }
    }
  });

  it("computes the reports' figures exactly", () => {
    // 常住人口受援率 万分之十二: 5,109 cases over 4,257,023 residents
    const aid = evaluate(ind("legalAid.aidRate"), { aidApproved: 5109, residents: 4_257_023 });
    expect(aid).toMatchObject({ numerator: 5109, denominator: 4_257_023 });
    expect(aid.value).toBeCloseTo(12.0013, 4);
    expect(formatIndicator(ind("legalAid.aidRate"), aid.value)).toBe("12.00 人/万人");
    // 调解成功率 99%
    const success = evaluate(ind("mediation.successRate"), { mediationSucceeded: 1188, mediationConcluded: 1200 });
    expect(success.value).toBe(99);
    expect(formatIndicator(ind("mediation.successRate"), success.value)).toBe("99.0%");
    // 97.0% room coverage of the demo city: 2,600 villages with a room over 2,680
    expect(formatIndicator(ind("network.roomCoverage"), evaluate(ind("network.roomCoverage"), { villagesWithRoom: 2600, villages: 2680 }).value)).toBe("97.0%");
    // an average in hours
    expect(evaluate(ind("workOrders.avgHandlingHours"), { ordersHandlingHours: 90, ordersClosed: 4 }).value).toBe(22.5);
    // a count with grouping
    expect(formatIndicator(ind("workOrders.accepted"), evaluate(ind("workOrders.accepted"), { ordersAccepted: 179_321 }).value)).toBe("179,321 件");
  });

  it("refuses to evaluate with a count missing (a silently wrong figure is worse than an error)", () => {
    const counts: Counts = { mediationSucceeded: 3 };
    expect(() => evaluate(ind("mediation.successRate"), counts)).toThrow(/mediationConcluded/);
    const bad = { ordersAccepted: Number.NaN } as Record<CountId, number>;
    expect(() => evaluate(ind("workOrders.accepted"), bad)).toThrow();
  });
});
