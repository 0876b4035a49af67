import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { getOrganizationFormOptions, listOrganizationsForAdmin, listRegionChildren } from "@/lib/network/admin-queries";
import { organizationPath } from "@/lib/network/rules";

const meta = { ip: null, userAgent: null };

async function ok<T>(promise: Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.data;
}

describe("admin read models of the service network", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
  });

  describe("listOrganizationsForAdmin", () => {
    it("shows a city-wide admin every service point, with region and parent names", async () => {
      const admin = await makeActor({ role: "ADMIN" });
      const data = await ok(execute(listOrganizationsForAdmin, {}, admin, meta));
      expect(data.total).toBe(6);
      expect(data.items.map((o) => o.name)).toEqual([
        n.cityCentre.name,
        n.centre.name,
        n.stationA.name,
        n.roomA.name,
        n.stationB.name,
        n.roomB.name,
      ]);
      expect(data.items.find((o) => o.id === n.roomA.id)).toMatchObject({
        tier: "ROOM",
        region: { name: "东村" },
        parent: { id: n.stationA.id, name: n.stationA.name },
        standardized: false,
      });
      expect(data.counties).toEqual([{ code: n.county.code, name: "甲县" }]);
    });

    it("shows a county admin only the county's subtree", async () => {
      const admin = await makeActor({ role: "ADMIN", regionId: n.county.id });
      const data = await ok(execute(listOrganizationsForAdmin, {}, admin, meta));
      expect(data.total).toBe(5);
      expect(data.items.map((o) => o.id)).not.toContain(n.cityCentre.id);
      // A keyword or id that would match outside the scope still finds nothing there.
      const city = await ok(execute(listOrganizationsForAdmin, { q: String(n.cityCentre.id) }, admin, meta));
      expect(city.items.map((o) => o.id)).not.toContain(n.cityCentre.id);
      const township = await makeActor({ role: "ADMIN", regionId: n.townB.id });
      const narrow = await ok(execute(listOrganizationsForAdmin, {}, township, meta));
      expect(narrow.items.map((o) => o.id).sort()).toEqual([n.stationB.id, n.roomB.id].sort());
      expect(narrow.counties).toEqual([]);
    });

    it("filters by tier, county and keyword", async () => {
      const admin = await makeActor({ role: "ADMIN" });
      const rooms = await ok(execute(listOrganizationsForAdmin, { tier: "ROOM" }, admin, meta));
      expect(rooms.items.map((o) => o.id).sort()).toEqual([n.roomA.id, n.roomB.id].sort());
      const inCounty = await ok(execute(listOrganizationsForAdmin, { county: n.county.code, tier: "" }, admin, meta));
      expect(inCounty.total).toBe(5);
      const west = await ok(execute(listOrganizationsForAdmin, { q: "西镇" }, admin, meta));
      expect(west.items.map((o) => o.id)).toEqual([n.stationB.id]);
      const village = await ok(execute(listOrganizationsForAdmin, { q: "东村" }, admin, meta));
      expect(village.items.map((o) => o.id)).toEqual([n.roomA.id]);
      const byId = await ok(execute(listOrganizationsForAdmin, { q: String(n.stationA.id) }, admin, meta));
      expect(byId.items.map((o) => o.id)).toContain(n.stationA.id);
      expect(await execute(listOrganizationsForAdmin, { tier: "OFFICE" }, admin, meta)).toMatchObject({ ok: false, code: "VALIDATION" });
    });

    it("pages 50 at a time and clamps a page past the end", async () => {
      const admin = await makeActor({ role: "ADMIN" });
      for (let i = 0; i < 55; i++) {
        const created = await db.organization.create({
          data: {
            name: `批量工作室${i}`,
            tier: "ROOM",
            regionId: n.villageA.id,
            parentId: n.stationA.id,
            path: `tmp-${i}`,
            address: "测试地址",
            phone: "0797-1234567",
            openingHours: "工作日",
          },
        });
        await db.organization.update({ where: { id: created.id }, data: { path: organizationPath(n.stationA.path, created.id) } });
      }
      const first = await ok(execute(listOrganizationsForAdmin, {}, admin, meta));
      expect(first).toMatchObject({ total: 61, page: 1, pageSize: 50, pageCount: 2 });
      expect(first.items).toHaveLength(50);
      const second = await ok(execute(listOrganizationsForAdmin, { page: "2" }, admin, meta));
      expect(second.items).toHaveLength(11);
      expect(new Set([...first.items, ...second.items].map((o) => o.id)).size).toBe(61);
      expect(await ok(execute(listOrganizationsForAdmin, { page: "9" }, admin, meta))).toMatchObject({ page: 2 });
      expect(await ok(execute(listOrganizationsForAdmin, { page: "abc" }, admin, meta))).toMatchObject({ page: 1 });
    });

    it("refuses staff and anonymous callers", async () => {
      const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
      expect(await execute(listOrganizationsForAdmin, {}, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
      expect(await execute(listOrganizationsForAdmin, {}, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(listOrganizationsForAdmin, {}, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    });
  });

  describe("getOrganizationFormOptions", () => {
    it("offers the regions a child of the chosen parent can sit on", async () => {
      const admin = await makeActor({ role: "ADMIN" });
      const underCentre = await ok(execute(getOrganizationFormOptions, { parent: n.centre.id }, admin, meta));
      expect(underCentre).toMatchObject({ parent: { id: n.centre.id }, parentNotFound: false, suggestedTier: "STATION" });
      expect(underCentre.regions.map((r) => r.id)).toEqual([n.townA.id, n.townB.id]);
      const underStation = await ok(execute(getOrganizationFormOptions, { parent: n.stationA.id, organizationId: n.roomB.id }, admin, meta));
      expect(underStation.suggestedTier).toBe("ROOM");
      expect(underStation.regions.map((r) => r.id)).toEqual([n.villageA.id, n.villageB.id]);
      const top = await ok(execute(getOrganizationFormOptions, { parent: "" }, admin, meta));
      expect(top).toMatchObject({ parent: null, suggestedTier: "CENTRE" });
      expect(top.regions.map((r) => r.id)).toEqual([n.city.id]);
      expect(await ok(execute(getOrganizationFormOptions, { parent: n.roomA.id }, admin, meta))).toMatchObject({ suggestedTier: null });
    });

    it("defaults to the edited service point's own parent; an empty parent means none", async () => {
      const admin = await makeActor({ role: "ADMIN" });
      const kept = await ok(execute(getOrganizationFormOptions, { organizationId: n.roomB.id }, admin, meta));
      expect(kept).toMatchObject({ parent: { id: n.stationB.id }, suggestedTier: "ROOM" });
      expect(kept.regions.map((r) => r.id)).toEqual([n.villageB.id]);
      const none = await ok(execute(getOrganizationFormOptions, { organizationId: n.roomB.id, parent: "" }, admin, meta));
      expect(none).toMatchObject({ parent: null, parentNotFound: false });
      expect(none.regions.map((r) => r.id)).toEqual([n.city.id, n.villageB.id]);
    });

    it("does not reveal a parent or regions outside a county admin's scope", async () => {
      const admin = await makeActor({ role: "ADMIN", regionId: n.county.id });
      const outside = await ok(execute(getOrganizationFormOptions, { parent: n.cityCentre.id }, admin, meta));
      expect(outside).toMatchObject({ parent: null, parentNotFound: true, suggestedTier: null });
      expect((await ok(execute(getOrganizationFormOptions, {}, admin, meta))).regions).toEqual([]);
      // Editing a service point outside the scope reveals neither its parent nor its region.
      expect(await ok(execute(getOrganizationFormOptions, { organizationId: n.cityCentre.id }, admin, meta))).toMatchObject({ parent: null, regions: [] });
      const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
      expect(await execute(getOrganizationFormOptions, {}, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    });
  });

  describe("listRegionChildren", () => {
    it("walks a city-wide admin down the tree with counts, latest population and a breadcrumb", async () => {
      await db.regionPopulation.createMany({
        data: [
          { regionId: n.county.id, year: 2024, residents: 500_000 },
          { regionId: n.county.id, year: 2025, residents: 510_000 },
        ],
      });
      const admin = await makeActor({ role: "ADMIN" });
      const root = await ok(execute(listRegionChildren, {}, admin, meta));
      expect(root).toMatchObject({ current: null, breadcrumb: [], childLevel: "CITY", moveTargets: [] });
      expect(root.children).toEqual([{ id: n.city.id, code: n.city.code, name: "测试市", level: "CITY", population: null, childCount: 1 }]);

      const city = await ok(execute(listRegionChildren, { parent: String(n.city.id) }, admin, meta));
      expect(city.current).toMatchObject({ id: n.city.id, childCount: 1, editable: true });
      expect(city.childLevel).toBe("COUNTY");
      expect(city.children).toEqual([
        { id: n.county.id, code: n.county.code, name: "甲县", level: "COUNTY", population: { year: 2025, residents: 510_000 }, childCount: 2 },
      ]);

      const town = await ok(execute(listRegionChildren, { parent: n.townA.id }, admin, meta));
      expect(town.breadcrumb.map((r) => r.name)).toEqual(["测试市", "甲县", "东镇"]);
      expect(town.children.map((r) => r.name)).toEqual(["东村"]);
      expect(town.childLevel).toBe("VILLAGE");
      expect(town.moveTargets.map((r) => r.id)).toEqual([n.county.id]);

      const village = await ok(execute(listRegionChildren, { parent: n.villageA.id }, admin, meta));
      expect(village).toMatchObject({ children: [], childLevel: null });
      expect(village.moveTargets.map((r) => r.name)).toEqual(["东镇", "西镇"]);
    });

    it("keeps a county admin inside the county", async () => {
      const admin = await makeActor({ role: "ADMIN", regionId: n.county.id });
      const top = await ok(execute(listRegionChildren, {}, admin, meta));
      expect(top.children.map((r) => r.id)).toEqual([n.county.id]);
      expect(top.childLevel).toBeNull();
      expect(await execute(listRegionChildren, { parent: n.city.id }, admin, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });

      const county = await ok(execute(listRegionChildren, { parent: n.county.id }, admin, meta));
      // The county's own parent is outside the scope: it can be browsed but not renamed or moved.
      expect(county.current).toMatchObject({ editable: false });
      expect(county.moveTargets).toEqual([]);
      expect(county.children.map((r) => r.name)).toEqual(["东镇", "西镇"]);

      const town = await ok(execute(listRegionChildren, { parent: n.townB.id }, admin, meta));
      expect(town.breadcrumb.map((r) => r.name)).toEqual(["甲县", "西镇"]);
      expect(town.current).toMatchObject({ editable: true });
    });

    it("refuses staff", async () => {
      const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
      expect(await execute(listRegionChildren, {}, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    });
  });
});
