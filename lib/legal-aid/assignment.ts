import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignmentRoute, LawyerKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { legalAidScope } from "@/lib/auth/scope";
import { AppError, notFound, ruleViolation } from "@/lib/errors";
import { idParam } from "@/lib/validation";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { CRIMINAL_SITUATIONS } from "@/lib/legal-aid/eligibility";
import { LEGAL_MATTER_CATEGORIES, isLegalMatterCategory, type LegalMatterCategory } from "@/lib/lawyers/categories";
import { matterCategoryLabel } from "@/lib/legal-aid/labels";
import {
  addCaseEvent, closeCaseOrder, lockCase, notifyApplicant, notifyLawyer, requireCaseStatus, type LockedCase,
} from "@/lib/legal-aid/case";
import { lawyerRatings } from "@/lib/legal-aid/aftercare";
import { enqueueNotification } from "@/lib/notify/enqueue";

// 指派律师: the deciding centre picks the lawyer for an approved case. Candidates are ranked by a
// pure function (unit-tested); the same function's verdict guards the assignment itself, so the
// list and the refusal can never disagree.

const CIVIL_EXPERTISE: Record<string, LegalMatterCategory[]> = {
  LABOUR: ["LABOUR"],
  WORK_INJURY: ["WORK_INJURY", "LABOUR"],
  ACCIDENT_INJURY: ["TRAFFIC", "MEDICAL"],
  MAINTENANCE: ["FAMILY"],
  CAPACITY: ["FAMILY"],
  SOCIAL_INSURANCE: ["ADMINISTRATIVE"],
  SURVIVOR_PENSION: ["ADMINISTRATIVE"],
  STATE_COMPENSATION: ["ADMINISTRATIVE"],
};

/** The lawyer expertise (lib/lawyers/categories.ts) that fits a case's matter category; none for ENVIRONMENT, OTHER_BY_LAW, OTHER. */
export function expertiseFor(matterCategory: string): LegalMatterCategory[] {
  if (CRIMINAL_SITUATIONS.some((s) => s.key === matterCategory)) return ["CRIMINAL"];
  // own keys only: a category of "constructor" or "hasOwnProperty" is no category
  return Object.hasOwn(CIVIL_EXPERTISE, matterCategory) ? CIVIL_EXPERTISE[matterCategory] : [];
}

export type LawyerForRanking = {
  userId: number;
  name: string;
  kind: LawyerKind;
  firmId: number;
  firmName: string;
  expertise: string[];
  /** materialized paths of the regions the lawyer serves ("369900000000/369901000000/") */
  serviceRegionPaths: string[];
  /** the lawyer's legal-aid cases in progress (ASSIGNED) */
  load: number;
  cap: number;
  acceptsLegalAid: boolean;
};

export type CaseForRanking = {
  matterCategory: string;
  /** path of the case's region (the work order's) */
  regionPath: string;
  /** firms of the lawyers assigned to the opposing party's legal-aid cases */
  opposingFirms: { firmId: number; firmName: string }[];
};

export type RankedLawyer<L extends LawyerForRanking = LawyerForRanking> = L & {
  expertiseMatch: boolean;
  servesArea: boolean;
  full: boolean;
  /** why the lawyer may not take this case (利益冲突), or null */
  conflict: string | null;
  /** no conflict, room for another case, and accepts legal aid */
  assignable: boolean;
};

export const conflictReason = (firmName: string) => `该律师与对方当事人的援助律师同属${firmName}，不能指派`;

/**
 * Marks each lawyer against the case and orders them: assignable first, then those serving the
 * case's area, then matching expertise, then the lighter load, then by name.
 */
export function rankCandidates<L extends LawyerForRanking>(lawyers: L[], theCase: CaseForRanking): RankedLawyer<L>[] {
  const wanted = new Set<string>(expertiseFor(theCase.matterCategory));
  const ranked = lawyers.map((l) => {
    const opposing = theCase.opposingFirms.find((f) => f.firmId === l.firmId);
    const conflict = opposing ? conflictReason(opposing.firmName) : null;
    const full = l.load >= l.cap;
    return {
      ...l,
      expertiseMatch: l.expertise.some((e) => wanted.has(e)),
      servesArea: l.serviceRegionPaths.some((p) => theCase.regionPath.startsWith(p)),
      full,
      conflict,
      assignable: !conflict && !full && l.acceptsLegalAid,
    };
  });
  const first = (b: boolean) => (b ? 0 : 1);
  return ranked.sort(
    (a, b) =>
      first(a.assignable) - first(b.assignable) ||
      first(a.servesArea) - first(b.servesArea) ||
      first(a.expertiseMatch) - first(b.expertiseMatch) ||
      a.load - b.load ||
      a.name.localeCompare(b.name, "zh-CN") ||
      a.userId - b.userId,
  );
}

// ───────────── reading the roster for one case ─────────────

/**
 * Lawyers with what the ranking needs. Read in three plain queries, one after another: a select
 * of several relations at once makes Prisma run them concurrently on the transaction's single
 * connection, which the pg driver only tolerates (and warns about).
 */
async function loadLawyers(db: Tx, where: Prisma.LawyerProfileWhereInput) {
  const profiles = await db.lawyerProfile.findMany({
    where,
    select: {
      userId: true, kind: true, firmId: true, expertise: true, concurrentCaseCap: true, acceptsLegalAid: true, suspendedAt: true,
      firm: { select: { name: true, phone: true } },
    },
  });
  const ids = profiles.map((p) => p.userId);
  if (ids.length === 0) return [];
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, active: true, memberships: { where: { role: "LAWYER" }, select: { id: true } } },
  });
  const regions = await db.region.findMany({
    where: { servedBy: { some: { userId: { in: ids } } } },
    select: { path: true, servedBy: { where: { userId: { in: ids } }, select: { userId: true } } },
  });
  const userById = new Map(users.map((u) => [u.id, u]));
  return profiles.flatMap((p) => {
    const user = userById.get(p.userId);
    if (!user) return [];
    const serviceRegionPaths = regions.filter((r) => r.servedBy.some((s) => s.userId === p.userId)).map((r) => r.path);
    return [{ ...p, user, serviceRegionPaths }];
  });
}
type LawyerRow = Awaited<ReturnType<typeof loadLawyers>>[number];

async function loadsOf(db: Tx, userIds: number[]) {
  const rows = userIds.length
    ? await db.legalAidApplication.groupBy({ by: ["lawyerUserId"], where: { status: "ASSIGNED", lawyerUserId: { in: userIds } }, _count: { _all: true } })
    : [];
  return new Map(rows.map((r) => [r.lawyerUserId as number, r._count._all]));
}

/** The firms of lawyers assigned to the other side's legal-aid cases (the applicant named as opposing party, or the reverse). */
async function opposingFirms(db: Tx, c: { id: number; applicantName: string; opposingParty: string }) {
  const rows = await db.legalAidApplication.findMany({
    where: {
      id: { not: c.id },
      lawyerUserId: { not: null },
      OR: [{ applicantName: c.opposingParty.trim() }, { opposingParty: c.applicantName.trim() }],
    },
    select: { lawyer: { select: { lawyerProfile: { select: { firmId: true, firm: { select: { name: true } } } } } } },
  });
  const firms = new Map<number, string>();
  for (const r of rows) {
    const p = r.lawyer?.lawyerProfile;
    if (p) firms.set(p.firmId, p.firm.name);
  }
  return [...firms].map(([firmId, firmName]) => ({ firmId, firmName }));
}

async function caseForRanking(db: Tx, c: { id: number; applicantName: string; opposingParty: string; matterCategory: string; regionId: number }) {
  const region = await db.region.findUniqueOrThrow({ where: { id: c.regionId }, select: { path: true, name: true } });
  return { region, ranking: { matterCategory: c.matterCategory, regionPath: region.path, opposingFirms: await opposingFirms(db, c) } };
}

const forRanking = (l: LawyerRow, load: number) => ({
  userId: l.userId, name: l.user.name, kind: l.kind, firmId: l.firmId, firmName: l.firm.name, firmPhone: l.firm.phone,
  expertise: l.expertise, serviceRegionPaths: l.serviceRegionPaths, load, cap: l.concurrentCaseCap,
  acceptsLegalAid: l.acceptsLegalAid && l.user.active,
});

const MAX_CANDIDATES = 100;

/** 指派: the case and the lawyers who could take it, best first, with their load and rating. */
export const listLawyerCandidates = defineUseCase({
  name: "legalAid.candidates",
  permission: "legalAid.review",
  write: false,
  input: z.object({ number: WorkOrderNumber }),
  // the assignment page shows the case's applicant and opposing party
  audit: "view",
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await db.legalAidApplication.findFirst({
      where: { AND: [{ workOrder: { number: input.number } }, legalAidScope(actor)] },
      select: {
        id: true, status: true, applicantName: true, opposingParty: true, matterCategory: true, assignDueAt: true,
        workOrder: { select: { number: true, regionId: true } },
      },
    });
    if (!c) throw notFound("法律援助案件");
    const { region, ranking } = await caseForRanking(db, { ...c, regionId: c.workOrder.regionId });
    const lawyers = await loadLawyers(db, { acceptsLegalAid: true, suspendedAt: null, user: { active: true, memberships: { some: { role: "LAWYER" } } } });
    const ids = lawyers.map((l) => l.userId);
    const [loads, ratings] = await Promise.all([loadsOf(db, ids), lawyerRatings(db, ids)]);
    const ranked = rankCandidates(lawyers.map((l) => forRanking(l, loads.get(l.userId) ?? 0)), ranking).slice(0, MAX_CANDIDATES);
    return {
      case: {
        number: c.workOrder.number, status: c.status, applicantName: c.applicantName, opposingParty: c.opposingParty,
        category: matterCategoryLabel(c.matterCategory), region: region.name, assignDueAt: c.assignDueAt?.toISOString() ?? null,
        wantedExpertise: expertiseFor(c.matterCategory).map((e) => LEGAL_MATTER_CATEGORIES[e]),
      },
      candidates: ranked.map((l) => ({
        userId: l.userId, name: l.name, kind: l.kind, firmName: l.firmName,
        expertiseLabels: l.expertise.map((e) => (isLegalMatterCategory(e) ? LEGAL_MATTER_CATEGORIES[e] : e)),
        expertiseMatch: l.expertiseMatch, servesArea: l.servesArea, load: l.load, cap: l.cap, full: l.full, conflict: l.conflict,
        rating: ratings.get(l.userId) ?? null,
      })),
    };
  },
});

export const AssignLawyerInput = z.object({ number: WorkOrderNumber, lawyerUserId: idParam("承办律师") });

/**
 * 指派 (Art. 43: within 3 working days of the approval): the officer gives the case to a lawyer.
 */
export const assignLawyer = defineUseCase({
  name: "legalAid.assignLawyer",
  permission: "legalAid.review",
  write: true,
  input: AssignLawyerInput,
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    const c = await lockCase(db, actor, input.number);
    requireCaseStatus(c, ["APPROVED"], "指派律师");
    return grantCase(db, actor, c, input.lawyerUserId, "OFFICER");
  },
});

/**
 * One lawyer against one case: the ranking's view of them and why they may not take it (not on the
 * roster, suspended, not taking legal aid, conflicted, at their cap), or null when they may. Offers,
 * the pool and the officer's assignment all ask this, so they can never disagree.
 */
export async function judgeLawyer(db: Tx, c: Pick<LockedCase, "id" | "applicantName" | "opposingParty" | "matterCategory" | "workOrder">, lawyerUserId: number) {
  const [row] = await loadLawyers(db, { userId: lawyerUserId });
  if (!row || !row.user.active || row.user.memberships.length === 0) {
    return { lawyer: null, refusal: "所选人员不是登记在册的律师，不能指派" };
  }
  const { ranking } = await caseForRanking(db, { ...c, regionId: c.workOrder.regionId });
  const loads = await loadsOf(db, [row.userId]);
  const [lawyer] = rankCandidates([forRanking(row, loads.get(row.userId) ?? 0)], ranking);
  const refusal = row.suspendedAt
    ? "该律师已被暂停承办法律援助案件，不能指派"
    : lawyer.conflict
      ? lawyer.conflict
      : !lawyer.acceptsLegalAid
        ? "该律师目前不承接法律援助案件，不能指派"
        : lawyer.full
          ? `该律师在办的法律援助案件已达上限（${lawyer.cap} 件），不能承接`
          : null;
  return { lawyer, refusal };
}

/**
 * The case goes to the lawyer — by the officer's assignment, a chosen lawyer's acceptance (点援) or
 * a take from the pool (抢单). The caller holds the case lock (lockCase) and has checked it is
 * APPROVED. The lawyer is checked here (on the roster, not suspended, accepts legal aid, no
 * conflict, under the cap). The assignment row's unique (application, round) makes a second winner
 * of the same round impossible in the database itself. The centre's work order closes (its part is
 * done), other pending offers are withdrawn, and the applicant and the lawyer are told.
 */
export async function grantCase(db: Tx, actor: { userId: number | null; name: string }, c: LockedCase, lawyerUserId: number, via: AssignmentRoute, now = new Date()) {
  // One grant at a time per lawyer, so two cases cannot both fill the lawyer's last place.
  await db.$queryRaw`SELECT 1 FROM "LawyerProfile" WHERE "userId" = ${lawyerUserId} FOR UPDATE`;
  const { lawyer, refusal } = await judgeLawyer(db, c, lawyerUserId);
  if (refusal || !lawyer) throw ruleViolation(refusal ?? "所选人员不是登记在册的律师，不能指派", "lawyerUserId");

  const round = (await db.legalAidAssignment.count({ where: { applicationId: c.id } })) + 1;
  try {
    await db.legalAidAssignment.create({ data: { applicationId: c.id, round, lawyerUserId: lawyer.userId, via, assignedAt: now, assignedByUserId: actor.userId } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "已被其他律师接单");
    throw error;
  }
  const assignedOnTime = c.assignDueAt ? now <= c.assignDueAt : null;
  const assignedSameDay = shanghaiDate(c.workOrder.createdAt) === shanghaiDate(now);
  await db.legalAidApplication.update({
    where: { id: c.id },
    data: {
      status: "ASSIGNED", lawyerUserId: lawyer.userId, assignedAt: now, assignedByUserId: actor.userId, assignedOnTime, assignedSameDay, assignedVia: via,
      // the pool stops listing it, and a later change of lawyer starts without a pool
      poolClosedAt: c.poolOpenedAt && !c.poolClosedAt ? now : undefined,
    },
  });
  const withdrawn = await db.legalAidOffer.findMany({ where: { applicationId: c.id, status: "PENDING" }, select: { id: true, lawyerUserId: true } });
  if (withdrawn.length) {
    await db.legalAidOffer.updateMany({ where: { id: { in: withdrawn.map((o) => o.id) } }, data: { status: "WITHDRAWN", respondedAt: now } });
    for (const o of withdrawn) {
      await enqueueNotification(db, {
        channel: "IN_APP", recipientUserId: o.lawyerUserId, link: "/lawyer#offers", workOrderId: c.workOrder.id,
        body: `法律援助案件 ${c.workOrder.number} 已由其他律师承办，给您的派单已撤回。`,
      });
    }
  }
  const who = `${lawyer.name}（${lawyer.firmName}）`;
  const how = via === "CHOICE" ? "您选择的律师已接受委托" : via === "POOL" ? "律师已自主接单" : "法律援助中心已为您指派承办律师";
  await closeOrUpdateOrder(db, c, actor, `${via === "OFFICER" ? "已指派" : via === "CHOICE" ? "点援：" : "抢单："}${who}承办`, now);
  await addCaseEvent(db, c, "LAWYER_ASSIGNED", actor, { reason: `${who}${via === "OFFICER" ? "" : via === "CHOICE" ? "（受援人选择）" : "（自主接单）"}` });
  await notifyApplicant(db, c, `${how}：${lawyer.name}（${lawyer.firmName}，电话 ${lawyer.firmPhone}），律师会尽快与您联系。案件编号 ${c.workOrder.number}。`);
  await notifyLawyer(db, c, lawyer.userId, `您承办法律援助案件 ${c.workOrder.number}（受援人 ${c.applicantName}，${matterCategoryLabel(c.matterCategory)}），请尽快与受援人联系。`);
  return { number: c.workOrder.number, lawyerUserId: lawyer.userId, lawyerName: lawyer.name, firmName: lawyer.firmName, assignedOnTime, assignedSameDay, via };
}

/**
 * The first assignment closes the centre's work order. A reassignment (after an approved change of
 * lawyer) finds it closed already: its closing time and on-time flag stay, only the result is updated.
 */
async function closeOrUpdateOrder(db: Tx, c: LockedCase, actor: { userId: number | null }, result: string, now: Date) {
  if (c.workOrder.status !== "CLOSED") return closeCaseOrder(db, c, actor, result, now);
  await db.workOrder.update({ where: { id: c.workOrder.id }, data: { resultSummary: result.slice(0, 2000) } });
}

type PoolCase = { id: number; applicantName: string; opposingParty: string; matterCategory: string; regionId: number };

/**
 * 抢单池: whether the lawyer may take each case — the pool asks more than an offer does: the
 * lawyer's expertise must fit the matter and they must serve its area, besides the roster, cap and
 * conflict rules every grant checks. Returns the reason per case id, or null where they may.
 */
export async function poolRefusals(db: Tx, lawyerUserId: number, cases: PoolCase[]): Promise<Map<number, string | null>> {
  const [row] = await loadLawyers(db, { userId: lawyerUserId });
  const result = new Map<number, string | null>();
  if (!row || !row.user.active || row.user.memberships.length === 0 || row.suspendedAt || !row.acceptsLegalAid) {
    const reason = row?.suspendedAt ? "您已被暂停承办法律援助案件" : "您目前不承接法律援助案件";
    for (const c of cases) result.set(c.id, reason);
    return result;
  }
  const load = (await loadsOf(db, [row.userId])).get(row.userId) ?? 0;
  const me = forRanking(row, load);
  for (const c of cases) {
    const { ranking } = await caseForRanking(db, c);
    const [judged] = rankCandidates([me], ranking);
    result.set(
      c.id,
      judged.full
        ? `您在办的法律援助案件已达上限（${judged.cap} 件）`
        : judged.conflict
          ? judged.conflict.replace("该律师", "您")
          : !judged.expertiseMatch && expertiseFor(c.matterCategory).length > 0
            ? "本案事项不在您的擅长领域内"
            : !judged.servesArea
              ? "本案不在您的服务地区内"
              : null,
    );
  }
  return result;
}
