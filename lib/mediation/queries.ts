import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MediationCategory, MediationSource } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase, type UseCaseResult } from "@/lib/api/use-case";
import { mediationScope } from "@/lib/auth/scope";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { decryptField } from "@/lib/crypto";
import { maskIdNumber, maskPhone } from "@/lib/identity/id-number";
import { fromDbDate } from "@/lib/calendar/working-days";
import { dueState } from "@/lib/work-orders/deadlines";
import { loadRule } from "@/lib/work-orders/routing";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { inCaseTeam } from "@/lib/mediation/case";
import { partiesText } from "@/lib/mediation/intake";
import {
  MEDIATION_CATEGORY_LABELS, MEDIATION_SOURCE_LABELS, MEDIATION_STATUS_LABELS, OPEN_MEDIATION_STATUSES, PARTICIPANT_KIND_LABELS,
  SESSION_PLACE_LABELS, type ParticipantKind, type SessionPlaceKind,
} from "@/lib/mediation/labels";

// What the mediation pages and GET /api/v1/mediation/cases/{number} read. Personal data follows
// Art. 15 (mediators keep parties' privacy) and decision 008: phones, addresses and session minutes
// in full only for the case team (the committee holding the case, the mediator, co-mediators); a
// party sees their own phone; ID numbers are always masked (revealing one is a separate step).

const iso = (d: Date | null) => d?.toISOString() ?? null;
const day = (d: Date | null) => (d ? fromDbDate(d) : null);
const dueSoonHours = async (db: Tx) => (await loadRule(db, "MEDIATION")).dueSoonHours;

async function organizationNames(db: Tx, events: { fromOrganizationId: number | null; toOrganizationId: number | null }[]) {
  const ids = [...new Set(events.flatMap((e) => [e.fromOrganizationId, e.toOrganizationId]).filter((x): x is number => x !== null))];
  const orgs = ids.length ? await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(orgs.map((o) => [o.id, o.name]));
}

/**
 * One case with everything its pages show, for the committee (steps, full contacts when in the
 * case team), a higher tier reading through its subtree (masked) or a party (their own contact
 * only). Out of scope is 404. A view that shows parties' contacts in full is audited.
 */
export const getMediationCase = defineUseCase({
  name: "mediation.read",
  permission: "mediation.read",
  write: false,
  input: z.object({ number: WorkOrderNumber }),
  audit: "view",
  target: (i) => ({ type: "MediationCase", id: i.number }),
  async run({ db, actor, input, meta }) {
    const c = await db.mediationCase.findFirst({
      where: { AND: [{ workOrder: { number: input.number } }, mediationScope(actor)] },
      include: {
        mediator: { select: { id: true, name: true } },
        parties: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
        participants: { orderBy: { id: "asc" } },
        sessions: { orderBy: [{ scheduledAt: "asc" }, { id: "asc" }] },
        workOrder: {
          select: {
            id: true, number: true, status: true, channel: true, description: true, dueAt: true, createdAt: true, closedAt: true, closedOnTime: true, resultSummary: true,
            organization: { select: { id: true, name: true, tier: true, phone: true, address: true } },
            region: { select: { code: true, name: true } },
            events: { orderBy: { id: "asc" } },
          },
        },
      },
    });
    if (!c) throw notFound("调解案件");
    const isResident = actor.role === "RESIDENT";
    const inTeam = !isResident && (await inCaseTeam(db, actor, c.id, c.workOrder.organization.id));
    const now = new Date();
    const open = OPEN_MEDIATION_STATUSES.includes(c.status);
    const orgNames = await organizationNames(db, c.workOrder.events);
    const mine = (userId: number | null) => isResident && userId !== null && userId === actor.userId;
    const contact = (value: string | null, own: boolean) => (value ? (inTeam || own ? value : maskPhone(value)) : null);
    if (inTeam && c.parties.some((p) => p.phone || p.idCipher || p.address)) {
      await recordAudit(db, actor, meta, { action: "mediation.parties.view", result: "SUCCESS", target: { type: "MediationCase", id: c.workOrder.number } });
    }
    const signatures = (c.signatures ?? {}) as Record<string, unknown>;
    return {
      id: c.id,
      number: c.workOrder.number,
      status: c.status,
      statusLabel: MEDIATION_STATUS_LABELS[c.status],
      open,
      orderStatus: c.workOrder.status,
      channel: c.workOrder.channel,
      source: c.source,
      sourceLabel: MEDIATION_SOURCE_LABELS[c.source],
      category: c.category,
      categoryLabel: MEDIATION_CATEGORY_LABELS[c.category],
      /** the facts and disputed matters as registered */
      summary: c.workOrder.description,
      amountInvolved: c.amountInvolved?.toFixed(2) ?? null,
      peopleInvolved: c.peopleInvolved,
      major: c.major,
      crimeRisk: c.crimeRisk,
      crimePrevented: c.crimePrevented,
      referral: c.referralAuthority
        ? { authority: c.referralAuthority, reference: c.referralReference, deadline: day(c.referralDeadline) }
        : null,
      screeningNote: c.screeningNote,
      registeredAt: c.workOrder.createdAt.toISOString(),
      /** the committee: the organization the order sits with now */
      committee: c.workOrder.organization,
      region: c.workOrder.region,
      mediator: c.mediator,
      mediatorChosenByParties: c.mediatorChosenByParties,
      assignedAt: iso(c.assignedAt),
      parties: c.parties.map((p) => {
        const own = mine(p.userId);
        return {
          id: p.id,
          role: p.role,
          name: p.name,
          phone: contact(p.phone, own),
          idNumber: p.idCipher ? maskIdNumber(decryptField(p.idCipher)) : null,
          address: inTeam || own ? p.address : null,
          agentName: p.agentName,
          agentPhone: contact(p.agentPhone, own),
          consent: p.consent,
          consentAt: iso(p.consentAt),
          hasAccount: p.userId !== null,
          /** the party is the signed-in resident */
          isMe: own,
          signed: p.id in signatures,
        };
      }),
      participants: c.participants.map((p) => ({
        id: p.id, kind: p.kind, kindLabel: PARTICIPANT_KIND_LABELS[p.kind as ParticipantKind] ?? p.kind, name: p.name, unit: p.unit, userId: p.userId,
        addedAt: p.addedAt.toISOString(),
      })),
      sessions: c.sessions.map((s) => ({
        id: s.id,
        scheduledAt: s.scheduledAt.toISOString(),
        placeKind: s.placeKind,
        placeLabel: SESSION_PLACE_LABELS[s.placeKind as SessionPlaceKind] ?? s.placeKind,
        place: s.place,
        videoLink: s.videoLink,
        public: s.public,
        heldAt: iso(s.heldAt),
        // Minutes stay with the team (Art. 15): the parties know what was said, others need not read it.
        attendees: inTeam ? s.attendees : null,
        minutes: inTeam ? s.minutes : null,
      })),
      deadlines: {
        dueAt: c.workOrder.dueAt.toISOString(),
        dueState: open ? dueState(c.workOrder.dueAt, now, await dueSoonHours(db)) : ("ok" as const),
        extendedDays: c.extendedDays,
        referralDeadline: day(c.referralDeadline),
        closedAt: iso(c.workOrder.closedAt),
        closedOnTime: c.workOrder.closedOnTime,
      },
      outcome: {
        endedAt: iso(c.endedAt),
        resultSummary: c.workOrder.resultSummary,
        failureReason: c.failureReason,
        routesTold: c.routesTold,
        withdrawalReason: c.withdrawalReason,
        refusalNote: c.refusalNote,
      },
      agreement: c.agreementSignedOn || c.agreementTerms
        ? {
            oral: c.agreementOral,
            facts: c.agreementFacts,
            disputes: c.agreementDisputes,
            responsibilities: c.agreementResponsibilities,
            terms: c.agreementTerms,
            performanceManner: c.performanceManner,
            performanceDueOn: day(c.performanceDueOn),
            signedOn: day(c.agreementSignedOn),
          }
        : null,
      confirmation: {
        dueOn: day(c.confirmationDueOn),
        warnedAt: iso(c.confirmationWarnedAt),
        appliedOn: day(c.confirmationAppliedOn),
        court: c.confirmationCourt,
        acceptedOn: day(c.confirmationAcceptedOn),
        granted: c.confirmationGranted,
        note: c.confirmationNote,
      },
      performance: {
        result: c.performance,
        checkedAt: iso(c.performanceCheckedAt),
        note: c.performanceNote,
        route: c.performanceRoute,
      },
      reportedToCourtAt: iso(c.reportedToCourtAt),
      /** the timeline, in the work-order format (components/work-orders/timeline) */
      events: c.workOrder.events.map((e) => ({
        id: String(e.id), at: e.at.toISOString(), kind: e.kind, actorName: isResident ? null : e.actorName, reason: e.reason, body: e.body,
        from: e.fromOrganizationId ? orgNames.get(e.fromOrganizationId) ?? null : null,
        to: e.toOrganizationId ? orgNames.get(e.toOrganizationId) ?? null : null,
      })),
      /** full contacts and the committee's steps */
      inTeam,
    };
  },
});
export type MediationCaseView = UseCaseResult<typeof getMediationCase>;

// ───────────── the committee's lists ─────────────

export const MEDIATION_VIEWS = ["mine", "committee", "done"] as const;
export type MediationView = (typeof MEDIATION_VIEWS)[number];

const optionalEnum = <T extends Record<string, string>>(e: T, message: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(e, { error: message }).optional());

export const ListMediationInput = z.object({
  view: z.preprocess((v) => (v === "" ? undefined : v), z.enum(MEDIATION_VIEWS, { error: "视图无效" }).default("mine")),
  category: optionalEnum(MediationCategory, "纠纷类别无效"),
  source: optionalEnum(MediationSource, "案件来源无效"),
  /** only 重大纠纷 / 民转刑风险 cases */
  flag: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["major", "crimeRisk", "referral"], { error: "筛选条件无效" }).optional()),
});

function viewWhere(actor: Actor, view: MediationView): Prisma.MediationCaseWhereInput {
  const me = actor.userId ?? -1;
  switch (view) {
    case "mine":
      return { status: { in: OPEN_MEDIATION_STATUSES }, OR: [{ mediatorUserId: me }, { participants: { some: { userId: me } } }] };
    case "committee":
      return { status: { in: OPEN_MEDIATION_STATUSES } };
    default:
      return { status: { notIn: OPEN_MEDIATION_STATUSES } };
  }
}

const FLAG_WHERE: Record<"major" | "crimeRisk" | "referral", Prisma.MediationCaseWhereInput> = {
  major: { major: true },
  crimeRisk: { crimeRisk: true },
  referral: { referralAuthority: { not: null } },
};

const LIST_LIMIT = 500;

/**
 * 调解员工作台: my cases (as mediator or co-mediator), all open cases of my committee and the
 * committees below it, or the ended ones. Open cases come by the next session, then by the
 * deadline; a few hundred per committee at most, so they are read whole and ordered here.
 */
export const listMediationCases = defineUseCase({
  name: "mediation.list",
  permission: "mediation.read",
  write: false,
  input: ListMediationInput,
  async run({ db, actor, input }) {
    if (actor.role === "RESIDENT") throw new AppError("FORBIDDEN", "您没有执行此操作的权限");
    const now = new Date();
    const scope = mediationScope(actor);
    const filters: Prisma.MediationCaseWhereInput[] = [
      ...(input.category ? [{ category: input.category }] : []),
      ...(input.source ? [{ source: input.source }] : []),
      ...(input.flag ? [FLAG_WHERE[input.flag]] : []),
    ];
    const counts = Object.fromEntries(
      await Promise.all(MEDIATION_VIEWS.map(async (v) => [v, await db.mediationCase.count({ where: { AND: [scope, viewWhere(actor, v), ...filters] } })] as const)),
    ) as Record<MediationView, number>;
    const rows = await db.mediationCase.findMany({
      where: { AND: [scope, viewWhere(actor, input.view), ...filters] },
      take: LIST_LIMIT,
      orderBy: input.view === "done" ? [{ endedAt: "desc" }, { id: "desc" }] : { id: "asc" },
      select: {
        status: true, category: true, source: true, major: true, crimeRisk: true, referralAuthority: true, referralDeadline: true,
        peopleInvolved: true, endedAt: true, extendedDays: true,
        mediator: { select: { id: true, name: true } },
        parties: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { name: true } },
        sessions: { where: { heldAt: null, scheduledAt: { gte: now } }, orderBy: { scheduledAt: "asc" }, take: 1, select: { scheduledAt: true, place: true, placeKind: true } },
        workOrder: { select: { number: true, dueAt: true, createdAt: true, organization: { select: { id: true, name: true } } } },
      },
    });
    const soon = await dueSoonHours(db);
    const items = rows.map((r) => {
      const open = OPEN_MEDIATION_STATUSES.includes(r.status);
      const next = r.sessions[0] ?? null;
      return {
        number: r.workOrder.number,
        status: r.status,
        statusLabel: MEDIATION_STATUS_LABELS[r.status],
        category: r.category,
        categoryLabel: MEDIATION_CATEGORY_LABELS[r.category],
        source: r.source,
        /** "张三、李四、王五等 25 方" */
        partiesText: partiesText(r.parties.map((p) => p.name)),
        partyCount: r.parties.length,
        committee: r.workOrder.organization,
        mediator: r.mediator,
        nextSession: next
          ? { at: next.scheduledAt.toISOString(), place: next.place, placeLabel: SESSION_PLACE_LABELS[next.placeKind as SessionPlaceKind] ?? next.placeKind }
          : null,
        registeredAt: r.workOrder.createdAt.toISOString(),
        dueAt: r.workOrder.dueAt.toISOString(),
        dueState: open ? dueState(r.workOrder.dueAt, now, soon) : ("ok" as const),
        extendedDays: r.extendedDays,
        endedAt: iso(r.endedAt),
        flags: {
          major: r.major,
          crimeRisk: r.crimeRisk,
          referral: r.referralAuthority ? { authority: r.referralAuthority, deadline: day(r.referralDeadline) } : null,
        },
      };
    });
    if (input.view !== "done") {
      // Cases with a session coming first (soonest first), then the rest by the deadline.
      items.sort((a, b) =>
        (a.nextSession ? 0 : 1) - (b.nextSession ? 0 : 1) ||
        (a.nextSession?.at ?? "").localeCompare(b.nextSession?.at ?? "") ||
        a.dueAt.localeCompare(b.dueAt),
      );
    }
    return { view: input.view, counts, items, truncated: rows.length === LIST_LIMIT };
  },
});
export type MediationListItem = UseCaseResult<typeof listMediationCases>["items"][number];

/** A resident's own mediation cases (as any party, or as the one who applied), newest first. */
export const listMyMediationCases = defineUseCase({
  name: "mediation.mine",
  permission: "mediation.read",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    if (actor.role !== "RESIDENT") return [];
    const now = new Date();
    const rows = await db.mediationCase.findMany({
      where: mediationScope(actor),
      orderBy: { id: "desc" },
      take: 100,
      select: {
        status: true, category: true,
        parties: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { name: true, role: true, userId: true } },
        sessions: { where: { heldAt: null, scheduledAt: { gte: now } }, orderBy: { scheduledAt: "asc" }, take: 1, select: { scheduledAt: true, place: true } },
        workOrder: { select: { number: true, createdAt: true, organization: { select: { name: true } } } },
      },
    });
    return rows.map((r) => ({
      number: r.workOrder.number,
      status: r.status,
      statusLabel: MEDIATION_STATUS_LABELS[r.status],
      categoryLabel: MEDIATION_CATEGORY_LABELS[r.category],
      partiesText: partiesText(r.parties.map((p) => p.name)),
      myRole: r.parties.find((p) => p.userId === actor.userId)?.role ?? null,
      committee: r.workOrder.organization.name,
      registeredAt: r.workOrder.createdAt.toISOString(),
      nextSession: r.sessions[0] ? { at: r.sessions[0].scheduledAt.toISOString(), place: r.sessions[0].place } : null,
    }));
  },
});
