import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { listLegalAidQueue, type QueueView } from "@/lib/legal-aid/queries";
import { AID_FORM_LABELS } from "@/lib/legal-aid/application-schemas";
import { REQUEST_KIND_LABELS } from "@/lib/legal-aid/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { CaseStatusBadge, Countdown } from "@/components/legal-aid/case-status";

export const metadata: Metadata = { title: "法律援助审查" };

const VIEWS: { key: QueueView; label: string; due: string }[] = [
  { key: "review", label: "待审查", due: "决定期限" },
  { key: "assign", label: "待指派", due: "指派期限" },
  { key: "handling", label: "承办中", due: "期限" },
  { key: "aftercare", label: "回访·评估·归档", due: "结案材料期限" },
  { key: "requests", label: "待处理申请与异议", due: "期限" },
  { key: "done", label: "已归档·不予·撤回", due: "期限" },
];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The deciding centre's legal-aid queue: green channel and urgent first, then by the legal deadline. */
export default async function LegalAidQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const view = VIEWS.find((v) => v.key === sp.view)?.key ?? "review";
  const me = await loadPage(getMe, {}, "/staff/legal-aid");
  if (me.role === "RESIDENT") redirect("/resident");
  const q = await loadPage(listLegalAidQueue, { view }, `/staff/legal-aid?view=${view}`);
  const current = VIEWS.find((v) => v.key === view)!;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff" className="inline-flex min-h-11 items-center">← 返回工作台</Link>
      </p>
      <PageHeader
        title="法律援助审查"
        description="7 个工作日内作出是否给予法律援助的决定，决定给予后 3 个工作日内指派律师（法律援助法第四十三条）。绿色通道和紧急案件排在最前。"
        actions={<LinkButton href="/staff/legal-aid/new" variant="secondary">代为登记申请</LinkButton>}
      />
      <nav aria-label="案件阶段">
        <ul className="flex flex-wrap gap-2">
          {VIEWS.map((v) => (
            <li key={v.key}>
              <Link
                href={`/staff/legal-aid?view=${v.key}`}
                aria-current={v.key === view ? "page" : undefined}
                className={
                  "inline-flex min-h-11 items-center rounded-md border px-3 " +
                  (v.key === view ? "border-primary bg-primary text-white" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-50")
                }
              >
                {v.label}（{q.counts[v.key]}）
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="text-xl font-bold">{current.label}</h2>
        {q.items.length === 0 ? (
          <EmptyState className="mt-3" headingAs="h3" title="没有案件" description="这一阶段暂时没有需要处理的法律援助案件。" />
        ) : (
          <ul className="mt-3 space-y-3">
            {q.items.map((i) => (
              <li key={i.number} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/staff/legal-aid/${i.number}`} className="inline-flex min-h-11 items-center text-lg font-semibold">
                    {i.applicantName} · {i.category}
                  </Link>
                  <CaseStatusBadge status={i.status} />
                  {i.greenChannel ? <Badge tone="success">绿色通道</Badge> : null}
                  {i.advanceAid ? <Badge tone="warning">先行援助</Badge> : null}
                  {i.choiceStage?.stage === "OFFERED" ? <Badge tone="info">点援：等待{i.choiceStage.lawyerName}接单</Badge> : null}
                  {i.choiceStage?.stage === "POOL" ? <Badge tone="info">抢单池中</Badge> : null}
                  {i.urgentDeadline ? <Badge tone="warning">紧急期限 {i.urgentDeadline}</Badge> : null}
                  {i.openRequests.map((k) => <Badge key={k} tone="warning">待处理：{REQUEST_KIND_LABELS[k]}</Badge>)}
                  {i.openObjection ? <Badge tone="warning">异议审查中</Badge> : null}
                </div>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-[auto_1fr]">
                  <dt>编号</dt>
                  <dd>{i.number}</dd>
                  <dt>援助形式</dt>
                  <dd>{AID_FORM_LABELS[i.aidForm]}</dd>
                  <dt>申请时间</dt>
                  <dd><DateTime value={i.submittedAt} /></dd>
                  {i.dueAt ? (
                    <>
                      <dt>{i.status === "MATERIALS_REQUESTED" ? "补充材料期限" : current.due}</dt>
                      <dd className="flex flex-wrap items-center gap-2">
                        <DateTime value={i.dueAt} /> <Countdown due={i.dueAt} /> <DueBadge state={i.dueState} />
                      </dd>
                    </>
                  ) : null}
                  {i.lawyerName ? (
                    <>
                      <dt>承办律师</dt>
                      <dd>{i.lawyerName}</dd>
                    </>
                  ) : null}
                  {view === "aftercare" ? (
                    <>
                      <dt>回访 / 质量评估</dt>
                      <dd>{i.followedUp ? "已回访" : "待回访"} / {i.graded ? "已评估" : "待评估"}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
