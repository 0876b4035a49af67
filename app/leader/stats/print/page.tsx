import type { Metadata } from "next";
import { loadPage } from "@/lib/api/page";
import { getIndicators } from "@/lib/stats/indicators";
import { formatIndicator, GROUP_LABELS, indicatorById } from "@/lib/stats/registry";
import { filtersText, periodLabel, previousMonth, reportKind, reportSubject } from "@/lib/stats/export";
import { shanghaiDate, addDays, type IsoDate } from "@/lib/calendar/working-days";
import { formatCount } from "@/components/figures/format";
import { BackLink } from "@/components/ui/back-link";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { PrintButton } from "@/components/documents/print-button";
import { ExportLinks } from "@/components/stats/export-links";
import { BreakdownTables } from "@/components/stats/breakdown-tables";

export const metadata: Metadata = { title: "公共法律服务月报（打印）" };

type Search = { code?: string; from?: string; to?: string; month?: string; tier?: string; channel?: string; type?: string; org?: string };

const ORDINALS = "一二三四五六七八九十";

/** `?month=2026-11` → that month's first and last day; invalid or missing → null. */
function monthPeriod(month: string | undefined): { from: IsoDate; to: IsoDate } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month ?? "");
  if (!m) return null;
  const next = m[2] === "12" ? `${Number(m[1]) + 1}-01-01` : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, "0")}-01`;
  return { from: `${m[1]}-${m[2]}-01` as IsoDate, to: addDays(next as IsoDate, -1) };
}

/**
 * The monthly report as one printable A4 page set: the indicators of a region and period grouped
 * like the dashboard, the definitions as numbered notes (paper has no hover). Without a period it
 * is last month's report, the one a bureau files at the start of a month.
 */
export default async function StatsPrintPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const period = sp.from || sp.to ? { from: sp.from, to: sp.to } : (monthPeriod(sp.month) ?? previousMonth());
  const returnTo = `/leader/stats/print?${new URLSearchParams(Object.entries(sp).filter(([, v]) => typeof v === "string") as [string, string][])}`;
  const filters = { tier: sp.tier, channel: sp.channel, type: sp.type, org: sp.org };
  const r = await loadPage(getIndicators, { region: sp.code, ...filters, ...period }, returnTo);

  const view = {
    code: r.region.code, from: r.from, to: r.to,
    tier: r.filters.tier ?? undefined, channel: r.filters.channel ?? undefined, type: r.filters.type ?? undefined, org: r.organization?.id,
  };
  const dashboard = `/leader/stats?${new URLSearchParams({ code: r.region.code, period: "custom", from: r.from, to: r.to })}`;
  const label = periodLabel(r.from, r.to);
  const title = `${reportSubject(r)}公共法律服务${reportKind(r.from, r.to)}（${label}）`;
  const narrowed = filtersText(r);
  const notes = r.indicators.map((f, i) => ({ ...f, note: i + 1 }));
  const groups = Object.values(GROUP_LABELS)
    .map((group) => ({ group, rows: notes.filter((f) => f.group === group) }))
    .filter((g) => g.rows.length);

  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <BackLink href={dashboard}>返回指标驾驶舱</BackLink>
        <div className="flex flex-wrap items-center gap-2">
          <ExportLinks view={view} showPrint={false} />
          <PrintButton />
        </div>
      </div>
      <form method="get" className="no-print flex flex-wrap items-end gap-2" aria-label="选择月份">
        <input type="hidden" name="code" value={r.region.code} />
        {Object.entries(filters).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <label className="block w-44">
          <span className="mb-1 block font-medium">月份</span>
          <Input type="month" name="month" defaultValue={r.from.slice(0, 7)} pattern="\d{4}-\d{2}" placeholder="2026-11" />
        </label>
        <Button type="submit" variant="secondary">查看该月月报</Button>
      </form>

      <article
        aria-labelledby="report-title"
        className="stats-report mx-auto w-full max-w-[210mm] bg-white px-6 py-8 text-black shadow-md sm:px-[15mm] sm:py-[15mm] print:max-w-none print:p-0 print:shadow-none"
      >
        <header className="border-b-2 border-black pb-3 text-center">
          <h1 id="report-title" className="text-2xl font-bold tracking-wide">
            {title}
          </h1>
          <p className="mt-2 text-sm">
            统计期：{r.from} 至 {r.to}（北京时间，含首尾两日）　区划代码：{r.region.code}{narrowed ? `　${narrowed}` : ""}　生成日期：{shanghaiDate(new Date())}
          </p>
        </header>

        {groups.map((g, gi) => (
          <section key={g.group} aria-labelledby={`group-${gi}`} className="mt-6 break-inside-avoid-page">
            <h2 id={`group-${gi}`} className="text-lg font-bold break-after-avoid">
              {ORDINALS[gi] ?? gi + 1}、{g.group}
            </h2>
            <table className="mt-2 w-full border-collapse text-left text-sm">
              <caption className="sr-only">
                {r.region.name}{label}{g.group}指标（数值、分子和分母；口径见文末注释）
              </caption>
              <thead>
                <tr className="border-y border-black">
                  <th scope="col" className="py-1.5 pr-2">指标</th>
                  <th scope="col" className="py-1.5 pr-2 text-right">数值</th>
                  <th scope="col" className="py-1.5 pr-2 text-right">分子</th>
                  <th scope="col" className="py-1.5 text-right">分母</th>
                </tr>
              </thead>
              <tbody>
                {g.rows.map((f) => {
                  const def = indicatorById(f.id);
                  const isRate = def ? def.formula.kind !== "count" : f.denominator !== null;
                  return (
                    <tr key={f.id} className="border-b border-slate-400 break-inside-avoid">
                      <th scope="row" className="py-1.5 pr-2 font-normal">
                        {f.name}
                        <sup className="ml-0.5">
                          <span className="sr-only">注</span>
                          {f.note}
                        </sup>
                      </th>
                      <td className="py-1.5 pr-2 text-right tabular-nums">{def ? formatIndicator(def, f.value) : String(f.value ?? "—")}</td>
                      <td className="py-1.5 pr-2 text-right tabular-nums">{isRate ? formatCount(f.numerator) : ""}</td>
                      <td className="py-1.5 text-right tabular-nums">{isRate ? formatCount(f.denominator) : ""}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))}

        <section aria-labelledby="breakdowns" className="mt-6 break-inside-avoid-page">
          <h2 id="breakdowns" className="text-lg font-bold break-after-avoid">
            {ORDINALS[groups.length] ?? groups.length + 1}、分类统计
          </h2>
          <BreakdownTables breakdowns={r.breakdowns} subject={`${reportSubject(r)}${label}`} variant="print" />
        </section>

        <section aria-labelledby="notes" className="mt-8 border-t border-black pt-3 text-xs leading-relaxed">
          <h2 id="notes" className="text-sm font-bold">注：指标口径</h2>
          <ol className="mt-1 list-none space-y-0.5">
            {notes.map((f) => (
              <li key={f.id}>
                {f.note}. {f.name}：{f.definition}
              </li>
            ))}
          </ol>
          <p className="mt-3">
            数值由平台按统一的指标口径从业务记录实时计算，与“指标驾驶舱”和数据接口一致；“—”表示分母为零、无法计算。
          </p>
        </section>
      </article>
    </div>
  );
}
