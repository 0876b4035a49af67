import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import { getChoiceRule, listRoster, ROSTER_SORTS } from "@/lib/lawyers/roster";
import { listRegionOptions } from "@/lib/network/region-options";
import { LEGAL_MATTER_CATEGORIES } from "@/lib/lawyers/categories";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Button, buttonClassName } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { FilterSelect } from "@/components/forms/filter-select";
import { LawyerAvatar } from "@/components/lawyers/lawyer-avatar";
import { ExpertiseBadges, practiceYears, ratePercent } from "@/components/lawyers/lawyer-facts";

export const metadata: Metadata = { title: "法律援助律师名录" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** 律师名录: a plain GET form (works without JavaScript, links can be shared), then the lawyers' cards. */
export default async function LawyersPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = { category: one(sp.category), regionCode: one(sp.regionCode), sort: one(sp.sort), q: one(sp.q) };
  const cursor = one(sp.cursor) || undefined;
  const [page, counties, rule] = await Promise.all([
    loadPage(listRoster, { ...filters, cursor, limit: 20 }, "/lawyers"),
    loadPage(listRegionOptions, {}, "/lawyers"),
    loadPage(getChoiceRule, {}, "/lawyers"),
  ]);
  const kept = Object.entries(filters).filter(([, v]) => v);
  const nextHref = page.nextCursor ? `/lawyers?${new URLSearchParams([...kept, ["cursor", page.nextCursor]])}` : null;

  return (
    <div>
      <PageHeader
        title="法律援助律师名录"
        description={`为法律援助案件提供服务的律师和基层法律服务工作者。申请法律援助时，您可以在名录中选择最多 ${rule.maxChoices} 名律师（点援制），中心按您排的顺序请律师确认接受委托。`}
      />
      <form method="get" action="/lawyers" role="search" aria-label="筛选律师" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect
            id="filter-category"
            name="category"
            label="擅长领域"
            defaultValue={filters.category}
            options={Object.entries(LEGAL_MATTER_CATEGORIES)}
          />
          <FilterSelect
            id="filter-region"
            name="regionCode"
            label="服务地区"
            defaultValue={filters.regionCode}
            options={counties.map((c) => [c.code, c.name] as const)}
          />
          <FilterSelect
            id="filter-sort"
            name="sort"
            label="排序"
            defaultValue={filters.sort || "rating"}
            options={Object.entries(ROSTER_SORTS).filter(([k]) => k !== "rating")}
            all={["rating", ROSTER_SORTS.rating]}
          />
          <div>
            <label htmlFor="filter-q" className="block font-medium">姓名或律所</label>
            <Input id="filter-q" name="q" defaultValue={filters.q} maxLength={40} placeholder="如：王、衡平" />
          </div>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">查找</Button>
          {kept.length ? (
            <Link href="/lawyers" className={buttonClassName({ variant: "ghost" })}>清除筛选</Link>
          ) : null}
        </div>
      </form>

      <p className="mt-6 text-slate-700" role="status">
        共 <strong>{page.total}</strong> 名律师
      </p>
      {page.items.length === 0 ? (
        <EmptyState className="mt-4" title="没有找到符合条件的律师" description="请换个领域或地区再试。不选律师也可以申请，法律援助中心会为您指派。" />
      ) : (
        <ol className="mt-4 space-y-4" aria-label="律师列表">
          {page.items.map((l) => (
            <li key={l.userId}>
              <article aria-labelledby={`lawyer-${l.userId}`} className="flex gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <LawyerAvatar name={l.name} />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 id={`lawyer-${l.userId}`} className="text-lg font-semibold">
                      <Link href={`/lawyers/${l.userId}`} className="inline-flex min-h-11 items-center">{l.name}</Link>
                    </h2>
                    <Badge>{l.kindLabel}</Badge>
                    {l.load >= l.cap ? <Badge tone="warning">在办已满</Badge> : null}
                  </div>
                  <p className="text-slate-700">
                    {l.firmName} · {practiceYears(l.yearsInPractice)}
                  </p>
                  <div className="mt-2">
                    <ExpertiseBadges labels={l.expertiseLabels} />
                  </div>
                  <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-slate-800 sm:grid-cols-[auto_1fr_auto_1fr]">
                    <dt className="text-slate-600">服务地区</dt>
                    <dd>{l.serviceAreas.map((a) => a.name).join("、") || "—"}</dd>
                    <dt className="text-slate-600">服务语言</dt>
                    <dd>{["普通话", ...l.languages].join("、")}</dd>
                    <dt className="text-slate-600">在办</dt>
                    <dd>{l.load}/{l.cap} 件</dd>
                    <dt className="text-slate-600">已办结</dt>
                    <dd>{l.closedCases} 件</dd>
                    <dt className="text-slate-600">满意率</dt>
                    <dd>{ratePercent(l.satisfiedRate)}</dd>
                    <dt className="text-slate-600">质量优良率</dt>
                    <dd>{ratePercent(l.goodRate)}</dd>
                  </dl>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="分页" className="mt-6 flex flex-wrap gap-3">
        {cursor ? (
          <Link href={`/lawyers?${new URLSearchParams(kept)}`} className={buttonClassName({ variant: "secondary" })}>
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
