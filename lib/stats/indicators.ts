import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError, notFound } from "@/lib/errors";
import { PERIOD_FIELDS, resolvePeriod } from "@/lib/stats/period";
import { recountAll } from "@/lib/stats/counts";
import { INDICATORS, evaluate, GROUP_LABELS } from "@/lib/stats/registry";

// The indicators of one region subtree and period, evaluated from the registry's definitions
// (GET /api/v1/stats/indicators, and the dashboards of issue 7). Leaders read their own region and
// below; another region is refused outright (403), not hidden, since its existence is public.

export const StatsQuery = z
  .object({
    region: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{12}$/, "地区代码应为 12 位数字").optional()),
    ...PERIOD_FIELDS,
  })
  .transform((v, ctx) => ({ region: v.region, ...resolvePeriod(v, ctx) }));

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

export const getIndicators = defineUseCase({
  name: "stats.indicators",
  permission: "stats.read",
  write: false,
  input: StatsQuery,
  async run({ db, actor, input }) {
    // default: the leader's own region; an admin without one reads the whole tree from its root
    const region = input.region
      ? await db.region.findUnique({ where: { code: input.region }, select: { code: true, name: true, path: true } })
      : actor.regionPath
        ? await db.region.findUnique({ where: { path: actor.regionPath }, select: { code: true, name: true, path: true } })
        : await db.region.findFirst({ where: { parentId: null }, orderBy: { code: "asc" }, select: { code: true, name: true, path: true } });
    if (!region) throw notFound("地区");
    if (actor.regionPath && !region.path.startsWith(actor.regionPath)) {
      throw new AppError("FORBIDDEN", "只能查看本地区及下级地区的指标");
    }
    const counts = await recountAll(db, { regionPath: region.path, from: input.from, to: input.to });
    return {
      region: { code: region.code, name: region.name },
      from: input.from,
      to: input.to,
      indicators: INDICATORS.map((i) => ({ ...evaluate(i, counts), group: GROUP_LABELS[i.group], definition: i.definition })),
    };
  },
});
