import pg from "pg";
import { parseArgs } from "node:util";
import { LEGAL_MATTER_CATEGORIES } from "@/lib/lawyers/categories";
import { databaseName, localDatabaseUrl } from "./local-database";
import {
  COMPLAINT_SUBJECTS, DESCRIPTION_ENDINGS, draws, GIVEN_POOL, NOTARY_SUBJECTS, OTHER_SUBJECTS, RESULTS, seconds, sqlList, step,
  SURNAME_POOL,
} from "./sql-draws";

// Bench data: `tsx tests/bench/generate-work-orders.ts --orders 1000000` fills WorkOrder (and one
// CREATED WorkOrderEvent per order) in the seeded demo city with server-side SQL: one
// INSERT ... SELECT over generate_series, every "random" choice a hash of the row number, so the
// same --orders, --anchor and --seed on a freshly seeded database give the same rows.
//
// Shape: orders over the last 5 years (denser toward now), 55% to rooms, 35% to stations, 10% to
// centres (the first county, the urban 青溪区, the busiest); ~92% CLOSED, the rest NEW / IN_PROGRESS /
// PAUSED with deadlines around the anchor (some overdue). Of the --orders, enough go to the
// organization of --heavy-user (staff.station, 文昌街道 station) to give it --heavy-open open orders:
// its inbox is the one tests/bench/inbox.bench.ts times. Ids and numbers follow createdAt, as in production.

const { values: args } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    append: { type: "boolean", default: false },
    "heavy-user": { type: "string", default: "staff.station" },
    "heavy-open": { type: "string", default: "5000" },
    /** "now" of the data set (ISO); defaults to the current minute */
    anchor: { type: "string" },
    seed: { type: "string", default: "2026" },
  },
});

const int = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};
const total = int("orders", args.orders, 1);
const heavyTarget = int("heavy-open", args["heavy-open"], 0);
const seed = int("seed", args.seed, 0);
const anchor = args.anchor ? new Date(args.anchor) : new Date(Math.floor(Date.now() / 60_000) * 60_000);
if (Number.isNaN(anchor.getTime())) throw new Error("--anchor must be an ISO date-time");

const url = localDatabaseUrl();
const client = new pg.Client({ connectionString: url });
const started = performance.now();
const { u, h, pickFrom } = draws(seed);
// The organizations of a tier as an array aggregated in SQL: an uncorrelated subquery, so PostgreSQL
// evaluates it once (an InitPlan) instead of carrying the array along every generated row.
const tierPick = (tier: string) =>
  `(SELECT array_agg(id ORDER BY id) FROM "Organization" WHERE tier = '${tier}')` +
  `[1 + floor(power(u_org, 1.3) * (SELECT count(*) FROM "Organization" WHERE tier = '${tier}'))::int]`;

const categoryKeys = Object.keys(LEGAL_MATTER_CATEGORIES).filter((k) => k !== "CRIMINAL");
const categoryLabels = categoryKeys.map((k) => LEGAL_MATTER_CATEGORIES[k as keyof typeof LEGAL_MATTER_CATEGORIES]);

try {
  await client.connect();
  console.log(`database ${databaseName(url)}; anchor ${anchor.toISOString()}; seed ${seed}`);

  const { rows: [city] } = await client.query<{ orgs: number }>(`SELECT count(*)::int AS orgs FROM "Organization"`);
  if (!city.orgs) throw new Error("no organizations: seed the demo city first (npx tsx prisma/seed.ts)");

  const { rows: [existing] } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "WorkOrder" LIMIT 1001) x`);
  if (existing.n > 1000 && !args.append) {
    throw new Error(`WorkOrder already has more than 1000 rows: pass --append to add ${total} more, or recreate the database`);
  }

  const { rows: [heavy] } = await client.query<{ userId: number; organizationId: number; name: string }>(
    `SELECT u.id AS "userId", m."organizationId", o.name
       FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Organization" o ON o.id = m."organizationId"
      WHERE u.username = $1 ORDER BY m.id LIMIT 1`,
    [args["heavy-user"]],
  );
  if (!heavy) throw new Error(`no demo account ${args["heavy-user"]} with an organization`);
  const { rows: [openNow] } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "WorkOrder" WHERE "organizationId" = $1 AND status <> 'CLOSED'`,
    [heavy.organizationId],
  );
  // Top up to the target, so --append does not pile a second backlog on the heavy inbox.
  const heavyRows = Math.min(total, Math.max(0, heavyTarget - openNow.n));

  const { rows: [state] } = await client.query<{ offset: string; seq: string }>(
    `SELECT coalesce(max(id), 0)::text AS offset, (SELECT last_value FROM work_order_number)::text AS seq FROM "WorkOrder"`,
  );
  if (Number(state.seq) + total > 9_999_999) throw new Error("the 7-digit number part would overflow: use a fresh database");
  const from = Number(state.offset) + 1;
  const to = Number(state.offset) + total;
  const mainEnd = to - heavyRows; // rows after mainEnd are the heavy inbox's open orders
  const requesters = Math.max(1000, Math.round(total * 0.6));
  const A = `('${anchor.toISOString()}'::timestamptz AT TIME ZONE 'UTC')`; // timestamps are stored as UTC without a zone

  const insertOrders = `
    WITH org AS MATERIALIZED (
      SELECT o.id, o.tier::text AS tier, o."decidesLegalAid" AS decides, o."regionId" AS region_id, o."parentId" AS parent_id,
             r.code AS region_code,
             coalesce((SELECT array_agg(c.id ORDER BY c.id) FROM "Region" c WHERE c."parentId" = o."regionId"), '{}') AS child_regions,
             coalesce((SELECT array_agg(DISTINCT m."userId") FROM "Membership" m WHERE m."organizationId" = o.id), '{}') AS members
        FROM "Organization" o JOIN "Region" r ON r.id = o."regionId"
    ),
    rule AS MATERIALIZED (
      -- calendar days for a deadline: working days × 7/5, hours / 24
      SELECT type::text AS type,
             CASE "limitUnit" WHEN 'HOURS' THEN "limitValue" / 24.0 ELSE ceil("limitValue" * 7 / 5.0) END::float8 AS limit_days
        FROM "WorkOrderTypeRule"
    ),
    s1 AS (
      SELECT g, g > ${mainEnd} AS heavy,
             ${u(1)} AS u_tier, ${u(2)} AS u_org, ${u(3)} AS u_type, ${u(4)} AS u_status, ${u(5)} AS u_open,
             ${u(6)} AS u_chan, ${u(7)} AS u_when, ${u(8)} AS u_tod, ${u(9)} AS u_handle, ${u(10)} AS u_late,
             ${u(11)} AS u_handler, ${u(12)} AS u_region, ${u(13)} AS u_first, ${u(14)} AS u_esc,
             floor(${u(15)} * ${requesters})::bigint AS requester
        FROM generate_series(${from}::bigint, ${to}::bigint) g OFFSET 0
    ),
    s2 AS (
      SELECT s1.*,
             -- a skewed pick within the tier: lower ids (the first county, the urban 青溪区) are busier
             CASE WHEN heavy THEN ${heavy.organizationId}
                  WHEN u_tier < 0.55 THEN ${tierPick("ROOM")}
                  WHEN u_tier < 0.90 THEN ${tierPick("STATION")}
                  ELSE ${tierPick("CENTRE")} END AS org_id
        FROM s1 OFFSET 0
    ),
    s3 AS (
      SELECT s2.*, o.tier, o.region_id, o.parent_id, o.region_code, o.child_regions, o.members,
             CASE o.tier
               WHEN 'ROOM' THEN CASE WHEN u_type < 0.72 THEN 'CONSULTATION' ELSE 'MEDIATION' END
               WHEN 'STATION' THEN CASE WHEN u_type < 0.45 THEN 'CONSULTATION' WHEN u_type < 0.70 THEN 'MEDIATION'
                 WHEN u_type < 0.82 THEN 'LAWYER_REFERRAL' WHEN u_type < 0.90 THEN 'COMPLAINT' ELSE 'OTHER' END
               ELSE CASE WHEN u_type < 0.40 THEN CASE WHEN o.decides THEN 'LEGAL_AID' ELSE 'CONSULTATION' END
                 WHEN u_type < 0.60 THEN 'NOTARY_BOOKING' WHEN u_type < 0.85 THEN 'CONSULTATION'
                 WHEN u_type < 0.90 THEN 'LAWYER_REFERRAL' WHEN u_type < 0.95 THEN 'COMPLAINT' ELSE 'OTHER' END
             END AS type,
             CASE WHEN NOT heavy AND (u_status < 0.92 OR s2.org_id = ${heavy.organizationId}) THEN 'CLOSED'
                  WHEN u_open < 0.30 THEN 'NEW' WHEN u_open < 0.85 THEN 'IN_PROGRESS' ELSE 'PAUSED' END AS status,
             CASE WHEN u_chan < 0.35 THEN 'WALK_IN' WHEN u_chan < 0.60 THEN 'HOTLINE_12348' WHEN u_chan < 0.75 THEN 'WECHAT'
                  WHEN u_chan < 0.85 THEN 'MOBILE' WHEN u_chan < 0.93 THEN 'WEB' WHEN u_chan < 0.96 THEN 'COURT_REFERRAL'
                  WHEN u_chan < 0.98 THEN 'POLICE_REFERRAL' ELSE 'PETITION_REFERRAL' END AS channel
        FROM s2 JOIN org o ON o.id = s2.org_id OFFSET 0
    ),
    s4 AS (
      SELECT s3.*, r.limit_days,
             CASE WHEN status = 'CLOSED' THEN
               -- a day in the last 5 years, density rising linearly (0.6 → 1.4) toward the anchor; office
               -- hours (08:30–17:30 Shanghai) except the self-service channels
               least(${A} - interval '1 hour',
                 date_trunc('day', ${A} - make_interval(days => floor(1826 * (1 - (sqrt(0.36 + 1.6 * u_when) - 0.6) / 0.8))::int))
                 + CASE WHEN channel IN ('WEB', 'MOBILE', 'WECHAT') THEN u_tod * interval '24 hours'
                        ELSE interval '30 minutes' + u_tod * interval '9 hours' END)
             -- open: taken in recently, deadline around the anchor, about a fifth already overdue
             ELSE ${A} - power(u_when, 2) * (r.limit_days * 1.25 + 1) * interval '1 day'
             END AS created_at
        FROM s3 JOIN rule r ON r.type = s3.type OFFSET 0
    ),
    s5 AS (
      SELECT s4.*,
             created_at + limit_days * interval '1 day' AS due_at,
             CASE WHEN status = 'CLOSED' THEN least(${A},
               created_at + limit_days * interval '1 day' * (0.05 + 0.9 * power(u_handle, 1.3))
                 * CASE WHEN u_late < 0.05 THEN 1.5 + u_late * 10 ELSE 1 END) END AS closed_at,
             CASE WHEN status = 'PAUSED' THEN created_at + (${A} - created_at) * u_handle END AS paused_at,
             CASE WHEN status = 'NEW' THEN NULL
                  WHEN org_id = ${heavy.organizationId} AND u_handler < 0.6 THEN ${heavy.userId}
                  WHEN cardinality(members) > 0 THEN members[1 + floor(u_handler * cardinality(members))::int] END AS handler_id,
             CASE WHEN cardinality(child_regions) > 0 AND u_region < 0.6
                  THEN ${pickFrom("child_regions", 16)} ELSE region_id END AS matter_region_id,
             CASE WHEN u_first < 0.08 AND parent_id IS NOT NULL THEN parent_id ELSE org_id END AS first_org_id,
             1 + (${h(17)} % ${categoryKeys.length})::int AS cat,
             ($3::text[])[1 + (${h(18, "requester")} % ${SURNAME_POOL.length})::int]
               || ($4::text[])[1 + (${h(19, "requester")} % ${GIVEN_POOL.length})::int]
               || CASE WHEN ${h(20, "requester")} % 3 > 0 THEN ($4::text[])[1 + (${h(21, "requester")} % ${GIVEN_POOL.length})::int] ELSE '' END
               AS requester_name,
             '1' || (ARRAY['3','3','3','5','5','8','8','8','7','9'])[1 + (${h(22, "requester")} % 10)::int]
               || lpad((${h(23, "requester")} % 1000000000)::text, 9, '0') AS requester_phone
        FROM s4 OFFSET 0
    ),
    s6 AS (
      SELECT s5.*,
             CASE type
               WHEN 'CONSULTATION' THEN ($2::text[])[cat] || '法律咨询'
               WHEN 'LEGAL_AID' THEN ($2::text[])[cat] || '法律援助申请'
               WHEN 'MEDIATION' THEN ($2::text[])[cat] || '纠纷调解申请'
               WHEN 'LAWYER_REFERRAL' THEN ($2::text[])[cat] || '律师服务引导'
               WHEN 'NOTARY_BOOKING' THEN ${pickFrom(sqlList(NOTARY_SUBJECTS), 24)}
               WHEN 'COMPLAINT' THEN ${pickFrom(sqlList(COMPLAINT_SUBJECTS), 24)}
               ELSE ${pickFrom(sqlList(OTHER_SUBJECTS), 24)} END AS subject
        FROM s5 OFFSET 0
    ),
    out_rows AS (
      -- only the stored values go through the sort
      SELECT g, region_code, created_at, channel, type, status, subject,
             requester_name || '反映' || subject || '相关情况，' || ${pickFrom(sqlList(DESCRIPTION_ENDINGS), 25)} AS description,
             CASE WHEN type IN ('NOTARY_BOOKING', 'COMPLAINT', 'OTHER') THEN NULL ELSE ($1::text[])[cat] END AS category,
             requester_name, requester_phone, matter_region_id, org_id, first_org_id, handler_id, due_at, paused_at, closed_at,
             CASE WHEN status = 'CLOSED' THEN ${pickFrom(sqlList(RESULTS), 26)} END AS result_summary,
             CASE WHEN status = 'CLOSED' THEN closed_at <= due_at END AS closed_on_time,
             CASE WHEN status <> 'CLOSED' AND due_at + interval '1 day' < ${A} AND u_esc < 0.3 THEN due_at + interval '1 day' END AS escalated_at,
             coalesce(closed_at, paused_at, CASE WHEN status = 'NEW' THEN created_at
               ELSE least(${A}, created_at + interval '2 hours') END) AS updated_at
        FROM s6
    )
    INSERT INTO "WorkOrder" ("number", "channel", "type", "status", "subject", "description", "category",
      "requesterName", "requesterPhone", "regionId", "organizationId", "firstOrganizationId", "handlerUserId",
      "dueAt", "pausedAt", "closedAt", "resultSummary", "closedOnTime", "overdueEscalatedAt", "createdAt", "updatedAt")
    SELECT substr(x.region_code, 1, 6) || '-' || to_char(x.created_at + interval '8 hours', 'YYYYMMDD') || '-'
             || lpad(nextval('work_order_number')::text, 7, '0'),
           x.channel::"WorkOrderChannel", x.type::"WorkOrderType", x.status::"WorkOrderStatus", x.subject, x.description,
           x.category, x.requester_name, x.requester_phone, x.matter_region_id, x.org_id, x.first_org_id, x.handler_id,
           x.due_at, x.paused_at, x.closed_at, x.result_summary, x.closed_on_time, x.escalated_at, x.created_at, x.updated_at
      -- sorted first, so ids and numbers follow createdAt (the subquery's ORDER BY runs before nextval)
      FROM (SELECT * FROM out_rows ORDER BY created_at, g) x`;

  const before = Number(state.offset);
  console.log(
    `inserting ${total.toLocaleString("en")} orders (${heavyRows.toLocaleString("en")} of them open at ${heavy.name}, id ${heavy.organizationId})`,
  );
  // Orders and events in one transaction, committed synchronously: VACUUM cannot set hint bits or the
  // visibility map for rows of an async commit that has not reached the disk yet.
  await client.query("BEGIN");
  await client.query("SET LOCAL work_mem = '512MB'");
  // JIT would spend seconds compiling the big expression tree of the insert for nothing
  await client.query("SET LOCAL jit = off");
  await step("work orders", () => client.query(insertOrders, [categoryKeys, categoryLabels, SURNAME_POOL, GIVEN_POOL]));
  await step("CREATED events", () =>
    client.query(`
      INSERT INTO "WorkOrderEvent" ("workOrderId", "at", "kind", "actorUserId", "actorName", "toOrganizationId")
      SELECT id, "createdAt", 'CREATED', "firstReceiverUserId",
             CASE WHEN channel IN ('WEB', 'MOBILE', 'WECHAT') THEN "requesterName"
                  WHEN channel = 'HOTLINE_12348' THEN '12348热线坐席'
                  WHEN channel IN ('COURT_REFERRAL', 'POLICE_REFERRAL', 'PETITION_REFERRAL') THEN '移送单位联络员'
                  ELSE '窗口工作人员' END,
             "organizationId"
        FROM "WorkOrder" WHERE id > ${before} ORDER BY id`),
  );
  await step("commit", () => client.query("COMMIT"));
  // VACUUM sets the visibility map (index-only counts) and hint bits, as a settled production table has.
  await client.query("SET maintenance_work_mem = '512MB'");
  await step("VACUUM ANALYZE", () => client.query(`VACUUM (ANALYZE) "WorkOrder", "WorkOrderEvent"`));

  const { rows: summary } = await client.query<{ status: string; n: number }>(
    `SELECT status::text, count(*)::int AS n FROM "WorkOrder" GROUP BY 1 ORDER BY 1`,
  );
  const { rows: [inbox] } = await client.query<{ open: number; overdue: number; mine: number; closed: number }>(
    `SELECT count(*) FILTER (WHERE status <> 'CLOSED')::int AS open,
            count(*) FILTER (WHERE status <> 'CLOSED' AND "dueAt" < now() AT TIME ZONE 'UTC')::int AS overdue,
            count(*) FILTER (WHERE status <> 'CLOSED' AND "handlerUserId" = $2)::int AS mine,
            count(*) FILTER (WHERE status = 'CLOSED')::int AS closed
       FROM "WorkOrder" WHERE "organizationId" = $1`,
    [heavy.organizationId, heavy.userId],
  );
  const all = summary.reduce((s, r) => s + r.n, 0);
  console.log(`WorkOrder: ${all.toLocaleString("en")} rows — ${summary.map((r) => `${r.status} ${(100 * r.n / all).toFixed(1)}%`).join(", ")}`);
  console.log(
    `${heavy.name}: ${inbox.open.toLocaleString("en")} open (${inbox.overdue.toLocaleString("en")} overdue, ` +
      `${inbox.mine.toLocaleString("en")} handled by ${args["heavy-user"]}), ${inbox.closed.toLocaleString("en")} closed`,
  );
  console.log(`done in ${seconds(started)}`);
} catch (error) {
  await client.query("ROLLBACK").catch(() => {});
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.end();
}
