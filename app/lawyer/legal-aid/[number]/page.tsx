import type { Metadata } from "next";
import type { ReactNode } from "react";
import type { AttachmentPurpose } from "@/lib/generated/prisma/enums";
import { loadPage } from "@/lib/api/page";
import { getLawyerCase } from "@/lib/legal-aid/lawyer-case";
import { OUTCOME_LABELS, REQUEST_KIND_LABELS, TERMINATION_REASONS, type TerminationReason } from "@/lib/legal-aid/labels";
import { documentHref, DOCUMENT_KIND_LABELS } from "@/lib/legal-aid/documents";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AttachmentList } from "@/components/work-orders/attachment-list";
import { DateTime } from "@/components/work-orders/format";
import { TimelineSection } from "@/components/work-orders/timeline";
import { CaseStatusBadge } from "@/components/legal-aid/case-status";
import { RevealNumber } from "@/components/personal-data/reveal-number";
import { LawyerCaseActions } from "./_components/lawyer-case-actions";
import { revealNumber } from "../actions";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `承办案件 ${(await params).number}` };
}

const PURPOSES: { purpose: AttachmentPurpose; title: string }[] = [
  { purpose: "REQUEST", title: "申请材料" },
  { purpose: "SUPPLEMENT", title: "补充材料" },
  { purpose: "CLOSING", title: "结案材料" },
];

const yuan = (v: string | null) => `${Number(v ?? 0).toLocaleString("zh-CN", { minimumFractionDigits: 2 })} 元`;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** 承办案件: the case file for the assigned lawyer, and their steps while it is in progress. */
export default async function LawyerLegalAidCasePage({ params }: { params: Params }) {
  const { number } = await params;
  const c = await loadPage(getLawyerCase, { number }, `/lawyer/legal-aid/${number}`);
  const openTermination = c.requests.some((r) => r.kind === "TERMINATION" && !r.decidedAt);
  const limit = `${c.closingLimit.days} 个${c.closingLimit.basis === "CALENDAR_DAYS" ? "自然日" : "工作日"}`;

  return (
    <div className="space-y-6">
      <p><BackLink href="/lawyer">← 返回律师工作台</BackLink></p>
      <PageHeader
        title={<>承办案件 {c.number}</>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CaseStatusBadge status={c.status} />
            {c.greenChannel ? <Badge tone="success">绿色通道</Badge> : null}
            {c.advanceAid ? <Badge tone="warning">先行援助</Badge> : null}
            <span>{c.applicant.name} · {c.matter.category}</span>
          </span>
        }
      />

      {/* Rendered after the case leaves ASSIGNED too, so the outcome of closing stays announced. */}
      <section aria-labelledby="actions-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="actions-heading" className="text-lg font-semibold">办理</h2>
        {c.matter.urgentDeadline && c.status === "ASSIGNED" ? (
          <p className="mt-2 font-medium text-amber-900">紧急期限：{c.matter.urgentDeadline}，请优先办理。</p>
        ) : null}
        {c.status !== "ASSIGNED" ? <p className="mt-2 text-slate-700">本案已不在承办中，无需办理。</p> : null}
        <LawyerCaseActions number={c.number} active={c.status === "ASSIGNED"} today={shanghaiDate(new Date())} terminationPending={openTermination} closingLimit={limit} />
      </section>

      <Card title="受援人与事项" as="section">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <Row label="受援人">
            {c.applicant.name}（<RevealNumber masked={c.applicant.idNumber} input={{ kind: "legalAidApplicant", number: c.number }} action={revealNumber} />）
          </Row>
          <Row label="联系电话"><a href={`tel:${c.applicant.phone}`} className="inline-flex min-h-11 items-center">{c.applicant.phone}</a></Row>
          <Row label="住址">{c.applicant.address}</Row>
          {c.agent ? (
            <Row label="代理人">
              {c.agent.name}（{c.agent.relation}
              {c.agent.phone ? <>，<a href={`tel:${c.agent.phone}`}>{c.agent.phone}</a></> : null}）
            </Row>
          ) : null}
          <Row label="事项类别">{c.matter.category}</Row>
          <Row label="对方当事人">{c.matter.opposingParty}</Row>
          {c.matter.authority ? <Row label="办案机关或法院">{c.matter.authority}</Row> : null}
          {c.matter.urgentDeadline ? <Row label="紧急期限">{c.matter.urgentDeadline}</Row> : null}
          <Row label="援助形式">{c.aidFormLabel}</Row>
          <Row label="申请时间"><DateTime value={c.submittedAt} /></Row>
          {c.assignedAt ? <Row label="指派时间"><DateTime value={c.assignedAt} /></Row> : null}
          <Row label="法律援助机构">
            {c.centre.name}（<a href={`tel:${c.centre.phone}`}>{c.centre.phone}</a>）
          </Row>
        </dl>
        <h3 className="mt-4 font-semibold">案情简述</h3>
        <p className="mt-1 whitespace-pre-wrap">{c.matter.facts}</p>
      </Card>

      {c.closing.closedAt || c.termination ? (
        <Card title="结案情况" as="section">
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            {c.closing.closedAt ? (
              <>
                <Row label="办理结果">{c.closing.outcome ? OUTCOME_LABELS[c.closing.outcome] : "—"}</Row>
                <Row label="办结日期">{c.closing.endedOn}</Row>
                <Row label="提交结案材料">
                  <DateTime value={c.closing.closedAt} />
                  {c.closing.dueAt ? <>（期限 <DateTime value={c.closing.dueAt} />{c.closing.onTime === false ? "，已逾期" : "，按期提交"}）</> : null}
                </Row>
                <Row label="挽回经济损失">{yuan(c.closing.moneyRecovered)}</Row>
                <Row label="减免收费">{yuan(c.closing.feesWaived)}</Row>
                {c.closing.summary ? <Row label="结案小结"><span className="whitespace-pre-wrap">{c.closing.summary}</span></Row> : null}
              </>
            ) : null}
            {c.termination ? (
              <Row label="终止法律援助">
                <DateTime value={c.termination.at} />：{TERMINATION_REASONS[c.termination.reason as TerminationReason] ?? c.termination.reason}
              </Row>
            ) : null}
          </dl>
        </Card>
      ) : null}

      {c.requests.length ? (
        <Card title="申请事项" as="section">
          <ul className="space-y-3">
            {c.requests.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 px-4 py-3">
                <p className="flex flex-wrap items-center gap-2">
                  <strong>{REQUEST_KIND_LABELS[r.kind]}</strong>
                  {r.decidedAt ? (
                    <Badge tone={r.approved ? "success" : "neutral"}>{r.approved ? "已同意" : "未同意"}</Badge>
                  ) : (
                    <Badge tone="warning">待法律援助中心处理</Badge>
                  )}
                  <DateTime value={r.filedAt} className="text-sm text-slate-600" />
                </p>
                {r.kind === "TERMINATION" ? <p className="mt-1">理由：{TERMINATION_REASONS[r.reason as TerminationReason] ?? r.reason}</p> : null}
                <p className="mt-1 whitespace-pre-wrap">{r.detail}</p>
                {r.decisionNote ? <p className="mt-1 text-slate-700">处理意见：{r.decisionNote}</p> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card title="材料与文书" as="section">
        {c.attachments.length === 0 ? <p className="text-slate-600">暂无上传的材料。</p> : null}
        {PURPOSES.map(({ purpose, title }) => (
          <AttachmentList
            key={purpose}
            number={c.number}
            base="/api/v1/legal-aid/applications"
            title={title}
            attachments={c.attachments.filter((a) => a.purpose === purpose)}
          />
        ))}
        {c.documents.length ? (
          <div className="mt-4">
            <h3 className="font-semibold">文书</h3>
            <ul className="mt-2 space-y-1">
              {c.documents.map((k) => (
                <li key={k}>
                  <a href={documentHref(c.number, k)} className="inline-flex min-h-11 items-center">
                    {k === "decision" ? "给予法律援助决定书" : DOCUMENT_KIND_LABELS[k]}（可打印）
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>

      <TimelineSection events={c.events} audience="staff" />
    </div>
  );
}
