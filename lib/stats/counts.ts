import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrganizationTier, WorkOrderChannel, WorkOrderType } from "@/lib/generated/prisma/enums";
import { addDays, startOfShanghaiDay, type IsoDate } from "@/lib/calendar/working-days";
import type { Breakdowns, CountId, Counts } from "@/lib/stats/registry";

// The named counts of the registry (lib/stats/registry.ts), counted from the records themselves for
// a region subtree and a period of Shanghai days (both ends included). This is the recount every
// faster path (roll-ups, issue 7) must equal. One statement per domain; every count says in its
// name which time it is counted by (registration, decision, closing …).

export type CountScope = {
  /** materialized path of the region ("369900000000/369901000000/"): the region and everything below */
  regionPath: string;
  from: IsoDate;
  to: IsoDate;
  /** only the records held by service points of this tier (centre / station / room) */
  tier?: OrganizationTier;
  /** only the requests that came in through this channel (network and capacity counts ignore it) */
  channel?: WorkOrderChannel;
  /** only the requests of this business type (业务类别; network and capacity counts ignore it) */
  type?: WorkOrderType;
  /** only the records held by this one service point (the drill-down's last step) */
  organizationId?: number;
};

const n = (v: bigint | number | string | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

/**
 * The regions of a subtree, by id. Passed to the queries as an array rather than a path test on a
 * joined "Region": the planner cannot estimate a prefix test on the path (it guessed 3 regions for
 * a city's 2,881 and walked a million orders one by one), while an array of ids it can.
 */
async function subtreeIds(db: Tx, path: string): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT id FROM "Region" WHERE left(path, length(${path})) = ${path}`;
  return rows.map((r) => r.id);
}

/** The records a scope selects, over "WorkOrder" w joined to its "Organization" org. */
export async function orderFilter(db: Tx, s: CountScope) {
  const ids = await subtreeIds(db, s.regionPath);
  return Prisma.sql`w."regionId" = ANY(${ids}::int[])
    AND (${s.tier ?? null}::text IS NULL OR org.tier::text = ${s.tier ?? null})
    AND (${s.channel ?? null}::text IS NULL OR w.channel::text = ${s.channel ?? null})
    AND (${s.type ?? null}::text IS NULL OR w.type::text = ${s.type ?? null})
    AND (${s.organizationId ?? null}::int IS NULL OR w."organizationId" = ${s.organizationId ?? null})`;
}

function bounds(s: CountScope) {
  return { start: startOfShanghaiDay(s.from), end: startOfShanghaiDay(addDays(s.to, 1)), year: Number(s.to.slice(0, 4)) };
}

/** The network and capacity as of the period's end (small tables, always read from the records). */
export async function networkCounts(db: Tx, s: CountScope): Promise<Counts> {
  const { year } = bounds(s);
  const [r] = await db.$queryRaw<Record<string, bigint | number | null>[]>`
    WITH sub AS (SELECT id, level FROM "Region" WHERE left(path, length(${s.regionPath})) = ${s.regionPath}),
    orgs AS (SELECT o.id, o.tier FROM "Organization" o JOIN sub ON sub.id = o."regionId"
      WHERE (${s.tier ?? null}::text IS NULL OR o.tier::text = ${s.tier ?? null})
        AND (${s.organizationId ?? null}::int IS NULL OR o.id = ${s.organizationId ?? null})),
    -- the rooms grouped by village once (a hash join), not looked up village by village
    rooms_by_village AS (
      SELECT o."regionId", bool_or(o."legalAdviserName" IS NOT NULL) AS has_adviser FROM "Organization" o WHERE o.tier = 'ROOM' GROUP BY o."regionId"
    ),
    villages AS (
      SELECT v.id, r."regionId" IS NOT NULL AS has_room, coalesce(r.has_adviser, false) AS has_adviser
      FROM sub v LEFT JOIN rooms_by_village r ON r."regionId" = v.id WHERE v.level = 'VILLAGE'
    )
    SELECT
      (SELECT count(*) FROM orgs WHERE tier = 'CENTRE') AS centres,
      (SELECT count(*) FROM orgs WHERE tier = 'STATION') AS stations,
      (SELECT count(*) FROM orgs WHERE tier = 'ROOM') AS rooms,
      (SELECT count(*) FROM orgs) AS committees,
      (SELECT count(*) FROM villages) AS villages,
      (SELECT count(*) FROM villages WHERE has_room) AS "villagesWithRoom",
      (SELECT count(*) FROM villages WHERE has_adviser) AS "villagesWithAdviser",
      -- the region's own population for the year of the period's end, else its latest earlier year
      (SELECT p.residents FROM "RegionPopulation" p JOIN "Region" r ON r.id = p."regionId"
         WHERE r.path = ${s.regionPath} AND p.year <= ${year} ORDER BY p.year DESC LIMIT 1) AS residents,
      (SELECT count(*) FROM "LawyerProfile" l JOIN "LawFirm" f ON f.id = l."firmId" JOIN sub ON sub.id = f."regionId"
         JOIN "User" u ON u.id = l."userId" WHERE u.active) AS lawyers,
      (SELECT count(DISTINCT m."userId") FROM "Membership" m JOIN orgs ON orgs.id = m."organizationId" WHERE m.role = 'MEDIATOR') AS mediators`;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, n(v)])) as Counts;
}

async function workOrderCounts(db: Tx, s: CountScope): Promise<Counts> {
  const { start, end } = bounds(s);
  const [r] = await db.$queryRaw<Record<string, bigint | number | string | null>[]>`
    WITH orders AS (
      SELECT w.* FROM "WorkOrder" w JOIN "Organization" org ON org.id = w."organizationId"
      WHERE ${await orderFilter(db, s)}
    )
    SELECT
      (SELECT count(*) FROM orders WHERE "createdAt" >= ${start} AND "createdAt" < ${end}) AS "ordersAccepted",
      (SELECT count(*) FROM orders WHERE "createdAt" >= ${start} AND "createdAt" < ${end} AND type = 'CONSULTATION') AS consultations,
      (SELECT count(*) FROM orders WHERE "closedAt" >= ${start} AND "closedAt" < ${end}) AS "ordersClosed",
      (SELECT count(*) FROM orders WHERE "closedAt" >= ${start} AND "closedAt" < ${end} AND "closedOnTime") AS "ordersClosedOnTime",
      (SELECT coalesce(sum(extract(epoch FROM "closedAt" - "createdAt")) / 3600, 0) FROM orders WHERE "closedAt" >= ${start} AND "closedAt" < ${end}) AS "ordersHandlingHours",
      (SELECT count(*) FROM orders o WHERE "closedAt" >= ${start} AND "closedAt" < ${end}
         AND EXISTS (SELECT 1 FROM "WorkOrderFollowUp" f WHERE f."workOrderId" = o.id AND f.kind = 'CALLBACK' AND f."doneAt" IS NOT NULL)) AS "ordersFollowedUp",
      (SELECT count(*) FROM "WorkOrderRating" g JOIN orders o ON o.id = g."workOrderId" WHERE g.at >= ${start} AND g.at < ${end}) AS "ordersRated",
      (SELECT count(*) FROM "WorkOrderRating" g JOIN orders o ON o.id = g."workOrderId" WHERE g.at >= ${start} AND g.at < ${end}
         AND g.score IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS "ordersSatisfied"`;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, n(v)])) as Counts;
}

async function legalAidCounts(db: Tx, s: CountScope): Promise<Counts> {
  const { start, end } = bounds(s);
  const [r] = await db.$queryRaw<Record<string, bigint | number | string | null>[]>`
    WITH cases AS (
      SELECT a.*, w."createdAt" AS "appliedAt" FROM "LegalAidApplication" a
      JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Organization" org ON org.id = w."organizationId"
      WHERE ${await orderFilter(db, s)}
    ),
    first_assignments AS (
      SELECT g.* FROM "LegalAidAssignment" g JOIN cases c ON c.id = g."applicationId"
      WHERE g.round = 1 AND g."assignedAt" >= ${start} AND g."assignedAt" < ${end}
    )
    SELECT
      (SELECT count(*) FROM cases WHERE "appliedAt" >= ${start} AND "appliedAt" < ${end}) AS "aidAccepted",
      (SELECT count(*) FROM cases WHERE "appliedAt" >= ${start} AND "appliedAt" < ${end} AND "greenChannel") AS "aidGreenChannel",
      (SELECT count(*) FROM cases WHERE "decidedAt" >= ${start} AND "decidedAt" < ${end} AND "decidedOnTime" IS NOT NULL) AS "aidDecided",
      (SELECT count(*) FROM cases WHERE "decidedAt" >= ${start} AND "decidedAt" < ${end} AND "decidedOnTime") AS "aidDecidedOnTime",
      (SELECT count(*) FROM cases WHERE "decidedAt" >= ${start} AND "decidedAt" < ${end}
         AND status NOT IN ('REFUSED', 'WITHDRAWN', 'SUBMITTED', 'MATERIALS_REQUESTED')) AS "aidApproved",
      (SELECT count(*) FROM first_assignments) AS "aidAssigned",
      (SELECT count(*) FROM first_assignments g JOIN cases c ON c.id = g."applicationId" WHERE c."assignedOnTime") AS "aidAssignedOnTime",
      (SELECT count(*) FROM first_assignments g JOIN cases c ON c.id = g."applicationId"
         WHERE shanghai_day(g."assignedAt") = shanghai_day(c."appliedAt")) AS "aidAssignedSameDay",
      (SELECT count(*) FROM first_assignments WHERE via IN ('CHOICE', 'POOL')) AS "aidAssignedByChoice",
      (SELECT coalesce(sum("moneyRecovered"), 0) FROM cases WHERE "closedAt" >= ${start} AND "closedAt" < ${end}) AS "aidMoneyRecovered",
      (SELECT coalesce(sum("feesWaived"), 0) FROM cases WHERE "closedAt" >= ${start} AND "closedAt" < ${end}) AS "aidFeesWaived",
      (SELECT count(*) FROM cases WHERE "followedUpAt" >= ${start} AND "followedUpAt" < ${end} AND satisfaction IS NOT NULL) AS "aidRated",
      (SELECT count(*) FROM cases WHERE "followedUpAt" >= ${start} AND "followedUpAt" < ${end} AND satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS "aidSatisfied",
      (SELECT count(*) FROM cases WHERE "qualityGradedAt" >= ${start} AND "qualityGradedAt" < ${end}) AS "aidGraded",
      (SELECT count(*) FROM cases WHERE "qualityGradedAt" >= ${start} AND "qualityGradedAt" < ${end} AND "qualityGrade" IN ('EXCELLENT', 'GOOD')) AS "aidGradedGood"`;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, n(v)])) as Counts;
}

async function mediationCounts(db: Tx, s: CountScope): Promise<Counts> {
  const { start, end } = bounds(s);
  const [r] = await db.$queryRaw<Record<string, bigint | number | null>[]>`
    WITH cases AS (
      SELECT m.*, w."createdAt" AS "registeredAt" FROM "MediationCase" m
      JOIN "WorkOrder" w ON w.id = m."workOrderId" JOIN "Organization" org ON org.id = w."organizationId"
      WHERE ${await orderFilter(db, s)}
    ),
    concluded AS (SELECT * FROM cases WHERE "endedAt" >= ${start} AND "endedAt" < ${end} AND status IN ('SUCCEEDED', 'FAILED', 'WITHDRAWN'))
    SELECT
      (SELECT count(*) FROM cases WHERE "registeredAt" >= ${start} AND "registeredAt" < ${end}) AS "mediationAccepted",
      (SELECT count(*) FROM cases WHERE "registeredAt" >= ${start} AND "registeredAt" < ${end} AND major) AS "mediationMajor",
      (SELECT count(*) FROM concluded) AS "mediationConcluded",
      (SELECT count(*) FROM concluded WHERE status = 'SUCCEEDED') AS "mediationSucceeded",
      (SELECT count(*) FROM concluded WHERE status = 'SUCCEEDED' AND "confirmationGranted") AS "mediationConfirmed",
      (SELECT count(*) FROM concluded WHERE status = 'SUCCEEDED' AND performance = 'PERFORMED') AS "mediationPerformed",
      (SELECT count(*) FROM concluded WHERE "crimePrevented") AS "mediationCrimePrevented"`;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, n(v)])) as Counts;
}

/** Distinct recipients (受援人, by ID hash) of the cases approved in the period: not a sum, so never rolled up. */
export async function recipientCount(db: Tx, s: CountScope): Promise<Counts> {
  const { start, end } = bounds(s);
  const [r] = await db.$queryRaw<{ aidRecipients: bigint }[]>`
    SELECT count(DISTINCT a."applicantIdHash") AS "aidRecipients" FROM "LegalAidApplication" a
    JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Organization" org ON org.id = w."organizationId"
    WHERE ${await orderFilter(db, s)} AND a."decidedAt" >= ${start} AND a."decidedAt" < ${end}
      AND a.status NOT IN ('REFUSED', 'WITHDRAWN', 'SUBMITTED', 'MATERIALS_REQUESTED')`;
  return { aidRecipients: n(r.aidRecipients) };
}

/** The registry's breakdowns (BREAKDOWN_DIMENSIONS), recounted: each by its count's registration time. */
export async function recountBreakdowns(db: Tx, s: CountScope): Promise<Breakdowns> {
  const { start, end } = bounds(s);
  const rows = await db.$queryRaw<{ key: string; n: bigint }[]>`
    SELECT k.key, count(*) AS n FROM "WorkOrder" w
    JOIN "Organization" org ON org.id = w."organizationId"
    LEFT JOIN "LegalAidApplication" la ON la."workOrderId" = w.id LEFT JOIN "MediationCase" mc ON mc."workOrderId" = w.id,
    LATERAL (VALUES ('type:' || w.type), ('channel:' || w.channel), ('tier:' || org.tier), ('status:' || w.status),
      ('aidForm:' || la."aidForm"), ('matterKind:' || la."matterKind"),
      ('mediationCategory:' || mc.category), ('mediationSource:' || mc.source)) k(key)
    WHERE ${await orderFilter(db, s)} AND w."createdAt" >= ${start} AND w."createdAt" < ${end} AND k.key IS NOT NULL
    GROUP BY k.key`;
  return Object.fromEntries(rows.map((r) => [r.key, n(r.n)]));
}

/** Every named count for the scope, recounted from the records. */
export async function recountAll(db: Tx, scope: CountScope): Promise<Required<Counts>> {
  // one after another: a transaction's single connection runs them in turn anyway
  const parts = [
    await networkCounts(db, scope),
    await recipientCount(db, scope),
    await workOrderCounts(db, scope),
    await legalAidCounts(db, scope),
    await mediationCounts(db, scope),
  ];
  return Object.assign({}, ...parts) as Required<Record<CountId, number>>;
}
