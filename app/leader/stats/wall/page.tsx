import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { getIndicators } from "@/lib/stats/indicators";
import { indicatorTrend } from "@/lib/stats/dashboard";
import { dashboardPeriod, PERIOD_LABELS, trendPeriod } from "@/lib/stats/period-preset";
import { indicatorById, type Indicator } from "@/lib/stats/registry";
import { Chart } from "@/components/stats/chart";
import { AutoRefresh } from "@/components/stats/auto-refresh";
import { countsText, figureText } from "@/components/stats/indicator-cards";
import { TrendTable } from "@/components/stats/tables";
import { trendSummary } from "@/components/stats/summary";
import { param, statsHref } from "@/components/stats/href";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "指挥大屏" };

/** The figures a command centre keeps in view; the full set stays on the dashboard. */
const WALL_INDICATORS = [
  "workOrders.accepted",
  "workOrders.onTimeRate",
  "workOrders.satisfactionRate",
  "network.roomCoverage",
  "legalAid.approved",
  "legalAid.aidRate",
  "mediation.accepted",
  "mediation.successRate",
];
const DEFAULT_INDICATOR = "workOrders.accepted";

// The wall has no site header or footer (out of the tab order too, unlike an overlay would be) and
// uses the whole screen; scoped to this page by the marker attribute.
const WALL_CSS = `
body:has([data-stats-wall]) > header, body:has([data-stats-wall]) > footer, body:has([data-stats-wall]) > a[href="#main"] { display: none; }
body:has([data-stats-wall]) { background: #020617; }
body:has([data-stats-wall]) > main { max-width: none; padding: 0; }
`;

type Search = Record<"code" | "period" | "from" | "to" | "indicator", string | string[] | undefined>;

/**
 * 大屏: the key figures and one trend for a command-centre screen — dark, high contrast, large
 * text, re-read every 60 seconds (with a pause button). Same use cases and scope as the dashboard.
 */
export default async function StatsWallPage({ searchParams }: { searchParams: Promise<Partial<Search>> }) {
  const sp = await searchParams;
  const code = param(sp.code);
  // wrong dates fall back to 本年: a wall has no one to read a form error
  const period = dashboardPeriod({ period: param(sp.period), from: param(sp.from), to: param(sp.to) }, shanghaiDate(new Date()));
  const indicator: Indicator = indicatorById(param(sp.indicator) ?? "") ?? indicatorById(DEFAULT_INDICATOR)!;
  const trendRange = trendPeriod(period);
  const returnTo = statsHref("/leader/stats/wall", { code, period, indicator: param(sp.indicator) });

  const [overview, trend] = await Promise.all([
    loadPage(getIndicators, { region: code, from: period.from, to: period.to }, returnTo),
    loadPage(indicatorTrend, { region: code, indicatorId: indicator.id, from: trendRange.from, to: trendRange.to }, returnTo),
  ]);
  const cards = WALL_INDICATORS.map((id) => overview.indicators.find((f) => f.id === id)).filter((f) => f !== undefined);
  const updatedAt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "medium" }).format(new Date());
  const trendText = `${trend.points[0]?.month ?? ""} 至 ${trend.points.at(-1)?.month ?? ""}`;
  const link = "text-sky-300 hover:text-sky-200 focus-visible:outline-sky-300";

  return (
    <div data-stats-wall className="min-h-dvh bg-slate-950 px-6 py-6 text-slate-50 lg:px-10">
      <style href="stats-wall" precedence="default">{WALL_CSS}</style>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-4xl font-bold lg:text-5xl">{overview.region.name}公共法律服务指挥大屏</h1>
          <p className="mt-2 text-xl text-slate-300">
            统计期 {period.from} 至 {period.to}（{PERIOD_LABELS[period.kind]}）
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-6">
          <AutoRefresh updatedAt={updatedAt} />
          <Link href={statsHref("/leader/stats", { code: overview.region.code, period, indicator: param(sp.indicator) })} className={`inline-flex min-h-11 items-center text-xl ${link}`}>
            退出大屏
          </Link>
        </div>
      </div>

      <section aria-labelledby="wall-key" className="mt-8">
        <h2 id="wall-key" className="text-2xl font-bold text-slate-200">主要指标</h2>
        <ul className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {cards.map((f) => {
            const counts = countsText(f);
            return (
              <li key={f.id} className="rounded-xl border-2 border-slate-600 bg-slate-900 p-5">
                <p className="text-2xl text-slate-200">{f.name}</p>
                <p className="mt-2 text-5xl font-bold tabular-nums text-white">{figureText(f)}</p>
                {counts ? <p className="mt-2 text-xl tabular-nums text-slate-300">{counts}</p> : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="wall-trend" className="mt-10">
        <h2 id="wall-trend" className="text-2xl font-bold text-slate-200">{indicator.name}月度趋势（{trendText}）</h2>
        <div className="mt-4 grid gap-8 xl:grid-cols-[2fr_1fr]">
          <Chart
            kind="line"
            dark
            label={trendSummary(indicator, trend.points.map((p) => ({ label: p.month, value: p.value })))}
            categories={trend.points.map((p) => p.month)}
            values={trend.points.map((p) => (p.value === null ? null : Math.round(p.value * 100) / 100))}
            seriesName={indicator.name}
            unit={indicator.unit}
          />
          <div {...SCROLL_REGION} className="overflow-x-auto">
            <TrendTable dark indicator={indicator} points={trend.points} caption={`${overview.region.name}${indicator.name}（按月）`} />
          </div>
        </div>
      </section>
    </div>
  );
}
