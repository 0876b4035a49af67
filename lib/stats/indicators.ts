import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError, notFound } from "@/lib/errors";
import { idParam } from "@/lib/validation";
import { PERIOD_FIELDS, resolvePeriod } from "@/lib/stats/period";
import { breakdownsFor, countsFor, type StatsScope } from "@/lib/stats/rollup";
import { BREAKDOWN_DIMENSIONS, COUNTS, INDICATORS, evaluate, GROUP_LABELS, type BreakdownDimension, type Breakdowns } from "@/lib/stats/registry";
import { breakdownLabel } from "@/lib/stats/breakdown-labels";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { IsoDate } from "@/lib/calendar/working-days";
import { OrganizationTier, WorkOrderChannel, WorkOrderType, type RegionLevel } from "@/lib/generated/prisma/enums";

// The indicators of one region subtree and period, evaluated from the registry's definitions
// (GET /api/v1/stats/indicators, and the dashboards of issue 7). Leaders read their own region and
// below; another region is refused outright (403), not hidden, since its existence is public.

const blankIsNone = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** What a stats view is narrowed to, shared by the overview, trend, ranking and export. */
export const FILTER_FIELDS = {
  region: blankIsNone(z.string().regex(/^\d{12}$/, "地区代码应为 12 位数字")),
  /** only the records held by service points of one tier */
  tier: blankIsNone(z.enum(OrganizationTier, { error: "层级应为 CENTRE、STATION 或 ROOM" })),
  /** only the requests of one channel */
  channel: blankIsNone(z.enum(WorkOrderChannel, { error: "来源渠道无效" })),
  /** only the requests of one business type (业务类别: consultation, legal aid, mediation …) */
  type: blankIsNone(z.enum(WorkOrderType, { error: "业务类别无效" })),
  /** only the records held by one service point (organization id), inside the region */
  org: blankIsNone(idParam("服务网点")),
};
export type StatsFilters = {
  region?: string;
  tier?: OrganizationTier;
  channel?: WorkOrderChannel;
  type?: WorkOrderType;
  org?: number;
};
export const filtersOf = (v: StatsFilters): StatsFilters => ({ region: v.region, tier: v.tier, channel: v.channel, type: v.type, org: v.org });

export const StatsQuery = z
  .object({ ...FILTER_FIELDS, ...PERIOD_FIELDS })
  .transform((v, ctx) => ({ ...filtersOf(v), ...resolvePeriod(v, ctx) }));

export const IndicatorFigure = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  group: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  definition: z.string(),
});
export const IndicatorReport = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  organization: z.object({ id: z.number(), name: z.string(), tier: z.string() }).nullable(),
  filters: z.object({ tier: z.string().nullable(), channel: z.string().nullable(), type: z.string().nullable() }),
  from: z.string(),
  to: z.string(),
  indicators: z.array(IndicatorFigure),
  breakdowns: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      of: z.string(),
      items: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })),
    }),
  ),
});

export type StatsRegion = { id: number; code: string; name: string; level: RegionLevel; path: string };

/**
 * The region a stats query reads: the one asked for, else the actor's own, else (an admin without a
 * region) the root of the tree. Leaders get 403 outside their subtree — refused, not hidden, since
 * regions are public. Shared by every stats use case so the scope rule exists once.
 */
export async function resolveStatsRegion(db: Tx, actor: Actor, code: string | undefined): Promise<StatsRegion> {
  const select = { id: true, code: true, name: true, level: true, path: true } as const;
  const region = code
    ? await db.region.findUnique({ where: { code }, select })
    : actor.regionPath
      ? await db.region.findUnique({ where: { path: actor.regionPath }, select })
      : await db.region.findFirst({ where: { parentId: null }, orderBy: { code: "asc" }, select });
  if (!region) throw notFound("地区");
  if (actor.regionPath && !region.path.startsWith(actor.regionPath)) {
    throw new AppError("FORBIDDEN", "只能查看本地区及下级地区的指标");
  }
  return region;
}

export type StatsOrganization = { id: number; name: string; tier: OrganizationTier };

/**
 * The region, the service point (if one is asked for) and the count scope of a stats read. A
 * service point must sit inside the region (the actor's own region by default); one elsewhere is
 * "not found", as it would be for any other record out of reach.
 */
export async function resolveStatsScope(
  db: Tx,
  actor: Actor,
  input: StatsFilters & { from: IsoDate; to: IsoDate },
): Promise<{ region: StatsRegion; organization: StatsOrganization | null; scope: StatsScope }> {
  const region = await resolveStatsRegion(db, actor, input.region);
  let organization: StatsOrganization | null = null;
  if (input.org !== undefined) {
    const org = await db.organization.findUnique({ where: { id: input.org }, select: { id: true, name: true, tier: true, region: { select: { path: true } } } });
    if (!org || !org.region.path.startsWith(region.path)) throw notFound("服务网点");
    organization = { id: org.id, name: org.name, tier: org.tier };
  }
  const scope: StatsScope = {
    regionPath: region.path, level: region.level, from: input.from, to: input.to,
    tier: input.tier, channel: input.channel, type: input.type, organizationId: organization?.id,
  };
  return { region, organization, scope };
}

export type BreakdownReport = {
  id: BreakdownDimension;
  name: string;
  /** what is being split, e.g. 受理的工单数（按登记时间） */
  of: string;
  items: { key: string; label: string; value: number }[];
};

/** The breakdowns in registry order, each largest first. */
export function breakdownReports(b: Breakdowns): BreakdownReport[] {
  return (Object.entries(BREAKDOWN_DIMENSIONS) as [BreakdownDimension, (typeof BREAKDOWN_DIMENSIONS)[BreakdownDimension]][]).map(([id, d]) => ({
    id,
    name: d.name,
    of: COUNTS[d.count],
    items: Object.entries(b)
      .filter(([k]) => k.startsWith(`${id}:`))
      .map(([k, value]) => ({ key: k.slice(id.length + 1), label: breakdownLabel(id, k.slice(id.length + 1)), value }))
      .sort((x, y) => y.value - x.value || x.key.localeCompare(y.key)),
  }));
}

export const getIndicators = defineUseCase({
  name: "stats.indicators",
  permission: "stats.read",
  write: false,
  input: StatsQuery,
  async run({ db, actor, input }) {
    const { region, organization, scope } = await resolveStatsScope(db, actor, input);
    const counts = await countsFor(db, scope);
    return {
      region: { code: region.code, name: region.name },
      organization,
      filters: { tier: input.tier ?? null, channel: input.channel ?? null, type: input.type ?? null },
      from: input.from,
      to: input.to,
      indicators: INDICATORS.map((i) => ({ ...evaluate(i, counts), group: GROUP_LABELS[i.group], definition: i.definition })),
      breakdowns: breakdownReports(await breakdownsFor(db, scope)),
    };
  },
});
