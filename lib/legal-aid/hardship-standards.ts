import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import type { Tx } from "@/lib/db";
import { regionScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { idParam, requiredText } from "@/lib/validation";
import { shanghaiDate } from "@/lib/calendar/working-days";
import type { HardshipStandardInfo } from "@/lib/legal-aid/eligibility";

// 经济困难标准 (Art. 34): set by provinces and often refined per city or county, adjusted over time.
// So it is data — per region, with the date it takes effect — never a constant in code. A region
// without its own standard uses its nearest ancestor's.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const today = () => shanghaiDate(new Date());

const regionCode = z
  .string({ error: "请填写区划代码" })
  .trim()
  .regex(/^\d{12}$/, "区划代码应为 12 位数字");

const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .pipe(z.string().regex(ISO_DATE, `${label}格式应为 年-月-日，如 2026-01-01`))
    .pipe(z.string().refine((s) => !Number.isNaN(toDate(s).getTime()) && isoOf(toDate(s)) === s, `${label}不是有效的日期`));

/**
 * The standard in force on `onDate` (YYYY-MM-DD) for a region: the newest one already effective on
 * the region itself or, failing that, on its nearest ancestor (the codes of its materialized path,
 * deepest first). Null when the region is unknown or no standard applies.
 */
export async function standardFor(db: Tx, code: string, onDate: string): Promise<HardshipStandardInfo | null> {
  const region = await db.region.findUnique({ where: { code }, select: { path: true } });
  if (!region) return null;
  const chain = region.path.split("/").filter(Boolean);
  const rows = await db.hardshipStandard.findMany({
    where: { region: { code: { in: chain } }, effectiveFrom: { lte: toDate(onDate) } },
    select: { monthlyIncomePerCapita: true, effectiveFrom: true, basis: true, region: { select: { code: true, name: true } } },
    orderBy: { effectiveFrom: "desc" },
  });
  if (!rows.length) return null;
  const depth = (c: string) => chain.indexOf(c);
  // Deepest region first; within one region the newest (rows are already newest first, sort is stable).
  const best = [...rows].sort((a, b) => depth(b.region.code) - depth(a.region.code))[0];
  return { amount: best.monthlyIncomePerCapita, regionName: best.region.name, effectiveFrom: isoOf(best.effectiveFrom), basis: best.basis };
}

export const GetHardshipStandardInput = z.object({ regionCode });

/** Public: the standard in force today for the applicant's region (the self-check's income question). */
export const getHardshipStandard = defineUseCase({
  name: "legalAid.hardshipStandard.get",
  permission: "legalAid.eligibility",
  write: false,
  input: GetHardshipStandardInput,
  run: ({ db, input }) => standardFor(db, input.regionCode, today()),
});

/** Admin: the standards of the regions in the actor's scope, with the one in force today marked. */
export const listHardshipStandards = defineUseCase({
  name: "legalAid.hardshipStandard.list",
  permission: "legalAid.standards",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const [rows, regions] = await Promise.all([
      db.hardshipStandard.findMany({
        where: { region: regionScope(actor) },
        select: {
          id: true,
          effectiveFrom: true,
          monthlyIncomePerCapita: true,
          basis: true,
          region: { select: { code: true, name: true, level: true, path: true } },
        },
        orderBy: [{ region: { path: "asc" } }, { effectiveFrom: "desc" }],
      }),
      // The regions a standard is usually set on, for the form's suggestions.
      db.region.findMany({
        where: { AND: [regionScope(actor), { level: { in: ["CITY", "COUNTY"] } }] },
        select: { code: true, name: true, level: true },
        orderBy: { code: "asc" },
      }),
    ]);
    const now = today();
    const inForce = new Set<number>();
    const seen = new Set<string>();
    for (const r of rows) {
      if (isoOf(r.effectiveFrom) <= now && !seen.has(r.region.code)) {
        seen.add(r.region.code);
        inForce.add(r.id);
      }
    }
    return {
      standards: rows.map((r) => ({
        id: r.id,
        regionCode: r.region.code,
        regionName: r.region.name,
        regionLevel: r.region.level,
        effectiveFrom: isoOf(r.effectiveFrom),
        amount: r.monthlyIncomePerCapita,
        basis: r.basis,
        status: inForce.has(r.id) ? ("IN_FORCE" as const) : isoOf(r.effectiveFrom) > now ? ("FUTURE" as const) : ("SUPERSEDED" as const),
      })),
      regions,
    };
  },
});

export const SetHardshipStandardInput = z.object({
  regionCode,
  effectiveFrom: isoDate("生效日期"),
  monthlyIncomePerCapita: z.coerce
    .number({ error: "请填写每人每月收入标准（元）" })
    .int("收入标准请填写整数（元）")
    .min(1, "收入标准必须大于 0 元")
    .max(100_000, "收入标准不能超过 100000 元"),
  basis: requiredText(200, "依据文件"),
});

/** Adds a standard, or replaces the one of the same region and date (upsert). */
export const setHardshipStandard = defineUseCase({
  name: "legalAid.hardshipStandard.set",
  permission: "legalAid.standards",
  write: true,
  input: SetHardshipStandardInput,
  async run({ db, actor, input }) {
    const region = await db.region.findFirst({ where: { AND: [{ code: input.regionCode }, regionScope(actor)] }, select: { id: true } });
    if (!region) throw ruleViolation("区划代码不存在或不在您的管理范围内", "regionCode");
    const key = { regionId: region.id, effectiveFrom: toDate(input.effectiveFrom) };
    const existing = await db.hardshipStandard.findUnique({ where: { regionId_effectiveFrom: key }, select: { id: true } });
    const data = { monthlyIncomePerCapita: input.monthlyIncomePerCapita, basis: input.basis };
    const saved = await db.hardshipStandard.upsert({ where: { regionId_effectiveFrom: key }, create: { ...key, ...data }, update: data, select: { id: true } });
    return { id: saved.id, replaced: !!existing };
  },
  target: (_i, r) => ({ type: "HardshipStandard", id: r.id }),
});

export const RemoveHardshipStandardInput = z.object({ id: idParam("标准编号") });

export const removeHardshipStandard = defineUseCase({
  name: "legalAid.hardshipStandard.remove",
  permission: "legalAid.standards",
  write: true,
  input: RemoveHardshipStandardInput,
  target: (i) => ({ type: "HardshipStandard", id: i.id }),
  async run({ db, actor, input }) {
    const row = await db.hardshipStandard.findFirst({ where: { id: input.id, region: regionScope(actor) }, select: { id: true } });
    if (!row) throw notFound("经济困难标准");
    await db.hardshipStandard.delete({ where: { id: row.id } });
    return { id: row.id };
  },
});
