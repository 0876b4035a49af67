import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase } from "@/lib/api/use-case";
import { notFound, ruleViolation } from "@/lib/errors";
import { idParam, optionalText, textBetween } from "@/lib/validation";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { lawyerRatings } from "@/lib/legal-aid/aftercare";
import { lockCaseById } from "@/lib/legal-aid/case";
import { offerNextChoice } from "@/lib/legal-aid/offers";
import { LAWYER_KIND_LABELS } from "@/lib/lawyers/roster";

// 质量监督: a legal-aid officer takes a lawyer off the roster (暂停) and back on (恢复). A suspended
// lawyer is hidden from the public roster, gets no offers, cannot take from the pool and cannot be
// assigned (grantCase checks suspendedAt); cases they already handle stay with them — the centre
// moves those through the change-of-lawyer procedure if it must.

const NOTHING = { id: { in: [] as number[] } };

/**
 * The lawyers an officer supervises: those whose firm sits in the region of the officer's centre
 * (a county centre its county's firms, the city centre every firm). Fails closed without a region.
 */
export function supervisedLawyers(actor: Actor): Prisma.LawyerProfileWhereInput {
  if (!actor.regionPath) return NOTHING;
  return {
    firm: { region: { path: { startsWith: actor.regionPath } } },
    user: { memberships: { some: { role: "LAWYER" } } },
  };
}

async function findSupervised(db: Tx, actor: Actor, userId: number) {
  const lawyer = await db.lawyerProfile.findFirst({
    where: { AND: [{ userId }, supervisedLawyers(actor)] },
    select: { userId: true, user: { select: { name: true } } },
  });
  // Out of the officer's reach looks the same as unknown.
  if (!lawyer) throw notFound("律师");
  return lawyer;
}

/** The lawyer's row, locked: grants (grantCase) lock it too, so a grant and a suspension never interleave. */
async function lockLawyer(db: Tx, userId: number) {
  await db.$queryRaw`SELECT 1 FROM "LawyerProfile" WHERE "userId" = ${userId} FOR UPDATE`;
  return db.lawyerProfile.findUniqueOrThrow({ where: { userId }, select: { suspendedAt: true } });
}

const centreName = async (db: Tx, actor: Actor) =>
  actor.organizationId
    ? ((await db.organization.findUnique({ where: { id: actor.organizationId }, select: { name: true } }))?.name ?? "法律援助中心")
    : "法律援助中心";

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const SuspendLawyerInput = z.object({
  lawyerUserId: idParam("律师"),
  reason: textBetween(4, 300, "暂停理由"),
});

/**
 * 暂停: the lawyer leaves the roster. Offers waiting for them are withdrawn and each of those cases
 * moves on to the applicant's next choice (then the pool), as after a decline.
 */
export const suspendLawyer = defineUseCase({
  name: "lawyer.suspend",
  permission: "lawyer.suspend",
  write: true,
  input: SuspendLawyerInput,
  target: (i) => ({ type: "LawyerProfile", id: i.lawyerUserId }),
  async run({ db, actor, input }) {
    const lawyer = await findSupervised(db, actor, input.lawyerUserId);
    const now = new Date();

    // Cases first, then the lawyer: the order an accept takes (case lock, then grantCase's lawyer
    // lock), so a suspension racing an accept waits for it instead of deadlocking.
    const waiting = await db.legalAidOffer.findMany({
      where: { lawyerUserId: lawyer.userId, status: "PENDING" },
      select: { applicationId: true },
      orderBy: { applicationId: "asc" },
    });
    for (const applicationId of new Set(waiting.map((o) => o.applicationId))) await lockCaseById(db, applicationId);
    const { suspendedAt } = await lockLawyer(db, lawyer.userId);
    if (suspendedAt) throw ruleViolation("该律师已被暂停承办法律援助案件", "_form");

    await db.lawyerProfile.update({
      where: { userId: lawyer.userId },
      data: { suspendedAt: now, suspensionReason: input.reason, suspendedByUserId: actor.userId },
    });
    // Read again under the lawyer's lock: an offer made between the first read and the lock is withdrawn too.
    const pending = await db.legalAidOffer.findMany({
      where: { lawyerUserId: lawyer.userId, status: "PENDING" },
      select: { id: true, applicationId: true },
      orderBy: { applicationId: "asc" },
    });
    if (pending.length) {
      await db.legalAidOffer.updateMany({ where: { id: { in: pending.map((o) => o.id) } }, data: { status: "WITHDRAWN", respondedAt: now } });
    }
    const moved = [...new Set(pending.map((o) => o.applicationId))];
    for (const applicationId of moved) await offerNextChoice(db, applicationId, now, `律师${lawyer.user.name}暂时不能承办法律援助案件。`);

    await enqueueNotification(db, {
      channel: "IN_APP",
      recipientUserId: lawyer.userId,
      link: "/lawyer",
      body: clip(
        `${await centreName(db, actor)}已暂停您承办法律援助案件：暂停期间您不在律师名录中，不能接受派单或抢单${pending.length ? `，已撤回 ${pending.length} 件待接受的派单` : ""}；在办案件请继续办理。理由：${input.reason}`,
        300,
      ),
    });
    return { lawyerUserId: lawyer.userId, name: lawyer.user.name, suspendedAt: now.toISOString(), withdrawnOffers: pending.length, movedCases: moved.length };
  },
});

export const ReinstateLawyerInput = z.object({
  lawyerUserId: idParam("律师"),
  note: optionalText(300, "恢复说明"),
});

/** 恢复: back on the roster (if the lawyer still takes legal aid and the account is active). */
export const reinstateLawyer = defineUseCase({
  name: "lawyer.reinstate",
  permission: "lawyer.suspend",
  write: true,
  input: ReinstateLawyerInput,
  target: (i) => ({ type: "LawyerProfile", id: i.lawyerUserId }),
  async run({ db, actor, input }) {
    const lawyer = await findSupervised(db, actor, input.lawyerUserId);
    const { suspendedAt } = await lockLawyer(db, lawyer.userId);
    if (!suspendedAt) throw ruleViolation("该律师没有被暂停，不需要恢复", "_form");
    await db.lawyerProfile.update({
      where: { userId: lawyer.userId },
      data: { suspendedAt: null, suspensionReason: null, suspendedByUserId: null },
    });
    await enqueueNotification(db, {
      channel: "IN_APP",
      recipientUserId: lawyer.userId,
      link: "/lawyer",
      body: clip(`${await centreName(db, actor)}已恢复您承办法律援助案件，您重新列入律师名录。${input.note ? `说明：${input.note}` : ""}`, 300),
    });
    return { lawyerUserId: lawyer.userId, name: lawyer.user.name };
  },
});

export const SUPERVISION_FILTERS = { all: "全部", suspended: "已暂停", active: "未暂停" } as const;
export type SupervisionFilter = keyof typeof SUPERVISION_FILTERS;

export const SupervisionQuery = z.object({
  q: optionalText(40, "关键词"),
  status: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(Object.keys(SUPERVISION_FILTERS) as [SupervisionFilter, ...SupervisionFilter[]], { error: "状态无效" }).default("all"),
  ),
});

/**
 * 律师质量监督: the lawyers the officer covers with their load, rating and suspension, suspended
 * first, then the weakest satisfaction first (those are the ones to look at), then by name.
 */
export const listLawyersForSupervision = defineUseCase({
  name: "lawyer.supervision",
  permission: "lawyer.suspend",
  write: false,
  input: SupervisionQuery,
  async run({ db, actor, input }) {
    const and: Prisma.LawyerProfileWhereInput[] = [supervisedLawyers(actor)];
    if (input.status === "suspended") and.push({ suspendedAt: { not: null } });
    if (input.status === "active") and.push({ suspendedAt: null });
    if (input.q) {
      and.push({ OR: [{ user: { name: { contains: input.q, mode: "insensitive" } } }, { firm: { name: { contains: input.q, mode: "insensitive" } } }] });
    }
    const rows = await db.lawyerProfile.findMany({
      where: { AND: and },
      select: {
        userId: true, kind: true, concurrentCaseCap: true, acceptsLegalAid: true, suspendedAt: true, suspensionReason: true, suspendedByUserId: true,
        user: { select: { name: true, active: true } },
        firm: { select: { name: true, region: { select: { name: true } } } },
      },
    });
    const ids = rows.map((r) => r.userId);
    const loads = ids.length
      ? await db.legalAidApplication.groupBy({ by: ["lawyerUserId"], where: { status: "ASSIGNED", lawyerUserId: { in: ids } }, _count: { _all: true } })
      : [];
    const loadById = new Map(loads.map((l) => [l.lawyerUserId as number, l._count._all]));
    const pending = ids.length
      ? await db.legalAidOffer.groupBy({ by: ["lawyerUserId"], where: { status: "PENDING", lawyerUserId: { in: ids } }, _count: { _all: true } })
      : [];
    const pendingById = new Map(pending.map((p) => [p.lawyerUserId, p._count._all]));
    const ratings = await lawyerRatings(db, ids);
    const byIds = [...new Set(rows.flatMap((r) => (r.suspendedByUserId ? [r.suspendedByUserId] : [])))];
    const officers = byIds.length ? await db.user.findMany({ where: { id: { in: byIds } }, select: { id: true, name: true } }) : [];
    const officerName = new Map(officers.map((o) => [o.id, o.name]));

    const lawyers = rows.map((r) => {
      const rating = ratings.get(r.userId) ?? { closed: 0, rated: 0, satisfiedRate: null, graded: 0, goodRate: null };
      return {
        userId: r.userId,
        name: r.user.name,
        kindLabel: LAWYER_KIND_LABELS[r.kind],
        firmName: r.firm.name,
        firmRegionName: r.firm.region.name,
        active: r.user.active,
        acceptsLegalAid: r.acceptsLegalAid,
        load: loadById.get(r.userId) ?? 0,
        cap: r.concurrentCaseCap,
        pendingOffers: pendingById.get(r.userId) ?? 0,
        rating,
        suspension: r.suspendedAt
          ? { at: r.suspendedAt.toISOString(), reason: r.suspensionReason ?? "", by: r.suspendedByUserId ? (officerName.get(r.suspendedByUserId) ?? null) : null }
          : null,
      };
    });
    const rateOrder = (v: number | null) => (v === null ? 2 : v);
    lawyers.sort(
      (a, b) =>
        (a.suspension ? 0 : 1) - (b.suspension ? 0 : 1) ||
        rateOrder(a.rating.satisfiedRate) - rateOrder(b.rating.satisfiedRate) ||
        a.name.localeCompare(b.name, "zh-CN") ||
        a.userId - b.userId,
    );
    return lawyers;
  },
});
