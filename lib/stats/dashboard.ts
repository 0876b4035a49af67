import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { RegionLevel } from "@/lib/generated/prisma/enums";
import { PERIOD_FIELDS, resolvePeriod } from "@/lib/stats/period";
import { countsFor } from "@/lib/stats/rollup";
import { evaluate, GROUP_LABELS, indicatorById, type Indicator } from "@/lib/stats/registry";
import { FILTER_FIELDS, filtersOf, resolveStatsScope, type StatsRegion } from "@/lib/stats/indicators";
import { MAX_TREND_MONTHS, monthsBetween, monthSlices } from "@/lib/stats/period-preset";

// The leaders' dashboard (issue 7 item 3) beyond the overview (which is getIndicators itself): one
// indicator month by month, and the child regions — or, inside a township, the service points —
// ranked by it. Both evaluate the registry over countsFor (roll-ups, exactly equal to a recount).

// Where a smaller value is the better one (the registry's lowerIsBetter), rank 1 is the smallest.

const IndicatorSeriesQuery = z
  .object({
    ...FILTER_FIELDS,
    indicatorId: z
      .string({ error: "请选择指标" })
      .refine((id) => indicatorById(id) !== undefined, "没有这个指标"),
    ...PERIOD_FIELDS,
  })
  .transform((v, ctx) => ({ ...filtersOf(v), indicatorId: v.indicatorId, ...resolvePeriod(v, ctx) }));

export const IndicatorTrendQuery = IndicatorSeriesQuery.superRefine((v, ctx) => {
  if (monthsBetween(v.from, v.to) > MAX_TREND_MONTHS) {
    ctx.addIssue({ code: "custom", path: ["from"], message: `趋势最长 ${MAX_TREND_MONTHS} 个月，请缩短时间范围` });
  }
});
export const IndicatorRankingQuery = IndicatorSeriesQuery;

export type IndicatorInfo = { id: string; name: string; unit: string; group: string; definition: string };
const info = (i: Indicator): IndicatorInfo => ({ id: i.id, name: i.name, unit: i.unit, group: GROUP_LABELS[i.group], definition: i.definition });
const mustIndicator = (id: string) => {
  const i = indicatorById(id);
  // the schema has already refused unknown ids; reaching here would be a programming error
  if (!i) throw new Error(`unknown indicator ${id}`);
  return i;
};

export type TrendPoint = { month: string; from: string; to: string; value: number | null; numerator: number; denominator: number | null };

/** One indicator for each Shanghai month of the period (the first and last month clipped to it). */
export const indicatorTrend = defineUseCase({
  name: "stats.trend",
  permission: "stats.read",
  write: false,
  input: IndicatorTrendQuery,
  async run({ db, actor, input }) {
    const { region, organization, scope } = await resolveStatsScope(db, actor, input);
    const indicator = mustIndicator(input.indicatorId);
    const points: TrendPoint[] = [];
    // one month after another: each recount is four statements, and a long trend should not take
    // the whole connection pool
    for (const m of monthSlices(input)) {
      const counts = await countsFor(db, { ...scope, from: m.from, to: m.to });
      const { value, numerator, denominator } = evaluate(indicator, counts);
      points.push({ month: m.month, from: m.from, to: m.to, value, numerator, denominator });
    }
    return { region: { code: region.code, name: region.name }, organization, indicator: info(indicator), from: input.from, to: input.to, points };
  },
});

export type RankingRow = {
  /** the region's code; for a service point, its id (what the drill-down link carries) */
  code: string;
  name: string;
  level: RegionLevel;
  /** set when the row is a service point (the children of a township) */
  organizationId: number | null;
  /** 1 for the best; equal values share a rank (1, 2, 2, 4); null when there is no value */
  rank: number | null;
  value: number | null;
  numerator: number;
  denominator: number | null;
};

/** Best first, equal values in code order, regions without a value (nothing to divide by) last. */
export function rankRows<T extends { code: string; value: number | null }>(rows: T[], order: "asc" | "desc"): (T & { rank: number | null })[] {
  const sign = order === "desc" ? -1 : 1;
  const sorted = [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.code.localeCompare(b.code) : a.value === null ? 1 : -1;
    return a.value === b.value ? a.code.localeCompare(b.code) : sign * (a.value - b.value);
  });
  let rank = 0;
  return sorted.map((r, i) => {
    if (r.value === null) return { ...r, rank: null };
    if (i === 0 || sorted[i - 1].value !== r.value) rank = i + 1;
    return { ...r, rank };
  });
}

/** The regions from the top the actor may see down to `region`, for breadcrumbs. */
async function trailTo(db: Tx, actor: Actor, region: StatsRegion) {
  const codes = region.path.split("/").filter(Boolean);
  const rows = await db.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, path: true } });
  return rows
    .filter((r) => !actor.regionPath || r.path.startsWith(actor.regionPath))
    .sort((a, b) => a.path.length - b.path.length)
    .map(({ code, name }) => ({ code, name }));
}

/**
 * The child regions (counties of a city, townships of a county) ranked by one indicator; inside a
 * township, its service points (the station and the village rooms), each by the records it holds.
 */
export const indicatorRanking = defineUseCase({
  name: "stats.ranking",
  permission: "stats.read",
  write: false,
  input: IndicatorRankingQuery,
  async run({ db, actor, input }) {
    const { region, scope } = await resolveStatsScope(db, actor, { ...input, org: undefined });
    const indicator = mustIndicator(input.indicatorId);
    const rows: Omit<RankingRow, "rank">[] = [];
    let childLevel: RegionLevel | null = null;
    let servicePoints = false;
    if (region.level === "TOWNSHIP" || region.level === "VILLAGE") {
      servicePoints = true;
      const orgs = await db.organization.findMany({
        where: { region: { path: { startsWith: region.path } }, ...(input.tier ? { tier: input.tier } : {}) },
        select: { id: true, name: true, region: { select: { level: true } } },
        orderBy: [{ tier: "asc" }, { name: "asc" }],
      });
      for (const o of orgs) {
        const { value, numerator, denominator } = evaluate(indicator, await countsFor(db, { ...scope, organizationId: o.id }));
        rows.push({ code: String(o.id), name: o.name, level: o.region.level, organizationId: o.id, value, numerator, denominator });
      }
    } else {
      const children = await db.region.findMany({
        where: { parentId: region.id },
        select: { code: true, name: true, level: true, path: true },
        orderBy: { code: "asc" },
      });
      childLevel = children[0]?.level ?? null;
      for (const c of children) {
        const { value, numerator, denominator } = evaluate(indicator, await countsFor(db, { ...scope, regionPath: c.path, level: c.level }));
        rows.push({ code: c.code, name: c.name, level: c.level, organizationId: null, value, numerator, denominator });
      }
    }
    const order: "asc" | "desc" = indicator.lowerIsBetter ? "asc" : "desc";
    return {
      region: { code: region.code, name: region.name, level: region.level },
      trail: await trailTo(db, actor, region),
      childLevel,
      /** the rows are the township's service points, not regions */
      servicePoints,
      indicator: info(indicator),
      from: input.from,
      to: input.to,
      order,
      rows: rankRows(rows, order),
    };
  },
});
