import Link from "next/link";
import type { Indicator } from "@/lib/stats/registry";
import type { RankingRow, TrendPoint } from "@/lib/stats/dashboard";
import { countsText, figureText } from "@/components/stats/indicator-cards";
import { cn } from "@/components/ui/cn";
import { addDays } from "@/lib/calendar/working-days";

// The data tables beside the charts: every figure of the chart, always on screen and on paper
// (the chart is neither read by screen readers nor printed).

const partialMonth = (p: TrendPoint) => p.from.slice(8) !== "01" || addDays(p.to, 1).slice(0, 7) === p.month;

const th = "py-2 pr-3 text-left font-medium";
const thNum = "py-2 pr-3 text-right font-medium";
const num = "py-2 pr-3 text-right tabular-nums";

export function TrendTable({ indicator, points, caption, dark }: { indicator: Indicator; points: TrendPoint[]; caption: string; dark?: boolean }) {
  const rates = indicator.formula.kind !== "count";
  return (
    <table className={cn("w-full", dark ? "text-lg" : "text-base")}>
      <caption className="mb-2 text-left font-medium">{caption}</caption>
      <thead>
        <tr className={cn("border-b", dark ? "border-slate-500" : "border-slate-300")}>
          <th scope="col" className={th}>月份</th>
          <th scope="col" className={thNum}>{indicator.name}</th>
          {rates ? <th scope="col" className={thNum}>分子 ÷ 分母</th> : null}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.month} className={cn("border-b", dark ? "border-slate-700" : "border-slate-100")}>
            <th scope="row" className="py-2 pr-3 text-left font-normal">
              {p.month}
              {/* a month the period cuts: say which days, so its figure is not read as the whole month's */}
              {partialMonth(p) ? <span className={cn("text-sm", dark ? "text-slate-300" : "text-slate-600")}>（{p.from.slice(5)} 至 {p.to.slice(5)}）</span> : null}
            </th>
            <td className={num}>{figureText({ id: indicator.id, value: p.value })}</td>
            {rates ? <td className={num}>{countsText(p)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RankingTable({
  indicator,
  rows,
  caption,
  levelLabel,
  href,
}: {
  indicator: Indicator;
  rows: RankingRow[];
  caption: string;
  levelLabel: string;
  /** the drill-down link of a row, or null where there is nothing below to show */
  href: (row: RankingRow) => string | null;
}) {
  const rates = indicator.formula.kind !== "count";
  return (
    <table className="w-full">
      <caption className="mb-2 text-left font-medium">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className={th}>名次</th>
          <th scope="col" className={th}>{levelLabel}</th>
          <th scope="col" className={thNum}>{indicator.name}</th>
          {rates ? <th scope="col" className={thNum}>分子 ÷ 分母</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const link = href(r);
          return (
            <tr key={r.code} className="border-b border-slate-100">
              <td className="py-2 pr-3 tabular-nums">{r.rank ?? "—"}</td>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                {link ? <Link href={link} className="inline-flex min-h-11 items-center">{r.name}</Link> : r.name}
              </th>
              <td className={num}>{figureText({ id: indicator.id, value: r.value })}</td>
              {rates ? <td className={num}>{countsText(r)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
