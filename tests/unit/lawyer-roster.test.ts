import { describe, expect, it } from "vitest";
import { compareRoster, RosterQuery, selfAndAncestorPaths } from "@/lib/lawyers/roster";
import { SuspendLawyerInput } from "@/lib/lawyers/suspension";
import { fieldErrorsOf } from "@/lib/api/use-case";

// The roster's query string, its orders and the region paths its area filter matches.

describe("RosterQuery", () => {
  it("reads a GET form: blanks mean all, defaults for sort and limit, numbers from strings", () => {
    expect(RosterQuery.parse({})).toEqual({ sort: "rating", limit: 20 });
    expect(RosterQuery.parse({ category: "", regionCode: " ", sort: "", q: "", cursor: "", limit: "" })).toEqual({ sort: "rating", limit: 20 });
    expect(RosterQuery.parse({ category: "LABOUR", regionCode: "369901000000", sort: "load", q: " 王 ", limit: "50" })).toEqual({
      category: "LABOUR", regionCode: "369901000000", sort: "load", q: "王", limit: 50,
    });
  });

  it("says in Chinese which field is wrong", () => {
    const r = RosterQuery.safeParse({ category: "X", regionCode: "3699", sort: "name", limit: "0", q: "长".repeat(41) });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!)).toEqual({
      category: ["擅长领域无效"],
      regionCode: ["服务地区代码应为 12 位数字"],
      sort: ["排序方式无效"],
      limit: ["每页至少 1 条"],
      q: ["关键词不能超过 40 个字"],
    });
  });
});

describe("SuspendLawyerInput", () => {
  it("wants a lawyer and a reason of 4–300 characters", () => {
    const r = SuspendLawyerInput.safeParse({ lawyerUserId: "x", reason: "  " });
    expect(fieldErrorsOf(r.error!)).toEqual({ lawyerUserId: ["律师无效"], reason: ["请填写暂停理由"] });
    expect(SuspendLawyerInput.parse({ lawyerUserId: "7", reason: " 多次被投诉 " })).toEqual({ lawyerUserId: 7, reason: "多次被投诉" });
  });
});

describe("roster order", () => {
  const key = (userId: number, name: string, o: { since?: number; load?: number; sat?: number | null; good?: number | null; closed?: number } = {}) => ({
    userId, name, practiceSinceYear: o.since ?? 2015, load: o.load ?? 0,
    rating: o.sat === undefined && o.good === undefined ? undefined : { closed: o.closed ?? 1, rated: 1, satisfiedRate: o.sat ?? null, graded: 1, goodRate: o.good ?? null },
  });

  it("rating: satisfaction first, then quality, the unrated last; ties by name", () => {
    const list = [
      key(1, "甲", {}),
      key(2, "乙", { sat: 0.8, good: 0.5 }),
      key(3, "丙", { sat: 0.8, good: 0.9 }),
      key(4, "丁", { sat: 1, good: null }),
      key(5, "戊", { sat: null, good: 1 }),
    ];
    expect(list.sort(compareRoster("rating")).map((k) => k.userId)).toEqual([4, 3, 2, 5, 1]);
  });

  it("load ascending and experience (earliest year) first, each ending on name then id", () => {
    const list = [key(1, "王", { load: 2, since: 2001 }), key(2, "李", { load: 0, since: 2010 }), key(3, "王", { load: 0, since: 2001 })];
    expect([...list].sort(compareRoster("load")).map((k) => k.userId)).toEqual([2, 3, 1]);
    expect([...list].sort(compareRoster("experience")).map((k) => k.userId)).toEqual([1, 3, 2]);
  });
});

describe("selfAndAncestorPaths", () => {
  it("lists the region's own path and each one above it", () => {
    expect(selfAndAncestorPaths("369900000000/369901000000/369901001000/")).toEqual([
      "369900000000/",
      "369900000000/369901000000/",
      "369900000000/369901000000/369901001000/",
    ]);
  });
});
