import type { ReactNode } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import type { UseCaseResult } from "@/lib/api/use-case";
import { loadPage } from "@/lib/api/page";
import { getLawyerWorkspace } from "@/lib/lawyers/get-lawyer-workspace";
import { listMyCases } from "@/lib/legal-aid/lawyer-case";
import { REQUEST_KIND_LABELS } from "@/lib/legal-aid/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/work-orders/format";
import { CaseStatusBadge, Countdown } from "@/components/legal-aid/case-status";
import { StepPanel } from "@/components/forms/step-form";
import { Field } from "@/components/forms/field";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { listRegionOptions } from "@/lib/network/region-options";
import { listMyOffers, listPool } from "@/lib/legal-aid/offers";
import { CRIMINAL_SITUATIONS, MATTERS } from "@/lib/legal-aid/eligibility";
import { OfferSteps, TakeFromPool } from "./_components/offer-steps";

export const metadata: Metadata = { title: "律师工作台" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function LawyerWorkspacePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filter = { category: one(sp.category) ?? "", countyCode: one(sp.county) ?? "" };
  const p = await loadPage(getLawyerWorkspace, {}, "/lawyer");
  const cases = await loadPage(listMyCases, {}, "/lawyer");
  const offers = await loadPage(listMyOffers, {}, "/lawyer");
  const pool = await loadPage(listPool, filter, "/lawyer");
  const counties = await loadPage(listRegionOptions, {}, "/lawyer");
  return (
    <div className="space-y-6">
      <PageHeader title="律师工作台" description={`${p.firm.name} · ${p.kind === "LAWYER" ? "执业律师" : "基层法律服务工作者"}`} />
      <StepPanel className="space-y-6">
        <OffersSection offers={offers} />
        <PoolSection pool={pool} filter={filter} counties={counties} />
      </StepPanel>
      <Card title="我的执业信息" as="section">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">执业证号</dt>
          <dd>{p.licenceNumber}</dd>
          <dt className="text-slate-600">执业年份</dt>
          <dd>{p.practiceSinceYear} 年起（{new Date().getFullYear() - p.practiceSinceYear} 年）</dd>
          <dt className="text-slate-600">擅长领域</dt>
          <dd className="flex flex-wrap gap-1">{p.expertiseLabels.map((l) => <Badge key={l} tone="info">{l}</Badge>)}</dd>
          <dt className="text-slate-600">服务地区</dt>
          <dd>{p.serviceRegions.map((r) => r.name).join("、") || "—"}</dd>
          <dt className="text-slate-600">同时承办援助案件上限</dt>
          <dd>{p.concurrentCaseCap} 件</dd>
          <dt className="text-slate-600">承接法律援助</dt>
          <dd>{p.acceptsLegalAid ? "是" : "否"}</dd>
          <dt className="text-slate-600">律师事务所</dt>
          <dd>{p.firm.name}（{p.firm.region.name}，{p.firm.address}，{p.firm.phone}）</dd>
        </dl>
      </Card>
      <section aria-labelledby="cases" className="space-y-4">
        <h2 id="cases" className="text-xl font-bold">承办的法律援助案件</h2>
        <Rating rating={cases.rating} />
        <h3 className="text-lg font-semibold">正在承办（{cases.active.length}）</h3>
        {cases.active.length === 0 ? (
          <EmptyState headingAs="h3" title="目前没有派给您的案件" description="法律援助中心指派案件后，会在这里出现，并通知您。" />
        ) : (
          <CaseList items={cases.active} />
        )}
        {cases.done.length ? (
          <>
            <h3 className="text-lg font-semibold">已结束（最近 {cases.done.length} 件）</h3>
            <CaseList items={cases.done} />
          </>
        ) : null}
      </section>
    </div>
  );
}

type Cases = UseCaseResult<typeof listMyCases>;
type Offers = UseCaseResult<typeof listMyOffers>;
type Pool = UseCaseResult<typeof listPool>;

const OFFER_STATUS: Record<string, string> = { ACCEPTED: "已接受", DECLINED: "已谢绝", EXPIRED: "超时未确认", WITHDRAWN: "已撤回", PENDING: "超时未确认" };

/** 待确认的派单: the applicant chose this lawyer; accept or decline before the deadline. */
function OffersSection({ offers }: { offers: Offers }) {
  return (
    <section id="offers" aria-labelledby="offers-title" className="space-y-3">
      <h2 id="offers-title" className="text-xl font-bold">待确认的派单（{offers.pending.length}）</h2>
      {offers.pending.length === 0 ? (
        <p className="text-slate-700">目前没有等您确认的派单。受援人选择您后，会在这里出现并通知您。</p>
      ) : (
        <ul id="offers-pending" className="space-y-3">
          {offers.pending.map((o) => (
            <MatterCard key={o.id} item={o} title={`${o.applicant} · ${o.category}`} chosen={o.rank} deadline={{ label: "确认期限", at: o.expiresAt }}
              facts={<><dt>案情</dt><dd className="whitespace-pre-line">{o.facts}</dd></>}>
              <OfferSteps id={o.id} number={o.number} />
            </MatterCard>
          ))}
        </ul>
      )}
      {offers.answered.length ? (
        <details className="rounded-md border border-slate-200 bg-white">
          <summary className="flex min-h-11 cursor-pointer items-center px-4">最近处理过的派单（{offers.answered.length}）</summary>
          <ul className="divide-y divide-slate-200 px-4">
            {offers.answered.map((o) => (
              <li key={o.id} className="py-2">
                {o.number} · {o.category} · {OFFER_STATUS[o.status]}
                {o.declineReason ? `（${o.declineReason}）` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

type Matter = { number: string; aidForm: string; region: string; authority: string | null; greenChannel: boolean; urgentDeadline: string | null };

/** One case as a lawyer weighs it before taking it: the matter, the area, the deadline to answer. */
function MatterCard({ item, title, chosen, deadline, facts, children }: {
  item: Matter;
  title: string;
  /** the applicant's rank for this lawyer (offers only) */
  chosen?: number;
  deadline: { label: string; at: string };
  facts?: ReactNode;
  children: ReactNode;
}) {
  return (
    <li className={`rounded-lg bg-white p-4 shadow-sm ${chosen ? "border-2 border-primary" : "border border-slate-200"}`}>
      <h3 className="text-lg font-semibold">{title}</h3>
      <p className="mt-1 flex flex-wrap items-center gap-2">
        {chosen ? <Badge tone="info">受援人的第 {chosen} 选择</Badge> : null}
        {item.greenChannel ? <Badge tone="success">绿色通道</Badge> : null}
        {item.urgentDeadline ? <Badge tone="warning">紧急期限 {item.urgentDeadline}</Badge> : null}
      </p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-[auto_1fr]">
        <dt>编号</dt>
        <dd>{item.number}</dd>
        <dt>援助形式</dt>
        <dd>{item.aidForm}</dd>
        <dt>地区</dt>
        <dd>{item.region}</dd>
        {item.authority ? (<><dt>办案机关</dt><dd>{item.authority}</dd></>) : null}
        {facts}
        <dt>{deadline.label}</dt>
        <dd className="font-semibold"><DateTime value={deadline.at} />（<Countdown due={deadline.at} />）</dd>
      </dl>
      {children}
    </li>
  );
}

/** 抢单池: cases whose chosen lawyers could not take them, open to lawyers who fit (expertise, area, cap, no conflict). */
function PoolSection({ pool, filter, counties }: { pool: Pool; filter: { category: string; countyCode: string }; counties: { code: string; name: string }[] }) {
  return (
    <section id="pool" aria-labelledby="pool-title" className="space-y-3">
      <h2 id="pool-title" className="text-xl font-bold">抢单池（{pool.items.length}）</h2>
      <p className="text-slate-700">受援人所选律师都不能承办的案件，开放给擅长该类案件、服务该地区、在办案件未达上限且没有利益冲突的律师。先接先得。</p>
      <form method="get" action="/lawyer#pool" className="flex flex-wrap items-end gap-3">
        <Field name="category" id="pool-category" label="事项类别" className="min-w-48">
          {(c) => (
            <Select {...c} defaultValue={filter.category}>
              <option value="">全部</option>
              {[...CRIMINAL_SITUATIONS, ...MATTERS].map((m) => <option key={m.key} value={m.key}>{m.label}</option>)}
            </Select>
          )}
        </Field>
        <Field name="county" id="pool-county" label="县（市、区）" className="min-w-40">
          {(c) => (
            <Select {...c} defaultValue={filter.countyCode}>
              <option value="">全部</option>
              {counties.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </Select>
          )}
        </Field>
        <Button type="submit" variant="secondary">筛选</Button>
      </form>
      {pool.notice ? <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">{pool.notice}，暂时不能接单。</p> : null}
      {pool.items.length === 0 ? (
        <p className="text-slate-700">目前没有适合您的待接案件。</p>
      ) : (
        <ul className="space-y-3">
          {pool.items.map((i) => (
            <MatterCard key={i.number} item={i} title={i.category} deadline={{ label: "接单截止", at: i.closesAt }}>
              <TakeFromPool number={i.number} />
            </MatterCard>
          ))}
        </ul>
      )}
    </section>
  );
}

const pct = (v: number | null) => (v === null ? "暂无" : `${Math.round(v * 100)}%`);

/** 服务评价: what recipients and the centre's quality checks say about the lawyer's legal-aid work. */
function Rating({ rating }: { rating: Cases["rating"] }) {
  if (!rating) return null;
  return (
    <dl className="grid gap-3 sm:grid-cols-3">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-slate-600">已结案</dt>
        <dd className="text-2xl font-bold">{rating.closed} 件</dd>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-slate-600">受援人满意率</dt>
        <dd className="text-2xl font-bold">{pct(rating.satisfiedRate)}</dd>
        <dd className="text-sm text-slate-600">{rating.rated} 件有评价（满意和基本满意）</dd>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-slate-600">质量评估优良率</dt>
        <dd className="text-2xl font-bold">{pct(rating.goodRate)}</dd>
        <dd className="text-sm text-slate-600">{rating.graded} 件已评估（优和良）</dd>
      </div>
    </dl>
  );
}

function CaseList({ items }: { items: Cases["active"] }) {
  return (
    <ul className="space-y-3">
      {items.map((i) => (
        <li key={i.number} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/lawyer/legal-aid/${i.number}`} className="inline-flex min-h-11 items-center text-lg font-semibold">
              {i.applicantName} · {i.category}
            </Link>
            <CaseStatusBadge status={i.status} />
            {i.greenChannel ? <Badge tone="success">绿色通道</Badge> : null}
            {i.urgentDeadline && i.status === "ASSIGNED" ? <Badge tone="warning">紧急期限 {i.urgentDeadline}</Badge> : null}
            {i.openRequests.map((k) => <Badge key={k} tone="warning">待中心处理：{REQUEST_KIND_LABELS[k]}</Badge>)}
          </div>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-[auto_1fr]">
            <dt>编号</dt>
            <dd>{i.number}</dd>
            <dt>援助形式</dt>
            <dd>{i.aidForm}</dd>
            {i.assignedAt ? (
              <>
                <dt>指派时间</dt>
                <dd><DateTime value={i.assignedAt} /></dd>
              </>
            ) : null}
            {i.endedAt ? (
              <>
                <dt>{i.status === "TERMINATED" ? "终止时间" : "结案时间"}</dt>
                <dd><DateTime value={i.endedAt} /></dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
