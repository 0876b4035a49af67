import { formatIndicator, indicatorById } from "@/lib/stats/registry";
import { cn } from "@/components/ui/cn";

// The overview: every indicator of the registry as a card, grouped as the registry groups them, with
// its 口径说明 one click away — a leader quoting a figure can check what it counts.

export type Figure = {
  id: string;
  name: string;
  group: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  definition: string;
};

/** "2 ÷ 3" for a rate, so the figure can be checked; nothing for a plain count. */
export function countsText(f: Pick<Figure, "numerator" | "denominator">): string | null {
  if (f.denominator === null) return null;
  const n = (v: number) => v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
  return `${n(f.numerator)} ÷ ${n(f.denominator)}`;
}

/** The text of a figure ("66.7%", "1,234 件"), "—" when there is nothing to divide by. */
export function figureText(f: Pick<Figure, "id" | "value">): string {
  const indicator = indicatorById(f.id);
  if (!indicator) return "—";
  return formatIndicator(indicator, f.value);
}

function groups(figures: Figure[]): [string, Figure[]][] {
  const out = new Map<string, Figure[]>();
  for (const f of figures) out.set(f.group, [...(out.get(f.group) ?? []), f]);
  return [...out];
}

/** Cards grouped under one h2 each (the page's h1 is above); `headingLevel` for pages that nest them deeper. */
export function IndicatorCards({ figures, headingLevel = 2 }: { figures: Figure[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-6">
      {groups(figures).map(([group, list], gi) => (
        <section key={group} aria-labelledby={`group-${gi}`}>
          <H id={`group-${gi}`} className="text-xl font-bold">{group}</H>
          <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {list.map((f) => {
              const counts = countsText(f);
              return (
                <li key={f.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid">
                  <p className="text-slate-700">{f.name}</p>
                  <p className={cn("text-2xl font-bold tabular-nums", f.value === null && "text-slate-600")}>
                    {figureText(f)}
                    {f.value === null ? <span className="sr-only">（无可计算的数值）</span> : null}
                  </p>
                  {counts ? <p className="text-sm text-slate-600">{counts}</p> : null}
                  <details className="mt-2">
                    <summary className="inline-flex min-h-11 cursor-pointer items-center text-primary">口径说明</summary>
                    <p className="text-sm text-slate-700">{f.definition}</p>
                  </details>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
