import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { LegalAidStatus } from "@/lib/generated/prisma/enums";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getLegalAidCase } from "@/lib/legal-aid/queries";
import { listChoiceOptions } from "@/lib/legal-aid/choice";
import { ChoiceStatus } from "@/components/legal-aid/choice-status";
import { LEGAL_AID_STEPS, OBJECTION_OUTCOME_LABELS } from "@/lib/legal-aid/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { HOTLINE } from "@/components/site/hotline";
import { DateTime } from "@/components/work-orders/format";
import { AttachmentList } from "@/components/work-orders/attachment-list";
import { TimelineSection } from "@/components/work-orders/timeline";
import { CaseStatusBadge } from "@/components/legal-aid/case-status";
import { CaseDeadlines, CaseDetails, CaseDocuments, type LegalAidCase } from "@/components/legal-aid/case-details";
import { ConsentList } from "@/components/personal-data/consent-list";
import { listConsents } from "@/lib/personal-data/consent";
import { ApplicantActions } from "./_components/applicant-actions";
import { withdrawSensitiveConsent } from "../actions";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `我的法律援助申请 ${(await params).number}` };
}

/** Where the case is, in plain words, and who has it now. */
function explain(c: LegalAidCase): string {
  const who = c.organization.name;
  const texts: Record<LegalAidStatus, string> = {
    SUBMITTED: `${who}正在审查您的申请，会在期限内作出是否给予法律援助的决定。`,
    MATERIALS_REQUESTED: "还需要您补充下面列出的材料。补充后继续审查；逾期不补充的，视为撤回申请。",
    APPROVED: `${who}已决定给予您法律援助，正在为您指派律师。`,
    REFUSED: "经审查，决定不予法律援助。如有异议，可以在下面提出，由司法局审查。",
    WITHDRAWN: "申请已撤回。如有需要，可以重新申请。",
    ASSIGNED: c.lawyer ? `${c.lawyer.name}律师（${c.lawyer.firm}）正在为您办理，律师会主动联系您。` : "律师正在为您办理。",
    CLOSED: "案件已办结。请对律师的服务进行评价。",
    ARCHIVED: "案件已办结归档。",
    TERMINATED: "法律援助已终止。",
  };
  return texts[c.status];
}

const stepIndex = (s: LegalAidStatus) => LEGAL_AID_STEPS.findIndex((x) => x.status.includes(s));

/** The applicant's view: progress, deadline, what to do now, the documents and the history. */
export default async function ResidentLegalAidPage({ params }: { params: Params }) {
  const { number } = await params;
  const returnTo = `/resident/legal-aid/${number}`;
  const me = await loadPage(getMe, {}, returnTo);
  if (me.role !== "RESIDENT") redirect(me.role === "LAWYER" ? `/lawyer/legal-aid/${number}` : `/staff/legal-aid/${number}`);
  const c = await loadPage(getLegalAidCase, { number }, returnTo);
  const consents = await loadPage(listConsents, { number }, returnTo);
  const current = stepIndex(c.status);
  const stopped = ["REFUSED", "WITHDRAWN"].includes(c.status);
  const lastRefusal = c.decision?.at ?? "";
  const objection = c.objections.at(-1) ?? null;
  const choiceOptions = c.choiceOpen ? await loadPage(listChoiceOptions, { category: c.matterCategoryKey }, returnTo) : null;
  const mayObject = c.status === "REFUSED" && !c.objections.some((o) => o.filedAt >= lastRefusal);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/resident" className="inline-flex min-h-11 items-center">← 返回我的服务</Link>
      </p>
      <PageHeader title="我的法律援助申请" description={<>编号 {c.number}</>} />

      <Card title="办理进度" as="section">
        <p className="flex flex-wrap items-center gap-2 text-lg">
          <CaseStatusBadge status={c.status} />
          <span>{explain(c)}</span>
        </p>
        {!stopped ? (
          <ol className="mt-4 grid gap-2 sm:grid-cols-5" aria-label="办理步骤">
            {LEGAL_AID_STEPS.map((step, i) => (
              <li
                key={step.label}
                aria-current={i === current ? "step" : undefined}
                className={
                  "rounded-md border px-3 py-2 text-center " +
                  (i < current ? "border-green-300 bg-green-50 text-green-900" : i === current ? "border-primary bg-primary-soft font-semibold text-slate-900" : "border-slate-200 text-slate-700")
                }
              >
                {i < current ? "✓ " : ""}{step.label}
              </li>
            ))}
          </ol>
        ) : null}
        <div className="mt-4">
          <CaseDeadlines c={c} />
        </div>
        {objection ? (
          <p className="mt-4 rounded-md border border-slate-300 bg-slate-50 px-4 py-3">
            您于 <DateTime value={objection.filedAt} /> 提出了异议。
            {objection.decidedAt && objection.outcome
              ? `司法局的决定：${OBJECTION_OUTCOME_LABELS[objection.outcome]}。${objection.decisionNote ?? ""}`
              : <>司法局正在审查，期限至 <DateTime value={objection.dueAt} />。</>}
          </p>
        ) : null}
        <p className="mt-4 text-slate-700">有疑问可以拨打 {HOTLINE} 咨询，报上编号 {c.number}。</p>
      </Card>

      <ApplicantActions
        number={c.number}
        status={c.status}
        mayObject={mayObject}
        changeRequested={c.requests.some((r) => r.kind === "CHANGE_LAWYER" && !r.decidedAt)}
        rated={!!c.followUp}
        choice={choiceOptions ? { options: choiceOptions, current: c.choices.map((x) => x.lawyerUserId) } : null}
      />

      <ChoiceStatus c={c} audience="applicant" />

      <CaseDocuments c={c} />
      <CaseDetails c={c} audience="applicant" />
      <ConsentList consents={consents} withdraw={withdrawSensitiveConsent} />
      {c.attachments.length ? (
        <Card title="我提交的材料" as="section">
          <AttachmentList number={c.number} attachments={c.attachments.filter((a) => a.purpose !== "CLOSING")} base="/api/v1/legal-aid/applications" title="材料" />
        </Card>
      ) : null}

      <TimelineSection events={c.events} audience="requester" />
    </div>
  );
}
