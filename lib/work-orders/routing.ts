import type { OrganizationTier, WorkOrderType } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { ruleViolation } from "@/lib/errors";
import { cachedReference } from "@/lib/system/reference-cache";

// 小事不出村、大事不出镇: a new order goes to the lowest tier that handles its type, on the matter's
// region or the nearest region above it that has such a service point. Which tier handles a type
// is data (WorkOrderTypeRule), edited by administrators.

export const TIER_RANK: Record<OrganizationTier, number> = { ROOM: 0, STATION: 1, CENTRE: 2 };

export type RouteCandidate = { id: number; tier: OrganizationTier; decidesLegalAid: boolean; regionDepth: number };
export type RoutingRule = { handlingTier: OrganizationTier; needsDecider: boolean };

/**
 * The pure choice: among service points on the matter's region and its ancestors, the one on the
 * deepest region whose tier is at least the handling tier (and that decides legal aid when the
 * rule needs it), preferring the lower tier on the same region.
 */
export function chooseOrganization(candidates: RouteCandidate[], rule: RoutingRule): RouteCandidate | null {
  const eligible = candidates.filter(
    (c) => TIER_RANK[c.tier] >= TIER_RANK[rule.handlingTier] && (!rule.needsDecider || c.decidesLegalAid),
  );
  eligible.sort((a, b) => b.regionDepth - a.regionDepth || TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.id - b.id);
  return eligible[0] ?? null;
}

/** Whether a receiving organization may keep an order it took in itself (首问负责 without a hand-over). */
export function canKeep(
  receiving: { tier: OrganizationTier; decidesLegalAid: boolean; regionPath: string },
  rule: RoutingRule,
  matterRegionPath: string,
): boolean {
  return (
    TIER_RANK[receiving.tier] >= TIER_RANK[rule.handlingTier] &&
    (!rule.needsDecider || receiving.decidesLegalAid) &&
    matterRegionPath.startsWith(receiving.regionPath)
  );
}

/** Every type's rule (routing, time limit, "due soon" window), kept in memory between changes (lib/system/reference-cache.ts). */
export async function loadRules(db: Tx) {
  return cachedReference("rules", () => db.workOrderTypeRule.findMany({ orderBy: { type: "asc" } }));
}

export async function loadRule(db: Tx, type: WorkOrderType) {
  const rule = (await loadRules(db)).find((r) => r.type === type);
  if (!rule) throw new Error(`no WorkOrderTypeRule for ${type}`);
  return rule;
}

/** The service points on these regions (a matter's region and its ancestors), kept in memory between changes. */
function servicePointsOn(db: Tx, codes: string[]) {
  return cachedReference(`route:${codes.join("/")}`, () =>
    db.organization.findMany({
      where: { region: { code: { in: codes } } },
      select: { id: true, tier: true, decidesLegalAid: true, region: { select: { code: true } } },
    }),
  );
}

/** The organization a new order of this type for this region goes to. */
export async function routeWorkOrder(
  db: Tx,
  type: WorkOrderType,
  region: { path: string },
  receiving?: { id: number; tier: OrganizationTier; decidesLegalAid: boolean; regionPath: string } | null,
): Promise<number> {
  const rule = await loadRule(db, type);
  if (receiving && canKeep(receiving, rule, region.path)) return receiving.id;
  const codes = region.path.split("/").filter(Boolean);
  const orgs = await servicePointsOn(db, codes);
  const chosen = chooseOrganization(
    orgs.map((o) => ({ id: o.id, tier: o.tier, decidesLegalAid: o.decidesLegalAid, regionDepth: codes.indexOf(o.region.code) })),
    rule,
  );
  if (!chosen) throw ruleViolation("该地区暂无可以办理此类事项的服务网点，请拨打 12348 咨询", "regionCode");
  return chosen.id;
}
