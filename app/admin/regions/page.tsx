import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { listRegionChildren } from "@/lib/network/admin-queries";
import { REGION_LEVEL_LABELS } from "@/lib/network/rules";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateRegionForm, PopulationForm, UpdateRegionForm } from "./_components/region-forms";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "行政区划管理" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();
const num = (n: number) => n.toLocaleString("zh-CN");
const cellLink = "inline-flex min-h-11 items-center";

/** The region tree one level at a time (`?parent=<id>`), with forms to add, rename, move and set population. */
export default async function AdminRegionsPage({ searchParams }: { searchParams: SearchParams }) {
  const parent = one((await searchParams).parent);
  const data = await loadPage(listRegionChildren, { parent }, `/admin/regions${parent ? `?parent=${encodeURIComponent(parent)}` : ""}`);
  const { current, breadcrumb, children, childLevel, moveTargets } = data;
  const listTitle = current ? `${current.name}的下级区划` : "管理范围内的区划";
  const populationRegions = [...(current ? [current] : []), ...children];

  return (
    <div className="space-y-6">
      <PageHeader
        title="行政区划管理"
        description="逐级查看区划，新建下级区划，修改名称、调整隶属关系，录入常住人口。"
        actions={
          <BackLink href="/admin">返回管理后台</BackLink>
        }
      />

      <nav aria-label="区划层级">
        <ol className="flex flex-wrap items-center gap-x-2 text-slate-700">
          <li>
            {current ? (
              <Link href="/admin/regions" className={cellLink}>
                全部
              </Link>
            ) : (
              <span aria-current="page">全部</span>
            )}
          </li>
          {breadcrumb.map((r) => (
            <li key={r.id} className="flex items-center gap-2">
              <span aria-hidden="true">›</span>
              {r.id === current?.id ? (
                <span aria-current="page" className="font-medium text-slate-900">
                  {r.name}
                </span>
              ) : (
                <Link href={`/admin/regions?parent=${r.id}`} className={cellLink}>
                  {r.name}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>

      {current ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-slate-600">区划</dt>
          <dd className="font-medium">{current.name}</dd>
          <dt className="text-slate-600">级别</dt>
          <dd>{REGION_LEVEL_LABELS[current.level]}</dd>
          <dt className="text-slate-600">区划代码</dt>
          <dd className="tabular-nums">{current.code}</dd>
          <dt className="text-slate-600">最新常住人口</dt>
          <dd>{current.population ? `${num(current.population.residents)} 人（${current.population.year} 年）` : "未录入"}</dd>
        </dl>
      ) : null}

      <section aria-labelledby="children-title" className="space-y-3">
        <h2 id="children-title" className="text-xl font-bold">
          {listTitle}（{children.length}）
        </h2>
        {children.length === 0 ? (
          <EmptyState
            headingAs="h3"
            title={current?.level === "VILLAGE" ? "村（社区）是最末一级，没有下级区划" : "还没有下级区划"}
            description={childLevel ? "可以在下方新建。" : undefined}
          />
        ) : (
          <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[40rem] text-left">
              <caption className="sr-only">{listTitle}：区划代码、名称、级别、最新常住人口和下级区划数</caption>
              <thead>
                <tr className="border-b border-slate-300 bg-slate-50">
                  <th scope="col" className="px-3 py-2">区划代码</th>
                  <th scope="col" className="px-3 py-2">名称</th>
                  <th scope="col" className="px-3 py-2">级别</th>
                  <th scope="col" className="px-3 py-2 text-right">最新常住人口</th>
                  <th scope="col" className="px-3 py-2 text-right">下级区划</th>
                </tr>
              </thead>
              <tbody>
                {children.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100">
                    <td className="px-3 py-2 tabular-nums">{r.code}</td>
                    <th scope="row" className="px-3 py-0 font-normal">
                      <Link href={`/admin/regions?parent=${r.id}`} className={cellLink}>
                        {r.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{REGION_LEVEL_LABELS[r.level]}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {r.population ? `${num(r.population.residents)}（${r.population.year}）` : "—"}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.childCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {childLevel ? (
        <Card title={`新建${REGION_LEVEL_LABELS[childLevel]}`} as="section">
          <CreateRegionForm key={current?.id ?? "top"} parent={current} level={childLevel} />
        </Card>
      ) : null}

      {current?.editable ? (
        <Card title={`修改「${current.name}」`} description="可以改名，或调整到同级的其他上级区划之下。" as="section">
          <UpdateRegionForm key={current.id} region={current} moveTargets={moveTargets} />
        </Card>
      ) : null}

      {populationRegions.length ? (
        <Card title="录入常住人口" description="用于计算每万人指标。可录入本级或下级区划的数据。" as="section">
          <PopulationForm key={current?.id ?? "top"} regions={populationRegions} defaultYear={Number(shanghaiDate(new Date()).slice(0, 4)) - 1} />
        </Card>
      ) : null}
    </div>
  );
}
