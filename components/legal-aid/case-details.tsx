import type { getLegalAidCase } from "@/lib/legal-aid/queries";
import type { UseCaseResult } from "@/lib/api/use-case";
import { AID_FORM_LABELS, ECONOMIC_BASIS_LABELS } from "@/lib/legal-aid/application-schemas";
import { OUTCOME_LABELS, QUALITY_GRADE_LABELS, QUALITY_METHODS, TERMINATION_REASONS, type QualityMethod, type TerminationReason } from "@/lib/legal-aid/labels";
import { CHANNEL_LABELS, RATING_VIA_LABELS, SATISFACTION_LABELS } from "@/lib/work-orders/labels";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/work-orders/format";
import { DueBadge } from "@/components/work-orders/due-badge";
import { Countdown } from "@/components/legal-aid/case-status";
import { RevealNumber, type RevealAction } from "@/components/personal-data/reveal-number";
import { availableDocumentKinds, documentHref, DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/legal-aid/documents";

export type LegalAidCase = UseCaseResult<typeof getLegalAidCase>;

const yuan = (v: string) => `${Number(v).toLocaleString("zh-CN", { minimumFractionDigits: 2 })} 元`;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** 期限: the legal deadline the case runs against now, with a countdown. */
export function CaseDeadlines({ c }: { c: LegalAidCase }) {
  const d = c.deadlines;
  if (!d.decisionDueAt && !d.assignDueAt && !(c.materials && !c.materials.suppliedAt && c.status === "MATERIALS_REQUESTED") && !(d.closingDueAt && !c.closing)) {
    return null;
  }
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
      {d.decisionDueAt ? (
        <Row label="审查决定期限">
          <span className="flex flex-wrap items-center gap-2">
            <DateTime value={d.decisionDueAt} />
            {d.paused ? <span>（等待补充材料，已暂停计时）</span> : <><Countdown due={d.decisionDueAt} /><DueBadge state={d.decisionDueState} /></>}
          </span>
        </Row>
      ) : null}
      {c.status === "MATERIALS_REQUESTED" && c.materials?.dueAt ? (
        <Row label="补充材料截止">
          <span className="flex flex-wrap items-center gap-2"><DateTime value={c.materials.dueAt} /><Countdown due={c.materials.dueAt} /></span>
        </Row>
      ) : null}
      {d.assignDueAt ? (
        <Row label="指派律师期限">
          <span className="flex flex-wrap items-center gap-2"><DateTime value={d.assignDueAt} /><Countdown due={d.assignDueAt} /><DueBadge state={d.assignDueState} /></span>
        </Row>
      ) : null}
    </dl>
  );
}

/**
 * The case record: applicant, matter, economic basis, decision, lawyer, closing, follow-up. The ID
 * number is masked; `reveal` (for the roles that may see it in full) adds "显示完整号码".
 */
export function CaseDetails({ c, audience, reveal }: { c: LegalAidCase; audience: "staff" | "applicant"; reveal?: RevealAction }) {
  const econ = c.economicDetail as { declaration?: { monthlyIncome?: number; householdSize?: number } };
  return (
    <>
      <Card title="申请人与事项" as="section">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          <Row label="申请人">
            {c.applicant.name}（{reveal ? <RevealNumber masked={c.applicant.idNumber} input={{ kind: "legalAidApplicant", number: c.number }} action={reveal} /> : <>身份证 {c.applicant.idNumber}</>}）
          </Row>
          <Row label="联系电话">{audience === "staff" && c.applicant.phone ? <a href={`tel:${c.applicant.phone}`}>{c.applicant.phone}</a> : c.applicant.phone}</Row>
          <Row label="住址">{c.applicant.address}</Row>
          {c.agent ? <Row label="代理人">{c.agent.name}（{c.agent.relation}，{c.agent.phone}）</Row> : null}
          <Row label="事项类别">{c.matter.category}</Row>
          <Row label="对方当事人">{c.matter.opposingParty}</Row>
          {c.matter.authority ? <Row label="办案机关或法院">{c.matter.authority}</Row> : null}
          {c.matter.urgentDeadline ? <Row label="紧急期限">{c.matter.urgentDeadline}</Row> : null}
          <Row label="申请的援助形式">{AID_FORM_LABELS[c.aidForm]}</Row>
          <Row label="经济状况">
            {ECONOMIC_BASIS_LABELS[c.economicBasis]}
            {econ.declaration ? `：家庭月收入 ${econ.declaration.monthlyIncome} 元，${econ.declaration.householdSize} 人` : ""}
          </Row>
          {c.greenChannel ? <Row label="绿色通道">是{c.sensitiveConsent ? "（已单独同意处理敏感个人信息）" : ""}</Row> : null}
          <Row label="来源渠道">{CHANNEL_LABELS[c.channel]}</Row>
          <Row label="申请时间"><DateTime value={c.submittedAt} /></Row>
          <Row label="审查机构">{c.organization.name}</Row>
        </dl>
        <h3 className="mt-4 font-semibold">案情简述</h3>
        <p className="mt-1 whitespace-pre-wrap">{c.matter.facts}</p>
      </Card>

      {c.materials ? (
        <Card title="一次性告知补充材料" as="section">
          <ol className="list-decimal space-y-1 pl-6">
            {c.materials.list.map((m) => <li key={m}>{m}</li>)}
          </ol>
          <p className="mt-2 text-slate-700">
            告知时间 <DateTime value={c.materials.requestedAt} />
            {c.materials.suppliedAt ? <>，已于 <DateTime value={c.materials.suppliedAt} /> 补充</> : null}
          </p>
        </Card>
      ) : null}

      {c.decision || c.advanceAid || c.lawyer || c.closing || c.termination ? (
        <Card title="决定与承办" as="section">
          <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
            {c.advanceAid ? <Row label="先行援助"><DateTime value={c.advanceAid.at} />：{c.advanceAid.reason}</Row> : null}
            {c.decision ? (
              <Row label={c.status === "REFUSED" ? "不予援助决定" : "审查决定"}>
                <DateTime value={c.decision.at} />
                {c.decision.onTime === false ? "（超过 7 日期限）" : ""}
                {c.decision.reason ? <span className="block whitespace-pre-wrap">{c.decision.reason}</span> : null}
              </Row>
            ) : null}
            {c.lawyer ? (
              <Row label="承办律师">
                {c.lawyer.name}（{c.lawyer.firm}{c.lawyer.firmPhone ? `，${c.lawyer.firmPhone}` : ""}）
              </Row>
            ) : null}
            {c.assignment ? (
              <Row label="指派时间">
                <DateTime value={c.assignment.at} />
                {c.assignment.sameDay ? "（当天申请、当天受理、当天指派）" : c.assignment.onTime === false ? "（超过 3 日期限）" : ""}
              </Row>
            ) : null}
            {c.closing ? (
              <>
                <Row label="结案">
                  <DateTime value={c.closing.at} />，{c.closing.outcome ? OUTCOME_LABELS[c.closing.outcome] : ""}
                  {c.closing.onTime === false ? "（结案材料逾期提交）" : ""}
                </Row>
                {c.closing.summary ? <Row label="结案情况"><span className="whitespace-pre-wrap">{c.closing.summary}</span></Row> : null}
                <Row label="挽回经济损失">{yuan(c.closing.moneyRecovered)}</Row>
                <Row label="减免收费">{yuan(c.closing.feesWaived)}</Row>
              </>
            ) : null}
            {c.termination ? (
              <Row label="终止法律援助">
                <DateTime value={c.termination.at} />：{TERMINATION_REASONS[c.termination.reason as TerminationReason] ?? c.termination.reason}
              </Row>
            ) : null}
            {c.followUp ? (
              <Row label="受援人评价">
                {SATISFACTION_LABELS[c.followUp.satisfaction]}
                {c.followUp.via ? `（${RATING_VIA_LABELS[c.followUp.via]}）` : ""}
                {c.followUp.comment ? `——${c.followUp.comment}` : ""}
              </Row>
            ) : null}
            {c.quality && audience === "staff" ? (
              <Row label="质量评估">
                {QUALITY_GRADE_LABELS[c.quality.grade]}（{c.quality.methods.map((m) => QUALITY_METHODS[m as QualityMethod] ?? m).join("、")}）
                {c.quality.note ? `——${c.quality.note}` : ""}
              </Row>
            ) : null}
            {c.archivedAt ? <Row label="归档时间"><DateTime value={c.archivedAt} /></Row> : null}
          </dl>
        </Card>
      ) : null}
    </>
  );
}

/** Links to the printable documents this case has produced so far. */
export function CaseDocuments({ c }: { c: LegalAidCase }) {
  const kinds = availableDocumentKinds({
    status: c.status, materialsRequestedAt: c.materials?.requestedAt ?? null, decidedAt: c.decision?.at ?? null,
    lawyerUserId: c.lawyer?.id ?? null, assignedAt: c.assignment?.at ?? null,
  });
  if (!kinds.length) return null;
  const label = (k: DocumentKind) =>
    k === "decision" ? (c.status === "REFUSED" ? "不予法律援助决定书" : "给予法律援助决定书") : DOCUMENT_KIND_LABELS[k];
  return (
    <Card title="文书" as="section">
      <ul className="space-y-1">
        {kinds.map((k) => (
          <li key={k}>
            <a href={documentHref(c.number, k)} className="inline-flex min-h-11 items-center">{label(k)}（可打印）</a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
