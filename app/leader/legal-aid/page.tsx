import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/api/page";
import type { UseCaseResult } from "@/lib/api/use-case";
import { listObjections } from "@/lib/legal-aid/objection";
import { OBJECTION_OUTCOME_LABELS } from "@/lib/legal-aid/labels";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { Countdown } from "@/components/legal-aid/case-status";
import { StepPanel } from "@/components/forms/step-form";
import { DecideObjectionForm } from "./_components/decide-objection";

export const metadata: Metadata = { title: "法律援助异议审查" };

type Objection = UseCaseResult<typeof listObjections>[number];

/** 异议审查: the justice bureau decides objections to refusals within its region (法律援助法 Art. 49). */
export default async function LeaderObjectionsPage() {
  const all = await loadPage(listObjections, {}, "/leader/legal-aid");
  const open = all.filter((o) => !o.decidedAt);
  const decided = all.filter((o) => o.decidedAt);

  return (
    <div className="space-y-6">
      <p>
        <BackLink href="/leader">← 返回领导驾驶舱</BackLink>
      </p>
      <PageHeader
        title="法律援助异议审查"
        description="申请人对法律援助机构不予法律援助的决定有异议的，司法行政部门应当自收到异议之日起五日内审查，作出维持或者责令改正的决定（法律援助法第四十九条）。"
      />
      <p>
        {/* The 点援制 figures have their own page: this one is the objections worklist. */}
        <Link href="/leader/legal-aid/choice" className="inline-flex min-h-11 items-center font-medium">
          点援制指标：点援率、决定到律师接单的用时、律师接单情况 →
        </Link>
      </p>

      <section aria-labelledby="open-heading">
        <h2 id="open-heading" className="text-xl font-bold">待审查的异议（{open.length}）</h2>
        {/* A decided objection leaves the open list in the render that carries its result: the panel announces it. */}
        <StepPanel className="mt-3 space-y-3">
          {open.length === 0 ? (
            <EmptyState className="mt-3" headingAs="h3" title="没有待审查的异议" description="本辖区暂时没有需要审查的法律援助异议。" />
          ) : (
            <ul className="mt-3 space-y-4">
              {open.map((o) => (
                <li key={o.id}>
                  <article aria-labelledby={`objection-${o.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
                    <ObjectionHeading o={o} />
                    <ObjectionFacts o={o} />
                    <div className="mt-4 border-t border-slate-200 pt-4">
                      <DecideObjectionForm number={o.number} id={`objection-${o.id}-decide`} />
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          )}
        </StepPanel>
      </section>

      <section aria-labelledby="decided-heading">
        <h2 id="decided-heading" className="text-xl font-bold">最近审查的异议</h2>
        {decided.length === 0 ? (
          <p className="mt-3 text-slate-600">还没有审查过的异议。</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {decided.map((o) => (
              <li key={o.id}>
                <article aria-labelledby={`objection-${o.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
                  <ObjectionHeading o={o} />
                  <ObjectionFacts o={o} />
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ObjectionHeading({ o }: { o: Objection }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <h3 id={`objection-${o.id}`} className="text-lg font-semibold text-slate-900">
        {o.applicantName} · {o.category}
      </h3>
      {o.outcome ? (
        <Badge tone={o.outcome === "CORRECTED" ? "warning" : "neutral"}>{OBJECTION_OUTCOME_LABELS[o.outcome]}</Badge>
      ) : (
        <DueBadge state={o.dueState} />
      )}
    </div>
  );
}

function ObjectionFacts({ o }: { o: Objection }) {
  return (
    <dl className="mt-3 grid gap-x-4 gap-y-2 text-slate-700 sm:grid-cols-[8rem_1fr]">
      <dt className="font-medium text-slate-900">申请编号</dt>
      <dd>{o.number}</dd>
      <dt className="font-medium text-slate-900">法律援助机构</dt>
      <dd>{o.centre}</dd>
      <dt className="font-medium text-slate-900">对方当事人</dt>
      <dd>{o.opposingParty}</dd>
      <dt className="font-medium text-slate-900">案情</dt>
      <dd className="whitespace-pre-line">{o.facts}</dd>
      <dt className="font-medium text-slate-900">不予援助的理由</dt>
      <dd className="whitespace-pre-line">
        {o.refusalReasons ?? "（未记录）"}
        {o.refusedAt ? <span className="block text-sm text-slate-600">决定时间 <DateTime value={o.refusedAt} /></span> : null}
      </dd>
      <dt className="font-medium text-slate-900">异议理由</dt>
      <dd className="whitespace-pre-line">{o.reason}</dd>
      <dt className="font-medium text-slate-900">提出时间</dt>
      <dd><DateTime value={o.filedAt} /></dd>
      {o.decidedAt ? (
        <>
          <dt className="font-medium text-slate-900">审查决定</dt>
          <dd>
            <DateTime value={o.decidedAt} />
            {o.decidedBy ? `，${o.decidedBy}` : null}
            {o.decidedAt > o.dueAt ? <span className="ml-2 font-semibold text-danger">超过审查期限</span> : null}
          </dd>
          <dt className="font-medium text-slate-900">审查意见</dt>
          <dd className="whitespace-pre-line">{o.decisionNote}</dd>
        </>
      ) : (
        <>
          <dt className="font-medium text-slate-900">审查期限</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <DateTime value={o.dueAt} /> <Countdown due={o.dueAt} />
          </dd>
        </>
      )}
    </dl>
  );
}
