import { formatIndicator, type Indicator } from "@/lib/stats/registry";

// What a chart says in one sentence, for its aria-label: a screen reader cannot see the canvas, and
// the table beside it has every figure — so the label gives the shape (range, highest, lowest) and
// points to the table.

type Point = { label: string; value: number | null };

function extremes(points: Point[]) {
  const valued = points.filter((p): p is { label: string; value: number } => p.value !== null);
  if (!valued.length) return null;
  const max = valued.reduce((a, b) => (b.value > a.value ? b : a));
  const min = valued.reduce((a, b) => (b.value < a.value ? b : a));
  return { max, min };
}

export function trendSummary(indicator: Indicator, points: Point[]): string {
  const head = `${indicator.name}月度趋势折线图`;
  if (!points.length) return `${head}：无数据。`;
  const range = `${points[0].label} 至 ${points[points.length - 1].label}，共 ${points.length} 个月`;
  const e = extremes(points);
  if (!e) return `${head}，${range}，各月均无可计算的数值。详细数值见旁边的数据表。`;
  return `${head}，${range}；最高 ${e.max.label} ${formatIndicator(indicator, e.max.value)}，最低 ${e.min.label} ${formatIndicator(indicator, e.min.value)}。详细数值见旁边的数据表。`;
}

export function rankingSummary(indicator: Indicator, levelLabel: string, rows: Point[]): string {
  const head = `各${levelLabel}${indicator.name}排名条形图`;
  if (!rows.length) return `${head}：无下级区划。`;
  const e = extremes(rows);
  if (!e) return `${head}，共 ${rows.length} 个，均无可计算的数值。详细数值见旁边的数据表。`;
  return `${head}，共 ${rows.length} 个；第一名 ${rows[0].label} ${formatIndicator(indicator, rows[0].value)}。详细数值见旁边的数据表。`;
}
