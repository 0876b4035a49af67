import type { BreakdownReport } from "@/lib/stats/indicators";
import { formatCount } from "@/components/figures/format";
import { cn } from "@/components/ui/cn";

// The registry's breakdowns (受理工单按来源渠道 …) as plain tables, one per dimension, each with
// its share of the whole. Tables rather than charts: eight small charts would add weight and say
// less than the numbers; the dashboard's charts keep to the trend and the ranking.

const share = (v: number, total: number) => (total ? `${((v / total) * 100).toFixed(1)}%` : "—");

export function BreakdownTables({
  breakdowns,
  subject,
  variant = "screen",
}: {
  breakdowns: BreakdownReport[];
  /** whose figures, for the captions (e.g. "甲县2026年11月") */
  subject: string;
  variant?: "screen" | "print";
}) {
  const shown = breakdowns.filter((b) => b.items.length);
  if (!shown.length) return <p className={variant === "print" ? "mt-2 text-sm" : "mt-2 text-slate-600"}>统计期内没有受理记录。</p>;
  const print = variant === "print";
  return (
    <div className={cn("mt-3 grid gap-6", print ? "grid-cols-2 text-sm" : "md:grid-cols-2 xl:grid-cols-3")}>
      {shown.map((b) => {
        const total = b.items.reduce((sum, i) => sum + i.value, 0);
        return (
          <table key={b.id} className={cn("w-full border-collapse text-left", print ? "break-inside-avoid" : "")}>
            <caption className={cn("mb-1 text-left font-medium", print ? "font-bold" : "")}>
              {subject}{b.name}
            </caption>
            <thead>
              <tr className={print ? "border-y border-black" : "border-b border-slate-300"}>
                <th scope="col" className="py-1.5 pr-2">类别</th>
                <th scope="col" className="py-1.5 pr-2 text-right">数量</th>
                <th scope="col" className="py-1.5 text-right">占比</th>
              </tr>
            </thead>
            <tbody>
              {b.items.map((i) => (
                <tr key={i.key} className={print ? "border-b border-slate-400" : "border-b border-slate-100"}>
                  <th scope="row" className="py-1.5 pr-2 font-normal">{i.label}</th>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{formatCount(i.value)}</td>
                  <td className="py-1.5 text-right tabular-nums">{share(i.value, total)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-1.5 pr-2 font-medium">合计</th>
                <td className="py-1.5 pr-2 text-right font-medium tabular-nums">{formatCount(total)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        );
      })}
    </div>
  );
}
