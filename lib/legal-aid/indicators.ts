import type { AssignmentRoute } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { addDays, startOfShanghaiDay } from "@/lib/calendar/working-days";
import { PeriodInput, share, type Share } from "@/lib/stats/period";

// 点援制 indicators for the justice bureau (issue 5): how cases reached their lawyer (the officer,
// the applicant's choice, the pool), how long approval → lawyer took on each route, and each
// lawyer's offers and pool takes. Everything is counted in SQL; no case row is loaded.
//
// A case counts once, in the period of its FIRST assignment (LegalAidAssignment round 1), by the
// route of that assignment. LegalAidApplication.assignedAt/assignedVia are overwritten when the
// lawyer is changed (Art. 55), so they would move a case to a later period and to the route of the
// replacement lawyer; round 1 is written once and never changes.

export const ASSIGNMENT_ROUTES = ["OFFICER", "CHOICE", "POOL"] as const satisfies readonly AssignmentRoute[];

export const ASSIGNMENT_ROUTE_LABELS: Record<AssignmentRoute, string> = {
  OFFICER: "中心指派",
  CHOICE: "受援人点援",
  POOL: "律师自主接单",
};

export const TOP_LAWYERS = 20;

/** 口径说明, shown to the leaders next to the figures. */
export const CHOICE_INDICATOR_DEFINITION = [
  "点援率 = 统计期内以点援制方式确定承办律师的案件数 ÷ 统计期内确定承办律师的法律援助案件总数。",
  "点援制方式包括两种：受援人从律师名册中点选律师、律师接受委托（受援人点援）；受援人未点选或所点律师均未接受时，律师在抢单池中自主接单（律师自主接单）。由法律援助中心直接指派的不计入点援制。",
  "受援人点援率只计受援人点援一种方式，分母相同。",
  "案件按首次确定承办律师的时间计入统计期（按北京时间的日期），按案件所属地区统计；此后因更换律师再次指派的，不重复计算，也不改变其方式。",
  "平均用时 = 从作出给予法律援助决定到律师接受委托（或中心指派）的小时数，按自然时间计算，不扣除节假日。",
  `律师接单情况按派单时间计入统计期：收到派单数含待答复、已接受、已拒绝、已超时和已撤回（受援人改选律师，或案件已由其他方式确定律师）的派单；自主接单数按接单时间计入，含更换律师后的再次接单。列出派单数最多的前 ${TOP_LAWYERS} 名律师。`,
].join("\n");

/** The period (lib/stats/period.ts). */
export const ChoiceIndicatorsInput = PeriodInput;
export type ChoiceIndicatorsInput = PeriodInput;


export type LawyerChoiceFigures = {
  userId: number;
  name: string;
  firmName: string | null;
  offers: number;
  pending: number;
  accepted: number;
  declined: number;
  expired: number;
  withdrawn: number;
  poolTakes: number;
};

/**
 * The region-path prefix the actor's figures are limited to: a leader's region subtree; an admin's
 * region when the admin membership has one, else everything (""). Anyone else: null, nothing — the
 * permission already keeps them out, this fails closed should the table ever change.
 */
function regionPrefix(actor: Actor): string | null {
  if (actor.role === "LEADER") return actor.regionPath ?? null;
  if (actor.role === "ADMIN") return actor.regionPath ?? "";
  return null;
}

const hours = (seconds: number, n: number) => (n ? Math.round((seconds / n / 3600) * 10) / 10 : null);

/**
 * Timestamps are stored as UTC wall time in `timestamp(3)` columns; comparing them with an ISO string
 * cast to timestamp keeps the comparison independent of the connection's TimeZone setting.
 */
const sqlTime = (d: Date) => d.toISOString();

type RouteTally = { n: number; timed: number; seconds: number };
const noRoutes = (): Record<AssignmentRoute, RouteTally> => ({
  OFFICER: { n: 0, timed: 0, seconds: 0 },
  CHOICE: { n: 0, timed: 0, seconds: 0 },
  POOL: { n: 0, timed: 0, seconds: 0 },
});

async function assignedByRoute(db: Tx, prefix: string, start: Date, end: Date) {
  const rows = await db.$queryRaw<{ via: AssignmentRoute; n: bigint; timed: bigint; seconds: number | null }[]>`
    SELECT a."via"::text AS via,
      count(*) AS n,
      count(app."decidedAt") AS timed,
      sum(extract(epoch FROM a."assignedAt" - app."decidedAt"))::float8 AS seconds
    FROM "LegalAidAssignment" a
    JOIN "LegalAidApplication" app ON app."id" = a."applicationId"
    JOIN "WorkOrder" w ON w."id" = app."workOrderId"
    JOIN "Region" r ON r."id" = w."regionId"
    WHERE a."round" = 1
      AND a."assignedAt" >= ${sqlTime(start)}::timestamp AND a."assignedAt" < ${sqlTime(end)}::timestamp
      AND starts_with(r."path", ${prefix})
    GROUP BY a."via"`;
  const by = noRoutes();
  for (const r of rows) by[r.via] = { n: Number(r.n), timed: Number(r.timed), seconds: r.seconds ?? 0 };
  return by;
}

async function lawyerFigures(db: Tx, prefix: string, start: Date, end: Date) {
  const rows = await db.$queryRaw<
    {
      userId: number; name: string; firmName: string | null; offers: bigint; pending: bigint; accepted: bigint; declined: bigint;
      expired: bigint; withdrawn: bigint; poolTakes: bigint; lawyers: bigint;
    }[]
  >`
    WITH scoped AS (
      SELECT app."id"
      FROM "LegalAidApplication" app
      JOIN "WorkOrder" w ON w."id" = app."workOrderId"
      JOIN "Region" r ON r."id" = w."regionId"
      WHERE starts_with(r."path", ${prefix})
    ),
    offered AS (
      SELECT o."lawyerUserId" AS uid,
        count(*) AS offers,
        count(*) FILTER (WHERE o."status" = 'PENDING') AS pending,
        count(*) FILTER (WHERE o."status" = 'ACCEPTED') AS accepted,
        count(*) FILTER (WHERE o."status" = 'DECLINED') AS declined,
        count(*) FILTER (WHERE o."status" = 'EXPIRED') AS expired,
        count(*) FILTER (WHERE o."status" = 'WITHDRAWN') AS withdrawn
      FROM "LegalAidOffer" o
      WHERE o."applicationId" IN (SELECT "id" FROM scoped)
        AND o."offeredAt" >= ${sqlTime(start)}::timestamp AND o."offeredAt" < ${sqlTime(end)}::timestamp
      GROUP BY o."lawyerUserId"
    ),
    taken AS (
      SELECT a."lawyerUserId" AS uid, count(*) AS takes
      FROM "LegalAidAssignment" a
      WHERE a."via" = 'POOL' AND a."applicationId" IN (SELECT "id" FROM scoped)
        AND a."assignedAt" >= ${sqlTime(start)}::timestamp AND a."assignedAt" < ${sqlTime(end)}::timestamp
      GROUP BY a."lawyerUserId"
    ),
    ids AS (SELECT uid FROM offered UNION SELECT uid FROM taken)
    SELECT u."id" AS "userId", u."name", f."name" AS "firmName",
      coalesce(o.offers, 0) AS offers, coalesce(o.pending, 0) AS pending, coalesce(o.accepted, 0) AS accepted,
      coalesce(o.declined, 0) AS declined, coalesce(o.expired, 0) AS expired, coalesce(o.withdrawn, 0) AS withdrawn,
      coalesce(t.takes, 0) AS "poolTakes",
      count(*) OVER () AS lawyers
    FROM ids
    JOIN "User" u ON u."id" = ids.uid
    LEFT JOIN offered o ON o.uid = ids.uid
    LEFT JOIN taken t ON t.uid = ids.uid
    LEFT JOIN "LawyerProfile" lp ON lp."userId" = u."id"
    LEFT JOIN "LawFirm" f ON f."id" = lp."firmId"
    ORDER BY offers DESC, "poolTakes" DESC, u."id"
    LIMIT ${TOP_LAWYERS}`;
  const lawyers: LawyerChoiceFigures[] = rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    firmName: r.firmName,
    offers: Number(r.offers),
    pending: Number(r.pending),
    accepted: Number(r.accepted),
    declined: Number(r.declined),
    expired: Number(r.expired),
    withdrawn: Number(r.withdrawn),
    poolTakes: Number(r.poolTakes),
  }));
  return { lawyers, lawyerCount: rows.length ? Number(rows[0].lawyers) : 0 };
}

/**
 * 点援制指标: the bureau's leaders (their region) and admins. Read-only aggregates; see
 * CHOICE_INDICATOR_DEFINITION for what each figure counts.
 */
export const choiceIndicators = defineUseCase({
  name: "legalAid.indicators.choice",
  permission: "legalAid.indicators",
  write: false,
  input: ChoiceIndicatorsInput,
  async run({ db, actor, input }) {
    const start = startOfShanghaiDay(input.from);
    const end = startOfShanghaiDay(addDays(input.to, 1));
    const prefix = regionPrefix(actor);
    const by = prefix === null ? noRoutes() : await assignedByRoute(db, prefix, start, end);
    const { lawyers, lawyerCount } = prefix === null ? { lawyers: [], lawyerCount: 0 } : await lawyerFigures(db, prefix, start, end);

    const total = by.OFFICER.n + by.CHOICE.n + by.POOL.n;
    return {
      period: { from: input.from, to: input.to },
      assigned: { total, OFFICER: by.OFFICER.n, CHOICE: by.CHOICE.n, POOL: by.POOL.n },
      /** 点援率: CHOICE + POOL (both are 点援制) over every case assigned in the period */
      choiceShare: share(by.CHOICE.n + by.POOL.n, total),
      /** 受援人点援率: CHOICE alone, same denominator */
      applicantChoiceShare: share(by.CHOICE.n, total),
      /** mean hours from the approval (decidedAt) to the first lawyer; null when no case */
      avgHoursApprovalToAcceptance: {
        choiceScheme: hours(by.CHOICE.seconds + by.POOL.seconds, by.CHOICE.timed + by.POOL.timed),
        CHOICE: hours(by.CHOICE.seconds, by.CHOICE.timed),
        POOL: hours(by.POOL.seconds, by.POOL.timed),
        OFFICER: hours(by.OFFICER.seconds, by.OFFICER.timed),
      },
      lawyers,
      /** lawyers with any offer or pool take in the period (the table shows the first TOP_LAWYERS) */
      lawyerCount,
      definition: CHOICE_INDICATOR_DEFINITION,
    };
  },
});
