import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { organizationScope, regionScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import { RegionSummaryInput } from "@/lib/network/schemas";

// Service-network figures for a region and each of its child regions (drill-down city → county →
// township): service points by tier, standardized points, room and legal-adviser coverage of villages,
// resident population. Counted in SQL over the region paths, never in JS loops.

export type NetworkFigures = {
  regionId: number;
  code: string;
  name: string;
  level: string;
  centres: number;
  stations: number;
  rooms: number;
  standardized: number;
  villages: number;
  villagesWithRoom: number;
  villagesWithAdviser: number;
  residents: number | null;
};

async function figuresFor(db: Tx, rootIds: number[], year: number): Promise<NetworkFigures[]> {
  if (rootIds.length === 0) return [];
  const rows = await db.$queryRaw<
    {
      regionId: number; code: string; name: string; level: string; centres: bigint; stations: bigint; rooms: bigint;
      standardized: bigint; villages: bigint; villagesWithRoom: bigint; villagesWithAdviser: bigint; residents: number | null;
    }[]
  >`
    WITH roots AS (SELECT id, code, name, level::text AS level, path FROM "Region" WHERE id = ANY(${rootIds}::int[])),
    orgs AS (
      SELECT roots.id AS root, o.tier, o.standardized
      FROM roots JOIN "Region" r ON left(r.path, length(roots.path)) = roots.path
      JOIN "Organization" o ON o."regionId" = r.id
    ),
    villages AS (
      SELECT roots.id AS root, v.id,
        EXISTS (SELECT 1 FROM "Organization" o WHERE o."regionId" = v.id AND o.tier = 'ROOM') AS has_room,
        EXISTS (SELECT 1 FROM "Organization" o WHERE o."regionId" = v.id AND o.tier = 'ROOM' AND o."legalAdviserName" IS NOT NULL) AS has_adviser
      FROM roots JOIN "Region" v ON left(v.path, length(roots.path)) = roots.path AND v.level = 'VILLAGE'
    )
    SELECT roots.id AS "regionId", roots.code, roots.name, roots.level,
      (SELECT count(*) FROM orgs WHERE root = roots.id AND tier = 'CENTRE') AS centres,
      (SELECT count(*) FROM orgs WHERE root = roots.id AND tier = 'STATION') AS stations,
      (SELECT count(*) FROM orgs WHERE root = roots.id AND tier = 'ROOM') AS rooms,
      (SELECT count(*) FROM orgs WHERE root = roots.id AND standardized) AS standardized,
      (SELECT count(*) FROM villages WHERE root = roots.id) AS villages,
      (SELECT count(*) FROM villages WHERE root = roots.id AND has_room) AS "villagesWithRoom",
      (SELECT count(*) FROM villages WHERE root = roots.id AND has_adviser) AS "villagesWithAdviser",
      (SELECT residents FROM "RegionPopulation" p WHERE p."regionId" = roots.id AND p.year = ${year}) AS residents
    FROM roots ORDER BY roots.code`;
  return rows.map((r) => ({
    ...r,
    centres: Number(r.centres),
    stations: Number(r.stations),
    rooms: Number(r.rooms),
    standardized: Number(r.standardized),
    villages: Number(r.villages),
    villagesWithRoom: Number(r.villagesWithRoom),
    villagesWithAdviser: Number(r.villagesWithAdviser),
  }));
}

async function latestPopulationYear(db: Tx, regionId: number): Promise<number> {
  const row = await db.regionPopulation.findFirst({ where: { regionId }, orderBy: { year: "desc" }, select: { year: true } });
  return row?.year ?? new Date().getFullYear();
}

/** Leaders and admins: a region in their scope (default: their own) with its children. */
export const getNetworkOverview = defineUseCase({
  name: "network.overview",
  permission: "dashboard.view",
  write: false,
  input: RegionSummaryInput,
  async run({ db, actor, input }) {
    const where = input.code
      ? { AND: [{ code: input.code.padEnd(12, "0") }, regionScope(actor)] }
      : actor.regionPath
        ? { path: actor.regionPath }
        : { AND: [{ parentId: null }, regionScope(actor)] };
    const region = await db.region.findFirst({
      where,
      select: { id: true, code: true, name: true, level: true, path: true, parent: { select: { code: true, name: true } } },
    });
    if (!region) throw notFound("区划");
    const year = input.year ?? (await latestPopulationYear(db, region.id));
    const children = await db.region.findMany({ where: { parentId: region.id }, select: { id: true }, orderBy: { code: "asc" } });
    const [total] = await figuresFor(db, [region.id], year);
    const rows = await figuresFor(db, children.map((c) => c.id), year);
    // A leader may go up only as far as their own region.
    const canGoUp = !!region.parent && region.path !== actor.regionPath;
    return { region, year, total, rows, up: canGoUp ? region.parent : null };
  },
});

export const WorkbenchSummary = z.object({});

/** Staff, officers and mediators: their service point and the network below it. */
export const getWorkbenchSummary = defineUseCase({
  name: "workbench.summary",
  permission: "workbench.view",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const organization = await db.organization.findFirst({
      where: { AND: [{ id: actor.organizationId ?? -1 }, organizationScope(actor)] },
      select: {
        id: true, name: true, tier: true, address: true, phone: true, openingHours: true,
        legalAdviserName: true, legalAdviserPhone: true,
        region: { select: { id: true, code: true, name: true, level: true } },
        parent: { select: { name: true } },
      },
    });
    if (!organization) throw notFound("网点");
    const scope = organizationScope(actor);
    const [byTier, colleagues, children] = await Promise.all([
      db.organization.groupBy({ by: ["tier"], where: scope, _count: { _all: true } }),
      db.membership.count({ where: { organization: scope, role: { in: ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"] } } }),
      db.organization.findMany({
        where: { parentId: organization.id },
        select: { id: true, name: true, tier: true, phone: true, region: { select: { name: true } }, _count: { select: { children: true } } },
        orderBy: { id: "asc" },
        take: 200,
      }),
    ]);
    const [figures] = await figuresFor(db, [organization.region.id], await latestPopulationYear(db, organization.region.id));
    const count = (tier: string) => byTier.find((t) => t.tier === tier)?._count._all ?? 0;
    return {
      organization,
      subtree: { centres: count("CENTRE"), stations: count("STATION"), rooms: count("ROOM") },
      colleagues,
      children,
      figures,
    };
  },
});
