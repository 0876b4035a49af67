import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { listOrganizationsForAdmin } from "@/lib/network/admin-queries";
import { TIER_SHORT_LABELS } from "@/lib/network/rules";
import type { OrganizationTier } from "@/lib/generated/prisma/enums";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClassName, LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SCROLL_REGION } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "服务网点管理" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim();
const cellLink = "inline-flex min-h-11 items-center";

/** Every service point in the admin's scope: a GET filter form (shareable links, works without JavaScript), 50 a page. */
export default async function AdminOrganizationsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = { tier: one(sp.tier), county: one(sp.county), q: one(sp.q) };
  const query = (page?: number) =>
    new URLSearchParams([...Object.entries(filters).filter(([, v]) => v), ...(page && page > 1 ? [["page", String(page)]] : [])]).toString();
  const page = Number(one(sp.page)) || 1;
  const here = `/admin/organizations${query(page) ? `?${query(page)}` : ""}`;
  const data = await loadPage(listOrganizationsForAdmin, { ...filters, page }, here);
  const href = (p: number) => `/admin/organizations${query(p) ? `?${query(p)}` : ""}`;
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="space-y-6">
      <PageHeader
        title="服务网点管理"
        description="新建、编辑和移动中心、工作站、工作室。移动网点即更改其上级网点和所在区划。"
        actions={
          <>
            <BackLink href="/admin">返回管理后台</BackLink>
            <LinkButton href="/admin/organizations/new">新建网点</LinkButton>
          </>
        }
      />

      <form method="get" action="/admin/organizations" role="search" aria-label="筛选网点" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <div>
            <label htmlFor="filter-tier" className="block font-medium">网点层级</label>
            <Select id="filter-tier" name="tier" defaultValue={filters.tier}>
              <option value="">全部</option>
              {(Object.keys(TIER_SHORT_LABELS) as OrganizationTier[]).map((t) => (
                <option key={t} value={t}>{TIER_SHORT_LABELS[t]}</option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="filter-county" className="block font-medium">县（市、区）</label>
            <Select id="filter-county" name="county" defaultValue={filters.county}>
              <option value="">全部</option>
              {data.counties.map((c) => (
                <option key={c.code} value={c.code}>{c.name}</option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="filter-q" className="block font-medium">关键词</label>
            <Input id="filter-q" name="q" defaultValue={filters.q} maxLength={40} aria-describedby="filter-q-hint" />
            <p id="filter-q-hint" className="mt-1 text-sm text-slate-600">名称、地址、电话、区划名称或网点编号</p>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">查找</Button>
          {filtered ? (
            <Link href="/admin/organizations" className={buttonClassName({ variant: "ghost" })}>
              清除条件
            </Link>
          ) : null}
        </div>
      </form>

      <p className="text-slate-700" role="status">
        共 <strong>{data.total}</strong> 个网点
        {data.total > data.pageSize ? `，第 ${data.page} / ${data.pageCount} 页，每页 ${data.pageSize} 个` : ""}
      </p>

      {data.items.length === 0 ? (
        <EmptyState title="没有符合条件的网点" description={filtered ? "请换个条件再查。" : "您的管理范围内还没有网点。"} />
      ) : (
        <div {...SCROLL_REGION} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[48rem] text-left">
            <caption className="sr-only">
              服务网点列表（第 {data.page} 页，共 {data.pageCount} 页）：名称、编号、层级、所在区划、上级网点、电话、两化达标
            </caption>
            <thead>
              <tr className="border-b border-slate-300 bg-slate-50">
                <th scope="col" className="px-3 py-2">网点（编号 · 层级）</th>
                <th scope="col" className="px-3 py-2">所在区划</th>
                <th scope="col" className="px-3 py-2">上级网点</th>
                <th scope="col" className="px-3 py-2">电话</th>
                <th scope="col" className="px-3 py-2">两化达标</th>
                <th scope="col" className="px-3 py-2">操作</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((o) => (
                <tr key={o.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 pb-2 text-left font-normal">
                    <Link href={`/admin/organizations/${o.id}`} className={cellLink}>
                      {o.name}
                    </Link>
                    <span className="block text-sm text-slate-600">
                      编号 <span className="tabular-nums">{o.id}</span> · {TIER_SHORT_LABELS[o.tier]}
                    </span>
                  </th>
                  <td className="px-3 py-2">
                    {o.region.name}
                    <span className="block text-sm text-slate-600 tabular-nums">{o.region.code}</span>
                  </td>
                  <td className="px-3 py-2">{o.parent ? o.parent.name : "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{o.phone}</td>
                  <td className="px-3 py-2">
                    {o.standardized ? <Badge tone="success">已达标</Badge> : <Badge>未达标</Badge>}
                  </td>
                  <td className="px-3 py-0 whitespace-nowrap">
                    {o.tier !== "ROOM" ? (
                      <Link href={`/admin/organizations/new?parent=${o.id}`} className={cellLink} aria-label={`在「${o.name}」下新建下级网点`}>
                        新建下级
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.pageCount > 1 ? (
        <nav aria-label="分页" className="flex flex-wrap items-center gap-3">
          {data.page > 1 ? (
            <Link href={href(data.page - 1)} className={buttonClassName({ variant: "secondary" })}>
              上一页
            </Link>
          ) : null}
          <span className="text-slate-700">
            第 {data.page} / {data.pageCount} 页
          </span>
          {data.page < data.pageCount ? (
            <Link href={href(data.page + 1)} className={buttonClassName({ variant: "secondary" })}>
              下一页
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
