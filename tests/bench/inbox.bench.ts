import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { parseArgs } from "node:util";
import { randomBytes, createHash } from "node:crypto";
import { databaseName, localDatabaseUrl } from "./local-database";
import { sample, stats, type Stats } from "./measure";
import { measureLoad, type LoadFigures } from "./load";
import { buildCeilingApp, startCeilingApp, startPortal, type BenchServer } from "./processes";

// `tsx tests/bench/inbox.bench.ts`: times the staff inbox (listInbox, through `execute` as every door
// calls it) for staff.station on the data of generate-work-orders.ts, next to the bare minimum (the
// same first page as one hand-written statement through pg), and EXPLAINs the SQL the app sends.
// Writes tests/bench/results/inbox-<YYYY-MM-DD>.json and prints a table. Not a test: nothing fails
// on a slow figure; the figures are compared by people, run to run.

const { values: args } = parseArgs({
  options: {
    /** the production build that serves the route measurement; "none" skips it */
    "dist-dir": { type: "string", default: ".next" },
    port: { type: "string", default: "3421" },
    /** the route measurement: autocannon connections and seconds per scenario */
    connections: { type: "string", default: "4" },
    duration: { type: "string", default: "5" },
  },
});
const WARMUP = 5;
const ITERATIONS = 30;
const USER = process.env.BENCH_USER ?? "staff.station";

const url = localDatabaseUrl();
// The app's env check wants an encryption key; the inbox never decrypts, so any well-formed key will do.
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret"; // the portal the route measurement starts wants one
process.env.LOG_LEVEL ??= "warn";

const { db } = await import("@/lib/db");
const { execute } = await import("@/lib/api/use-case");
const { actorForUser } = await import("@/lib/auth/actor");
const { listInbox } = await import("@/lib/work-orders/queries");
const { OPEN_STATUSES } = await import("@/lib/work-orders/labels");
const { PrismaClient } = await import("@/lib/generated/prisma/client");
const { startReferenceCache, stopReferenceCache, referenceCacheLive } = await import("@/lib/system/reference-cache");
// as the server runs: rules and region names in memory (lib/system/reference-cache.ts)
await startReferenceCache();
for (let i = 0; i < 100 && !referenceCacheLive(); i++) await new Promise((r) => setTimeout(r, 20));

type Db = typeof db;
type InboxInput = Record<string, unknown>;

const meta = { ip: null, userAgent: "bench" };
const pool = new pg.Pool({ connectionString: url, max: 2 });

const time = (run: () => Promise<unknown>) => sample(run, { warmup: WARMUP, iterations: ITERATIONS });

async function inbox(actor: NonNullable<Awaited<ReturnType<typeof actorForUser>>>, input: InboxInput, client: Db = db) {
  const result = await execute(listInbox, input, actor, meta, client);
  if (!result.ok) throw new Error(`listInbox ${JSON.stringify(input)} failed: ${result.code} ${result.message}`);
  return result.data;
}

// ─── the SQL the app sends (captured through a logging Prisma client, which queryRows uses when given one), for EXPLAIN ───

type Captured = { query: string; params: unknown[]; queriesPerCall?: number };
const captureClient = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url, max: 2 }),
  omit: { user: { passwordHash: true, idNumberCipher: true, idNumberHash: true } },
  log: [{ emit: "event", level: "query" }],
});
let captured: Captured[] = [];
captureClient.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));

/** The page statement of one listInbox call (with ORDER BY dueAt; it carries the counts too), as sent. */
async function pageQuery(actor: Parameters<typeof inbox>[0], input: InboxInput): Promise<Captured> {
  captured = [];
  await inbox(actor, input, captureClient as unknown as Db);
  const q = captured.find((c) => /FROM "(public"\.")?WorkOrder"/.test(c.query) && /ORDER BY/.test(c.query) && /LIMIT/.test(c.query));
  if (!q) throw new Error(`no page query captured for ${JSON.stringify(input)}`);
  return { ...q, queriesPerCall: captured.length };
}

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  "Rows Removed by Filter"?: number;
  "Actual Rows": number;
  "Actual Loops": number;
  "Sort Method"?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};
type Explained = { summary: string; executionMs: number; planningMs: number; nodes: string[]; text: string[] };

async function explain({ query, params }: Captured): Promise<Explained> {
  const [json] = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query}`, params)).rows[0]["QUERY PLAN"] as [
    { Plan: PlanNode; "Execution Time": number; "Planning Time": number },
  ];
  const text = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params)).rows.map((r) => r["QUERY PLAN"] as string);
  const nodes: string[] = [];
  const scans: string[] = [];
  const walk = (n: PlanNode, depth: number) => {
    const rows = n["Actual Rows"] * n["Actual Loops"];
    const bits = [
      n["Node Type"],
      n["Index Name"] && `on ${n["Index Name"]}`,
      `rows=${rows}`,
      n["Rows Removed by Filter"] ? `removed by filter=${n["Rows Removed by Filter"]}` : null,
      n["Sort Method"] && `sort=${n["Sort Method"]}`,
    ].filter(Boolean);
    nodes.push(`${"  ".repeat(depth)}${bits.join(" ")}`);
    if (n["Index Name"]) scans.push(`${n["Node Type"]} ${n["Index Name"]} → ${rows} rows${n["Rows Removed by Filter"] ? ` (${n["Rows Removed by Filter"]} filtered out)` : ""}`);
    n.Plans?.forEach((c) => walk(c, depth + 1));
  };
  walk(json.Plan, 0);
  const buffers = `buffers hit=${json.Plan["Shared Hit Blocks"] ?? 0} read=${json.Plan["Shared Read Blocks"] ?? 0}`;
  const summary = `${scans.join("; ") || json.Plan["Node Type"]}; ${json.Plan["Actual Rows"]} rows out; ${buffers}; ${json["Execution Time"].toFixed(2)} ms`;
  return { summary, executionMs: json["Execution Time"], planningMs: json["Planning Time"], nodes, text };
}

// ─── the bare minimum: the same page as one hand-written keyset statement on the partial index ───

// WorkOrder_open_inbox_idx ("organizationId", "dueAt", id) WHERE "closedAt" IS NULL: an ordered
// index scan that stops after the page, from the start (first page) or from the cursor (page 50).
const BASELINE_COLUMNS = `
  SELECT w.number, w.type, w.channel, w.status, w.subject, w."requesterName", w."requesterPhone", w."dueAt",
         w."createdAt", w."handlerUserId", w."overdueEscalatedAt", r.name AS "regionName"
    FROM "WorkOrder" w JOIN "Region" r ON r.id = w."regionId"
   WHERE w."organizationId" = $1 AND w."closedAt" IS NULL`;
const BASELINE_PAGE = `${BASELINE_COLUMNS} ORDER BY w."dueAt", w.id LIMIT $2`;
const BASELINE_AFTER = `${BASELINE_COLUMNS} AND (w."dueAt", w.id) > ($3::timestamp, $4::int) ORDER BY w."dueAt", w.id LIMIT $2`;
const BASELINE_WITH_COUNTS = `
  WITH page AS (${BASELINE_PAGE})
  SELECT (SELECT json_agg(page) FROM page) AS items,
         (SELECT count(*) FROM "WorkOrder" WHERE "organizationId" = $1 AND "closedAt" IS NULL) AS open,
         (SELECT count(*) FROM "WorkOrder" WHERE "organizationId" = $1 AND "closedAt" IS NULL
             AND "dueAt" < now() AT TIME ZONE 'UTC') AS overdue`;

// ─── the route: GET /api/v1/work-orders against the same page from a Next route without a database ───

/**
 * The inbox over HTTP as an API client of the station sees it (a token made here and deleted
 * after), next to the ceiling app's GET /api/inbox (zod, a page of 30, no database), one after
 * the other at a few connections: the difference of the p95s is what the database and the
 * portal's door add to a request.
 */
async function measureRoute(orgId: number, cursor: string) {
  const token = `lsp_bench_${randomBytes(12).toString("hex")}`;
  const { rows: [client] } = await pool.query<{ id: number }>(
    `INSERT INTO "ApiClient" ("name", "tokenHash", "tokenPrefix", "role", "organizationId") VALUES ('inbox bench', $1, $2, 'STAFF', $3) RETURNING id`,
    [createHash("sha256").update(token).digest("hex"), token.slice(0, 12), orgId],
  );
  const port = Number(args.port);
  const o = { connections: Number(args.connections), duration: Number(args.duration), warmup: 1, method: "GET" as const };
  const paths = [
    { name: "first page", portal: "/api/v1/work-orders", ceiling: "/api/inbox" },
    { name: "page 50", portal: `/api/v1/work-orders?cursor=${cursor}`, ceiling: `/api/inbox?cursor=${cursor}` },
  ];
  const run = async (start: () => Promise<BenchServer>, measure: (s: BenchServer) => Promise<LoadFigures[]>) => {
    const server = await start();
    try {
      return await measure(server);
    } finally {
      await server.stop();
    }
  };
  try {
    process.stdout.write("route (HTTP) … ");
    buildCeilingApp();
    const ceiling = await run(() => startCeilingApp(port + 1), async (s) => {
      const out: LoadFigures[] = [];
      for (const p of paths) out.push(await measureLoad({ ...o, url: `${s.baseUrl}${p.ceiling}`, server: s }));
      return out;
    });
    const portal = await run(
      () => startPortal({ port, distDir: args["dist-dir"]!, env: { DATABASE_URL: url } }),
      async (s) => {
        const out: LoadFigures[] = [];
        for (const p of paths) out.push(await measureLoad({ ...o, url: `${s.baseUrl}${p.portal}`, headers: { authorization: `Bearer ${token}` }, server: s }));
        return out;
      },
    );
    console.log("done");
    return {
      method: { ...o, generator: "autocannon 9, in the driving process, on the same cores" },
      scenarios: paths.map((p, i) => ({
        name: p.name, path: p.portal, portal: portal[i], ceiling: ceiling[i],
        p95DiffMs: Math.round((portal[i].latencyMs.p95 - ceiling[i].latencyMs.p95) * 100) / 100,
      })),
    };
  } finally {
    await pool.query(`DELETE FROM "ApiClient" WHERE id = $1`, [client.id]);
  }
}

// ─── run ───

type Row = { name: string; input: InboxInput; note: string; rows: number; queries: number; stats: Stats; plan: string; sql?: Captured };

try {
  const { rows: [user] } = await pool.query<{ id: number }>(`SELECT id FROM "User" WHERE username = $1`, [USER]);
  if (!user) throw new Error(`no user ${USER}: seed the demo city and generate work orders first`);
  const actor = await actorForUser(db, user.id);
  if (!actor?.organizationId) throw new Error(`${USER} has no organization`);
  const orgId = actor.organizationId;

  const { rows: [data] } = await pool.query<{ total: string; org_total: number; open: number; overdue: number; mine: number; version: string }>(
    `SELECT (SELECT count(*) FROM "WorkOrder")::text AS total,
            count(*)::int AS org_total,
            count(*) FILTER (WHERE status = ANY($2::"WorkOrderStatus"[]))::int AS open,
            count(*) FILTER (WHERE status = ANY($2::"WorkOrderStatus"[]) AND "dueAt" < now() AT TIME ZONE 'UTC')::int AS overdue,
            count(*) FILTER (WHERE status = ANY($2::"WorkOrderStatus"[]) AND "handlerUserId" = $3)::int AS mine,
            version() AS version
       FROM "WorkOrder" WHERE "organizationId" = $1`,
    [orgId, OPEN_STATUSES, user.id],
  );
  if (data.open < 100) throw new Error(`${USER}'s inbox has ${data.open} open orders: run tests/bench/generate-work-orders.ts first`);
  // search targets: an open order from the middle of the inbox, and its requester's phone
  const { rows: [probe] } = await pool.query<{ number: string; phone: string }>(
    `SELECT number, "requesterPhone" AS phone FROM "WorkOrder"
      WHERE "organizationId" = $1 AND status = ANY($2::"WorkOrderStatus"[]) ORDER BY "dueAt", id OFFSET $3 LIMIT 1`,
    [orgId, OPEN_STATUSES, Math.floor(data.open / 2)],
  );
  console.log(
    `${databaseName(url)}: ${Number(data.total).toLocaleString("en")} work orders; ${USER} (organization ${orgId}): ` +
      `${data.open.toLocaleString("en")} open, ${data.overdue.toLocaleString("en")} overdue, ${data.mine.toLocaleString("en")} mine`,
  );

  const loadBefore = os.loadavg()[0];
  if (loadBefore > os.cpus().length / 2) console.log(`note: load average ${loadBefore.toFixed(2)} on ${os.cpus().length} CPUs — other work competes; figures will be noisy`);

  // page 50: walk the cursor (not timed), then time fetching that one page
  let cursor: string | undefined;
  for (let page = 1; page < 50; page++) {
    const r = await inbox(actor, cursor ? { cursor } : {});
    if (!r.nextCursor) throw new Error(`the inbox ends at page ${page}: needs at least 50 pages of 30`);
    cursor = r.nextCursor;
  }

  const scenarios: { name: string; input: InboxInput; note: string }[] = [
    { name: "first page", input: {}, note: "default filters (open, 30 by due time)" },
    { name: "page 50 (cursor)", input: { cursor }, note: "the page after 49 walked pages; fetch only" },
    { name: "due=overdue", input: { due: "overdue" }, note: "first page of overdue orders" },
    { name: "q=number", input: { q: probe.number }, note: "exact order number" },
    { name: "q=phone", input: { q: probe.phone }, note: "requester's mobile number" },
    { name: "mine=true", input: { mine: true }, note: `handler = ${USER}` },
  ];

  const results: Row[] = [];
  for (const s of scenarios) {
    process.stdout.write(`${s.name} … `);
    const last = await inbox(actor, s.input);
    const samples = await time(() => inbox(actor, s.input));
    const sql = await pageQuery(actor, s.input);
    const plan = await explain(sql).then((p) => p.summary, (e: Error) => `EXPLAIN failed: ${e.message}`);
    results.push({ ...s, rows: last.items.length, queries: sql.queriesPerCall ?? 0, stats: stats(samples), plan, sql });
    console.log(`p50 ${stats(samples).p50} ms`);
  }

  process.stdout.write("baseline (pg, one statement) … ");
  const params = [orgId, 31];
  const baselineRows = (await pool.query(BASELINE_PAGE, params)).rowCount ?? 0;
  const pageOnly = stats(await time(() => pool.query(BASELINE_PAGE, params)));
  const withCounts = stats(await time(() => pool.query(BASELINE_WITH_COUNTS, params)));
  const cursorAt = JSON.parse(Buffer.from(cursor!, "base64url").toString("utf8")) as { d: string; i: number };
  const afterParams = [orgId, 31, cursorAt.d.replace("Z", ""), cursorAt.i];
  const after = stats(await time(() => pool.query(BASELINE_AFTER, afterParams)));
  console.log(`p50 ${pageOnly.p50} ms (page 50: ${after.p50} ms)`);

  // the page query listInbox sends (captured), timed through the same pg pool as the baseline
  process.stdout.write("the app's page query through pg … ");
  const firstPageSql = await pageQuery(actor, {});
  const page50Sql = await pageQuery(actor, { cursor });
  const appFirst = stats(await time(() => pool.query(firstPageSql.query, firstPageSql.params)));
  const appPage50 = stats(await time(() => pool.query(page50Sql.query, page50Sql.params)));
  console.log(`p50 ${appFirst.p50} ms (page 50: ${appPage50.p50} ms)`);
  const firstPagePlan = await explain(firstPageSql);
  const baselinePlan = await explain({ query: BASELINE_PAGE, params });
  const first = results[0].stats;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const ratio = {
    // what the issue's target is about: the query the app issues ÷ the hand-written keyset query
    appQueryFirstPage: r1(appFirst.p50 / pageOnly.p50),
    appQueryPage50: r1(appPage50.p50 / after.p50),
    // the whole listInbox call (validation, 3 statements, mapping) ÷ the same information in one statement
    vsPageWithCounts: r1(first.p50 / withCounts.p50),
    vsPageOnly: r1(first.p50 / pageOnly.p50),
  };

  const route = args["dist-dir"] === "none" ? null : await measureRoute(orgId, cursor!);

  const cpus = os.cpus();
  const report = {
    benchmark: "inbox",
    at: new Date().toISOString(),
    machine: {
      cpus: cpus.length, cpu: cpus[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: data.version,
      // the 1-minute load average before and after: a busy machine explains a wide p95
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0] * 100) / 100 },
    },
    database: databaseName(url),
    data: { workOrders: Number(data.total), user: USER, organizationId: orgId, organizationOrders: data.org_total, open: data.open, overdue: data.overdue, mine: data.mine },
    method: { warmup: WARMUP, iterations: ITERATIONS, unit: "ms", timed: "execute(listInbox, input, actor, meta): validation, permission, rules, page query, two counts" },
    scenarios: results,
    baseline: {
      sql: BASELINE_PAGE.replace(/\s+/g, " ").trim(),
      pageWithCounts: withCounts,
      pageOnly,
      page50: after,
      appQuery: { firstPage: appFirst, page50: appPage50 },
      ratio,
      plan: baselinePlan.summary,
    },
    route,
    firstPageExplain: { sql: firstPageSql.query, params: firstPageSql.params, summary: firstPagePlan.summary, text: firstPagePlan.text },
  };

  const dir = process.env.BENCH_RESULTS_DIR ?? path.join(import.meta.dirname, "results"); // run-all --smoke writes elsewhere
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `inbox-${report.at.slice(0, 10)}.json`);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);

  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`\n${"scenario".padEnd(34)}${pad("rows", 6)}${pad("SQL", 5)}${pad("p50", 9)}${pad("p95", 9)}${pad("max", 9)}  (ms, ${ITERATIONS} runs after ${WARMUP} warm-up; SQL = statements per call)`);
  const line = (name: string, rows: number | string, queries: number, s: Stats) => console.log(`${name.padEnd(34)}${pad(rows, 6)}${pad(queries, 5)}${pad(s.p50.toFixed(2), 9)}${pad(s.p95.toFixed(2), 9)}${pad(s.max.toFixed(2), 9)}`);
  // listInbox reads limit + 1 rows to know whether there is a next page, and shows 30; the baseline reads the same 31
  for (const r of results) line(`listInbox ${r.name}`, r.rows, r.queries, r.stats);
  line("app's page query via pg: first page", baselineRows, 1, appFirst);
  line("app's page query via pg: page 50", baselineRows, 1, appPage50);
  line("baseline keyset: first page", baselineRows, 1, pageOnly);
  line("baseline keyset: page 50", baselineRows, 1, after);
  line("baseline keyset: page + counts", baselineRows, 1, withCounts);
  console.log(`\napp's page query ÷ hand-written keyset (p50): first page ${ratio.appQueryFirstPage}×, page 50 ${ratio.appQueryPage50}× (target ≤ 2×)`);
  console.log(`whole listInbox first page ÷ baseline (p50): ${ratio.vsPageWithCounts}× page + counts, ${ratio.vsPageOnly}× page only`);
  if (route) {
    for (const r of route.scenarios) {
      console.log(`route ${r.name}: p95 ${r.portal.latencyMs.p95} ms vs no-DB route ${r.ceiling.latencyMs.p95} ms → +${r.p95DiffMs} ms (target ≤ 10 ms); ${r.portal.requestsPerSec} vs ${r.ceiling.requestsPerSec} req/s; errors ${r.portal.errors}`);
    }
  }
  console.log(`\nEXPLAIN first page (the app's SQL): ${firstPagePlan.summary}`);
  for (const n of firstPagePlan.nodes) console.log(`  ${n}`);
  console.log("\npage queries of the other scenarios:");
  for (const r of results.slice(1)) console.log(`  ${r.name}: ${r.plan}`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
} finally {
  await Promise.all([stopReferenceCache(), db.$disconnect(), captureClient.$disconnect(), pool.end()]);
}
