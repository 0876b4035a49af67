import Link from "next/link";
import type { ReactNode } from "react";
import { loadPage } from "@/lib/api/page";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { getMediationAftercare, type MediationAftercare } from "@/lib/mediation/aftercare";
import { PERFORMANCE_LABELS, PERFORMANCE_ROUTE_LABELS } from "@/lib/mediation/labels";
import { Step, StepPanel } from "@/components/forms/step-form";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/work-orders/format";
import {
  AgreementForm, ConfirmationAcceptedForm, ConfirmationAppliedForm, ConfirmationResultForm, PerformanceForm, ReportToCourtForm,
} from "@/components/mediation/aftercare-forms";

// The case page's part after the mediation: the agreement (调解协议), 司法确认, 履行回访, the report
// to a delegating court and the printable documents — a summary for everyone who may read the
// case, and the steps for the committee that holds it.

/** 2026-12-03 → 2026年12月3日 */
function day(iso: string | null) {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr]">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="whitespace-pre-wrap text-slate-900">{children}</dd>
    </div>
  );
}

function AgreementSummary({ a }: { a: MediationAftercare }) {
  const g = a.agreement;
  if (!g) return null;
  return (
    <section aria-labelledby="aftercare-agreement" className="space-y-2">
      <h3 id="aftercare-agreement" className="font-semibold text-slate-900">
        {g.oral ? "口头调解协议（调解员记录）" : "调解协议书"}
      </h3>
      <dl className="divide-y divide-slate-100">
        <Row label="纠纷的主要事实">{g.facts}</Row>
        <Row label="争议事项">{g.disputes}</Row>
        <Row label="各方责任">{g.responsibilities}</Row>
        <Row label={g.oral ? "口头协议内容" : "协议内容"}>{g.terms}</Row>
        <Row label="履行方式与期限">{`${g.performanceManner ?? ""}；${day(g.performanceDueOn)}前`}</Row>
        <Row label="协议生效日期">{day(g.signedOn)}</Row>
        {!g.oral ? <Row label="现场签名">{g.signedPartyIds.length ? `${g.signedPartyIds.length} 方已在屏幕上签名` : "未在屏幕上签名（纸面签署）"}</Row> : null}
        {a.crimeRisk ? <Row label="防止民转刑">{a.crimePrevented ? "是" : "否"}</Row> : null}
      </dl>
    </section>
  );
}

function ConfirmationSummary({ a }: { a: MediationAftercare }) {
  const c = a.confirmation;
  if (!a.agreement) return null;
  let state: ReactNode;
  if (!c.available) state = <Badge>不适用</Badge>;
  else if (c.granted === true) state = <Badge tone="success">人民法院已确认有效</Badge>;
  else if (c.granted === false) state = <Badge tone="danger">人民法院不予确认</Badge>;
  else if (c.acceptedOn) state = <Badge tone="info">人民法院已受理</Badge>;
  else if (c.appliedOn) state = <Badge tone="info">已申请</Badge>;
  else if (c.open) state = <Badge tone="warning">可申请，{day(c.dueOn)}前</Badge>;
  else state = <Badge>未在期限内申请</Badge>;
  return (
    <section aria-labelledby="aftercare-confirmation" className="space-y-2">
      <h3 id="aftercare-confirmation" className="font-semibold text-slate-900">
        司法确认
      </h3>
      <dl className="divide-y divide-slate-100">
        <Row label="状态">{state}</Row>
        {c.unavailableReason ? <Row label="说明">{c.unavailableReason}</Row> : null}
        {c.dueOn ? <Row label="申请期限">{`${day(c.dueOn)}前（协议生效之日起 30 日）`}</Row> : null}
        {c.appliedOn ? <Row label="申请">{`${day(c.appliedOn)}，${c.court ?? ""}`}</Row> : null}
        {c.acceptedOn ? <Row label="受理">{day(c.acceptedOn)}</Row> : null}
        {c.note ? <Row label="备注">{c.note}</Row> : null}
      </dl>
    </section>
  );
}

function PerformanceSummary({ a }: { a: MediationAftercare }) {
  const p = a.performance;
  if (!a.agreement) return null;
  return (
    <section aria-labelledby="aftercare-performance" className="space-y-2">
      <h3 id="aftercare-performance" className="font-semibold text-slate-900">
        履行回访
      </h3>
      <dl className="divide-y divide-slate-100">
        <Row label="履行情况">
          {p.result ? (
            <Badge tone={p.result === "PERFORMED" ? "success" : p.result === "PARTLY" ? "warning" : "danger"}>{PERFORMANCE_LABELS[p.result]}</Badge>
          ) : p.due ? (
            <Badge tone="warning">已到履行期限，待回访</Badge>
          ) : (
            "未到履行期限"
          )}
        </Row>
        {p.checkedAt ? <Row label="回访时间">{formatDateTime(p.checkedAt)}</Row> : null}
        {p.route ? <Row label="后续途径">{PERFORMANCE_ROUTE_LABELS[p.route]}</Row> : null}
        {p.note ? <Row label="回访情况">{p.note}</Row> : null}
      </dl>
    </section>
  );
}

export async function AftercareSection({ number }: { number: string }) {
  const a = await loadPage(getMediationAftercare, { number }, `/staff/mediation/${number}`);
  const today = shanghaiDate(new Date());
  const s = a.steps;
  const steps: ReactNode[] = [];
  if (s.agreement) {
    steps.push(
      <Step key="agreement" summary="调解成功，记录协议">
        <AgreementForm
          number={a.number}
          parties={a.parties.map((p) => ({ id: p.id, name: p.name, roleLabel: p.roleLabel }))}
          today={today}
          categoryHint={a.confirmation.hint}
          crimeRisk={a.crimeRisk}
        />
      </Step>,
    );
  }
  if (s.confirmationApplied && a.confirmation.dueOn) {
    steps.push(
      <Step key="confirmation-applied" summary="司法确认：登记当事人的申请" open={a.confirmation.open}>
        <ConfirmationAppliedForm
          number={a.number}
          dueOn={day(a.confirmation.dueOn)}
          defaultCourt={a.referral?.authority ?? null}
          today={today}
          categoryHint={a.confirmation.hint}
        />
      </Step>,
    );
  }
  if (s.confirmationAccepted) {
    steps.push(
      <Step key="confirmation-accepted" summary="司法确认：登记法院受理">
        <ConfirmationAcceptedForm number={a.number} today={today} />
      </Step>,
    );
  }
  if (s.confirmationResult) {
    steps.push(
      <Step key="confirmation-result" summary="司法确认：登记法院的决定">
        <ConfirmationResultForm number={a.number} />
      </Step>,
    );
  }
  if (s.performance) {
    steps.push(
      <Step key="performance" summary={a.performance.result ? "履行回访：更新履行情况" : "履行回访"} open={a.performance.due && !a.performance.result}>
        <PerformanceForm number={a.number} />
      </Step>,
    );
  }
  if (s.reportToCourt) {
    steps.push(
      <Step key="court" summary="向委派法院反馈调解结果" open>
        <ReportToCourtForm number={a.number} court={a.referral?.authority ?? "委派法院"} />
      </Step>,
    );
  }

  const ended = !!a.endedAt;
  if (!steps.length && !a.agreement && !a.documents.length && !(a.referral && ended)) return null;

  return (
    <section aria-labelledby="aftercare-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="aftercare-heading" className="text-lg font-semibold">
        调解协议与后续跟踪
      </h2>
      <AgreementSummary a={a} />
      <ConfirmationSummary a={a} />
      <PerformanceSummary a={a} />
      {a.referral && ended ? (
        <p>
          {a.reportedToCourtAt
            ? `已于 ${formatDateTime(a.reportedToCourtAt)} 向${a.referral.authority ?? "委派法院"}反馈调解结果。`
            : `本案由${a.referral.authority ?? "法院"}委派调解${a.referral.reference ? `（${a.referral.reference}）` : ""}，尚未反馈调解结果。`}
        </p>
      ) : null}
      {a.documents.length ? (
        <nav aria-label="可打印的文书">
          <ul className="flex flex-wrap gap-3">
            {a.documents.map((d) => (
              <li key={d.kind}>
                <Link href={d.href} className="inline-flex min-h-11 items-center">
                  打印《{d.label}》
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {steps.length ? <StepPanel>{steps}</StepPanel> : null}
    </section>
  );
}
