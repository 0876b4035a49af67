import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPage } from "@/lib/api/page";
import { getMe } from "@/lib/accounts/get-me";
import { getMediationCase } from "@/lib/mediation/queries";
import { listMediators } from "@/lib/mediation/steps";
import { PageHeader } from "@/components/ui/page-header";
import { TimelineSection } from "@/components/work-orders/timeline";
import { formatDateTime } from "@/components/work-orders/format";
import { MediationFlags, MediationStatusBadge } from "@/components/mediation/status-badge";
import {
  MediationDeadlines, MediationDetails, MediationOutcome, MediationParticipants, MediationParties, MediationSessions,
} from "@/components/mediation/case-record";
import { AftercareSection } from "@/components/mediation/aftercare-section";
import { ConsentList } from "@/components/personal-data/consent-list";
import { listConsents } from "@/lib/personal-data/consent";
import { MediationSteps, type MediatorOption } from "./_components/case-steps";
import { revealNumber } from "../actions";
import { PARTY_ROLE_LABELS } from "@/lib/mediation/labels";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `调解案件 ${(await params).number}` };
}

const PROCESS_ROLES = new Set(["STAFF", "MEDIATOR"]);

/** One mediation case for the committee: the record, the clock, the parties, the sessions and the committee's steps. */
export default async function StaffMediationCasePage({ params }: { params: Params }) {
  const { number } = await params;
  const returnTo = `/staff/mediation/${number}`;
  const me = await loadPage(getMe, {}, returnTo);
  if (me.role === "RESIDENT") redirect(`/resident/mediation/${number}`);
  const c = await loadPage(getMediationCase, { number }, returnTo);
  const consents = await loadPage(listConsents, { number }, returnTo);
  // The steps are for the committee's own people (and the mediator); a higher tier reads the case.
  const acts = PROCESS_ROLES.has(me.role) && c.inTeam;
  const committee = acts ? await loadPage(listMediators, { number }, returnTo) : null;
  const mediators: MediatorOption[] = committee?.mediators ?? [];

  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/mediation" className="inline-flex min-h-11 items-center">← 返回人民调解工作台</Link>
      </p>
      <PageHeader
        title={<>调解案件 {c.number}</>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <MediationStatusBadge status={c.status} />
            <MediationFlags major={c.major} crimeRisk={c.crimeRisk} referral={c.referral ? { authority: c.referral.authority, deadline: c.referral.deadline } : null} />
            <span>{c.categoryLabel} · {c.committee.name}</span>
          </span>
        }
      />
      <MediationDeadlines c={c} />

      {acts ? (
        <section aria-labelledby="steps-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="steps-heading" className="text-lg font-semibold">调解工作</h2>
          <MediationSteps
            number={c.number}
            status={c.status}
            committee={c.committee.name}
            parentName={committee?.parent?.name ?? null}
            mediators={mediators}
            participants={c.participants.map((p) => ({ id: p.id, name: p.name, kindLabel: p.kindLabel, unit: p.unit }))}
            pendingSessions={c.sessions
              .filter((s) => !s.heldAt)
              .map((s) => ({ id: s.id, label: `${formatDateTime(s.scheduledAt)}，${s.placeLabel}：${s.place}` }))}
            defaultPlace={c.committee.address ?? c.committee.name}
            pendingParties={c.parties.filter((x) => x.consent === "PENDING").map((x) => ({ id: x.id, label: `${x.name}（${PARTY_ROLE_LABELS[x.role]}）` }))}
          />
        </section>
      ) : (
        <p className="text-slate-700">本案由{c.committee.name}办理，您可以查看案件情况。</p>
      )}

      <AftercareSection number={c.number} />

      <MediationParties c={c} reveal={revealNumber} />
      <ConsentList consents={consents} />
      <MediationSessions c={c} />
      <MediationParticipants c={c} />
      <MediationOutcome c={c} />
      <MediationDetails c={c} />
      <TimelineSection events={c.events} audience="staff" />
    </div>
  );
}
