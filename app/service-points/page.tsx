import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { searchServicePoints } from "@/lib/network/search-service-points";
import { listRegionOptions } from "@/lib/network/region-options";
import { SERVICES, TIER_LABELS, type ServiceKey } from "@/lib/network/rules";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClassName } from "@/components/ui/button";
import { ServicePointFilters } from "./_components/service-point-filters";

export const metadata: Metadata = { title: "找服务网点" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The public finder: filters are a plain GET form, so it works without JavaScript and links can be shared. */
export default async function ServicePointsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = { county: one(sp.county), township: one(sp.township), tier: one(sp.tier), q: one(sp.q), lat: one(sp.lat), lng: one(sp.lng) };
  const input = { ...filters, cursor: one(sp.cursor) || undefined, limit: 20 };
  const [page, counties, townships] = await Promise.all([
    loadPage(searchServicePoints, input, "/service-points"),
    loadPage(listRegionOptions, {}, "/service-points"),
    filters.county ? loadPage(listRegionOptions, { parent: filters.county }, "/service-points") : Promise.resolve([]),
  ]);
  const near = !!(filters.lat && filters.lng);
  const nextHref = page.nextCursor
    ? `/service-points?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor: page.nextCursor })}`
    : null;

  return (
    <div>
      <PageHeader title="找服务网点" description="全市公共法律服务中心、乡镇工作站和村（社区）工作室，选择地区或输入名称查找。" />
      <ServicePointFilters
        counties={counties}
        townships={townships}
        values={filters}
      />
      <p className="mt-6 text-slate-700" role="status">
        共找到 <strong>{page.total}</strong> 个网点{near ? "，按离您的距离排序" : ""}
      </p>
      {page.items.length === 0 ? (
        <EmptyState className="mt-4" title="没有找到符合条件的网点" description="请换个地区或关键词再试，也可以拨打 12348 法律服务热线。" />
      ) : (
        <ol className="mt-4 space-y-4" aria-label="网点列表">
          {page.items.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-lg font-semibold text-slate-900">
                  <Link href={`/service-points/${p.id}`} className="inline-flex min-h-11 items-center">{p.name}</Link>
                </h2>
                <div className="flex gap-2">
                  <Badge tone={p.tier === "CENTRE" ? "info" : p.tier === "STATION" ? "success" : "neutral"}>{TIER_LABELS[p.tier]}</Badge>
                  {p.distanceKm !== null ? <Badge tone="warning">约 {p.distanceKm} 公里</Badge> : null}
                </div>
              </div>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-800 sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-600">所在地区</dt>
                <dd>{p.areaName}</dd>
                <dt className="text-slate-600">地址</dt>
                <dd>{p.address}</dd>
                <dt className="text-slate-600">办公时间</dt>
                <dd>{p.hours}</dd>
                <dt className="text-slate-600">电话</dt>
                <dd>
                  <a href={`tel:${p.phone}`}>{p.phone}</a>
                </dd>
                {p.legalAdviser ? (
                  <>
                    <dt className="text-slate-600">村（居）法律顾问</dt>
                    <dd>{p.legalAdviser}</dd>
                  </>
                ) : null}
                <dt className="text-slate-600">可办服务</dt>
                <dd>{p.services.map((s) => SERVICES[s as ServiceKey] ?? s).join("、")}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="分页" className="mt-6 flex flex-wrap gap-3">
        {input.cursor ? (
          <Link href={`/service-points?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v))}`} className={buttonClassName({ variant: "secondary" })}>
            回到第一页
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={buttonClassName({ variant: "primary" })}>
            下一页
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
