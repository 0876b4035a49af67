import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { regionScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { idParam, requiredText, optionalText } from "@/lib/validation";
import { fromDbDate, isIsoDate, shanghaiDate, toDbDate, type IsoDate } from "@/lib/calendar/working-days";
import { countsFor } from "@/lib/stats/rollup";
import { evaluate, formatIndicator, GROUP_LABELS, INDICATORS, indicatorById, type Indicator } from "@/lib/stats/registry";
import { resolveStatsRegion } from "@/lib/stats/indicators";

// 规划指标 (issue 7 item 4): a plan sets targets per indicator × region × year (e.g. a county's
// 14th five-year plan table), and leaders see the actual against each. An actual comes from the
// registry (recounted from the records, so it equals the dashboard's figure) or, for what the system
// cannot count (funding, 法律明白人, 法治文化阵地), from a figure an admin entered with its source.

/** A figure the system cannot count, entered per region and period with its source. */
export type ManualFigureDef = { key: string; name: string; unit: string; description: string };

export const MANUAL_FIGURES: readonly ManualFigureDef[] = [
  { key: "funding.aidTotal", name: "法律援助经费", unit: "万元", description: "财政安排的法律援助经费总额（含中央、省级补助），以财政部门批复或决算数为准。" },
  { key: "funding.aidPerResident", name: "人均法律援助经费", unit: "元/人", description: "法律援助经费 ÷ 常住人口，按财政部门或规划考核口径填报。" },
  { key: "people.lawLiterate", name: "法律明白人", unit: "人", description: "经培养、在册的“法律明白人”人数。" },
  // Kept as entered, not derived: the plan's own count of villages may differ from the region tree's.
  { key: "people.lawLiteratePerVillage", name: "每村（社区）法律明白人", unit: "人/村", description: "法律明白人数 ÷ 村（社区）数，按规划考核口径填报。" },
  { key: "venues.ruleOfLawCulture", name: "法治文化阵地", unit: "个", description: "法治文化公园、广场、长廊等法治文化阵地数。" },
  { key: "mediators.fullTime", name: "专职人民调解员", unit: "人", description: "专职从事人民调解工作的调解员人数（不含兼职）。" },
  { key: "standardized.centres", name: "规范化建设达标的公共法律服务中心", unit: "个", description: "经验收达到规范化建设标准的公共法律服务中心数。" },
  { key: "standardized.stations", name: "规范化建设达标的公共法律服务工作站", unit: "个", description: "经验收达到规范化建设标准的公共法律服务工作站数。" },
  { key: "standardized.rooms", name: "规范化建设达标的公共法律服务工作室", unit: "个", description: "经验收达到规范化建设标准的公共法律服务工作室数。" },
];
const FIGURE_BY_KEY = new Map(MANUAL_FIGURES.map((f) => [f.key, f]));
export const manualFigureByKey = (key: string) => FIGURE_BY_KEY.get(key);

// A shorter handling time is the better one; every other indicator and figure is "more is better".

/** What a target can be set on: a registry indicator or an entered figure. */
export type TargetSubject =
  | { kind: "indicator"; id: string; name: string; unit: string; higherIsBetter: boolean; indicator: Indicator }
  | { kind: "figure"; id: string; name: string; unit: string; higherIsBetter: boolean; figure: ManualFigureDef };

export function targetSubject(id: string): TargetSubject | undefined {
  const indicator = indicatorById(id);
  if (indicator) return { kind: "indicator", id, name: indicator.name, unit: indicator.unit, higherIsBetter: !indicator.lowerIsBetter, indicator };
  const figure = manualFigureByKey(id);
  if (figure) return { kind: "figure", id, name: figure.name, unit: figure.unit, higherIsBetter: true, figure };
  return undefined;
}

/** The choices of the target form's select, grouped as the dashboards group them. */
export const TARGET_CHOICE_GROUPS: readonly { label: string; options: readonly { id: string; label: string }[] }[] = [
  ...Object.entries(GROUP_LABELS).map(([group, label]) => ({
    label,
    options: INDICATORS.filter((i) => i.group === group).map((i) => ({ id: i.id, label: `${i.name}（${i.unit}）` })),
  })),
  { label: "填报数据（系统无法统计）", options: MANUAL_FIGURES.map((f) => ({ id: f.key, label: `${f.name}（${f.unit}）` })) },
];

/** A target or an actual as text in its indicator's unit; "—" when unknown. */
export function formatTargetValue(id: string, value: number | null): string {
  if (value === null) return "—";
  const s = targetSubject(id);
  if (s?.kind === "indicator") return formatIndicator(s.indicator, value);
  const text = value.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
  return s ? `${text} ${s.unit}` : text;
}

// ── inputs ──

/** Form numbers arrive as text ("1,200", "" when left empty); JSON clients send numbers. */
const numberInput = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(/,/g, ""))) : v);

/** ≥ 0, at most 4 decimals and 12 whole digits: what the Decimal(16, 4) columns hold. */
const amount = (label: string) =>
  z.preprocess(
    numberInput,
    z
      .number({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}应为数字`) })
      .min(0, `${label}不能小于 0`)
      .max(999_999_999_999, `${label}过大`)
      .refine((n) => Math.abs(n * 10_000 - Math.round(n * 10_000)) < 1e-6, `${label}最多保留 4 位小数`),
  );

const year = z.preprocess(
  numberInput,
  z
    .number({ error: (iss) => (iss.input === undefined ? "请选择年度" : "年度应为数字") })
    .int("年度应为整数")
    .min(2020, "年度应在 2020 年至 2035 年之间")
    .max(2035, "年度应在 2020 年至 2035 年之间"),
);

const regionCode = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string({ error: "请选择地区" }).min(1, { error: "请选择地区", abort: true }).regex(/^\d{12}$/, "地区代码应为 12 位数字"),
);
const optionalRegionCode = z.preprocess((v) => (v === "" ? undefined : v), regionCode.optional());
const optionalYear = z.preprocess((v) => (v === "" ? undefined : v), year.optional());

const day = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `请填写${label}` })
      .min(1, { error: `请填写${label}`, abort: true })
      .refine(isIsoDate, { error: `${label}应为有效日期，格式如 2026-01-01`, abort: true })
      .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", `${label}应在 2000 年至 2099 年之间`),
  );

export const SetTargetInput = z
  .object({
    indicatorId: z.string({ error: "请选择指标" }).min(1, { error: "请选择指标", abort: true }).refine((id) => !!targetSubject(id), "没有这个指标"),
    regionCode,
    year,
    target: amount("目标值"),
    source: optionalText(200, "目标来源"),
  })
  .superRefine((v, ctx) => {
    // a rate cannot be planned above 100%: most likely a ratio typed as 0.95 → 95 mix-up the other way
    if (indicatorById(v.indicatorId)?.formula.kind === "share" && v.target > 100) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "百分比目标不能超过 100" });
    }
  });
export type SetTargetInput = z.input<typeof SetTargetInput>;

export const ListTargetsInput = z.object({ regionCode: optionalRegionCode, year: optionalYear });

export const EnterFigureInput = z
  .object({
    key: z.string({ error: "请选择填报项目" }).min(1, { error: "请选择填报项目", abort: true }).refine((k) => !!manualFigureByKey(k), "没有这个填报项目"),
    regionCode,
    periodStart: day("起始日期"),
    periodEnd: day("截止日期"),
    value: amount("数值"),
    source: requiredText(200, "数据来源"),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart > v.periodEnd) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "截止日期不能早于起始日期" });
  });
export type EnterFigureInput = z.input<typeof EnterFigureInput>;

export const TargetProgressInput = z.object({ regionCode: optionalRegionCode, year });

// ── scope ──

/** A region the actor may administer (writes): inside its subtree, or a field error. */
async function writableRegion(db: Tx, actor: Actor, code: string) {
  const region = await db.region.findFirst({ where: { AND: [{ code }, regionScope(actor)] }, select: { id: true } });
  if (!region) throw ruleViolation("地区不存在或不在您的管理范围内", "regionCode");
  return region;
}

const yearBounds = (y: number) => ({ gte: toDbDate(`${y}-01-01`), lte: toDbDate(`${y}-12-31`) });

// ── targets ──

/** Sets the target of an indicator for a region and year, replacing the one already set (upsert). */
export const setTarget = defineUseCase({
  name: "stats.target.set",
  permission: "stats.targets",
  write: true,
  input: SetTargetInput,
  async run({ db, actor, input }) {
    const region = await writableRegion(db, actor, input.regionCode);
    const key = { indicatorId: input.indicatorId, regionId: region.id, year: input.year };
    const existing = await db.indicatorTarget.findUnique({ where: { indicatorId_regionId_year: key }, select: { id: true } });
    const data = { target: input.target, source: input.source ?? null, updatedById: actor.userId };
    const saved = await db.indicatorTarget.upsert({
      where: { indicatorId_regionId_year: key },
      create: { ...key, ...data },
      update: data,
      select: { id: true },
    });
    return { id: saved.id, replaced: !!existing };
  },
  target: (_i, r) => ({ type: "IndicatorTarget", id: r.id }),
});

export const deleteTarget = defineUseCase({
  name: "stats.target.delete",
  permission: "stats.targets",
  write: true,
  input: z.object({ id: idParam("目标编号") }),
  target: (i) => ({ type: "IndicatorTarget", id: i.id }),
  async run({ db, actor, input }) {
    const row = await db.indicatorTarget.findFirst({ where: { id: input.id, region: regionScope(actor) }, select: { id: true } });
    if (!row) throw notFound("规划指标");
    await db.indicatorTarget.delete({ where: { id: row.id } });
    return { id: row.id };
  },
});

/**
 * The targets in the actor's region subtree (one region's when a code is given), with the regions
 * (cities and counties) a plan is usually set for — the admin page's picker.
 */
export const listTargets = defineUseCase({
  name: "stats.target.list",
  permission: "stats.read",
  write: false,
  input: ListTargetsInput,
  async run({ db, actor, input }) {
    const [rows, regions] = await Promise.all([
      db.indicatorTarget.findMany({
        where: { region: { AND: [regionScope(actor), input.regionCode ? { code: input.regionCode } : {}] }, ...(input.year ? { year: input.year } : {}) },
        select: { id: true, indicatorId: true, year: true, target: true, source: true, updatedAt: true, region: { select: { code: true, name: true, path: true } } },
        orderBy: [{ region: { path: "asc" } }, { year: "asc" }, { indicatorId: "asc" }],
      }),
      db.region.findMany({
        where: { AND: [regionScope(actor), { level: { in: ["CITY", "COUNTY"] } }] },
        select: { code: true, name: true, level: true },
        orderBy: { code: "asc" },
      }),
    ]);
    return {
      targets: rows.map((r) => {
        const s = targetSubject(r.indicatorId);
        return {
          id: r.id,
          indicatorId: r.indicatorId,
          // a target on an indicator since removed from the registry stays listed, so it can be deleted
          name: s?.name ?? r.indicatorId,
          unit: s?.unit ?? "",
          regionCode: r.region.code,
          regionName: r.region.name,
          year: r.year,
          target: r.target.toNumber(),
          source: r.source,
          updatedAt: r.updatedAt,
        };
      }),
      regions,
    };
  },
});

// ── entered figures ──

/** Enters (or corrects) a figure for a region and period; one value per figure, region and period. */
export const enterFigure = defineUseCase({
  name: "stats.figure.enter",
  permission: "stats.targets",
  write: true,
  input: EnterFigureInput,
  async run({ db, actor, input }) {
    const region = await writableRegion(db, actor, input.regionCode);
    const key = { key: input.key, regionId: region.id, periodStart: toDbDate(input.periodStart), periodEnd: toDbDate(input.periodEnd) };
    const existing = await db.manualFigure.findUnique({ where: { key_regionId_periodStart_periodEnd: key }, select: { id: true } });
    // a correction is a new entry by whoever made it, now
    const data = { value: input.value, source: input.source, enteredById: actor.userId, enteredAt: new Date() };
    const saved = await db.manualFigure.upsert({
      where: { key_regionId_periodStart_periodEnd: key },
      create: { ...key, ...data },
      update: data,
      select: { id: true },
    });
    return { id: saved.id, replaced: !!existing };
  },
  target: (_i, r) => ({ type: "ManualFigure", id: r.id }),
});

export const deleteFigure = defineUseCase({
  name: "stats.figure.delete",
  permission: "stats.targets",
  write: true,
  input: z.object({ id: idParam("填报编号") }),
  target: (i) => ({ type: "ManualFigure", id: i.id }),
  async run({ db, actor, input }) {
    const row = await db.manualFigure.findFirst({ where: { id: input.id, region: regionScope(actor) }, select: { id: true } });
    if (!row) throw notFound("填报数据");
    await db.manualFigure.delete({ where: { id: row.id } });
    return { id: row.id };
  },
});

/** Entered figures in the actor's subtree; `year` keeps those whose period ends in that year. */
export const listFigures = defineUseCase({
  name: "stats.figure.list",
  permission: "stats.read",
  write: false,
  input: ListTargetsInput,
  async run({ db, actor, input }) {
    const rows = await db.manualFigure.findMany({
      where: {
        region: { AND: [regionScope(actor), input.regionCode ? { code: input.regionCode } : {}] },
        ...(input.year ? { periodEnd: yearBounds(input.year) } : {}),
      },
      select: {
        id: true, key: true, periodStart: true, periodEnd: true, value: true, source: true, enteredAt: true,
        region: { select: { code: true, name: true, path: true } },
      },
      orderBy: [{ region: { path: "asc" } }, { key: "asc" }, { periodEnd: "desc" }],
    });
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      name: manualFigureByKey(r.key)?.name ?? r.key,
      unit: manualFigureByKey(r.key)?.unit ?? "",
      regionCode: r.region.code,
      regionName: r.region.name,
      periodStart: fromDbDate(r.periodStart),
      periodEnd: fromDbDate(r.periodEnd),
      value: r.value.toNumber(),
      source: r.source,
      enteredAt: r.enteredAt,
    }));
  },
});

// ── progress ──

export type TargetProgressItem = {
  targetId: number;
  indicatorId: string;
  kind: "indicator" | "figure";
  name: string;
  unit: string;
  target: number;
  /** null: not counted yet (a future year), nothing to divide by, or no figure entered */
  actual: number | null;
  /** actual ÷ target; null when the target is 0 or the actual unknown */
  progress: number | null;
  higherIsBetter: boolean;
  /** target reached (for "lower is better": not exceeded); null when the actual is unknown */
  met: boolean | null;
  /** the plan or document the target comes from */
  targetSource: string | null;
  /** where the actual comes from: the records' period, or the entered figure's source and period */
  actualSource: string | null;
};

/**
 * Each target of a region and year against its actual. A registry indicator is evaluated over the
 * records of the whole year (1 January to 31 December, or to today in the current year) exactly as
 * the dashboards evaluate it; an entered figure is the one of that region whose period ends latest
 * in the year. Figures are not summed over lower regions: per-resident and per-village figures
 * cannot be added up, so each region enters its own.
 */
export const targetProgress = defineUseCase({
  name: "stats.target.progress",
  permission: "stats.read",
  write: false,
  input: TargetProgressInput,
  async run({ db, actor, input }) {
    const region = await resolveStatsRegion(db, actor, input.regionCode);
    const today = shanghaiDate(new Date());
    const from: IsoDate = `${input.year}-01-01`;
    const to: IsoDate | null = from > today ? null : `${input.year}-12-31` < today ? `${input.year}-12-31` : today;

    const targets = await db.indicatorTarget.findMany({
      where: { regionId: region.id, year: input.year },
      select: { id: true, indicatorId: true, target: true, source: true },
      orderBy: { indicatorId: "asc" },
    });
    const subjects = targets.map((t) => ({ row: t, subject: targetSubject(t.indicatorId) }));
    const needsRecount = !!to && subjects.some((s) => s.subject?.kind === "indicator");
    const counts = needsRecount && to ? await countsFor(db, { regionPath: region.path, level: region.level, from, to }) : null;
    const figureKeys = subjects.filter((s) => s.subject?.kind === "figure").map((s) => s.row.indicatorId);
    const figures = figureKeys.length
      ? await db.manualFigure.findMany({
          where: { regionId: region.id, key: { in: figureKeys }, periodEnd: yearBounds(input.year) },
          select: { key: true, periodStart: true, periodEnd: true, value: true, source: true },
          // the latest period first; for the same period the row is unique, so no further order is needed
          orderBy: [{ periodEnd: "desc" }, { periodStart: "asc" }],
        })
      : [];

    const items: TargetProgressItem[] = subjects.map(({ row, subject }) => {
      const target = row.target.toNumber();
      let actual: number | null = null;
      let actualSource: string | null = null;
      if (subject?.kind === "indicator" && counts && to) {
        actual = evaluate(subject.indicator, counts).value;
        actualSource = `系统统计（${from} 至 ${to}）`;
      } else if (subject?.kind === "figure") {
        const f = figures.find((x) => x.key === subject.id);
        if (f) {
          actual = f.value.toNumber();
          actualSource = `${f.source}（${fromDbDate(f.periodStart)} 至 ${fromDbDate(f.periodEnd)}）`;
        }
      }
      const higherIsBetter = subject?.higherIsBetter ?? true;
      return {
        targetId: row.id,
        indicatorId: row.indicatorId,
        kind: subject?.kind ?? "indicator",
        name: subject?.name ?? row.indicatorId,
        unit: subject?.unit ?? "",
        target,
        actual,
        progress: actual === null || target === 0 ? null : actual / target,
        higherIsBetter,
        met: actual === null ? null : higherIsBetter ? actual >= target : actual <= target,
        targetSource: row.source,
        actualSource,
      };
    });
    return { region: { code: region.code, name: region.name }, year: input.year, from, to, items };
  },
});
