import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError, notFound } from "@/lib/errors";
import { PERIOD_FIELDS, resolvePeriod } from "@/lib/stats/period";
import { recountAll } from "@/lib/stats/counts";
import { INDICATORS, evaluate, GROUP_LABELS } from "@/lib/stats/registry";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { OrganizationTier, WorkOrderChannel, type RegionLevel } from "@/lib/generated/prisma/enums";

// The indicators of one region subtree and period, evaluated from the registry's definitions
// (GET /api/v1/stats/indicators, and the dashboards of issue 7). Leaders read their own region and
// below; another region is refused outright (403), not hidden, since its existence is public.

export const StatsQuery = z
  .object({
    region: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{12}$/, "地区代码应为 12 位数字").optional()),
    /** only the records held by service points of one tier */
    tier: z.preprocess((v) => (v === "" ? undefined : v), z.enum(OrganizationTier, { error: "层级应为 CENTRE、STATION 或 ROOM" }).optional()),
    /** only the requests of one channel */
    channel: z.preprocess((v) => (v === "" ? undefined : v), z.enum(WorkOrderChannel, { error: "来源渠道无效" }).optional()),
    ...PERIOD_FIELDS,
  })
  .transform((v, ctx) => ({ region: v.region, tier: v.tier, channel: v.channel, ...resolvePeriod(v, ctx) }));

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
  from: z.string(),
  to: z.string(),
  indicators: z.array(IndicatorFigure),
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

export const getIndicators = defineUseCase({
  name: "stats.indicators",
  permission: "stats.read",
  write: false,
  input: StatsQuery,
  async run({ db, actor, input }) {
    const region = await resolveStatsRegion(db, actor, input.region);
    const counts = await recountAll(db, { regionPath: region.path, from: input.from, to: input.to, tier: input.tier, channel: input.channel });
    return {
      region: { code: region.code, name: region.name },
      from: input.from,
      to: input.to,
      indicators: INDICATORS.map((i) => ({ ...evaluate(i, counts), group: GROUP_LABELS[i.group], definition: i.definition })),
    };
  },
});
