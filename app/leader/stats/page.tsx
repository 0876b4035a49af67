import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { getIndicators } from "@/lib/stats/indicators";
import { indicatorRanking, indicatorTrend, type RankingRow } from "@/lib/stats/dashboard";
import { dashboardPeriod, PERIOD_LABELS, trendPeriod } from "@/lib/stats/period-preset";
import { indicatorById, type Indicator } from "@/lib/stats/registry";
import { REGION_LEVEL_LABELS, TIER_LABELS } from "@/lib/network/rules";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Chart } from "@/components/stats/chart";
import { IndicatorCards } from "@/components/stats/indicator-cards";
import { RankingTable, TrendTable } from "@/components/stats/tables";
import { RegionBreadcrumbs } from "@/components/stats/breadcrumbs";
import { StatsFilter } from "@/components/stats/stats-filter";
import { ExportLinks } from "@/components/stats/export-links";
import { TargetProgress } from "@/components/stats/target-progress";
import { rankingSummary, trendSummary } from "@/components/stats/summary";
import { param, statsHref } from "@/components/stats/href";
import { OrganizationTier, WorkOrderChannel, WorkOrderType } from "@/lib/generated/prisma/enums";
import { BreakdownTables } from "@/components/stats/breakdown-tables";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "指标驾驶舱" };

/** The indicator the trend and the ranking show until the reader picks another. */
const DEFAULT_INDICATOR = "workOrders.accepted";

type Search = Record<"code" | "period" | "from" | "to" | "indicator" | "tier" | "channel" | "type" | "org", string | string[] | undefined>;

/** A filter value the schema knows, else none (a hand-edited URL shows everything rather than an error page). */
const oneOf = <T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined => (v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined);

// chart points to two decimals: the table beside the chart carries the exact, formatted figure
const chartValue = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/**
 * Leaders' indicators for their region and below (issue 7): overview cards of every registry
 * indicator, one indicator month by month, and the child regions ranked by it with drill-down.
 * Read on the server; the charts are small client islands with a data table beside each.
 */
export default async function LeaderStatsPage({ searchParams }: { searchParams: Promise<Partial<Search>> }) {
  const sp = await searchParams;
  const code = param(sp.code);
  const typed = { from: param(sp.from), to: param(sp.to) };
  const period = dashboardPeriod({ period: param(sp.period), ...typed }, shanghaiDate(new Date()));
  const indicator: Indicator = indicatorById(param(sp.indicator) ?? "") ?? indicatorById(DEFAULT_INDICATOR)!;
  const filters = {
    tier: oneOf(param(sp.tier), Object.values(OrganizationTier)),
    channel: oneOf(param(sp.channel), Object.values(WorkOrderChannel)),
    type: oneOf(param(sp.type), Object.values(WorkOrderType)),
  };
  // a service point id as typed; the use case refuses one that is not a positive number or not in the region
  const org = /^\d{1,9}$/.test(param(sp.org) ?? "") ? Number(param(sp.org)) : undefined;
  const trendRange = trendPeriod(period);
  const link = (over: { code?: string; org?: number }) => statsHref("/leader/stats", { code, period, indicator: indicator.id, ...filters, ...over });
  const returnTo = link({ org });

  const [overview, trend, ranking] = await Promise.all([
    loadPage(getIndicators, { region: code, ...filters, org, from: period.from, to: period.to }, returnTo),
    loadPage(indicatorTrend, { region: code, ...filters, org, indicatorId: indicator.id, from: trendRange.from, to: trendRange.to }, returnTo),
    loadPage(indicatorRanking, { region: code, ...filters, indicatorId: indicator.id, from: period.from, to: period.to }, returnTo),
  ]);
  const region = ranking.region;
  const organization = overview.organization;
  /** whose figures the page shows: the region, or one service point in it */
  const subject = organization?.name ?? region.name;
  const childLabel = ranking.servicePoints ? "服务网点" : ranking.childLevel ? REGION_LEVEL_LABELS[ranking.childLevel] : "下级区划";
  const drill = (r: RankingRow) =>
    r.organizationId ? link({ code: region.code, org: r.organizationId }) : r.level === "COUNTY" || r.level === "TOWNSHIP" ? link({ code: r.code }) : null;
  const periodText = `${period.from} 至 ${period.to}`;
  const wrongDates = !!(period.errors.from || period.errors.to);
  const trendText = `${trend.points[0]?.month ?? trendRange.from.slice(0, 7)} 至 ${trend.points.at(-1)?.month ?? trendRange.to.slice(0, 7)}`;

  return (
    <div className="space-y-8">
      <div>
        <RegionBreadcrumbs trail={ranking.trail} href={(c) => link({ code: c })} current={organization ? { name: organization.name } : undefined} />
        <PageHeader
          title={`${subject}公共法律服务指标`}
          description={`${organization ? TIER_LABELS[organization.tier] : REGION_LEVEL_LABELS[region.level]} · 统计期 ${periodText}（${PERIOD_LABELS[wrongDates ? "year" : period.kind]}）`}
          actions={
            <>
              <Link href={statsHref("/leader/stats/wall", { code: region.code, period, indicator: indicator.id })} className={buttonClassName({ variant: "secondary" })}>大屏</Link>
              <Link href={`/leader?code=${region.code}`} className={buttonClassName({ variant: "ghost" })}>网络概况</Link>
            </>
          }
        />
      </div>

      <StatsFilter period={period} values={{ code, org, ...typed, indicator: indicator.id, ...filters }} />
      {wrongDates ? (
        <p className="rounded-md border border-danger bg-danger-soft p-3 text-danger">日期填写有误（见上方筛选），下面显示的是本年数据。</p>
      ) : null}
      <ExportLinks view={{ code: region.code, from: period.from, to: period.to, ...filters, org: organization?.id }} />

      <section aria-labelledby="overview">
        <h2 id="overview" className="text-2xl font-bold">指标概览</h2>
        <p className="mt-1 text-slate-600">统计期 {periodText}；“—”表示分母为零、无法计算。</p>
        <div className="mt-4">
          <IndicatorCards figures={overview.indicators} headingLevel={3} />
        </div>
      </section>

      <section aria-labelledby="breakdowns" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="breakdowns" className="text-2xl font-bold">分类统计</h2>
        <p className="mt-1 text-slate-600">统计期内受理的工单、法律援助申请和调解案件，按类别分列（按登记时间）。</p>
        <BreakdownTables breakdowns={overview.breakdowns} subject={subject} />
      </section>

      <section aria-labelledby="trend" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="trend" className="text-2xl font-bold">{indicator.name}月度趋势</h2>
        {!trendRange.same ? (
          <p className="mt-1 text-slate-600">
            {trendRange.months === 12 ? "所选时间不足两个月，趋势显示截至统计期末的近 12 个月。" : `趋势最长显示 ${trendRange.months} 个月（截至统计期末）。`}
          </p>
        ) : null}
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          <Chart
            kind="line"
            label={trendSummary(indicator, trend.points.map((p) => ({ label: p.month, value: p.value })))}
            categories={trend.points.map((p) => p.month)}
            values={trend.points.map((p) => chartValue(p.value))}
            seriesName={indicator.name}
            unit={indicator.unit}
          />
          <div {...SCROLL_REGION} className="overflow-x-auto">
            <TrendTable indicator={indicator} points={trend.points} caption={`${subject}${indicator.name}（${trendText}，按月）`} />
          </div>
        </div>
      </section>

      <section aria-labelledby="ranking" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ranking" className="text-2xl font-bold">各{childLabel}{indicator.name}排名</h2>
        {ranking.rows.length ? (
          <>
            <p className="mt-1 text-slate-600">
              统计期 {periodText}；{ranking.order === "asc" ? "数值越小越靠前" : "数值越大越靠前"}，无法计算的排在最后。
              {ranking.rows.some((r) => drill(r)) ? `点击${childLabel}名称查看其指标。` : null}
            </p>
            <div className="mt-4 grid gap-6 lg:grid-cols-2">
              <Chart
                kind="bar"
                label={rankingSummary(indicator, childLabel, ranking.rows.map((r) => ({ label: r.name, value: r.value })))}
                categories={ranking.rows.map((r) => r.name)}
                values={ranking.rows.map((r) => chartValue(r.value))}
                seriesName={indicator.name}
                unit={indicator.unit}
              />
              <div {...SCROLL_REGION} className="overflow-x-auto">
                <RankingTable
                  indicator={indicator}
                  rows={ranking.rows}
                  caption={`${region.name}各${childLabel}${indicator.name}（${periodText}）`}
                  levelLabel={childLabel}
                  href={drill}
                />
              </div>
            </div>
          </>
        ) : (
          <p className="mt-2 text-slate-600">{region.name}没有下级区划可供排名。</p>
        )}
      </section>

      {/* the plan's targets for the year the period ends in, against the same records */}
      <TargetProgress regionCode={region.code} year={Number(period.to.slice(0, 4))} headingAs="h2" returnTo={returnTo} />
    </div>
  );
}
