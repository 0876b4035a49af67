import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getNetworkOverview, type NetworkFigures } from "@/lib/network/network-overview";
import { workOrderCounts } from "@/lib/work-orders/queries";
import { STATUS_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";
import type { WorkOrderStatus, WorkOrderType } from "@/lib/generated/prisma/enums";
import { REGION_LEVEL_LABELS } from "@/lib/network/rules";
import { PageHeader } from "@/components/ui/page-header";
import { formatCount, formatShare } from "@/components/figures/format";
import type { RegionLevel } from "@/lib/generated/prisma/enums";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "领导驾驶舱" };


/** Leaders: the service network of their region by tier, drillable city → county → township. */
export default async function LeaderDashboardPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const [o, wo] = await Promise.all([
    loadPage(getNetworkOverview, { code }, "/leader"),
    loadPage(workOrderCounts, { code }, "/leader"),
  ]);
  const t = o.total;
  const childLevel = o.rows[0]?.level as RegionLevel | undefined;
  const drillable = childLevel === "COUNTY" || childLevel === "TOWNSHIP";
  const tiles: [string, string][] = [
    ["公共法律服务中心", formatCount(t.centres)],
    ["工作站", formatCount(t.stations)],
    ["工作室", formatCount(t.rooms)],
    ["村（社区）工作室覆盖率", formatShare(t.villagesWithRoom, t.villages)],
    ["村（居）法律顾问覆盖率", formatShare(t.villagesWithAdviser, t.villages)],
    ["两化达标网点", `${formatCount(t.standardized)}（${formatShare(t.standardized, t.centres + t.stations + t.rooms)}）`],
    [`常住人口（${o.year}年）`, formatCount(t.residents)],
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${o.region.name}公共法律服务网络`}
        description={`${REGION_LEVEL_LABELS[o.region.level]} · 区划代码 ${o.region.code}`}
        actions={o.up ? <Link href={`/leader?code=${o.up.code}`}>返回{o.up.name}</Link> : null}
      />
      <p className="flex flex-wrap gap-x-6">
        <Link href={`/leader/stats?code=${o.region.code}`} className="inline-flex min-h-11 items-center font-medium">指标驾驶舱 →</Link>
        <Link href="/leader/legal-aid" className="inline-flex min-h-11 items-center font-medium">法律援助异议审查 →</Link>
      </p>
      <section aria-labelledby="tiles">
        <h2 id="tiles" className="sr-only">主要数据</h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {tiles.map(([label, value]) => (
            <li key={label} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-slate-600">{label}</p>
              <p className="text-2xl font-bold">{value}</p>
            </li>
          ))}
        </ul>
      </section>
      {o.rows.length ? (
        <section aria-labelledby="breakdown" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="breakdown" className="text-xl font-bold">
            按{childLevel ? REGION_LEVEL_LABELS[childLevel] : "下级区划"}分
          </h2>
          <div {...SCROLL_REGION} className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left">
              <caption className="sr-only">{o.region.name}下级区划的服务网点数据</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">区划</th>
                  <th scope="col" className="py-2 pr-3 text-right">中心</th>
                  <th scope="col" className="py-2 pr-3 text-right">工作站</th>
                  <th scope="col" className="py-2 pr-3 text-right">工作室</th>
                  <th scope="col" className="py-2 pr-3 text-right">村（社区）</th>
                  <th scope="col" className="py-2 pr-3 text-right">工作室覆盖率</th>
                  <th scope="col" className="py-2 pr-3 text-right">法律顾问覆盖率</th>
                  <th scope="col" className="py-2 text-right">常住人口</th>
                </tr>
              </thead>
              <tbody>
                {o.rows.map((r: NetworkFigures) => (
                  <tr key={r.code} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {drillable ? <Link href={`/leader?code=${r.code}`}>{r.name}</Link> : r.name}
                    </th>
                    <td className="py-2 pr-3 text-right">{r.centres}</td>
                    <td className="py-2 pr-3 text-right">{r.stations}</td>
                    <td className="py-2 pr-3 text-right">{r.rooms}</td>
                    <td className="py-2 pr-3 text-right">{r.villages}</td>
                    <td className="py-2 pr-3 text-right">{formatShare(r.villagesWithRoom, r.villages)}</td>
                    <td className="py-2 pr-3 text-right">{formatShare(r.villagesWithAdviser, r.villages)}</td>
                    <td className="py-2 text-right">{formatCount(r.residents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="work-orders" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="work-orders" className="text-xl font-bold">工单（全部时间）</h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <table className="w-full text-left">
            <caption className="text-left font-medium">按状态</caption>
            <tbody>
              {(Object.keys(STATUS_LABELS) as WorkOrderStatus[]).map((s) => (
                <tr key={s} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-normal">{STATUS_LABELS[s]}</th>
                  <td className="py-1 text-right">{formatCount(wo.byStatus[s] ?? 0)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-1 pr-3 font-normal">其中未办结且已超期</th>
                <td className="py-1 text-right">{formatCount(wo.overdue)}</td>
              </tr>
            </tbody>
          </table>
          <table className="w-full text-left">
            <caption className="text-left font-medium">按类型</caption>
            <tbody>
              {(Object.keys(TYPE_LABELS) as WorkOrderType[]).map((t) => (
                <tr key={t} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-normal">{TYPE_LABELS[t]}</th>
                  <td className="py-1 text-right">{formatCount(wo.byType[t] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <p className="text-sm text-slate-600">
        口径：工作室覆盖率 = 设有工作室的村（社区）÷ 村（社区）总数；法律顾问覆盖率 = 工作室配有法律顾问的村（社区）÷ 村（社区）总数。数据实时取自网点档案。
      </p>
    </div>
  );
}
