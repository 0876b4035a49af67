import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getLegalAidCase } from "@/lib/legal-aid/queries";
import { listLawyerCandidates } from "@/lib/legal-aid/assignment";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { AttachmentList } from "@/components/work-orders/attachment-list";
import { TimelineSection } from "@/components/work-orders/timeline";
import { CaseStatusBadge } from "@/components/legal-aid/case-status";
import { CaseDeadlines, CaseDetails, CaseDocuments } from "@/components/legal-aid/case-details";
import { Badge } from "@/components/ui/badge";
import { ChoiceStatus } from "@/components/legal-aid/choice-status";
import { ConsentList } from "@/components/personal-data/consent-list";
import { listConsents } from "@/lib/personal-data/consent";
import { CaseActions, type Candidate, type OpenRequest } from "./_components/case-actions";
import { revealNumber } from "../actions";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `法律援助案件 ${(await params).number}` };
}

/** One legal-aid case for the deciding centre: the record, the deadline, and the officer's steps. */
export default async function StaffLegalAidCasePage({ params }: { params: Params }) {
  const { number } = await params;
  const returnTo = `/staff/legal-aid/${number}`;
  const me = await loadPage(getMe, {}, returnTo);
  if (me.role === "RESIDENT") redirect(`/resident/legal-aid/${number}`);
  if (me.role === "LAWYER") redirect(`/lawyer/legal-aid/${number}`);
  const c = await loadPage(getLegalAidCase, { number }, returnTo);
  const consents = await loadPage(listConsents, { number }, returnTo);
  const officer = me.role === "LEGAL_AID_OFFICER";
  const candidates: Candidate[] = officer && c.status === "APPROVED" ? (await loadPage(listLawyerCandidates, { number }, returnTo)).candidates : [];
  const openRequests = c.requests.filter((r) => !r.decidedAt) as OpenRequest[];
  const openObjection = c.objections.find((o) => !o.decidedAt);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/legal-aid" className="inline-flex min-h-11 items-center">← 返回法律援助审查</Link>
      </p>
      <PageHeader
        title={<>法律援助案件 {c.number}</>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CaseStatusBadge status={c.status} />
            {c.greenChannel ? <Badge tone="success">绿色通道</Badge> : null}
            {c.advanceAid ? <Badge tone="warning">先行援助</Badge> : null}
            <span>{c.applicant.name} · {c.matter.category}</span>
          </span>
        }
      />
      <CaseDeadlines c={c} />
      {openObjection ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          申请人已对不予法律援助的决定提出异议，司法局正在审查：{openObjection.reason}
        </p>
      ) : null}

      {officer ? (
        <section aria-labelledby="actions-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="actions-heading" className="text-lg font-semibold">办理</h2>
          <CaseActions
            number={c.number}
            status={c.status}
            materialsRequested={!!c.materials}
            candidates={candidates}
            openRequests={openRequests}
            rated={!!c.followUp}
            graded={!!c.quality}
          />
        </section>
      ) : (
        <p className="text-slate-700">审查、指派和归档由法律援助审查人员办理。</p>
      )}

      <ChoiceStatus c={c} audience="staff" />
      <CaseDetails c={c} audience="staff" reveal={revealNumber} />
      <ConsentList consents={consents} />
      {c.attachments.length ? (
        <Card title="材料" as="section">
          <AttachmentList number={c.number} attachments={c.attachments} base="/api/v1/legal-aid/applications" title="申请材料、补充材料和结案材料" />
        </Card>
      ) : null}
      <CaseDocuments c={c} />

      <TimelineSection events={c.events} audience="staff" />
    </div>
  );
}
