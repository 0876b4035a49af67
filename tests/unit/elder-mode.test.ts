import { describe, expect, it } from "vitest";
import { ElderModeInput, parseElderCookie, returnPathFrom } from "@/lib/preferences/elder-mode";

describe("elder-mode cookie", () => {
  it("is on only for the exact value the switch writes", () => {
    expect(parseElderCookie("1")).toBe(true);
    for (const value of [undefined, null, "", "0", "true", "on", " 1", "1 ", "11"]) expect(parseElderCookie(value)).toBe(false);
  });
});

describe("elder-mode form input", () => {
  it("accepts the wanted state, 1 or 0", () => {
    expect(ElderModeInput.parse({ elder: "1" })).toEqual({ elder: "1" });
    expect(ElderModeInput.parse({ elder: "0" })).toEqual({ elder: "0" });
  });

  it("refuses anything else with a Chinese message", () => {
    for (const elder of [undefined, null, "", "2", "toggle", 1]) {
      const r = ElderModeInput.safeParse({ elder });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toBe("请选择开启或关闭关怀模式");
    }
  });
});

describe("returnPathFrom (where the no-JavaScript toggle redirects back to)", () => {
  it("keeps the path and query of the page the form was on", () => {
    expect(returnPathFrom("http://127.0.0.1:3100/service-points?county=369901&tier=STATION")).toBe("/service-points?county=369901&tier=STATION");
    expect(returnPathFrom("https://portal.example/resident/work-orders/369901-20261122-0000017#timeline")).toBe("/resident/work-orders/369901-20261122-0000017");
    expect(returnPathFrom("/lawyers")).toBe("/lawyers");
  });

  it("never leaves the site", () => {
    expect(returnPathFrom("https://evil.example/phish")).toBe("/phish");
    expect(returnPathFrom("http://portal.example//evil.example/x")).toBe("/evil.example/x");
    expect(returnPathFrom("//evil.example/x")).toBe("/x");
    expect(returnPathFrom("http://portal.example/\\evil.example")).toBe("/evil.example");
    expect(returnPathFrom("javascript:alert(1)")).toBe("/");
  });

  it("falls back to the home page without a usable referer", () => {
    expect(returnPathFrom(null)).toBe("/");
    expect(returnPathFrom(undefined)).toBe("/");
    expect(returnPathFrom("")).toBe("/");
    expect(returnPathFrom("http://[::1", "/home")).toBe("/home");
  });
});
