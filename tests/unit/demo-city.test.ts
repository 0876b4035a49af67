import { describe, expect, it } from "vitest";
import { isValidIdNumber, MOBILE_PATTERN } from "@/lib/identity/id-number";
import { parentRegionLevel, parentTierFor, TIER_REGION_LEVELS } from "@/lib/network/rules";
import { LEGAL_MATTER_CATEGORIES } from "@/lib/lawyers/categories";
import { DEMO_ACCOUNTS, DEMO_API_TOKEN, DEMO_RESIDENT_ID_NUMBER } from "@/lib/seed/demo-accounts";
import { DEMO_CITY_BOUNDS, generateDemoCity, POPULATION_YEARS, VILLAGE_POPULATION } from "@/lib/seed/demo-city";
import { countsWithTotal, Rng } from "@/lib/seed/random";

const city = generateDemoCity();
const regionById = new Map(city.regions.map((r) => [r.id, r]));
const orgById = new Map(city.organizations.map((o) => [o.id, o]));
const byLevel = (level: string) => city.regions.filter((r) => r.level === level);
const byTier = (tier: string) => city.organizations.filter((o) => o.tier === tier);
const populationByKey = new Map(city.populations.map((p) => [`${p.regionId}/${p.year}`, p.residents]));
const residents = (regionId: number, year: number) => populationByKey.get(`${regionId}/${year}`);
const childrenOf = new Map<number, typeof city.regions>();
for (const r of city.regions) if (r.parentId) childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r]);

describe("random", () => {
  it("repeats the same stream for the same seed", () => {
    const a = new Rng("x");
    const b = new Rng("x");
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
    expect(new Rng("y").next()).not.toBe(new Rng("x").next());
  });

  it("splits a total into bounded parts", () => {
    const parts = countsWithTotal(new Rng(1), 10, 15, 23, 190);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(190);
    expect(parts.every((p) => p >= 15 && p <= 23)).toBe(true);
  });
});

describe("demo city", () => {
  it("is deterministic", () => {
    expect(generateDemoCity()).toEqual(city);
  });

  it("has the scale of a prefecture-level city", () => {
    expect(byLevel("CITY")).toHaveLength(1);
    expect(byLevel("COUNTY")).toHaveLength(10);
    expect(byLevel("TOWNSHIP").length).toBeGreaterThanOrEqual(180);
    expect(byLevel("TOWNSHIP").length).toBeLessThanOrEqual(200);
    expect(byLevel("VILLAGE").length).toBeGreaterThanOrEqual(2600);
    expect(byLevel("VILLAGE").length).toBeLessThanOrEqual(2750);
    for (const county of byLevel("COUNTY")) {
      const n = childrenOf.get(county.id)!.length;
      expect(n).toBeGreaterThanOrEqual(15);
      expect(n).toBeLessThanOrEqual(23);
    }
    for (const township of byLevel("TOWNSHIP")) {
      const n = childrenOf.get(township.id)!.length;
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(18);
    }
    const coverage = byTier("ROOM").length / byLevel("VILLAGE").length;
    expect(coverage).toBeGreaterThan(0.95);
    expect(coverage).toBeLessThan(0.99);
  });

  it("codes regions the 统计用区划代码 way, uniquely, with paths from the root", () => {
    expect(new Set(city.regions.map((r) => r.code)).size).toBe(city.regions.length);
    expect(new Set(city.regions.map((r) => r.id)).size).toBe(city.regions.length);
    for (const r of city.regions) {
      expect(r.code).toMatch(/^3699\d{8}$/);
      const parent = r.parentId ? regionById.get(r.parentId)! : null;
      expect(parent?.level ?? null).toBe(parentRegionLevel(r.level));
      expect(r.path).toBe(`${parent?.path ?? ""}${r.code}/`);
      if (r.level === "COUNTY") expect(r.code).toMatch(/^3699\d{2}0{6}$/);
      if (r.level === "TOWNSHIP") expect(r.code).toMatch(new RegExp(`^${parent!.code.slice(0, 6)}\\d{3}000$`));
      if (r.level === "VILLAGE") expect(r.code.slice(0, 9)).toBe(parent!.code.slice(0, 9));
    }
  });

  it("names regions uniquely within their parent, with the right suffixes", () => {
    const seen = new Set<string>();
    for (const r of city.regions) {
      const key = `${r.parentId}/${r.name}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    for (const r of byLevel("COUNTY")) expect(r.name).toMatch(/[区县市]$/);
    for (const r of byLevel("TOWNSHIP")) expect(r.name).toMatch(/(镇|乡|街道)$/);
    for (const r of byLevel("VILLAGE")) expect(r.name).toMatch(/(村|社区)$/);
  });

  it("gives every region a population each year, parents the exact sum of their children", () => {
    expect(city.populations).toHaveLength(city.regions.length * POPULATION_YEARS.length);
    for (const year of POPULATION_YEARS) {
      for (const r of city.regions) {
        const own = residents(r.id, year)!;
        if (r.level === "VILLAGE") {
          expect(own).toBeGreaterThanOrEqual(VILLAGE_POPULATION.min);
          expect(own).toBeLessThanOrEqual(VILLAGE_POPULATION.max);
        } else {
          const sum = childrenOf.get(r.id)!.reduce((acc, c) => acc + residents(c.id, year)!, 0);
          expect(own).toBe(sum);
        }
      }
      const total = residents(city.demo.cityId, year)!;
      expect(total).toBeGreaterThan(3_000_000);
      expect(total).toBeLessThan(5_000_000);
    }
    const [a, b] = [residents(city.demo.cityId, 2025)!, residents(city.demo.cityId, 2026)!];
    expect(Math.abs(b - a) / a).toBeLessThan(0.02);
  });

  it("places each tier on its region level, under a parent of the right tier and region", () => {
    expect(byTier("CENTRE")).toHaveLength(11);
    expect(byTier("STATION")).toHaveLength(byLevel("TOWNSHIP").length);
    expect(new Set(byTier("ROOM").map((o) => o.regionId)).size).toBe(byTier("ROOM").length);
    for (const o of city.organizations) {
      const region = regionById.get(o.regionId)!;
      expect(TIER_REGION_LEVELS[o.tier]).toContain(region.level);
      const parent = o.parentId ? orgById.get(o.parentId)! : null;
      expect(parent?.tier ?? null).toBe(parentTierFor(o.tier, region.level));
      if (parent) expect(region.parentId).toBe(parent.regionId);
      expect(o.path).toBe(`${parent?.path ?? ""}${o.id}/`);
      expect(o.decidesLegalAid).toBe(o.tier === "CENTRE" && region.level === "COUNTY");
      expect(o.phone).toMatch(/^0797-\d{7}$/);
      expect(o.latitude).toBeGreaterThanOrEqual(DEMO_CITY_BOUNDS.minLat);
      expect(o.latitude).toBeLessThanOrEqual(DEMO_CITY_BOUNDS.maxLat);
      expect(o.longitude).toBeGreaterThanOrEqual(DEMO_CITY_BOUNDS.minLng);
      expect(o.longitude).toBeLessThanOrEqual(DEMO_CITY_BOUNDS.maxLng);
      if (o.tier === "CENTRE") expect(o.standardized).toBe(true);
      if (o.tier !== "ROOM") expect(o.legalAdviserName).toBeNull();
      if (o.legalAdviserPhone) expect(o.legalAdviserPhone).toMatch(MOBILE_PATTERN);
    }
    type Org = (typeof city.organizations)[number];
    const share = (rows: Org[], f: (o: Org) => boolean) => rows.filter(f).length / rows.length;
    expect(share(byTier("STATION"), (o) => o.standardized)).toBeCloseTo(0.85, 1);
    expect(share(byTier("ROOM"), (o) => o.standardized)).toBeCloseTo(0.6, 1);
    expect(share(byTier("ROOM"), (o) => o.legalAdviserName !== null)).toBeCloseTo(0.92, 1);
  });

  it("has a lawyer roster with unique licences, known expertise and county service regions", () => {
    expect(city.lawFirms.length).toBeGreaterThanOrEqual(14);
    expect(city.lawFirms.length).toBeLessThanOrEqual(18);
    expect(city.lawyers.filter((l) => l.kind === "LAWYER")).toHaveLength(70);
    expect(city.lawyers.filter((l) => l.kind === "GRASSROOTS_WORKER")).toHaveLength(10);
    expect(new Set(city.lawyers.map((l) => l.licenceNumber)).size).toBe(city.lawyers.length);
    const firmById = new Map(city.lawFirms.map((f) => [f.id, f]));
    for (const l of city.lawyers) {
      expect(l.licenceNumber).toMatch(/^\d{17}$/);
      expect(l.practiceSinceYear).toBeGreaterThanOrEqual(1995);
      expect(l.practiceSinceYear).toBeLessThanOrEqual(2023);
      expect(l.expertise.length).toBeGreaterThanOrEqual(2);
      expect(l.expertise.length).toBeLessThanOrEqual(4);
      for (const k of l.expertise) expect(Object.keys(LEGAL_MATTER_CATEGORIES)).toContain(k);
      expect(l.serviceRegionIds.length).toBeGreaterThanOrEqual(1);
      expect(l.serviceRegionIds.length).toBeLessThanOrEqual(3);
      for (const id of l.serviceRegionIds) expect(regionById.get(id)!.level).toBe("COUNTY");
      const firm = firmById.get(l.firmId)!;
      if (regionById.get(firm.regionId)!.level === "COUNTY") expect(l.serviceRegionIds).toContain(firm.regionId);
      expect(l.concurrentCaseCap).toBeGreaterThanOrEqual(3);
      expect(l.concurrentCaseCap).toBeLessThanOrEqual(8);
    }
    const phones = city.users.flatMap((u) => (u.phone ? [u.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    expect(new Set(city.users.map((u) => u.username)).size).toBe(city.users.length);
  });

  it("creates every demo account where the shared list says it works", () => {
    const users = new Map(city.users.map((u) => [u.username, u]));
    for (const account of DEMO_ACCOUNTS) {
      const user = users.get(account.username)!;
      expect(user, account.username).toBeDefined();
      expect(user.name).toBe(account.name);
      if (account.phone) expect(user.phone).toBe(account.phone);
      const m = city.memberships.filter((x) => x.userId === user.id);
      expect(m).toHaveLength(1);
      expect(m[0].role).toBe(account.role);
      const where =
        m[0].organizationId !== null
          ? orgById.get(m[0].organizationId)!.name
          : m[0].regionId !== null
            ? regionById.get(m[0].regionId)!.name
            : account.scope.kind === "lawyer"
              ? city.lawFirms.find((f) => f.id === city.lawyers.find((l) => l.userId === user.id)!.firmId)!.name
              : null;
      if (where !== null) expect(where).toBe(account.where);
    }
    const [l1, l2] = ["lawyer1", "lawyer2"].map((u) => city.lawyers.find((l) => l.userId === users.get(u)!.id)!);
    expect(l1.firmId).not.toBe(l2.firmId);
    expect(l1.serviceRegionIds).toContain(city.demo.countyId);
    expect(l2.serviceRegionIds).toContain(city.demo.countyId);
    expect(city.users.filter((u) => u.idNumber !== null).map((u) => u.username)).toEqual(["resident1"]);
    expect(isValidIdNumber(DEMO_RESIDENT_ID_NUMBER)).toBe(true);
    expect(city.apiClient.tokenPrefix).toBe(DEMO_API_TOKEN.slice(0, 12));
    expect(orgById.get(city.apiClient.organizationId)!.name).toBe("青溪区公共法律服务中心");
  });

  it("copies the official holiday calendar", () => {
    expect(city.calendarDays.find((d) => d.date === "2025-01-28")).toEqual({ date: "2025-01-28", kind: "HOLIDAY", name: "春节" });
    expect(city.calendarDays.find((d) => d.date === "2026-02-14")).toEqual({ date: "2026-02-14", kind: "WORKDAY", name: "调休上班" });
    expect(new Set(city.calendarDays.map((d) => d.date)).size).toBe(city.calendarDays.length);
    for (const d of city.calendarDays.filter((x) => x.kind === "WORKDAY")) {
      expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    }
  });
});
