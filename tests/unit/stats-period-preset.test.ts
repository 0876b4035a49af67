import { describe, expect, it } from "vitest";
import { dashboardPeriod, monthsBetween, monthSlices, periodPreset, trendPeriod } from "@/lib/stats/period-preset";

// The dashboard's periods (本月 / 上月 / 本季度 / 本年 / 自定义) as Shanghai days, both ends included.

describe("periodPreset", () => {
  it("gives the month, quarter and year so far, up to the anchor", () => {
    expect(periodPreset("month", "2026-12-03")).toEqual({ from: "2026-12-01", to: "2026-12-03" });
    expect(periodPreset("quarter", "2026-12-03")).toEqual({ from: "2026-10-01", to: "2026-12-03" });
    expect(periodPreset("year", "2026-12-03")).toEqual({ from: "2026-01-01", to: "2026-12-03" });
    expect(periodPreset("quarter", "2026-01-01")).toEqual({ from: "2026-01-01", to: "2026-01-01" });
    expect(periodPreset("quarter", "2026-06-30")).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodPreset("quarter", "2026-07-01")).toEqual({ from: "2026-07-01", to: "2026-07-01" });
  });

  it("gives the whole previous month, across a year end and in a leap year", () => {
    expect(periodPreset("lastMonth", "2026-12-03")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(periodPreset("lastMonth", "2027-01-15")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(periodPreset("lastMonth", "2028-03-01")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodPreset("lastMonth", "2026-03-31")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("refuses a malformed anchor", () => {
    expect(() => periodPreset("month", "2026-02-30")).toThrow();
  });
});

describe("monthSlices", () => {
  it("clips the first and last month to the period", () => {
    expect(monthSlices({ from: "2026-01-15", to: "2026-03-10" })).toEqual([
      { month: "2026-01", from: "2026-01-15", to: "2026-01-31" },
      { month: "2026-02", from: "2026-02-01", to: "2026-02-28" },
      { month: "2026-03", from: "2026-03-01", to: "2026-03-10" },
    ]);
    expect(monthSlices({ from: "2026-12-03", to: "2026-12-03" })).toEqual([{ month: "2026-12", from: "2026-12-03", to: "2026-12-03" }]);
    expect(monthSlices({ from: "2026-11-20", to: "2027-01-05" }).map((m) => m.month)).toEqual(["2026-11", "2026-12", "2027-01"]);
  });

  it("counts months inclusively", () => {
    expect(monthsBetween("2026-01-31", "2026-03-01")).toBe(3);
    expect(monthsBetween("2026-12-31", "2027-01-01")).toBe(2);
    expect(monthsBetween("2021-02-01", "2026-01-31")).toBe(60);
  });
});

describe("trendPeriod", () => {
  it("keeps a period of 2 to 60 months, widens a shorter one to 12 months and cuts a longer one to the last 60", () => {
    expect(trendPeriod({ from: "2026-01-01", to: "2026-12-03" })).toEqual({ from: "2026-01-01", to: "2026-12-03", months: 12, same: true });
    expect(trendPeriod({ from: "2026-12-01", to: "2026-12-03" })).toEqual({ from: "2026-01-01", to: "2026-12-03", months: 12, same: false });
    expect(trendPeriod({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2025-12-01", to: "2026-11-30", months: 12, same: false });
    expect(trendPeriod({ from: "2000-01-01", to: "2026-12-03" })).toEqual({ from: "2022-01-01", to: "2026-12-03", months: 60, same: false });
    expect(monthsBetween(trendPeriod({ from: "2000-01-01", to: "2026-12-03" }).from, "2026-12-03")).toBe(60);
  });
});

describe("dashboardPeriod (the dashboard's query string)", () => {
  const today = "2026-12-03";

  it("defaults to this year so far, and a known preset wins over dates", () => {
    expect(dashboardPeriod({}, today)).toEqual({ kind: "year", from: "2026-01-01", to: "2026-12-03", errors: {} });
    expect(dashboardPeriod({ period: "lastMonth", from: "2020-01-01" }, today)).toMatchObject({ kind: "lastMonth", from: "2026-11-01", to: "2026-11-30" });
    expect(dashboardPeriod({ period: "bogus" }, today)).toMatchObject({ kind: "year" });
  });

  it("reads custom dates, and dates without a preset as custom, defaulting the missing end like the API", () => {
    expect(dashboardPeriod({ period: "custom", from: "2026-03-01", to: "2026-03-31" }, today)).toEqual({ kind: "custom", from: "2026-03-01", to: "2026-03-31", errors: {} });
    expect(dashboardPeriod({ from: " 2026-03-01 " }, today)).toEqual({ kind: "custom", from: "2026-03-01", to: "2026-12-03", errors: {} });
    expect(dashboardPeriod({ period: "custom", to: "2025-06-30" }, today)).toEqual({ kind: "custom", from: "2025-01-01", to: "2025-06-30", errors: {} });
  });

  it("says what is wrong per field and shows this year instead", () => {
    expect(dashboardPeriod({ period: "custom", from: "2026-02-30", to: "x" }, today)).toEqual({
      kind: "custom", from: "2026-01-01", to: "2026-12-03",
      errors: { from: "起始日期应为有效日期，格式如 2026-01-01", to: "截止日期应为有效日期，格式如 2026-01-01" },
    });
    expect(dashboardPeriod({ period: "custom", from: "2026-03-02", to: "2026-03-01" }, today).errors).toEqual({ to: "截止日期不能早于起始日期" });
    expect(dashboardPeriod({ period: "custom", from: "2026-12-04" }, today).errors).toEqual({ from: "起始日期不能晚于今天" });
    expect(dashboardPeriod({ period: "custom", from: "1999-12-31" }, today).errors).toEqual({ from: "起始日期应为有效日期，格式如 2026-01-01" });
  });
});
