import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import type { UseCaseResult } from "@/lib/api/use-case";
import { listLawyersForSupervision, SUPERVISION_FILTERS } from "@/lib/lawyers/suspension";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/forms/filter-select";
import { StepPanel } from "@/components/forms/step-form";
import { DateTime } from "@/components/work-orders/format";
import { ratePercent } from "@/components/lawyers/lawyer-facts";
import { ReinstateForm, SuspendForm } from "./_components/supervision-forms";

export const metadata: Metadata = { title: "律师质量监督" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
type Lawyer = UseCaseResult<typeof listLawyersForSupervision>[number];

/** 律师质量监督: the lawyers of the centre's area, weakest satisfaction first, with suspension and reinstatement. */
export default async function LawyerSupervisionPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = { q: one(sp.q), status: one(sp.status) };
  const lawyers = await loadPage(listLawyersForSupervision, filters, "/staff/lawyers");
  const suspended = lawyers.filter((l) => l.suspension).length;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff" className="inline-flex min-h-11 items-center">← 返回工作台</Link>
      </p>
      <PageHeader
        title="律师质量监督"
        description="本中心辖区律师事务所、法律服务所的法律援助人员：在办案件、受援人满意率和办案质量评估。对服务质量有问题的律师可以暂停其承办法律援助案件，整改后恢复。"
      />
      <form method="get" action="/staff/lawyers" role="search" aria-label="筛选律师" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="filter-q" className="block font-medium">姓名或律所</label>
            <Input id="filter-q" name="q" defaultValue={filters.q} maxLength={40} />
          </div>
          <FilterSelect
            id="filter-status"
            name="status"
            label="状态"
            defaultValue={filters.status || "all"}
            options={Object.entries(SUPERVISION_FILTERS).filter(([k]) => k !== "all")}
            all={["all", SUPERVISION_FILTERS.all]}
          />
        </div>
        <div className="mt-4">
          <Button type="submit">查找</Button>
        </div>
      </form>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="text-xl font-bold">
          律师（{lawyers.length} 名，其中已暂停 {suspended} 名）
        </h2>
        {/* A form's lawyer changes state in the render that carries its result: the panel announces it. */}
        <StepPanel className="mt-3 space-y-3">
          {lawyers.length === 0 ? (
            <EmptyState headingAs="h3" title="没有符合条件的律师" description="本中心辖区内没有符合条件的法律援助人员。" />
          ) : (
            <ul className="space-y-4">
              {lawyers.map((l) => (
                <li key={l.userId}>
                  <LawyerRow l={l} />
                </li>
              ))}
            </ul>
          )}
        </StepPanel>
      </section>
    </div>
  );
}

function LawyerRow({ l }: { l: Lawyer }) {
  const id = `lawyer-${l.userId}`;
  return (
    <article aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={id} className="text-lg font-semibold text-slate-900">{l.name}</h3>
        <Badge>{l.kindLabel}</Badge>
        {l.suspension ? <Badge tone="danger">已暂停</Badge> : <Badge tone="success">在名录中</Badge>}
        {!l.acceptsLegalAid ? <Badge tone="warning">本人暂不承接法律援助</Badge> : null}
        {!l.active ? <Badge tone="warning">账号已停用</Badge> : null}
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-slate-800 sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-600">执业机构</dt>
        <dd>{l.firmName}（{l.firmRegionName}）</dd>
        <dt className="text-slate-600">在办法律援助</dt>
        <dd>
          {l.load}/{l.cap} 件{l.pendingOffers ? `，待确认派单 ${l.pendingOffers} 件` : ""}
        </dd>
        <dt className="text-slate-600">已结案</dt>
        <dd>{l.rating.closed} 件</dd>
        <dt className="text-slate-600">受援人满意率</dt>
        <dd>
          {ratePercent(l.rating.satisfiedRate)}
          {l.rating.rated ? `（${l.rating.rated} 件有评价）` : ""}
        </dd>
        <dt className="text-slate-600">质量优良率</dt>
        <dd>
          {ratePercent(l.rating.goodRate)}
          {l.rating.graded ? `（${l.rating.graded} 件已评估）` : ""}
        </dd>
        {l.suspension ? (
          <>
            <dt className="text-slate-600">暂停情况</dt>
            <dd>
              <DateTime value={l.suspension.at} />
              {l.suspension.by ? `，${l.suspension.by}` : ""}
              <span className="block whitespace-pre-line">理由：{l.suspension.reason}</span>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="mt-4">
        {l.suspension ? <ReinstateForm lawyerUserId={l.userId} name={l.name} id={id} /> : <SuspendForm lawyerUserId={l.userId} name={l.name} id={id} />}
      </div>
    </article>
  );
}
