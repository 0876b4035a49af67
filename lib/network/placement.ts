import type { OrganizationTier } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { notFound, ruleViolation } from "@/lib/errors";
import { parentRegionLevel, parentTierFor, REGION_LEVEL_LABELS, TIER_REGION_LEVELS, TIER_SHORT_LABELS } from "@/lib/network/rules";

// The network's shape rules, checked on every create, edit and move. Each failure names the field to fix.

/**
 * Where an organization may sit: a room on a village, a station on a township, a centre on a county
 * or the city; under a parent of the next tier up whose region contains its own; never under itself
 * or its own subtree. Returns the region and parent to place it with.
 */
export async function checkOrganizationPlacement(
  db: Tx,
  p: { tier: OrganizationTier; regionId: number; parentId?: number | null; selfId?: number; selfPath?: string },
) {
  const region = await db.region.findUnique({ where: { id: p.regionId }, select: { id: true, path: true, level: true, name: true } });
  if (!region) throw ruleViolation("所选区划不存在", "regionId");
  const levels = TIER_REGION_LEVELS[p.tier];
  if (!levels.includes(region.level)) {
    throw ruleViolation(
      `${TIER_SHORT_LABELS[p.tier]}只能设在${levels.map((l) => REGION_LEVEL_LABELS[l]).join("或")}，「${region.name}」是${REGION_LEVEL_LABELS[region.level]}`,
      "regionId",
    );
  }
  const expectedParentTier = parentTierFor(p.tier, region.level);
  if (!expectedParentTier) {
    if (p.parentId) throw ruleViolation("市级中心是网络的顶层，不能设置上级网点", "parentId");
    return { region, parent: null };
  }
  if (!p.parentId) throw ruleViolation(`请选择上级${TIER_SHORT_LABELS[expectedParentTier]}`, "parentId");
  const parent = await db.organization.findUnique({
    where: { id: p.parentId },
    select: { id: true, path: true, tier: true, name: true, region: { select: { path: true } } },
  });
  if (!parent) throw ruleViolation("所选上级网点不存在", "parentId");
  if (p.selfPath && parent.path.startsWith(p.selfPath)) {
    throw ruleViolation("不能把网点移到它自己或它的下级网点之下", "parentId");
  }
  if (parent.tier !== expectedParentTier) {
    throw ruleViolation(`${TIER_SHORT_LABELS[p.tier]}的上级必须是${TIER_SHORT_LABELS[expectedParentTier]}，「${parent.name}」不是`, "parentId");
  }
  if (!region.path.startsWith(parent.region.path) || region.path === parent.region.path) {
    throw ruleViolation(`上级网点「${parent.name}」所在区划不包含「${region.name}」`, "parentId");
  }
  return { region, parent };
}

/** After an organization moves, its direct children must still sit inside its region. */
export async function checkChildrenStillInside(db: Tx, organizationId: number, regionPath: string) {
  const stray = await db.organization.findFirst({
    where: { parentId: organizationId, NOT: { region: { path: { startsWith: regionPath } } } },
    select: { name: true },
  });
  if (stray) throw ruleViolation(`下级网点「${stray.name}」不在新的区划内，请先调整下级网点`, "regionId");
}

/** Rewrites the materialized paths of a subtree after its root moved (one statement, same transaction). */
export async function rewriteSubtreePaths(db: Tx, table: "Region" | "Organization", oldPath: string, newPath: string) {
  if (oldPath === newPath) return;
  await db.$executeRawUnsafe(
    `UPDATE "${table}" SET "path" = $1::text || substr("path", length($2::text) + 1) WHERE starts_with("path", $2::text)`,
    newPath,
    oldPath,
  );
}

/** A region's parent must be exactly one level up, and not inside the region itself. */
export async function checkRegionParent(
  db: Tx,
  p: { level: import("@/lib/generated/prisma/enums").RegionLevel; parentId?: number | null; selfPath?: string },
) {
  const expected = parentRegionLevel(p.level);
  if (!expected) {
    if (p.parentId) throw ruleViolation("市级区划是顶层，不能设置上级区划", "parentId");
    return null;
  }
  if (!p.parentId) throw ruleViolation(`请选择上级${REGION_LEVEL_LABELS[expected]}`, "parentId");
  const parent = await db.region.findUnique({ where: { id: p.parentId }, select: { id: true, path: true, level: true, name: true, code: true } });
  if (!parent) throw ruleViolation("所选上级区划不存在", "parentId");
  if (p.selfPath && parent.path.startsWith(p.selfPath)) throw ruleViolation("不能把区划移到它自己或它的下级之下", "parentId");
  if (parent.level !== expected) {
    throw ruleViolation(`${REGION_LEVEL_LABELS[p.level]}的上级必须是${REGION_LEVEL_LABELS[expected]}，「${parent.name}」不是`, "parentId");
  }
  return parent;
}

/**
 * After a region subtree moved, every organization in it whose parent organization lies outside the
 * subtree must still have that parent's region above it; otherwise the network would contradict itself.
 */
export async function checkOrganizationsAfterRegionMove(db: Tx, regionPath: string) {
  const orgs = await db.organization.findMany({
    where: { region: { path: { startsWith: regionPath } }, parent: { NOT: { region: { path: { startsWith: regionPath } } } } },
    select: { name: true, region: { select: { path: true } }, parent: { select: { name: true, region: { select: { path: true } } } } },
  });
  const broken = orgs.find((o) => o.parent && !o.region.path.startsWith(o.parent.region.path));
  if (broken) {
    throw ruleViolation(`网点「${broken.name}」的上级网点「${broken.parent!.name}」不在新的上级区划内，请先调整网点`, "parentId");
  }
}

export async function findOrganizationInScope(db: Tx, id: number, scope: import("@/lib/generated/prisma/client").Prisma.OrganizationWhereInput) {
  const org = await db.organization.findFirst({ where: { AND: [{ id }, scope] } });
  if (!org) throw notFound("网点");
  return org;
}
