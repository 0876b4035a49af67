import { z } from "zod";
import { choiceClosedReason } from "@/lib/legal-aid/choice";
import { loadLegalAidLimits } from "@/lib/legal-aid/case";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { legalAidScope, workOrderScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { dayNumber, fromDayNumber, fromDbDate, shanghaiDate } from "@/lib/calendar/working-days";
import { dueState } from "@/lib/work-orders/deadlines";
import { matterCategoryLabel } from "@/lib/legal-aid/labels";
// (re-exported while the case modules move their imports to labels.ts)
export { matterCategoryLabel };
import { storage } from "@/lib/files/storage";
import { FileDownload } from "@/lib/api/file-download";
import { idParam } from "@/lib/validation";
import { decryptField } from "@/lib/crypto";
import { openJson } from "@/lib/personal-data/sealed-json";
import { maskIdNumber, maskPhone } from "@/lib/identity/id-number";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";

/**
 * One application, for its applicant or the staff whose organization subtree holds its work order
 * (the deciding centre, or the point that took it in while it is there). Others get 404.
 * ID numbers are masked here; revealing one in full is a separate, audited step (issue 9).
 */
export const getLegalAidApplication = defineUseCase({
  name: "legalAid.read",
  permission: "legalAid.read",
  write: false,
  input: z.object({ number: WorkOrderNumber }),
  audit: "view",
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const app = await db.legalAidApplication.findFirst({
      where: { workOrder: { AND: [{ number: input.number }, workOrderScope(actor)] } },
      include: {
        workOrder: {
          select: {
            number: true, status: true, dueAt: true, createdAt: true, channel: true,
            organization: { select: { id: true, name: true } },
            events: { orderBy: { id: "asc" }, select: { at: true, kind: true, reason: true } },
          },
        },
      },
    });
    if (!app) throw notFound("法律援助申请");
    const isStaff = actor.role !== "RESIDENT";
    return {
      number: app.workOrder.number,
      status: app.status,
      decisionDueAt: app.workOrder.dueAt.toISOString(),
      submittedAt: app.workOrder.createdAt.toISOString(),
      channel: app.workOrder.channel,
      organization: app.workOrder.organization,
      applicant: {
        name: app.applicantName,
        idNumber: maskIdNumber(decryptField(app.applicantIdCipher)),
        phone: isStaff ? app.applicantPhone : maskPhone(app.applicantPhone),
        address: app.applicantAddress,
      },
      agent: app.agentName ? { name: app.agentName, relation: app.agentRelation, phone: app.agentPhone ? maskPhone(app.agentPhone) : null } : null,
      matter: {
        kind: app.matterKind, category: app.matterCategory, facts: app.facts, opposingParty: app.opposingParty,
        authority: app.authority, urgentDeadline: app.urgentDeadline?.toISOString().slice(0, 10) ?? null,
      },
      aidForm: app.aidForm,
      economicBasis: app.economicBasis,
      greenChannel: app.greenChannel,
      timeline: app.workOrder.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, reason: e.reason })),
    };
  },
});

// ───────────── the case for the centre's staff and for the applicant ─────────────

const QUEUE_VIEWS = ["review", "assign", "handling", "aftercare", "requests", "done"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

const VIEW_FILTER: Record<QueueView, Prisma.LegalAidApplicationWhereInput> = {
  review: { status: { in: ["SUBMITTED", "MATERIALS_REQUESTED"] } },
  assign: { status: "APPROVED" },
  handling: { status: "ASSIGNED" },
  aftercare: { status: { in: ["CLOSED", "TERMINATED"] } },
  requests: { OR: [{ requests: { some: { decidedAt: null } } }, { objections: { some: { decidedAt: null } } }] },
  done: { status: { in: ["ARCHIVED", "REFUSED", "WITHDRAWN"] } },
};

const URGENT_DAYS = 7;

/** Green-channel cases and urgent ones (a deadline under 7 days away, Art. 44) go first; then by the current legal deadline. */
export function queueOrder<T extends { greenChannel: boolean; urgentDeadline: string | null; advanceAid: boolean; dueAt: string | null }>(items: T[], today: string): T[] {
  const urgentBy = fromDayNumber(dayNumber(today) + URGENT_DAYS);
  const priority = (i: T) => (i.greenChannel || i.advanceAid || (i.urgentDeadline !== null && i.urgentDeadline <= urgentBy) ? 0 : 1);
  return [...items].sort((a, b) => priority(a) - priority(b) || (a.dueAt ?? "9").localeCompare(b.dueAt ?? "9"));
}

/**
 * 法律援助审查队列: the deciding centre's cases by stage. Each stage is at most a few hundred cases
 * in a county, so it is read whole and ordered here (priority is an expression Prisma cannot sort by).
 */
export const listLegalAidQueue = defineUseCase({
  name: "legalAid.queue",
  permission: "legalAid.review",
  write: false,
  input: z.object({ view: z.enum(QUEUE_VIEWS, { error: "队列无效" }).default("review") }),
  async run({ db, actor, input }) {
    const now = new Date();
    const scope = legalAidScope(actor);
    const counts = Object.fromEntries(
      await Promise.all(QUEUE_VIEWS.map(async (v) => [v, await db.legalAidApplication.count({ where: { AND: [scope, VIEW_FILTER[v]] } })] as const)),
    ) as Record<QueueView, number>;
    const rows = await db.legalAidApplication.findMany({
      where: { AND: [scope, VIEW_FILTER[input.view]] },
      take: 500,
      orderBy: { id: input.view === "done" ? "desc" : "asc" },
      select: {
        status: true, applicantName: true, matterCategory: true, aidForm: true, greenChannel: true, greenChannelReason: true,
        urgentDeadline: true, advanceAidAt: true, assignDueAt: true, materialsDueAt: true, closedAt: true, closingDueAt: true,
        satisfaction: true, qualityGrade: true, poolOpenedAt: true, poolClosedAt: true,
        lawyer: { select: { name: true } },
        offers: { where: { status: "PENDING" }, select: { lawyer: { select: { name: true } } } },
        workOrder: { select: { number: true, status: true, dueAt: true, createdAt: true } },
        requests: { where: { decidedAt: null }, select: { kind: true } },
        objections: { where: { decidedAt: null }, select: { dueAt: true } },
      },
    });
    const items = rows.map((r) => {
      const due =
        r.status === "SUBMITTED" ? r.workOrder.dueAt
        : r.status === "MATERIALS_REQUESTED" ? r.materialsDueAt
        : r.status === "APPROVED" ? r.assignDueAt
        : null;
      return {
        number: r.workOrder.number,
        status: r.status,
        applicantName: r.applicantName,
        category: matterCategoryLabel(r.matterCategory),
        aidForm: r.aidForm,
        greenChannel: r.greenChannel,
        urgentDeadline: r.urgentDeadline ? fromDbDate(r.urgentDeadline) : null,
        advanceAid: !!r.advanceAidAt,
        submittedAt: r.workOrder.createdAt.toISOString(),
        dueAt: due?.toISOString() ?? null,
        dueState: due && r.status !== "MATERIALS_REQUESTED" ? dueState(due, now, 24) : ("ok" as const),
        lawyerName: r.lawyer?.name ?? null,
        closingDueAt: r.closingDueAt?.toISOString() ?? null,
        followedUp: !!r.satisfaction,
        graded: !!r.qualityGrade,
        openRequests: r.requests.map((q) => q.kind),
        openObjection: r.objections[0]?.dueAt.toISOString() ?? null,
        /** 点援制 while approved: waiting for a chosen lawyer, in the pool, or back with the officer */
        choiceStage:
          r.status !== "APPROVED" ? null
          : r.offers.length ? { stage: "OFFERED" as const, lawyerName: r.offers[0].lawyer.name }
          : r.poolOpenedAt && !r.poolClosedAt ? { stage: "POOL" as const, lawyerName: null }
          : null,
      };
    });
    return { view: input.view, counts, items: input.view === "done" ? items : queueOrder(items, shanghaiDate(now)) };
  },
});


/**
 * One case with everything its page shows: for the centre's staff (full phone numbers, officer
 * steps) or for the applicant (masked numbers, their own steps). ID numbers are always masked.
 */
export const getLegalAidCase = defineUseCase({
  name: "legalAid.case",
  permission: "legalAid.read",
  write: false,
  input: z.object({ number: WorkOrderNumber }),
  audit: "view",
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await db.legalAidApplication.findFirst({
      where: { AND: [{ workOrder: { number: input.number } }, legalAidScope(actor)] },
      include: {
        lawyer: { select: { id: true, name: true, phone: true, lawyerProfile: { select: { firm: { select: { name: true, phone: true } } } } } },
        objections: { orderBy: { id: "asc" } },
        requests: { orderBy: { id: "asc" } },
        choices: { orderBy: { rank: "asc" }, select: { rank: true, lawyer: { select: { id: true, name: true, lawyerProfile: { select: { firm: { select: { name: true } } } } } } } },
        offers: { orderBy: { id: "asc" }, select: { id: true, rank: true, status: true, offeredAt: true, expiresAt: true, respondedAt: true, declineReason: true, lawyer: { select: { name: true } } } },
        workOrder: {
          select: {
            id: true, number: true, status: true, dueAt: true, createdAt: true, channel: true, closedAt: true, closedOnTime: true,
            organization: { select: { id: true, name: true } },
            region: { select: { name: true } },
            attachments: { orderBy: { id: "asc" }, select: { id: true, fileName: true, contentType: true, size: true, purpose: true, createdAt: true } },
            events: { orderBy: { id: "asc" } },
          },
        },
      },
    });
    if (!c) throw notFound("法律援助案件");
    const now = new Date();
    const isStaff = actor.role !== "RESIDENT";
    const orgNames = await organizationNames(db, c.workOrder.events);
    const phone = (p: string | null) => (p ? (isStaff ? p : maskPhone(p)) : null);
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const decisionDue = ["SUBMITTED", "MATERIALS_REQUESTED"].includes(c.status) ? c.workOrder.dueAt : null;
    return {
      number: c.workOrder.number,
      status: c.status,
      orderStatus: c.workOrder.status,
      submittedAt: c.workOrder.createdAt.toISOString(),
      channel: c.workOrder.channel,
      organization: c.workOrder.organization,
      region: c.workOrder.region.name,
      applicant: {
        name: c.applicantName,
        idNumber: maskIdNumber(decryptField(c.applicantIdCipher)),
        phone: phone(c.applicantPhone),
        address: c.applicantAddress,
        hasAccount: !!c.applicantUserId,
      },
      agent: c.agentName ? { name: c.agentName, relation: c.agentRelation, phone: phone(c.agentPhone) } : null,
      matter: {
        kind: c.matterKind, category: matterCategoryLabel(c.matterCategory), facts: c.facts, opposingParty: c.opposingParty,
        authority: c.authority, urgentDeadline: c.urgentDeadline ? fromDbDate(c.urgentDeadline) : null,
      },
      aidForm: c.aidForm,
      economicBasis: c.economicBasis,
      economicDetail: openJson(c.economicDetail) as Record<string, unknown>,
      greenChannel: c.greenChannel,
      greenChannelReason: c.greenChannelReason,
      sensitiveConsent: !!c.sensitiveInfoConsentAt,
      deadlines: {
        decisionDueAt: iso(decisionDue),
        decisionDueState: decisionDue && c.status === "SUBMITTED" ? dueState(decisionDue, now, 24) : ("ok" as const),
        paused: c.workOrder.status === "PAUSED",
        assignDueAt: c.status === "APPROVED" ? iso(c.assignDueAt) : null,
        assignDueState: c.status === "APPROVED" && c.assignDueAt ? dueState(c.assignDueAt, now, 24) : ("ok" as const),
        closingDueAt: iso(c.closingDueAt),
      },
      materials: c.materialsRequestedAt
        ? { requestedAt: c.materialsRequestedAt.toISOString(), list: c.materialsList, dueAt: iso(c.materialsDueAt), suppliedAt: iso(c.materialsSuppliedAt) }
        : null,
      advanceAid: c.advanceAidAt ? { at: c.advanceAidAt.toISOString(), reason: c.advanceAidReason } : null,
      decision: c.decidedAt ? { at: c.decidedAt.toISOString(), reason: c.decisionReason, onTime: c.decidedOnTime } : null,
      lawyer: c.lawyer
        ? { id: c.lawyer.id, name: c.lawyer.name, phone: c.lawyer.phone, firm: c.lawyer.lawyerProfile?.firm.name ?? null, firmPhone: c.lawyer.lawyerProfile?.firm.phone ?? null }
        : null,
      assignment: c.assignedAt ? { at: c.assignedAt.toISOString(), onTime: c.assignedOnTime, sameDay: c.assignedSameDay } : null,
      closing: c.closedAt
        ? {
            at: c.closedAt.toISOString(), endedOn: c.caseEndedOn ? fromDbDate(c.caseEndedOn) : null, outcome: c.outcome, summary: c.outcomeSummary,
            moneyRecovered: c.moneyRecovered?.toFixed(2) ?? "0.00", feesWaived: c.feesWaived?.toFixed(2) ?? "0.00", onTime: c.closingOnTime,
          }
        : null,
      termination: c.terminatedAt ? { at: c.terminatedAt.toISOString(), reason: c.terminationReason } : null,
      followUp: c.satisfaction ? { satisfaction: c.satisfaction, via: c.satisfactionVia, comment: c.satisfactionComment, at: iso(c.followedUpAt) } : null,
      quality: c.qualityGrade ? { grade: c.qualityGrade, methods: c.qualityMethods, note: c.qualityNote, at: iso(c.qualityGradedAt) } : null,
      archivedAt: iso(c.archivedAt),
      // 点援制: the applicant's ranked lawyers, the offers made from them, and the pool
      choices: c.choices.map((x) => ({ rank: x.rank, lawyerUserId: x.lawyer.id, name: x.lawyer.name, firm: x.lawyer.lawyerProfile?.firm.name ?? null })),
      offers: c.offers.map((o) => ({
        id: o.id, rank: o.rank, status: o.status, lawyerName: o.lawyer.name, offeredAt: o.offeredAt.toISOString(), expiresAt: o.expiresAt.toISOString(),
        respondedAt: iso(o.respondedAt), declineReason: isStaff ? o.declineReason : null,
      })),
      assignedVia: c.assignedVia,
      poolOpenedAt: iso(c.poolOpenedAt),
      poolClosedAt: iso(c.poolClosedAt),
      /** the applicant may still rank lawyers (before approval, or until the assignment limit while no lawyer has it) */
      choiceOpen: choiceClosedReason(c, now, (await loadLegalAidLimits(db)).choiceHours) === null,
      matterCategoryKey: c.matterCategory,
      objections: c.objections.map((o) => ({
        id: o.id, filedAt: o.filedAt.toISOString(), reason: o.reason, dueAt: o.dueAt.toISOString(),
        decidedAt: iso(o.decidedAt), outcome: o.outcome, decisionNote: o.decisionNote,
      })),
      requests: c.requests.map((r) => ({
        id: r.id, kind: r.kind, reason: r.reason, detail: r.detail, filedAt: r.filedAt.toISOString(),
        decidedAt: iso(r.decidedAt), approved: r.approved, decisionNote: r.decisionNote,
      })),
      attachments: c.workOrder.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
      events: c.workOrder.events.map((e) => ({
        id: String(e.id), at: e.at.toISOString(), kind: e.kind, actorName: isStaff ? e.actorName : null, reason: e.reason, body: e.body,
        from: e.fromOrganizationId ? orgNames.get(e.fromOrganizationId) ?? null : null,
        to: e.toOrganizationId ? orgNames.get(e.toOrganizationId) ?? null : null,
      })),
    };
  },
});

async function organizationNames(db: Tx, events: { fromOrganizationId: number | null; toOrganizationId: number | null }[]) {
  const ids = [...new Set(events.flatMap((e) => [e.fromOrganizationId, e.toOrganizationId]).filter((x): x is number => x !== null))];
  const orgs = ids.length ? await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(orgs.map((o) => [o.id, o.name]));
}

/**
 * Download a file of a legal-aid case: for the applicant, the centre's staff and the assigned lawyer
 * (who is outside the work-order scope). Each download is audited (personal data).
 */
export const downloadCaseAttachment = defineUseCase({
  name: "legalAid.attachment.download",
  permission: "legalAid.document",
  write: false,
  input: z.object({ number: WorkOrderNumber, id: idParam("附件编号") }),
  audit: "view",
  target: (i) => ({ type: "WorkOrderAttachment", id: i.id }),
  async run({ db, actor, input }) {
    const attachment = await db.workOrderAttachment.findFirst({
      where: { id: input.id, workOrder: { number: input.number, legalAid: legalAidScope(actor) } },
    });
    if (!attachment) throw notFound("附件");
    return new FileDownload(await storage.get(attachment.storageKey), attachment.contentType, attachment.fileName);
  },
});
