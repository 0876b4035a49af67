import { db as defaultDb, type Db, type Tx } from "@/lib/db";
import { addDays, startOfShanghaiDay, type IsoDate } from "@/lib/calendar/working-days";
import { networkCounts, recountAll, recountBreakdowns, type CountScope } from "@/lib/stats/counts";
import type { Breakdowns, CountId, Counts } from "@/lib/stats/registry";
import type { RegionLevel } from "@/lib/generated/prisma/enums";

// Roll-ups (decision 010). The indicators' summable counts are kept per township × day (StatsDay),
// per township × month and per county × month over everything (StatsMonthTotal, StatsMonthCounty)
// and per county × month by tier, channel and type (StatsMonth), so a city's five years read about
// 660 rows instead of a million orders (decision 018); distinct recipients keep their hashes per
// day (StatsRecipientDay). Exactness comes from how they are kept, not from care at every write:
// triggers on the counted tables append the days a write touches to StatsDirtyDay; refreshRollups
// recomputes those whole days from the records with the same definitions as the recount
// (lib/stats/counts.ts) and re-sums their months. Every read refreshes
// first, so a figure is never older than the last committed write. A village or a single service
// point is read from the records directly (their roll-up would be as large as the records).

/** The summable counts, as columns of the roll-up tables (the registry's ids). */
const SUMMED = [
  "ordersAccepted", "consultations", "ordersClosed", "ordersClosedOnTime", "ordersFollowedUp", "ordersRated", "ordersSatisfied",
  "aidAccepted", "aidGreenChannel", "aidDecided", "aidDecidedOnTime", "aidApproved",
  "aidAssigned", "aidAssignedOnTime", "aidAssignedSameDay", "aidAssignedByChoice",
  "aidRated", "aidSatisfied", "aidGraded", "aidGradedGood",
  "mediationAccepted", "mediationMajor", "mediationConcluded", "mediationSucceeded", "mediationConfirmed", "mediationPerformed",
  "mediationCrimePrevented",
  "aidMoneyRecovered", "aidFeesWaived",
] as const satisfies readonly CountId[];
/** ordersHandlingHours is kept in seconds (exact sums) and divided at read time, as the recount does. */
const COLUMNS = [...SUMMED, "ordersHandlingSeconds"] as const;
type Column = (typeof COLUMNS)[number];

const q = (c: string) => `"${c}"`;
/** the statuses of an application not (or not yet) granted aid, as the recount reads them */
const NOT_APPROVED = `('REFUSED', 'WITHDRAWN', 'SUBMITTED', 'MATERIALS_REQUESTED')`;
const SUCCESSFUL = `('SATISFIED', 'BASICALLY_SATISFIED')`;

/**
 * The events counted on a day, one branch per kind of event, each giving the columns it adds to.
 * Every branch reads the order (alias o) for the dimensions, so a transferred order counts where it
 * is now — exactly as the recount does. $1 and $2 are the instants the days run between.
 */
const BRANCHES: { from: string; day: string; add: Partial<Record<Column, string>> }[] = [
  {
    // registration: orders, consultations, legal-aid applications and mediation cases accepted
    from: `o LEFT JOIN "LegalAidApplication" la ON la."workOrderId" = o.id LEFT JOIN "MediationCase" mc ON mc."workOrderId" = o.id
      WHERE o."createdAt" >= $1 AND o."createdAt" < $2`,
    day: `o."createdAt"`,
    add: {
      ordersAccepted: "1",
      consultations: `(o.type = 'CONSULTATION')::int`,
      aidAccepted: "(la.id IS NOT NULL)::int",
      aidGreenChannel: `coalesce(la."greenChannel", false)::int`,
      mediationAccepted: "(mc.id IS NOT NULL)::int",
      mediationMajor: "coalesce(mc.major, false)::int",
    },
  },
  {
    from: `o WHERE o."closedAt" >= $1 AND o."closedAt" < $2`,
    day: `o."closedAt"`,
    add: {
      ordersClosed: "1",
      ordersClosedOnTime: `coalesce(o."closedOnTime", false)::int`,
      ordersHandlingSeconds: `extract(epoch FROM o."closedAt" - o."createdAt")`,
      ordersFollowedUp: `EXISTS (SELECT 1 FROM "WorkOrderFollowUp" f WHERE f."workOrderId" = o.id AND f.kind = 'CALLBACK' AND f."doneAt" IS NOT NULL)::int`,
    },
  },
  {
    from: `"WorkOrderRating" g JOIN o ON o.id = g."workOrderId" WHERE g.at >= $1 AND g.at < $2`,
    day: "g.at",
    add: { ordersRated: "1", ordersSatisfied: `(g.score IN ${SUCCESSFUL})::int` },
  },
  {
    from: `"LegalAidApplication" la JOIN o ON o.id = la."workOrderId" WHERE la."decidedAt" >= $1 AND la."decidedAt" < $2`,
    day: `la."decidedAt"`,
    add: {
      aidDecided: `(la."decidedOnTime" IS NOT NULL)::int`,
      aidDecidedOnTime: `coalesce(la."decidedOnTime", false)::int`,
      aidApproved: `(la.status NOT IN ${NOT_APPROVED})::int`,
    },
  },
  {
    // the first lawyer of a case (round 1), counted when assigned
    from: `"LegalAidAssignment" g JOIN "LegalAidApplication" la ON la.id = g."applicationId" JOIN o ON o.id = la."workOrderId"
      WHERE g.round = 1 AND g."assignedAt" >= $1 AND g."assignedAt" < $2`,
    day: `g."assignedAt"`,
    add: {
      aidAssigned: "1",
      aidAssignedOnTime: `coalesce(la."assignedOnTime", false)::int`,
      aidAssignedSameDay: `(shanghai_day(g."assignedAt") = shanghai_day(o."createdAt"))::int`,
      aidAssignedByChoice: `(g.via IN ('CHOICE', 'POOL'))::int`,
    },
  },
  {
    from: `"LegalAidApplication" la JOIN o ON o.id = la."workOrderId" WHERE la."closedAt" >= $1 AND la."closedAt" < $2`,
    day: `la."closedAt"`,
    add: { aidMoneyRecovered: `coalesce(la."moneyRecovered", 0)`, aidFeesWaived: `coalesce(la."feesWaived", 0)` },
  },
  {
    from: `"LegalAidApplication" la JOIN o ON o.id = la."workOrderId"
      WHERE la."followedUpAt" >= $1 AND la."followedUpAt" < $2 AND la.satisfaction IS NOT NULL`,
    day: `la."followedUpAt"`,
    add: { aidRated: "1", aidSatisfied: `(la.satisfaction IN ${SUCCESSFUL})::int` },
  },
  {
    from: `"LegalAidApplication" la JOIN o ON o.id = la."workOrderId" WHERE la."qualityGradedAt" >= $1 AND la."qualityGradedAt" < $2`,
    day: `la."qualityGradedAt"`,
    add: { aidGraded: "1", aidGradedGood: `(la."qualityGrade" IN ('EXCELLENT', 'GOOD'))::int` },
  },
  {
    // concluded: succeeded, failed or withdrawn (a refused mediation never started)
    from: `"MediationCase" mc JOIN o ON o.id = mc."workOrderId"
      WHERE mc."endedAt" >= $1 AND mc."endedAt" < $2 AND mc.status IN ('SUCCEEDED', 'FAILED', 'WITHDRAWN')`,
    day: `mc."endedAt"`,
    add: {
      mediationConcluded: "1",
      mediationSucceeded: `(mc.status = 'SUCCEEDED')::int`,
      mediationConfirmed: `(mc.status = 'SUCCEEDED' AND coalesce(mc."confirmationGranted", false))::int`,
      mediationPerformed: `(mc.status = 'SUCCEEDED' AND mc.performance IS NOT DISTINCT FROM 'PERFORMED')::int`,
      mediationCrimePrevented: `coalesce(mc."crimePrevented", false)::int`,
    },
  },
];

const DIMS = `area_path, county_path, tier, channel, type`;
// Each record's township and county from its region (a village's parent is a township, whose
// parent is a county: lib/network/rules.ts); records above those levels keep their own region.
const ORDERS = `
  area AS (
    SELECT r.id,
      CASE r.level WHEN 'VILLAGE' THEN p.path ELSE r.path END AS area_path,
      CASE r.level WHEN 'VILLAGE' THEN gp.path WHEN 'TOWNSHIP' THEN p.path ELSE r.path END AS county_path
    FROM "Region" r LEFT JOIN "Region" p ON p.id = r."parentId" LEFT JOIN "Region" gp ON gp.id = p."parentId"),
  o AS NOT MATERIALIZED (
    SELECT w.id, w."createdAt", w."closedAt", w."closedOnTime", w.status, w.type, w.channel, org.tier, a.area_path, a.county_path
    FROM "WorkOrder" w JOIN "Organization" org ON org.id = w."organizationId" JOIN area a ON a.id = w."regionId")`;

const branchSql = (b: (typeof BRANCHES)[number]) =>
  `SELECT shanghai_day(${b.day}) AS day, o.area_path, o.county_path, o.tier, o.channel, o.type, ` +
  COLUMNS.map((c) => `${b.add[c] ?? "0"} AS ${q(c)}`).join(", ") +
  ` FROM ${b.from}`;

// The breakdowns: each order registered on the day under every "<dimension>:<value>" it has.
const BREAKDOWN_SQL = `
  SELECT shanghai_day(o."createdAt") AS day, o.area_path, o.county_path, o.tier, o.channel, o.type, k.key, count(*) AS n
  FROM o LEFT JOIN "LegalAidApplication" la ON la."workOrderId" = o.id LEFT JOIN "MediationCase" mc ON mc."workOrderId" = o.id,
  LATERAL (VALUES ('type:' || o.type), ('channel:' || o.channel), ('tier:' || o.tier), ('status:' || o.status),
    ('aidForm:' || la."aidForm"), ('matterKind:' || la."matterKind"),
    ('mediationCategory:' || mc.category), ('mediationSource:' || mc.source)) k(key)
  WHERE o."createdAt" >= $1 AND o."createdAt" < $2 AND k.key IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7`;

const sums = (prefix = "") => COLUMNS.map((c) => `sum(${prefix}${q(c)}) AS ${q(c)}`).join(", ");

/** Recompute StatsDay for the Shanghai days first..last (both included) from the records. */
const REFRESH_DAYS = `
  WITH ${ORDERS},
  events AS (${BRANCHES.map(branchSql).join("\n UNION ALL ")}),
  summed AS (SELECT day, ${DIMS}, ${sums()} FROM events GROUP BY day, ${DIMS}),
  bd AS (SELECT day, ${DIMS}, jsonb_object_agg(key, n) AS breakdown FROM (${BREAKDOWN_SQL}) b GROUP BY day, ${DIMS})
  INSERT INTO "StatsDay" (day, "areaPath", "countyPath", tier, channel, type, ${COLUMNS.map(q).join(", ")}, breakdown)
  SELECT s.day, s.area_path, s.county_path, s.tier, s.channel, s.type, ${COLUMNS.map((c) => `s.${q(c)}`).join(", ")},
    coalesce(bd.breakdown, '{}')
  FROM summed s LEFT JOIN bd USING (day, ${DIMS})`;

/** The approved applicants of the days first..last: 受援人 is a distinct count, kept as the hashes themselves. */
const REFRESH_RECIPIENTS = `
  WITH ${ORDERS}
  INSERT INTO "StatsRecipientDay" (day, "areaPath", "countyPath", tier, channel, type, "applicantIdHash")
  SELECT DISTINCT shanghai_day(la."decidedAt"), o.area_path, o.county_path, o.tier, o.channel, o.type, la."applicantIdHash"
  FROM "LegalAidApplication" la JOIN o ON o.id = la."workOrderId"
  WHERE la."decidedAt" >= $1 AND la."decidedAt" < $2 AND la.status NOT IN ${NOT_APPROVED}`;

/**
 * A month's rows of `table`, re-summed over `dims` from `source` (rows with month, dims, the columns
 * and a breakdown, for the month $1 ≤ … < $2); breakdowns summed key by key.
 */
const resumSql = (table: MonthTable, dims: string, source: string) => `
  WITH rows AS (${source}),
  summed AS (SELECT month, ${dims}, ${sums()} FROM rows GROUP BY month, ${dims}),
  keys AS (SELECT month, ${dims}, k.key, sum(k.value::numeric) AS n FROM rows, jsonb_each_text(rows.breakdown) k GROUP BY month, ${dims}, k.key),
  bd AS (SELECT month, ${dims}, jsonb_object_agg(key, n) AS breakdown FROM keys GROUP BY month, ${dims})
  INSERT INTO "${table}" (month, ${dims}, ${COLUMNS.map(q).join(", ")}, breakdown)
  SELECT s.month, ${dims.split(", ").map((d) => `s.${d}`).join(", ")}, ${COLUMNS.map((c) => `s.${q(c)}`).join(", ")}, coalesce(bd.breakdown, '{}')
  FROM summed s LEFT JOIN bd USING (month, ${dims})`;

/** The county an area's path lies in: its first two segments (a city-level area is its own). */
const COUNTY_OF_AREA = `substring("areaPath" from '^[^/]+/(?:[^/]+/)?')`;

type MonthTable = "StatsMonth" | "StatsMonthTotal" | "StatsMonthCounty";
const DAYS_OF_MONTH = `SELECT date_trunc('month', day)::date AS month, * FROM "StatsDay" WHERE day >= $1 AND day < $2`;
/** The month tables in refresh order: the county totals are summed from the township totals. */
const MONTH_TABLES: Record<MonthTable, string> = {
  StatsMonth: resumSql("StatsMonth", `"countyPath", tier, channel, type`, DAYS_OF_MONTH),
  StatsMonthTotal: resumSql("StatsMonthTotal", `"areaPath"`, DAYS_OF_MONTH),
  StatsMonthCounty: resumSql("StatsMonthCounty", `"countyPath"`,
    `SELECT month, ${COUNTY_OF_AREA} AS "countyPath", ${COLUMNS.map(q).join(", ")}, breakdown FROM "StatsMonthTotal" WHERE month >= $1 AND month < $2`),
};

const iso = (d: Date) => d.toISOString().slice(0, 10) as IsoDate;
const monthStart = (day: IsoDate) => `${day.slice(0, 7)}-01` as IsoDate;
const nextMonth = (month: IsoDate) => {
  const [y, m] = month.split("-").map(Number);
  return (m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`) as IsoDate;
};

/** Sorted days → runs of consecutive days, so a bulk import of years refreshes in one statement. */
function runs(days: IsoDate[]): [IsoDate, IsoDate][] {
  const out: [IsoDate, IsoDate][] = [];
  for (const d of days) {
    const last = out.at(-1);
    if (last && addDays(last[1], 1) === d) last[1] = d;
    else out.push([d, d]);
  }
  return out;
}

/**
 * The recipient rows of the days first..last, as one digest: a refresh compares it before and
 * after, so the version changes only when the recipients did (a day's new work orders leave them
 * alone; an approval or a transfer of an approved case does not).
 */
async function recipientsFingerprint(tx: Tx, first: IsoDate, last: IsoDate): Promise<string> {
  const [{ f }] = await tx.$queryRawUnsafe<{ f: string }[]>(
    `SELECT md5(coalesce(string_agg(concat_ws('|', day, "areaPath", "countyPath", tier, channel, type, "applicantIdHash"), ','
       ORDER BY day, "areaPath", tier, channel, type, "applicantIdHash"), '')) AS f
     FROM "StatsRecipientDay" WHERE day >= $1::date AND day <= $2::date`,
    first, last,
  );
  return f;
}

/** A new value, never used before (the clock in microseconds, and above the last value in any case). */
const BUMP_RECIPIENTS_VERSION = `
  INSERT INTO "StatsVersion" (id, recipients) VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
  ON CONFLICT (id) DO UPDATE SET recipients = greatest(EXCLUDED.recipients, "StatsVersion".recipients + 1)`;

async function refreshIn(tx: Tx): Promise<number> {
  // one refresher at a time; a second waits and then finds nothing left to do
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('stats.rollups'))`);
  const marked = await tx.$queryRawUnsafe<{ day: Date }[]>(`DELETE FROM "StatsDirtyDay" RETURNING day`);
  if (marked.length === 0) return 0;
  const days = [...new Set(marked.map((m) => iso(m.day)))].sort() as IsoDate[];
  let recipientsChanged = false;
  for (const [first, last] of runs(days)) {
    const [from, to] = [startOfShanghaiDay(first), startOfShanghaiDay(addDays(last, 1))];
    await tx.$executeRawUnsafe(`DELETE FROM "StatsDay" WHERE day >= $1::date AND day <= $2::date`, first, last);
    await tx.$executeRawUnsafe(REFRESH_DAYS, from, to);
    const before = await recipientsFingerprint(tx, first, last);
    await tx.$executeRawUnsafe(`DELETE FROM "StatsRecipientDay" WHERE day >= $1::date AND day <= $2::date`, first, last);
    await tx.$executeRawUnsafe(REFRESH_RECIPIENTS, from, to);
    if ((await recipientsFingerprint(tx, first, last)) !== before) recipientsChanged = true;
  }
  if (recipientsChanged) await tx.$executeRawUnsafe(BUMP_RECIPIENTS_VERSION);
  const months = [...new Set(days.map(monthStart))];
  for (const month of months) {
    for (const [table, sql] of Object.entries(MONTH_TABLES)) {
      await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE month = $1::date`, month);
      await tx.$executeRawUnsafe(sql, month, nextMonth(month));
    }
  }
  return days.length;
}

/**
 * Bring the roll-ups up to date with every committed write: recompute the marked days and their
 * months. Returns how many days were recomputed. Called before every roll-up read and by the
 * "stats.refreshRollups" job, so reads rarely find work to do.
 */
export async function refreshRollups(db: Db | Tx = defaultDb): Promise<number> {
  const [{ stale }] = await db.$queryRawUnsafe<{ stale: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM "StatsDirtyDay") AS stale`);
  if (!stale) return 0;
  if ("$transaction" in db) return (db as Db).$transaction((tx) => refreshIn(tx), { timeout: 600_000, maxWait: 60_000 });
  return refreshIn(db);
}

/** A count scope with its region's level, which decides where the figures are read from. */
export type StatsScope = CountScope & { level: RegionLevel };

/** Whether a scope is read from the roll-ups (a township or larger area) or from the records. */
const fromRollups = (s: StatsScope) => s.level !== "VILLAGE" && s.organizationId === undefined;

/**
 * The roll-up rows a scope sums: whole months of the period from a month table — township or
 * county × month totals (StatsMonthTotal for a township, StatsMonthCounty for a county or the
 * city) when nothing is filtered, county × month by tier/channel/type (StatsMonth) when something
 * is — and the days before and after them from the township × day
 * table. A filtered township reads only its own days (by the (areaPath, day) index). $1 path,
 * $2 from, $3 to, $4/$5 the whole months [from, to), $6 tier, $7 channel, $8 type.
 */
function rollupRows(s: StatsScope): { sql: string; params: unknown[] } {
  const filtered = s.tier !== undefined || s.channel !== undefined || s.type !== undefined;
  let monthFrom = monthStart(s.from) === s.from ? s.from : nextMonth(monthStart(s.from));
  let monthTo = monthStart(addDays(s.to, 1));
  if ((filtered && s.level === "TOWNSHIP") || monthFrom >= monthTo) monthFrom = monthTo = addDays(s.to, 1);
  const filters = `($6::text IS NULL OR tier::text = $6) AND ($7::text IS NULL OR channel::text = $7) AND ($8::text IS NULL OR type::text = $8)`;
  const area = s.level === "TOWNSHIP" ? `"areaPath" = $1` : `left("areaPath", length($1)) = $1`;
  const cols = [...COLUMNS.map(q), "breakdown"].join(", ");
  const months = filtered
    ? `SELECT ${cols} FROM "StatsMonth" WHERE left("countyPath", length($1)) = $1 AND month >= $4::date AND month < $5::date AND ${filters}`
    : s.level === "TOWNSHIP"
      ? `SELECT ${cols} FROM "StatsMonthTotal" WHERE ${area} AND month >= $4::date AND month < $5::date`
      // a city or a county: its counties' month totals (a city's five years: 660 rows, not 12,000)
      : `SELECT ${cols} FROM "StatsMonthCounty" WHERE left("countyPath", length($1)) = $1 AND month >= $4::date AND month < $5::date`;
  const sql = `
    ${months}
    UNION ALL
    SELECT ${cols} FROM "StatsDay"
      WHERE ${area} AND ${filters}
        AND ((day >= $2::date AND day < $4::date) OR (day >= $5::date AND day <= $3::date))`;
  return { sql, params: [s.regionPath, s.from, s.to, monthFrom, monthTo, s.tier ?? null, s.channel ?? null, s.type ?? null] };
}

const toNumber = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** Every named count for the scope: the summable ones from the roll-ups, the rest from the records. */
export async function countsFor(db: Db | Tx, scope: StatsScope): Promise<Required<Counts>> {
  if (!fromRollups(scope)) return recountAll(db, scope);
  await refreshRollups(db);
  const { sql, params } = rollupRows(scope);
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${SUMMED.map((c) => `coalesce(sum(${q(c)}), 0) AS ${q(c)}`).join(", ")},
       coalesce(sum("ordersHandlingSeconds") / 3600, 0) AS "ordersHandlingHours"
     FROM (${sql}) x`,
    ...params,
  );
  const summed = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toNumber(v)]));
  return { ...(await networkCounts(db, scope)), aidRecipients: await recipientsFromRollups(db, scope), ...summed } as Required<Counts>;
}

/**
 * Distinct counts read, by scope and period, with the recipients' version they were read at.
 * 受援人 is the one figure the roll-ups cannot sum: it is counted over the period's recipient rows,
 * which grow with the city's history (300,000 rows at 10 million orders, issue 10). Those rows
 * change only when a case is approved or an approved case moves, a few times a day, while the
 * other roll-ups change with every order; so each instance keeps the counts it read and reuses one
 * while the version in the database is the one it was read at (read in the same statement as the
 * count, so the two always agree). N instances stay exact; nothing is kept without a version row.
 */
const recipientCounts = new Map<string, { version: string; n: number }>();
const RECIPIENT_COUNTS_KEPT = 2_000;
const VERSION_SQL = `(SELECT recipients::text FROM "StatsVersion" WHERE id = 1)`;

/** 受援人: the distinct hashes of the period's recipient rows (a township reads its own, by index). */
async function recipientsFromRollups(db: Db | Tx, s: StatsScope): Promise<number> {
  const key = JSON.stringify([s.regionPath, s.level, s.from, s.to, s.tier ?? null, s.channel ?? null, s.type ?? null]);
  const kept = recipientCounts.get(key);
  if (kept) {
    const [{ version }] = await db.$queryRawUnsafe<{ version: string | null }[]>(`SELECT ${VERSION_SQL} AS version`);
    if (version === kept.version) return kept.n;
  }
  // GROUP BY, not count(DISTINCT …): PostgreSQL always sorts for the latter, and hashes for the
  // former — 2.7 × faster over the 300,000 recipient rows of a 10-million-order city (issue 10).
  const [row] = await db.$queryRawUnsafe<{ n: bigint; version: string | null }[]>(
    `SELECT ${VERSION_SQL} AS version, (SELECT count(*) FROM (
       SELECT "applicantIdHash" FROM "StatsRecipientDay"
       WHERE ${s.level === "TOWNSHIP" ? `"areaPath" = $1` : `left("areaPath", length($1)) = $1`}
         AND day >= $2::date AND day <= $3::date
         AND ($4::text IS NULL OR tier::text = $4) AND ($5::text IS NULL OR channel::text = $5) AND ($6::text IS NULL OR type::text = $6)
       GROUP BY "applicantIdHash"
     ) recipients) AS n`,
    s.regionPath, s.from, s.to, s.tier ?? null, s.channel ?? null, s.type ?? null,
  );
  const n = toNumber(row.n);
  if (row.version !== null) {
    if (recipientCounts.size >= RECIPIENT_COUNTS_KEPT) recipientCounts.clear();
    recipientCounts.set(key, { version: row.version, n });
  }
  return n;
}

/** The registry's breakdowns for the scope ("<dimension>:<value>" → count). */
export async function breakdownsFor(db: Db | Tx, scope: StatsScope): Promise<Breakdowns> {
  if (!fromRollups(scope)) return recountBreakdowns(db, scope);
  await refreshRollups(db);
  const { sql, params } = rollupRows(scope);
  const rows = await db.$queryRawUnsafe<{ key: string; n: unknown }[]>(
    `SELECT k.key, sum(k.value::numeric) AS n FROM (${sql}) x, jsonb_each_text(x.breakdown) k GROUP BY k.key`,
    ...params,
  );
  return Object.fromEntries(rows.map((r) => [r.key, toNumber(r.n)]));
}
