import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError, notFound, ruleViolation } from "@/lib/errors";
import { idParam, textBetween } from "@/lib/validation";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { chineseDateTime } from "@/lib/calendar/chinese-date";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { AID_FORM_LABELS } from "@/lib/legal-aid/application-schemas";
import { matterCategoryLabel } from "@/lib/legal-aid/labels";
import { grantCase, judgeLawyer, poolRefusals } from "@/lib/legal-aid/assignment";
import {
  addCaseEvent, loadLegalAidLimits, lockCaseById, notifyApplicant, notifyOfficers, requireCaseStatus, type LockedCase,
} from "@/lib/legal-aid/case";

// 派单 and 自主接单 (点援制, decision 007). After approval the case is offered to the applicant's
// choices one at a time, each with an acceptance deadline; a decline or a lapse (the
// legalAid.expireOffers job, not a page visit) moves it to the next choice; when the choices run
// out the case enters the pool (抢单池) for eligible lawyers for one more offer period; untaken, it
// goes back to the officer, who can assign directly at any point before the assignment limit.
// Every grant goes through grantCase under the case lock: exactly one lawyer wins.

export const OFFERS_LINK = "/lawyer#offers";

/** The applicant's name as lawyers see it before they have the case: 陈某. */
export const maskedName = (name: string) => `${name.trim().slice(0, 1)}某`;

const earlier = (a: Date, b: Date | null) => (b && b < a ? b : a);

/** When the pool stops taking lawyers: one offer period after it opened, and never past the assignment limit. */
export function poolClosesAt(poolOpenedAt: Date, offerHours: number, assignDueAt: Date | null): Date {
  return earlier(new Date(poolOpenedAt.getTime() + offerHours * 3_600_000), assignDueAt);
}

export type NextStep =
  | { kind: "OFFERED"; lawyerUserId: number; lawyerName: string; expiresAt: string }
  | { kind: "POOL"; closesAt: string }
  | { kind: "OFFICER" };

/**
 * The next step of the chain for an approved case with no lawyer and no offer waiting: offer it to
 * the best remaining choice who may take it (skipping those who declined or let an offer lapse, and
 * those the rules exclude now — suspended, at their cap, conflicted); with none left, open the pool;
 * past the pool or the assignment limit, hand it to the officer. A case without choices is the
 * officer's to assign from the start (null). The caller holds the case lock. `lead` opens the
 * applicant's notice (what just happened), so one step sends one message.
 */
export async function offerNext(db: Tx, c: LockedCase, now: Date, lead = ""): Promise<NextStep | null> {
  if (c.status !== "APPROVED" || c.lawyerUserId || c.poolClosedAt) return null;
  if (await db.legalAidOffer.count({ where: { applicationId: c.id, status: "PENDING" } })) return null;
  const choices = await db.legalAidChoice.findMany({
    where: { applicationId: c.id },
    orderBy: { rank: "asc" },
    select: { rank: true, lawyerUserId: true, lawyer: { select: { name: true } } },
  });
  if (choices.length === 0) return null;
  const limits = await loadLegalAidLimits(db);
  if (c.poolOpenedAt) {
    if (now < poolClosesAt(c.poolOpenedAt, limits.offerHours, c.assignDueAt)) return null;
    return handToOfficer(db, c, now, lead, "抢单池中无律师接单");
  }
  if (c.assignDueAt && now >= c.assignDueAt) return handToOfficer(db, c, now, lead, "已到指派期限");

  const tried = await db.legalAidOffer.findMany({
    where: { applicationId: c.id, status: { in: ["DECLINED", "EXPIRED"] } },
    select: { lawyerUserId: true },
  });
  const done = new Set(tried.map((o) => o.lawyerUserId));
  const skipped: string[] = [];
  for (const choice of choices) {
    if (done.has(choice.lawyerUserId)) continue;
    const { refusal } = await judgeLawyer(db, c, choice.lawyerUserId);
    if (refusal) {
      skipped.push(`${choice.lawyer.name}：${refusal.replace(/，不能(指派|承接)$/, "")}`);
      continue;
    }
    const expiresAt = earlier(new Date(now.getTime() + limits.offerHours * 3_600_000), c.assignDueAt);
    await db.legalAidOffer.create({
      data: { applicationId: c.id, lawyerUserId: choice.lawyerUserId, rank: choice.rank, offeredAt: now, expiresAt },
    });
    await addCaseEvent(db, c, "OFFERED", null, {
      reason: `向受援人第 ${choice.rank} 选择的律师${choice.lawyer.name}派单，${chineseDateTime(expiresAt)}前确认`,
      body: skipped.length ? `未派单：${skipped.join("；")}` : null,
    });
    await enqueueNotification(db, {
      channel: "IN_APP", recipientUserId: choice.lawyerUserId, link: OFFERS_LINK, workOrderId: c.workOrder.id,
      body: `法律援助案件 ${c.workOrder.number}（${matterCategoryLabel(c.matterCategory)}）的受援人选择由您承办，请在 ${chineseDateTime(expiresAt)} 前确认是否接受委托。`,
    });
    await notifyApplicant(
      db,
      c,
      `${lead}已将您的法律援助案件 ${c.workOrder.number} 发给您选择的律师${choice.lawyer.name}，律师会在 ${chineseDateTime(expiresAt)} 前确认是否接受委托。`,
    );
    return { kind: "OFFERED", lawyerUserId: choice.lawyerUserId, lawyerName: choice.lawyer.name, expiresAt: expiresAt.toISOString() };
  }

  await db.legalAidApplication.update({ where: { id: c.id }, data: { poolOpenedAt: now } });
  const closesAt = poolClosesAt(now, limits.offerHours, c.assignDueAt);
  await addCaseEvent(db, c, "POOL_OPENED", null, {
    reason: `所选律师均未接单，案件进入抢单池，${chineseDateTime(closesAt)}前由符合条件的律师自主接单`,
    body: skipped.length ? `未派单：${skipped.join("；")}` : null,
  });
  await notifyApplicant(
    db,
    c,
    `${lead}您选择的律师暂时都不能承办，案件 ${c.workOrder.number} 已发布给其他符合条件的律师自主接单；${chineseDateTime(closesAt)} 前无人接单的，由法律援助中心直接为您指派。`,
  );
  await notifyOfficers(db, c, `法律援助案件 ${c.workOrder.number} 的受援人所选律师均未接单，已进入抢单池，${chineseDateTime(closesAt)} 前无人接单将转由中心指派。`);
  return { kind: "POOL", closesAt: closesAt.toISOString() };
}

/** The chain is over untaken: the officer assigns directly (the case stays in their queue with its deadline). */
async function handToOfficer(db: Tx, c: LockedCase, now: Date, lead: string, why: string): Promise<NextStep> {
  await db.legalAidApplication.update({ where: { id: c.id }, data: { poolClosedAt: now } });
  await addCaseEvent(db, c, "POOL_CLOSED", null, { reason: `${why}，转由法律援助中心直接指派` });
  await notifyApplicant(db, c, `${lead}暂无律师接受委托，法律援助中心将直接为您指派律师（案件 ${c.workOrder.number}）。`);
  await notifyOfficers(db, c, `法律援助案件 ${c.workOrder.number}：${why}，请直接指派律师。`);
  return { kind: "OFFICER" };
}

/** For a step that withdrew an offer outside the chain (a suspended lawyer's): the case moves on. */
export async function offerNextChoice(db: Tx, applicationId: number, now: Date, lead = ""): Promise<NextStep | null> {
  const c = await lockCaseById(db, applicationId);
  return c ? offerNext(db, c, now, lead) : null;
}

// ───────────── the lawyer's side ─────────────

/** The lawyer's own offer, locked with its case; anyone else's is "not found". */
async function lockOwnOffer(db: Tx, lawyerUserId: number | null, offerId: number) {
  const found = await db.legalAidOffer.findFirst({ where: { id: offerId, lawyerUserId: lawyerUserId ?? -1 }, select: { applicationId: true } });
  if (!found) throw notFound("派单");
  const c = await lockCaseById(db, found.applicationId);
  if (!c) throw notFound("派单");
  const offer = await db.legalAidOffer.findUniqueOrThrow({ where: { id: offerId } });
  return { c, offer };
}

function requirePending(offer: { status: string; expiresAt: Date }, now: Date) {
  if (offer.status === "ACCEPTED") throw ruleViolation("您已接受这个派单", "_form");
  if (offer.status === "WITHDRAWN") throw new AppError("CONFLICT", "该派单已撤回（案件已由其他律师承办或受援人重新选择了律师）");
  if (offer.status !== "PENDING") throw ruleViolation("该派单已结束，不能再处理", "_form");
  if (now >= offer.expiresAt) throw ruleViolation("已超过接单期限，该派单已失效", "_form");
}

export const OfferInput = z.object({ id: idParam("派单") });
export const DeclineOfferInput = OfferInput.extend({
  reason: textBetween(2, 300, "谢绝原因", "请简要说明不能承办的原因（至少 2 个字）"),
});

/** 接受委托: the chosen lawyer takes the case (grantCase checks cap, conflict, suspension once more). */
export const acceptOffer = defineUseCase({
  name: "legalAid.acceptOffer",
  permission: "legalAid.offer",
  write: true,
  input: OfferInput,
  target: (i) => ({ type: "LegalAidOffer", id: i.id }),
  async run({ db, actor, input }) {
    const now = new Date();
    const { c, offer } = await lockOwnOffer(db, actor.userId, input.id);
    requirePending(offer, now);
    requireCaseStatus(c, ["APPROVED"], "接受委托");
    await db.legalAidOffer.update({ where: { id: offer.id }, data: { status: "ACCEPTED", respondedAt: now } });
    return grantCase(db, actor, c, offer.lawyerUserId, "CHOICE", now);
  },
});

/** 谢绝: the chosen lawyer declines with a reason; the next choice is offered at once. */
export const declineOffer = defineUseCase({
  name: "legalAid.declineOffer",
  permission: "legalAid.offer",
  write: true,
  input: DeclineOfferInput,
  target: (i) => ({ type: "LegalAidOffer", id: i.id }),
  async run({ db, actor, input }) {
    const now = new Date();
    const { c, offer } = await lockOwnOffer(db, actor.userId, input.id);
    requirePending(offer, now);
    await db.legalAidOffer.update({ where: { id: offer.id }, data: { status: "DECLINED", respondedAt: now, declineReason: input.reason } });
    await addCaseEvent(db, c, "OFFER_DECLINED", actor, { reason: `${actor.name}：${input.reason}` });
    const next = await offerNext(db, c, now, `律师${actor.name}未能接受委托。`);
    return { id: offer.id, next };
  },
});

const OFFER_LIST_LIMIT = 20;

/** 我的派单: offers waiting for the lawyer (with the matter, to decide on), and the latest answered ones. */
export const listMyOffers = defineUseCase({
  name: "legalAid.myOffers",
  permission: "legalAid.offer",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const rows = await db.legalAidOffer.findMany({
      where: { lawyerUserId: actor.userId ?? -1 },
      orderBy: [{ offeredAt: "desc" }, { id: "desc" }],
      take: OFFER_LIST_LIMIT,
      select: {
        id: true, rank: true, status: true, offeredAt: true, expiresAt: true, respondedAt: true, declineReason: true,
        application: {
          select: {
            applicantName: true, matterCategory: true, facts: true, aidForm: true, authority: true, urgentDeadline: true, greenChannel: true,
            workOrder: { select: { number: true, region: { select: { name: true } } } },
          },
        },
      },
    });
    const now = new Date();
    const view = (o: (typeof rows)[number]) => ({
      id: o.id,
      number: o.application.workOrder.number,
      rank: o.rank,
      status: o.status,
      // a lapsed offer the job has not reached yet reads as lapsed already
      expired: o.status === "PENDING" && now >= o.expiresAt,
      offeredAt: o.offeredAt.toISOString(),
      expiresAt: o.expiresAt.toISOString(),
      respondedAt: o.respondedAt?.toISOString() ?? null,
      declineReason: o.declineReason,
      applicant: maskedName(o.application.applicantName),
      category: matterCategoryLabel(o.application.matterCategory),
      aidForm: AID_FORM_LABELS[o.application.aidForm],
      // the applicant chose this lawyer: the facts help them decide; identity waits for acceptance
      facts: o.status === "PENDING" ? o.application.facts.slice(0, 300) : null,
      authority: o.application.authority,
      urgentDeadline: o.application.urgentDeadline?.toISOString().slice(0, 10) ?? null,
      greenChannel: !!o.application.greenChannel,
      region: o.application.workOrder.region.name,
    });
    const all = rows.map(view);
    return { pending: all.filter((o) => o.status === "PENDING" && !o.expired), answered: all.filter((o) => o.status !== "PENDING" || o.expired) };
  },
});

// ───────────── the pool ─────────────

const POOL_LIMIT = 50;

export const PoolFilter = z.object({
  category: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(40).optional()),
  countyCode: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{12}$/, "地区无效").optional()),
});

/**
 * 抢单池 for one lawyer: open pool cases they may take (expertise, service area, cap, conflict),
 * without the applicant's identity or facts. When none fits, says why (e.g. at their cap).
 */
export const listPool = defineUseCase({
  name: "legalAid.pool",
  permission: "legalAid.offer",
  write: false,
  input: PoolFilter,
  async run({ db, actor, input }) {
    const limits = await loadLegalAidLimits(db);
    const now = new Date();
    const county = input.countyCode ? await db.region.findUnique({ where: { code: input.countyCode }, select: { path: true } }) : null;
    const rows = await db.legalAidApplication.findMany({
      where: {
        status: "APPROVED", lawyerUserId: null, poolOpenedAt: { not: null }, poolClosedAt: null,
        ...(input.category ? { matterCategory: input.category } : {}),
        ...(input.countyCode ? { workOrder: { region: { path: { startsWith: county?.path ?? "-" } } } } : {}),
      },
      orderBy: [{ assignDueAt: "asc" }, { id: "asc" }],
      take: POOL_LIMIT * 4,
      select: {
        id: true, applicantName: true, opposingParty: true, matterCategory: true, aidForm: true, authority: true, urgentDeadline: true,
        greenChannel: true, poolOpenedAt: true, assignDueAt: true,
        workOrder: { select: { number: true, regionId: true, region: { select: { name: true } } } },
      },
    });
    const open = rows.filter((r) => r.poolOpenedAt && now < poolClosesAt(r.poolOpenedAt, limits.offerHours, r.assignDueAt));
    const refusals = await poolRefusals(db, actor.userId ?? -1, open.map((r) => ({ ...r, regionId: r.workOrder.regionId })));
    const items = open
      .filter((r) => refusals.get(r.id) === null)
      .slice(0, POOL_LIMIT)
      .map((r) => ({
        number: r.workOrder.number,
        category: matterCategoryLabel(r.matterCategory),
        aidForm: AID_FORM_LABELS[r.aidForm],
        authority: r.authority,
        region: r.workOrder.region.name,
        urgentDeadline: r.urgentDeadline?.toISOString().slice(0, 10) ?? null,
        greenChannel: !!r.greenChannel,
        closesAt: poolClosesAt(r.poolOpenedAt as Date, limits.offerHours, r.assignDueAt).toISOString(),
      }));
    // Why nothing fits, when it is the lawyer's own situation (the same for every case).
    const reasons = new Set([...refusals.values()].filter((v): v is string => !!v));
    const blocked = items.length === 0 && reasons.size === 1 && open.length > 0 ? [...reasons][0] : null;
    const personal = blocked && /上限|暂停|不承接/.test(blocked) ? blocked : null;
    return { items, notice: personal };
  },
});

/**
 * 抢单: the first eligible lawyer to press "accept" gets the case. Concurrent takes serialize on the
 * case lock; whoever comes second finds it assigned and is told "已被其他律师接单".
 */
export const acceptFromPool = defineUseCase({
  name: "legalAid.takeFromPool",
  permission: "legalAid.offer",
  write: true,
  input: z.object({ number: WorkOrderNumber }),
  target: (i) => ({ type: "LegalAidApplication", id: i.number }),
  async run({ db, actor, input }) {
    // Only the pool of the lawyer's own service regions: a case elsewhere answers exactly as a number
    // that does not exist, so a number tells a lawyer of another county nothing about the case.
    const served = await db.region.findMany({ where: { servedBy: { some: { userId: actor.userId ?? -1 } } }, select: { path: true } });
    const found = await db.legalAidApplication.findFirst({
      where: {
        workOrder: { number: input.number, OR: served.map((r) => ({ region: { path: { startsWith: r.path } } })) },
        poolOpenedAt: { not: null },
      },
      select: { id: true },
    });
    if (!found) throw notFound("抢单池中的案件");
    const c = await lockCaseById(db, found.id);
    if (!c) throw notFound("抢单池中的案件");
    const now = new Date();
    if (c.lawyerUserId || c.status !== "APPROVED") throw new AppError("CONFLICT", "已被其他律师接单");
    const limits = await loadLegalAidLimits(db);
    if (c.poolClosedAt || !c.poolOpenedAt || now >= poolClosesAt(c.poolOpenedAt, limits.offerHours, c.assignDueAt)) {
      throw ruleViolation("抢单已截止，案件已转由法律援助中心指派", "_form");
    }
    const refusal = (await poolRefusals(db, actor.userId ?? -1, [{ ...c, regionId: c.workOrder.regionId }])).get(c.id);
    if (refusal) throw ruleViolation(`${refusal}，不能接单`, "_form");
    return grantCase(db, actor, c, actor.userId as number, "POOL", now);
  },
});

// ───────────── the timer ─────────────

const BATCH = 50;

/**
 * Every minute (lib/jobs/boss.ts): offers past their deadline lapse and the case moves on; pools past
 * their window hand the case to the officer. Cases are claimed with SKIP LOCKED on their work order
 * (the lock every step takes), so a lawyer accepting at this moment wins or waits, never both.
 */
export async function expireOffers(db: Db, now: Date): Promise<{ expired: number; handedOver: number }> {
  const { offerHours } = await loadLegalAidLimits(db);
  let expired = 0;
  let handedOver = 0;
  for (;;) {
    const claimed = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: number }[]>`
          SELECT a."id"
          FROM "LegalAidApplication" a
          JOIN "WorkOrder" w ON w."id" = a."workOrderId"
          WHERE a."status" = 'APPROVED' AND a."lawyerUserId" IS NULL AND (
            EXISTS (SELECT 1 FROM "LegalAidOffer" o WHERE o."applicationId" = a."id" AND o."status" = 'PENDING' AND o."expiresAt" <= ${now})
            OR (a."poolOpenedAt" IS NOT NULL AND a."poolClosedAt" IS NULL
                AND (a."poolOpenedAt" + make_interval(hours => ${offerHours}::int) <= ${now} OR a."assignDueAt" <= ${now})))
          ORDER BY a."id"
          LIMIT ${BATCH}
          FOR UPDATE OF w SKIP LOCKED`;
        for (const row of rows) {
          const c = await lockCaseById(tx, row.id);
          if (!c) continue;
          const lapsed = await tx.legalAidOffer.findMany({
            where: { applicationId: c.id, status: "PENDING", expiresAt: { lte: now } },
            select: { id: true, lawyer: { select: { name: true } } },
          });
          if (lapsed.length) {
            await tx.legalAidOffer.updateMany({ where: { id: { in: lapsed.map((o) => o.id) } }, data: { status: "EXPIRED", respondedAt: now } });
            for (const o of lapsed) await addCaseEvent(tx, c, "OFFER_EXPIRED", null, { reason: `律师${o.lawyer.name}未在期限内确认` });
            expired += lapsed.length;
          }
          const lead = lapsed.length ? `律师${lapsed.map((o) => o.lawyer.name).join("、")}未在期限内确认。` : "";
          const next = await offerNext(tx, c, now, lead);
          if (next?.kind === "OFFICER") handedOver += 1;
        }
        return rows.length;
      },
      { timeout: 60_000 },
    );
    if (claimed < BATCH) return { expired, handedOver };
  }
}
