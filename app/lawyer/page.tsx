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
import { CaseStatusBadge } from "@/components/legal-aid/case-status";

export const metadata: Metadata = { title: "律师工作台" };

export default async function LawyerWorkspacePage() {
  const p = await loadPage(getLawyerWorkspace, {}, "/lawyer");
  const cases = await loadPage(listMyCases, {}, "/lawyer");
  return (
    <div className="space-y-6">
      <PageHeader title="律师工作台" description={`${p.firm.name} · ${p.kind === "LAWYER" ? "执业律师" : "基层法律服务工作者"}`} />
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
