import type { OrganizationTier, RegionLevel, Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { actorForUser, type Actor } from "@/lib/auth/actor";
import { organizationPath, regionPath } from "@/lib/network/rules";

// Small builders that create exactly the rows a test needs (no fixture files).

let seq = 0;
const next = () => ++seq;

export async function makeRegion(opts: { code: string; name?: string; level: RegionLevel; parentId?: number | null }) {
  const parent = opts.parentId ? await db.region.findUniqueOrThrow({ where: { id: opts.parentId } }) : null;
  return db.region.create({
    data: {
      code: opts.code,
      name: opts.name ?? `区划${opts.code}`,
      level: opts.level,
      parentId: parent?.id ?? null,
      path: regionPath(parent?.path ?? null, opts.code),
    },
  });
}

export async function makeOrganization(opts: {
  name?: string;
  tier: OrganizationTier;
  regionId: number;
  parentId?: number | null;
  decidesLegalAid?: boolean;
}) {
  const parent = opts.parentId ? await db.organization.findUniqueOrThrow({ where: { id: opts.parentId } }) : null;
  const created = await db.organization.create({
    data: {
      name: opts.name ?? `测试网点${next()}`,
      tier: opts.tier,
      regionId: opts.regionId,
      parentId: parent?.id ?? null,
      path: `tmp-${next()}-${Math.random()}`,
      address: "测试地址1号",
      phone: "0797-1234567",
      openingHours: "工作日 9:00-17:00",
      decidesLegalAid: opts.decidesLegalAid ?? false,
    },
  });
  return db.organization.update({ where: { id: created.id }, data: { path: organizationPath(parent?.path ?? null, created.id) } });
}

export async function makeUser(opts: {
  role: Role;
  organizationId?: number;
  regionId?: number;
  name?: string;
  username?: string;
  phone?: string;
  passwordHash?: string;
}) {
  const n = next();
  return db.user.create({
    data: {
      name: opts.name ?? `用户${n}`,
      username: opts.username ?? `user${n}`,
      phone: opts.phone,
      passwordHash: opts.passwordHash ?? "$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva",
      memberships: { create: { role: opts.role, organizationId: opts.organizationId ?? null, regionId: opts.regionId ?? null } },
    },
  });
}

export async function makeActor(opts: Parameters<typeof makeUser>[0]): Promise<Actor> {
  const user = await makeUser(opts);
  const actor = await actorForUser(db, user.id);
  if (!actor) throw new Error("factory: actor not resolved");
  return actor;
}

/**
 * A small network: city → county → two townships, each with one village; a centre, two stations,
 * two rooms. Returns everything by name.
 */
export async function makeSmallNetwork() {
  const city = await makeRegion({ code: "369900000000", name: "测试市", level: "CITY" });
  const county = await makeRegion({ code: "369901000000", name: "甲县", level: "COUNTY", parentId: city.id });
  const townA = await makeRegion({ code: "369901001000", name: "东镇", level: "TOWNSHIP", parentId: county.id });
  const townB = await makeRegion({ code: "369901002000", name: "西镇", level: "TOWNSHIP", parentId: county.id });
  const villageA = await makeRegion({ code: "369901001001", name: "东村", level: "VILLAGE", parentId: townA.id });
  const villageB = await makeRegion({ code: "369901002001", name: "西村", level: "VILLAGE", parentId: townB.id });
  const cityCentre = await makeOrganization({ name: "测试市公共法律服务中心", tier: "CENTRE", regionId: city.id });
  const centre = await makeOrganization({ name: "甲县公共法律服务中心", tier: "CENTRE", regionId: county.id, parentId: cityCentre.id, decidesLegalAid: true });
  const stationA = await makeOrganization({ name: "东镇公共法律服务工作站", tier: "STATION", regionId: townA.id, parentId: centre.id });
  const stationB = await makeOrganization({ name: "西镇公共法律服务工作站", tier: "STATION", regionId: townB.id, parentId: centre.id });
  const roomA = await makeOrganization({ name: "东村公共法律服务工作室", tier: "ROOM", regionId: villageA.id, parentId: stationA.id });
  const roomB = await makeOrganization({ name: "西村公共法律服务工作室", tier: "ROOM", regionId: villageB.id, parentId: stationB.id });
  return { city, county, townA, townB, villageA, villageB, cityCentre, centre, stationA, stationB, roomA, roomB };
}
