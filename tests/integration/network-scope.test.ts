import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { getOrganization } from "@/lib/network/get-organization";
import { updateOrganizationContact } from "@/lib/network/manage-organization";
import { getNetworkOverview, getWorkbenchSummary } from "@/lib/network/network-overview";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const contact = { address: "新地址 8 号", phone: "0797-7654321", openingHours: "工作日 8:30-17:30" };

describe("a township's staff stay inside their township", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
  });

  it("reads its own station and the room below it, not the other township's", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    expect(await execute(getOrganization, { id: n.stationA.id }, staff, meta)).toMatchObject({ ok: true, data: { name: n.stationA.name } });
    expect(await execute(getOrganization, { id: n.roomA.id }, staff, meta)).toMatchObject({ ok: true });
    for (const foreign of [n.stationB, n.roomB, n.centre, n.cityCentre]) {
      const r = await execute(getOrganization, { id: foreign.id }, staff, meta);
      // Same answer as for an id that does not exist: no hint that the record is there.
      expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await execute(getOrganization, { id: 999999 }, staff, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("changes its own station's contact details but cannot touch the other township's", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const mine = await execute(updateOrganizationContact, { id: n.stationA.id, ...contact }, staff, meta);
    expect(mine.ok).toBe(true);
    expect((await db.organization.findUniqueOrThrow({ where: { id: n.stationA.id } })).address).toBe(contact.address);

    const before = await db.organization.findUniqueOrThrow({ where: { id: n.stationB.id } });
    const theirs = await execute(updateOrganizationContact, { id: n.stationB.id, ...contact }, staff, meta);
    expect(theirs).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.organization.findUniqueOrThrow({ where: { id: n.stationB.id } })).toEqual(before);

    const events = await db.auditEvent.findMany({ where: { action: "organization.updateContact" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.targetId, e.result])).toEqual([
      [String(n.stationA.id), "SUCCESS"],
      // the refused attempt names what it was aimed at
      [String(n.stationB.id), "DENIED"],
    ]);
  });

  it("refuses roles without the permission, and anonymous callers", async () => {
    const resident = await makeActor({ role: "RESIDENT" });
    expect(await execute(updateOrganizationContact, { id: n.roomA.id, ...contact }, resident, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    expect(await execute(updateOrganizationContact, { id: n.roomA.id, ...contact }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(updateOrganizationContact, { id: n.roomA.id, ...contact }, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await db.auditEvent.count({ where: { result: "DENIED" } })).toBe(2);
  });

  it("gives a clear Chinese field error for bad input and writes nothing", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const r = await execute(updateOrganizationContact, { id: n.stationA.id, address: "", phone: "abc", openingHours: "x" }, staff, meta);
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (r.ok) return;
    expect(r.fieldErrors?.address).toEqual(["请填写地址"]);
    expect(r.fieldErrors?.phone).toEqual(["联系电话格式不正确"]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: n.stationA.id } })).address).toBe("测试地址1号");
  });

  it("shows staff the counts of their own subtree only", async () => {
    const centreStaff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    const wide = await execute(getWorkbenchSummary, {}, centreStaff, meta);
    expect(wide).toMatchObject({ ok: true, data: { subtree: { centres: 1, stations: 2, rooms: 2 } } });
    const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationB.id });
    const narrow = await execute(getWorkbenchSummary, {}, stationStaff, meta);
    expect(narrow).toMatchObject({ ok: true, data: { organization: { id: n.stationB.id }, subtree: { centres: 0, stations: 1, rooms: 1 } } });
  });

  it("lets a county leader drill into townships of the county but not above it", async () => {
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const county = await execute(getNetworkOverview, {}, leader, meta);
    expect(county).toMatchObject({ ok: true, data: { region: { code: n.county.code }, up: null, total: { centres: 1, stations: 2, rooms: 2, villages: 2, villagesWithRoom: 2 } } });
    if (!county.ok) return;
    expect(county.data.rows.map((r) => [r.name, r.stations, r.rooms])).toEqual([["东镇", 1, 1], ["西镇", 1, 1]]);
    const town = await execute(getNetworkOverview, { code: n.townA.code }, leader, meta);
    expect(town).toMatchObject({ ok: true, data: { up: { code: n.county.code }, rows: [{ name: "东村", rooms: 1 }] } });
    expect(await execute(getNetworkOverview, { code: n.city.code }, leader, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
