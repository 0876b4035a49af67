"use client";

import { useEffect, useRef } from "react";
import { init, use, type ComposeOption } from "echarts/core";
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from "echarts/charts";
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { cn } from "@/components/ui/cn";

// Only the parts the dashboards draw, so the client bundle stays small (the full echarts build is
// about 1 MB). The figures come as props from the server page; nothing is fetched in the browser.
use([LineChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export type ChartProps = {
  kind: "line" | "bar";
  /** what a screen reader hears instead of the canvas; the table beside the chart has every figure */
  label: string;
  /** x-axis months for a line, region names (best first) for a bar */
  categories: string[];
  values: (number | null)[];
  seriesName: string;
  unit: string;
  /** the wall display: light strokes on a dark background, large text */
  dark?: boolean;
  className?: string;
};

const PALETTE = {
  light: { stroke: "#1d4ed8", text: "#334155", grid: "#cbd5e1" },
  // on slate-950: sky-300 13:1, slate-200 14:1, slate-600 as hairlines only
  dark: { stroke: "#7dd3fc", text: "#e2e8f0", grid: "#475569" },
};

function optionOf(p: ChartProps, reduceMotion: boolean): Option {
  const c = p.dark ? PALETTE.dark : PALETTE.light;
  const fontSize = p.dark ? 20 : 14;
  const valueAxis = {
    type: "value" as const,
    axisLabel: { color: c.text, fontSize },
    splitLine: { lineStyle: { color: c.grid } },
  };
  const categoryAxis = {
    type: "category" as const,
    data: p.categories,
    axisLabel: { color: c.text, fontSize, interval: 0, hideOverlap: true },
    axisLine: { lineStyle: { color: c.grid } },
  };
  const tooltip: TooltipComponentOption = {
    trigger: "axis",
    valueFormatter: (v) => (typeof v === "number" ? `${v.toLocaleString("zh-CN")} ${p.unit}` : "—"),
  };
  if (p.kind === "line") {
    return {
      animation: !reduceMotion,
      grid: { left: 16, right: 24, top: 24, bottom: 16, containLabel: true },
      tooltip,
      xAxis: categoryAxis,
      yAxis: valueAxis,
      // a month without a value (nothing to divide by) is a gap in the line, not a drop to zero
      series: [{ type: "line", name: p.seriesName, data: p.values, connectNulls: false, symbolSize: p.dark ? 10 : 7, lineStyle: { width: p.dark ? 4 : 2, color: c.stroke }, itemStyle: { color: c.stroke } }],
    };
  }
  return {
    animation: !reduceMotion,
    grid: { left: 16, right: 32, top: 8, bottom: 16, containLabel: true },
    tooltip: { ...tooltip, axisPointer: { type: "shadow" } },
    // horizontal bars: Chinese region names read along the axis, the best at the top
    xAxis: valueAxis,
    yAxis: { ...categoryAxis, inverse: true },
    series: [{ type: "bar", name: p.seriesName, data: p.values, itemStyle: { color: c.stroke }, barMaxWidth: 28 }],
  };
}

/** A line or bar chart drawn in the browser from server-read figures; not printed (the table is). */
export function Chart(props: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { kind, categories, values, seriesName, unit, dark } = props;
  const key = JSON.stringify([kind, categories, values, seriesName, unit, dark]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: "canvas", locale: "ZH" });
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    chart.setOption(optionOf({ kind, categories, values, seriesName, unit, dark, label: "" }, reduceMotion));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
    // `key` stands for the props: a refreshed page with equal figures keeps its chart
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const height = kind === "bar" ? Math.max(160, categories.length * 40 + 40) : undefined;
  return (
    <div
      ref={ref}
      role="img"
      aria-label={props.label}
      className={cn("no-print w-full print:hidden", kind === "line" && (dark ? "h-96" : "h-72"), props.className)}
      style={height ? { height } : undefined}
    />
  );
}
