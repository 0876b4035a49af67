import { loadPage } from "@/lib/api/page";
import { formatTargetValue, targetProgress, type TargetProgressItem } from "@/lib/stats/targets";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export type TargetProgressProps = {
  /** 12-digit region code; default the reader's own region */
  regionCode?: string;
  year: number;
  /** heading level of the section title, to keep the page outline in order (default h2) */
  headingAs?: "h2" | "h3";
  /** where sign-in returns to when the session has expired */
  returnTo?: string;
};

const percent = (p: number) => `${(p * 100).toFixed(1)}%`;

function Progress({ item, id }: { item: TargetProgressItem; id: string }) {
  if (item.progress === null) {
    return <span className="text-slate-600">{item.actual === null ? "暂无实际数据" : "目标为 0，不计算进度"}</span>;
  }
  const status = item.met ? "已达标" : "未达标";
  if (!item.higherIsBetter) {
    // a bar filling up would read as "good" for a figure that should stay under its target
    return (
      <span>
        实际为目标的 {percent(item.progress)}（越低越好，{status}）
      </span>
    );
  }
  return (
    <div className="flex min-w-40 flex-col gap-1">
      <span id={`${id}-text`} className="tabular-nums">
        {percent(item.progress)} <span className={item.met ? "text-green-800" : "text-slate-700"}>（{status}）</span>
      </span>
      {/* the native element has a role and a value screen readers announce; capped at 100% for the bar only */}
      <progress
        className="h-3 w-full accent-primary"
        max={1}
        value={Math.min(item.progress, 1)}
        aria-label={`${item.name}完成进度`}
        aria-describedby={`${id}-text`}
      />
    </div>
  );
}

/**
 * 规划指标完成情况: each target of a region and year against its actual (registry figures recounted
 * from the records; entered figures with their source). A server component; the table is the figure.
 */
export async function TargetProgress({ regionCode, year, headingAs: Heading = "h2", returnTo = "/leader" }: TargetProgressProps) {
  const p = await loadPage(targetProgress, { regionCode, year }, returnTo);
  const headingId = `target-progress-${p.region.code}-${p.year}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <Heading id={headingId} className="text-xl font-bold">
        {p.region.name} {p.year} 年规划指标完成情况
      </Heading>
      <p className="text-slate-600">
        {p.to
          ? `系统统计的指标按 ${p.from} 至 ${p.to} 的记录计算；填报数据取统计期截止日期在 ${p.year} 年内的最近一期。`
          : `${p.year} 年尚未开始，暂无实际数据。`}
      </p>
      {p.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white px-4 py-6 text-center text-slate-700">
          尚未设置 {p.region.name} {p.year} 年的规划指标。
        </p>
      ) : (
        <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[44rem] text-left">
            <caption className="sr-only">
              {p.region.name} {p.year} 年规划指标：指标、目标、实际、完成进度和来源
            </caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">指标</th>
                <th scope="col" className="px-3 py-2">目标</th>
                <th scope="col" className="px-3 py-2">实际</th>
                <th scope="col" className="px-3 py-2">完成进度</th>
                <th scope="col" className="px-3 py-2">来源</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((item) => (
                <tr key={item.targetId} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {item.name}
                    {item.kind === "figure" ? <span className="block text-sm font-normal text-slate-600">填报数据</span> : null}
                  </th>
                  <td className="px-3 py-2 tabular-nums whitespace-nowrap">{formatTargetValue(item.indicatorId, item.target)}</td>
                  <td className="px-3 py-2 tabular-nums whitespace-nowrap">{formatTargetValue(item.indicatorId, item.actual)}</td>
                  <td className="px-3 py-2">
                    <Progress item={item} id={`${headingId}-${item.targetId}`} />
                  </td>
                  <td className="px-3 py-2 text-sm">
                    <span className="block">目标：{item.targetSource ?? "—"}</span>
                    <span className="block text-slate-600">实际：{item.actualSource ?? (item.kind === "figure" ? "尚未填报" : "—")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
