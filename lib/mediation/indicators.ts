import type { MediationCategory, MediationSource } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { addDays, startOfShanghaiDay } from "@/lib/calendar/working-days";
import { MEDIATION_CATEGORY_LABELS, MEDIATION_SOURCE_LABELS } from "@/lib/mediation/labels";
import { PeriodInput, share, type Share } from "@/lib/stats/period";

// 人民调解 indicators (DOMAIN.md §7) for the leaders' dashboards (issue 7) and exports: every
// figure is counted in SQL from the case records, scoped to the actor's region, over a period of
// Shanghai calendar days. The definitions below are the ones shown next to the figures.

export const MEDIATION_INDICATOR_DEFINITION = [
  "受理数 = 统计期内登记的人民调解案件数（按登记时间，北京时间日期），含对方当事人拒绝调解的案件；其中对方拒绝调解（不予调解，人民调解法第十七条）的另列。",
  "调结数 = 统计期内结束调解的案件数（按结束时间）：调解成功、调解不成和当事人撤回终止的合计；对方拒绝调解的未经调解，不计入。",
  "调解成功率 = 统计期内调解成功的案件数 ÷ 统计期内调结数。",
  "司法确认数 = 统计期内调解成功的案件中，人民法院确认调解协议有效的件数。",
  "协议履行率 = 统计期内调解成功的案件中，履行回访登记为「已履行」的件数 ÷ 统计期内调解成功的案件数；尚未回访的计入分母。",
  "重大纠纷数按受理口径统计；防止民转刑数 = 统计期内调结的案件中登记为防止民转刑的件数。",
  "按纠纷类型、案件来源分列的受理数、调结数、成功数口径同上。案件按纠纷发生地所属地区统计。",
].join("\n");

/** The period (lib/stats/period.ts). */
export const MediationIndicatorsInput = PeriodInput;
export type MediationIndicatorsInput = PeriodInput;


export type GroupFigures = { accepted: number; concluded: number; successful: number; successRate: Share };

/** A leader's region subtree; an admin's region or everything; anyone else nothing (fail closed). */
function regionPrefix(actor: Actor): string | null {
  if (actor.role === "LEADER") return actor.regionPath ?? null;
  if (actor.role === "ADMIN") return actor.regionPath ?? "";
  return null;
}

const sqlTime = (d: Date) => d.toISOString();

type Row = {
  dim: string;
  key: string;
  accepted: bigint;
  refused: bigint;
  major: bigint;
  concluded: bigint;
  successful: bigint;
  confirmed: bigint;
  performed: bigint;
  checked: bigint;
  prevented: bigint;
};

// One pass over the scoped cases, grouped three ways (all, category, source) with GROUPING SETS.
async function figures(db: Tx, prefix: string, start: Date, end: Date) {
  return db.$queryRaw<Row[]>`
    WITH scoped AS (
      SELECT m.*, w."createdAt" AS "registeredAt",
        (w."createdAt" >= ${sqlTime(start)}::timestamp AND w."createdAt" < ${sqlTime(end)}::timestamp) AS registered,
        (m."endedAt" >= ${sqlTime(start)}::timestamp AND m."endedAt" < ${sqlTime(end)}::timestamp
          AND m."status" IN ('SUCCEEDED', 'FAILED', 'WITHDRAWN')) AS concluded
      FROM "MediationCase" m
      JOIN "WorkOrder" w ON w."id" = m."workOrderId"
      JOIN "Region" r ON r."id" = w."regionId"
      WHERE starts_with(r."path", ${prefix})
    )
    SELECT
      CASE WHEN GROUPING("category") = 0 THEN 'category' WHEN GROUPING("source") = 0 THEN 'source' ELSE 'all' END AS dim,
      coalesce("category"::text, "source"::text, '') AS key,
      count(*) FILTER (WHERE registered) AS accepted,
      count(*) FILTER (WHERE registered AND "status" = 'REFUSED') AS refused,
      count(*) FILTER (WHERE registered AND "major") AS major,
      count(*) FILTER (WHERE concluded) AS concluded,
      count(*) FILTER (WHERE concluded AND "status" = 'SUCCEEDED') AS successful,
      count(*) FILTER (WHERE concluded AND "status" = 'SUCCEEDED' AND "confirmationGranted") AS confirmed,
      count(*) FILTER (WHERE concluded AND "status" = 'SUCCEEDED' AND "performance" = 'PERFORMED') AS performed,
      count(*) FILTER (WHERE concluded AND "status" = 'SUCCEEDED' AND "performance" IS NOT NULL) AS checked,
      count(*) FILTER (WHERE concluded AND "crimePrevented") AS prevented
    FROM scoped
    WHERE registered OR concluded
    GROUP BY GROUPING SETS ((), ("category"), ("source"))`;
}

const group = (r: Row | undefined): GroupFigures => {
  const concluded = Number(r?.concluded ?? 0);
  const successful = Number(r?.successful ?? 0);
  return { accepted: Number(r?.accepted ?? 0), concluded, successful, successRate: share(successful, concluded) };
};

/**
 * 人民调解指标: the bureau's leaders (their region) and admins. See MEDIATION_INDICATOR_DEFINITION
 * for what each figure counts.
 */
export const mediationIndicators = defineUseCase({
  name: "mediation.indicators",
  permission: "mediation.indicators",
  write: false,
  input: MediationIndicatorsInput,
  async run({ db, actor, input }) {
    const start = startOfShanghaiDay(input.from);
    const end = startOfShanghaiDay(addDays(input.to, 1));
    const prefix = regionPrefix(actor);
    const rows = prefix === null ? [] : await figures(db, prefix, start, end);
    const all = rows.find((r) => r.dim === "all");
    const n = (v: bigint | undefined) => Number(v ?? 0);

    const byCategory = (Object.keys(MEDIATION_CATEGORY_LABELS) as MediationCategory[]).map((key) => ({
      key, label: MEDIATION_CATEGORY_LABELS[key], ...group(rows.find((r) => r.dim === "category" && r.key === key)),
    }));
    const bySource = (Object.keys(MEDIATION_SOURCE_LABELS) as MediationSource[]).map((key) => ({
      key, label: MEDIATION_SOURCE_LABELS[key], ...group(rows.find((r) => r.dim === "source" && r.key === key)),
    }));
    const totals = group(all);
    return {
      period: { from: input.from, to: input.to },
      /** 受理: every case registered in the period, refused ones included */
      accepted: totals.accepted,
      /** of those, the other party refused mediation (Art. 17) */
      refused: n(all?.refused),
      concluded: totals.concluded,
      successful: totals.successful,
      successRate: totals.successRate,
      byCategory,
      bySource,
      courtConfirmed: n(all?.confirmed),
      performed: n(all?.performed),
      /** agreements with a 履行回访 recorded (any result) */
      performanceChecked: n(all?.checked),
      performanceRate: share(n(all?.performed), totals.successful),
      major: n(all?.major),
      crimePrevented: n(all?.prevented),
      definition: MEDIATION_INDICATOR_DEFINITION,
    };
  },
});
