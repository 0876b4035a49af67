import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeOrganization, makeRegion, makeSmallNetwork } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { createOrganization, updateOrganization } from "@/lib/network/manage-organization";
import { createRegion, setRegionPopulation, updateRegion } from "@/lib/network/manage-region";

const meta = { ip: null, userAgent: null };
const base = { address: "某路 1 号", phone: "0797-1111111", openingHours: "工作日 9:00-17:00" };

describe("the network's shape rules (admin edits)", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let admin: Awaited<ReturnType<typeof makeActor>>;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    admin = await makeActor({ role: "ADMIN" });
  });

  it("creates a room on a village under its township's station, with the right path", async () => {
    const village = await makeRegion({ code: "369901001002", name: "东二村", level: "VILLAGE", parentId: n.townA.id });
    const r = await execute(createOrganization, { name: "东二村工作室", tier: "ROOM", regionId: village.id, parentId: n.stationA.id, ...base }, admin, meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.path).toBe(`${n.stationA.path}${r.data.id}/`);
    expect(await db.auditEvent.count({ where: { action: "organization.create", result: "SUCCESS", targetId: String(r.data.id) } })).toBe(1);
  });

  it("refuses a room on a township, a station under a room, and a parent from another township", async () => {
    const onTownship = await execute(createOrganization, { name: "错", tier: "ROOM", regionId: n.townA.id, parentId: n.stationA.id, ...base }, admin, meta);
    expect(onTownship).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { regionId: [expect.stringContaining("工作室只能设在村（社区）")] } });
    const underRoom = await execute(createOrganization, { name: "错", tier: "STATION", regionId: n.townA.id, parentId: n.roomA.id, ...base }, admin, meta);
    expect(underRoom).toMatchObject({ ok: false, fieldErrors: { parentId: [expect.stringContaining("上级必须是中心")] } });
    const wrongTown = await execute(createOrganization, { name: "错", tier: "ROOM", regionId: n.villageA.id, parentId: n.stationB.id, ...base }, admin, meta);
    expect(wrongTown).toMatchObject({ ok: false, fieldErrors: { parentId: [expect.stringContaining("不包含")] } });
    expect(await db.organization.count()).toBe(6);
    expect(await db.auditEvent.count({ where: { result: "FAILED" } })).toBe(3);
  });

  it("refuses cycles: a centre cannot move under its own subtree", async () => {
    const r = await execute(updateOrganization, { id: n.centre.id, name: n.centre.name, tier: "CENTRE", regionId: n.county.id, parentId: n.stationA.id, ...base }, admin, meta);
    expect(r).toMatchObject({ ok: false, fieldErrors: { parentId: [expect.stringMatching(/自己或它的下级|上级必须是中心/)] } });
    // A second centre in the county: moving the city centre under it would be a cycle only through paths.
    const r2 = await execute(updateOrganization, { id: n.cityCentre.id, name: "x", tier: "CENTRE", regionId: n.city.id, parentId: n.centre.id, ...base }, admin, meta);
    expect(r2).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
  });

  it("moves a room to another station and its path follows; a station with rooms cannot leave their township", async () => {
    const villageA2 = await makeRegion({ code: "369901001003", name: "东三村", level: "VILLAGE", parentId: n.townA.id });
    const stationA2 = await makeOrganization({ tier: "STATION", regionId: n.townA.id, parentId: n.centre.id });
    const room = await makeOrganization({ tier: "ROOM", regionId: villageA2.id, parentId: n.stationA.id });
    const moved = await execute(updateOrganization, { id: room.id, name: room.name, tier: "ROOM", regionId: villageA2.id, parentId: stationA2.id, ...base }, admin, meta);
    expect(moved).toMatchObject({ ok: true, data: { path: `${stationA2.path}${room.id}/` } });
    const leave = await execute(updateOrganization, { id: n.stationA.id, name: "x", tier: "STATION", regionId: n.townB.id, parentId: n.centre.id, ...base }, admin, meta);
    expect(leave).toMatchObject({ ok: false, fieldErrors: { regionId: [expect.stringContaining("下级网点")] } });
  });

  it("moving a township's station under a new centre rewrites the whole subtree's paths", async () => {
    const county2 = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    const centre2 = await makeOrganization({ tier: "CENTRE", regionId: county2.id, parentId: n.cityCentre.id });
    // Move the township region itself to the other county, then its station to that county's centre.
    const regionMove = await execute(updateRegion, { id: n.townA.id, name: "东镇", parentId: county2.id }, admin, meta);
    expect(regionMove).toMatchObject({ ok: false, fieldErrors: { parentId: [expect.stringContaining("东镇公共法律服务工作站")] } });
    expect((await db.region.findUniqueOrThrow({ where: { id: n.villageA.id } })).path).toBe(n.villageA.path);
    await db.organization.update({ where: { id: n.stationA.id }, data: { parentId: centre2.id } }); // set up: parent already in county 2
    await db.$executeRawUnsafe(`UPDATE "Organization" SET path = replace(path, '${n.centre.path}', '${centre2.path}') WHERE path LIKE '${n.stationA.path}%'`);
    const ok = await execute(updateRegion, { id: n.townA.id, name: "东镇", parentId: county2.id }, admin, meta);
    expect(ok).toMatchObject({ ok: true, data: { path: `${county2.path}${n.townA.code}/` } });
    expect((await db.region.findUniqueOrThrow({ where: { id: n.villageA.id } })).path).toBe(`${county2.path}${n.townA.code}/${n.villageA.code}/`);
  });

  it("creates regions one level below their parent, with nested codes", async () => {
    const ok = await execute(createRegion, { code: "369901003000", name: "南镇", level: "TOWNSHIP", parentId: n.county.id }, admin, meta);
    expect(ok).toMatchObject({ ok: true, data: { path: `${n.county.path}369901003000/` } });
    const wrongLevel = await execute(createRegion, { code: "369901004000", name: "北镇", level: "VILLAGE", parentId: n.county.id }, admin, meta);
    expect(wrongLevel).toMatchObject({ ok: false, fieldErrors: { parentId: [expect.any(String)] } });
    const wrongCode = await execute(createRegion, { code: "369801005000", name: "北镇", level: "TOWNSHIP", parentId: n.county.id }, admin, meta);
    expect(wrongCode).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("369901")] } });
    const dup = await execute(createRegion, { code: "369901001000", name: "重复", level: "TOWNSHIP", parentId: n.county.id }, admin, meta);
    expect(dup).toMatchObject({ ok: false, fieldErrors: { code: ["该区划代码已存在"] } });
    const cycle = await execute(updateRegion, { id: n.county.id, name: "甲县", parentId: n.townA.id }, admin, meta);
    expect(cycle).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
  });

  it("records population per year and rejects negatives", async () => {
    expect(await execute(setRegionPopulation, { regionId: n.villageA.id, year: 2025, residents: 1234 }, admin, meta)).toMatchObject({ ok: true });
    expect(await execute(setRegionPopulation, { regionId: n.villageA.id, year: 2025, residents: -1 }, admin, meta)).toMatchObject({ ok: false, fieldErrors: { residents: ["常住人口不能为负数"] } });
    expect(await db.regionPopulation.findMany()).toEqual([{ regionId: n.villageA.id, year: 2025, residents: 1234 }]);
  });

  it("keeps a region-scoped admin inside the region", async () => {
    const countyAdmin = await makeActor({ role: "ADMIN", regionId: n.county.id });
    const other = await makeRegion({ code: "369903000000", name: "丙县", level: "COUNTY", parentId: n.city.id });
    const r = await execute(createOrganization, { name: "丙县中心", tier: "CENTRE", regionId: other.id, parentId: n.cityCentre.id, ...base }, countyAdmin, meta);
    expect(r).toMatchObject({ ok: false, fieldErrors: { regionId: [expect.stringContaining("管理范围")] } });
  });

  it("the audit trail cannot be changed or deleted", async () => {
    await execute(setRegionPopulation, { regionId: n.villageA.id, year: 2025, residents: 10 }, admin, meta);
    await expect(db.auditEvent.updateMany({ data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("the database refuses a staff membership without an organization", async () => {
    await expect(
      db.user.create({ data: { name: "x", passwordHash: "x", memberships: { create: { role: "STAFF" } } } }),
    ).rejects.toThrow(/Membership_scope_check/);
  });
});
