import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { databaseName, localDatabaseUrl } from "./local-database";
import { measureLoad, type LoadFigures } from "./load";
import { bin, buildCeilingApp, root, startCeilingApp, startPortal, startServer, type BenchServer } from "./processes";
import { summariseCpuProfiles, type ProfileSummary } from "./cpu-profile";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// `tsx tests/bench/intake.bench.ts [--duration 10] [--warmup 2] [--connections 50]` (npm run
// bench:intake): the two intake doors under load, each next to its baselines from the same run:
//   a. bare: Node http + pg, one INSERT per request (tests/bench/bare-server.ts) — the reference;
//   b. ceiling: a plain Next 16 route with zod and no database (tests/bench/ceiling-app, built here
//      when its build is missing or older than its source) — what the framework allows at best;
//   c. POST /api/v1/work-orders and POST /api/v1/legal-aid/applications on `next start` of the
//      portal's production build (NEXT_DIST_DIR, default .next), with the seeded demo API token,
//      valid bodies and a unique Idempotency-Key per request: validated, authorized and audited.
// Every server runs alone while it is measured, the load generator on the same cores. For (c) it
// then checks the database: each order the run created has exactly one SUCCESS audit row, and
// every completed Idempotency-Key has its order. DATABASE_URL must be a seeded demo city that may
// be written to (not the 1M-order inbox database): the run adds orders. Writes
// results/intake-<YYYY-MM-DD>.json (or BENCH_RESULTS_DIR) and prints a table. A slow figure fails
// nothing; a broken invariant (audit rows, a crash) exits 1.

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "50" },
    port: { type: "string", default: "3310" },
    /** a portal already running on the same DATABASE_URL, instead of starting `next start` */
    "base-url": { type: "string" },
    "dist-dir": { type: "string", default: process.env.NEXT_DIST_DIR || ".next" },
    /** which scenarios, comma-separated: bare, ceiling, work-orders, legal-aid */
    only: { type: "string", default: "bare,ceiling,work-orders,legal-aid" },
    /** profile the portal's server (node --cpu-prof) and print where its CPU time goes */
    "cpu-prof": { type: "boolean", default: false },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const PORT = Number(args.port);
const ONLY = new Set(args.only.split(","));

const url = localDatabaseUrl();
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
process.env.LOG_LEVEL ??= "warn";
const pool = new pg.Pool({ connectionString: url, max: 2 });
const BARE_TABLE = "bench_bare_intake"; // bare-server.ts creates it; dropped after its run
const runId = Date.now().toString(36);

// ─── request bodies: valid, and different each time (phones, ID numbers) ───

const REGION = "369901001001"; // 文昌社区, 青溪区 (the demo city's first village)
const phoneFor = (n: number) => `139${String(n % 1e8).padStart(8, "0")}`;
function idNumberFor(n: number) {
  const birth = new Date(Date.UTC(1955, 0, 1) + (n % 16_000) * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `369901${birth}${String(100 + (n % 900)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}
const workOrderBody = (n: number) =>
  JSON.stringify({
    channel: "HOTLINE_12348",
    type: "CONSULTATION",
    regionCode: REGION,
    subject: `劳动合同咨询（压测 ${n}）`,
    description: "来电询问：入职半年公司一直未签书面劳动合同，能否要求支付双倍工资，应当向哪里申请仲裁。",
    category: "劳动争议",
    requester: { name: "王秀英", phone: phoneFor(n) },
  });
const legalAidBody = (n: number) =>
  JSON.stringify({
    channel: "HOTLINE_12348",
    applicant: { name: "陈秀兰", idNumber: idNumberFor(n), phone: phoneFor(n), address: "文昌社区 3 组 12 号", regionCode: REGION },
    matter: { category: "LABOUR", facts: "在工地干了半年，老板拖欠工资 2 万元，多次讨要未果。", opposingParty: "某建筑劳务公司" },
    aidForm: "LABOUR_ARBITRATION",
    economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2400, householdSize: 3, signed: true } },
    consent: { personalInfo: true },
  });

// ─── what a run left in the database ───

type Mark = { auditId: string; workOrderId: number };

async function mark(): Promise<Mark> {
  const { rows: [m] } = await pool.query<{ audit: string | null; wo: number | null }>(
    `SELECT (SELECT max(id) FROM "AuditEvent")::text AS audit, (SELECT max(id) FROM "WorkOrder") AS wo`,
  );
  return { auditId: m.audit ?? "0", workOrderId: m.wo ?? 0 };
}

/** Completed Idempotency-Keys of this scenario: requests the portal committed (answered or cut off at the end). */
async function committedKeys(callerKey: string, prefix: string) {
  const { rows: [r] } = await pool.query<{ done: number; open: number }>(
    `SELECT count(*) FILTER (WHERE status = 201)::int AS done, count(*) FILTER (WHERE status <> 201)::int AS open
       FROM "IdempotentRequest" WHERE "callerKey" = $1 AND key LIKE $2`,
    [callerKey, `${prefix}%`],
  );
  return r;
}

/** Waits until the portal has finished the requests autocannon cut off at the end of its run. */
async function settle(callerKey: string, prefix: string) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const { done } = await committedKeys(callerKey, prefix);
    if (done === last) return;
    last = done;
    await new Promise((r) => setTimeout(r, 400));
  }
}

type AuditCheck = {
  /** orders created by the scenario (warm-up included) */
  created: number;
  /** completed Idempotency-Keys of the scenario */
  committed: number;
  auditSuccess: number;
  auditOther: Record<string, number>;
  /** created orders with exactly one SUCCESS audit row of the action, pointing at them */
  ordersWithOneAuditRow: number;
  /** 2xx responses received (warm-up and timed run): committed − this = cut off at the run's end */
  ok2xx: number;
  oneAuditRowPerRequest: boolean;
};

async function auditCheck(before: Mark, action: string, type: "CONSULTATION" | "LEGAL_AID", callerKey: string, prefix: string, ok2xx: number): Promise<AuditCheck> {
  const { rows: [c] } = await pool.query<{ created: number; one: number }>(
    `SELECT count(*)::int AS created,
            count(*) FILTER (WHERE (SELECT count(*) FROM "AuditEvent" a
                                     WHERE a."targetId" = w.number AND a.action = $3 AND a.result = 'SUCCESS' AND a.id > $2::bigint) = 1)::int AS one
       FROM "WorkOrder" w WHERE w.id > $1 AND w.type = $4::"WorkOrderType"`,
    [before.workOrderId, before.auditId, action, type],
  );
  const { rows: audit } = await pool.query<{ result: string; n: number }>(
    `SELECT result::text, count(*)::int AS n FROM "AuditEvent" WHERE id > $1::bigint AND action = $2 GROUP BY result`,
    [before.auditId, action],
  );
  const byResult = Object.fromEntries(audit.map((r) => [r.result, r.n]));
  const { done } = await committedKeys(callerKey, prefix);
  const { SUCCESS = 0, ...other } = byResult;
  return {
    created: c.created,
    committed: done,
    auditSuccess: SUCCESS,
    auditOther: other,
    ordersWithOneAuditRow: c.one,
    ok2xx,
    oneAuditRowPerRequest: c.created === done && SUCCESS === c.created && c.one === c.created && ok2xx <= done,
  };
}

// ─── the servers ───

async function withServer<T>(start: () => Promise<BenchServer>, use: (s: BenchServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

// ─── run ───

type Scenario = { name: string; path: string; load: LoadFigures; audit?: AuditCheck };
const scenarios: Scenario[] = [];
const load = (server: BenchServer | undefined, target: string, o: Partial<Parameters<typeof measureLoad>[0]>) =>
  measureLoad({ url: target, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP, server, ...o });
const show = (s: Scenario) =>
  console.log(
    `  ${s.name.padEnd(30)} ${String(s.load.requestsPerSec).padStart(8)} req/s   p50 ${s.load.latencyMs.p50} ms   p95 ${s.load.latencyMs.p95} ms   p99 ${s.load.latencyMs.p99} ms   errors ${s.load.errors}`,
  );

let exitCode = 0;
let ceilingBuild: { built: boolean; ms: number } | null = null;
let profile: ProfileSummary | null = null;
let sqlTrace: Awaited<ReturnType<typeof traceIntakeSql>> | null = null;
const loadBefore = os.loadavg()[0];
try {
  const { rows: [client] } = await pool.query<{ id: number }>(`SELECT id FROM "ApiClient" WHERE "tokenPrefix" = $1 AND "revokedAt" IS NULL ORDER BY id LIMIT 1`, [DEMO_API_TOKEN.slice(0, 12)]);
  if (!client) throw new Error(`${databaseName(url)} has no demo API client: migrate and seed it first (npx prisma migrate deploy && npx tsx prisma/seed.ts)`);
  const callerKey = `client:${client.id}`;
  console.log(`intake bench on ${databaseName(url)}: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per scenario; load average ${loadBefore.toFixed(2)} on ${os.cpus().length} CPUs`);

  if (ONLY.has("bare")) {
    const bare = await withServer(
      () => startServer({ name: "bare", command: bin("tsx"), args: [path.join(import.meta.dirname, "bare-server.ts"), String(PORT + 1)], port: PORT + 1, readyPath: "/", env: { ...process.env, DATABASE_URL: url } }),
      (s) => load(s, `${s.baseUrl}/`, { body: workOrderBody }),
    );
    scenarios.push({ name: "bare Node http + pg INSERT", path: "POST /", load: bare });
    show(scenarios.at(-1)!);
    await pool.query(`DROP TABLE IF EXISTS ${BARE_TABLE}`);
  }

  if (ONLY.has("ceiling")) {
    ceilingBuild = buildCeilingApp();
    if (ceilingBuild.built) console.log(`  (built tests/bench/ceiling-app in ${(ceilingBuild.ms / 1000).toFixed(1)} s)`);
    const ceiling = await withServer(
      () => startCeilingApp(PORT + 2),
      (s) => load(s, `${s.baseUrl}/api/intake`, { body: workOrderBody, headersFor: (n) => ({ "idempotency-key": `ceiling-${runId}-${n}` }) }),
    );
    scenarios.push({ name: "ceiling: Next route + zod, no DB", path: "POST /api/intake", load: ceiling });
    show(scenarios.at(-1)!);
  }

  if (ONLY.has("work-orders") || ONLY.has("legal-aid")) {
    const profileDir = args["cpu-prof"] ? fs.mkdtempSync(path.join(os.tmpdir(), "bench-cpu-prof-")) : null;
    const portalRuns = async (portal: BenchServer | undefined, base: string) => {
      const doors = [
        { key: "work-orders", name: "POST /api/v1/work-orders", path: "/api/v1/work-orders", action: "workOrder.intake", type: "CONSULTATION" as const, body: workOrderBody },
        { key: "legal-aid", name: "POST /api/v1/legal-aid/applications", path: "/api/v1/legal-aid/applications", action: "legalAid.intake", type: "LEGAL_AID" as const, body: legalAidBody },
      ];
      for (const d of doors.filter((x) => ONLY.has(x.key))) {
        const prefix = `bench-${d.key}-${runId}-`;
        const before = await mark();
        const figures = await load(portal, `${base}${d.path}`, {
          headers: { authorization: `Bearer ${DEMO_API_TOKEN}`, "user-agent": "intake-bench" },
          body: d.body,
          headersFor: (n) => ({ "idempotency-key": `${prefix}${n}` }),
        });
        await settle(callerKey, prefix);
        // 2xx answers of the timed run and of the warm-up: every one of them must be a committed order
        const ok2xx = Object.entries(figures.status).filter(([code]) => code.startsWith("2")).reduce((a, [, n]) => a + n, 0) + figures.warmup2xx;
        const audit = await auditCheck(before, d.action, d.type, callerKey, prefix, ok2xx);
        scenarios.push({ name: d.name, path: d.path, load: figures, audit });
        show(scenarios.at(-1)!);
        console.log(
          `    ${audit.created} orders created (warm-up included), ${audit.committed} keys completed, ${audit.auditSuccess} SUCCESS audit rows, ` +
            `${audit.ordersWithOneAuditRow} orders with exactly one → ${audit.oneAuditRowPerRequest ? "one audit row per request ✓" : "MISMATCH ✗"}`,
        );
        if (!audit.oneAuditRowPerRequest) exitCode = 1;
      }
    };
    if (args["base-url"]) await portalRuns(undefined, args["base-url"]);
    else {
      await withServer(
        () => startPortal({ port: PORT, distDir: args["dist-dir"], env: { DATABASE_URL: url }, cpuProfileDir: profileDir ?? undefined }),
        (s) => portalRuns(s, s.baseUrl),
      );
    }
    if (profileDir) {
      profile = summariseCpuProfiles(profileDir);
      console.log(`\n  where the portal's CPU time went (${profile.totalMs} ms sampled, profiles in ${profileDir}):`);
      for (const g of profile.byGroup.slice(0, 10)) console.log(`    ${g.share.toFixed(1).padStart(5)} %  ${g.name}`);
      console.log("  the same, Node's internals and native code charged to the package that called them:");
      for (const g of profile.byOwner.slice(0, 10)) console.log(`    ${g.share.toFixed(1).padStart(5)} %  ${g.name}`);
      console.log("  hottest functions (self time):");
      for (const f of profile.topFunctions.slice(0, 15)) console.log(`    ${f.share.toFixed(1).padStart(5)} %  ${f.name}`);
    }
    sqlTrace = await traceIntakeSql();
    console.log(`\n  one work-order intake in-process: ${sqlTrace.workOrder.statements} SQL statements, ${sqlTrace.workOrder.ms} ms; legal aid: ${sqlTrace.legalAid.statements} statements, ${sqlTrace.legalAid.ms} ms`);
    for (const [door, trace] of Object.entries(sqlTrace)) {
      console.log(`    ${door}:`);
      for (const q of trace.sql) console.log(`      ${q.query.slice(0, 110)}`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  exitCode = 1;
}

/**
 * The SQL one intake sends (as the door runs it: execute() with the API client's actor), through a
 * Prisma client that logs its queries: how many round trips a request costs, and which.
 */
async function traceIntakeSql() {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { execute } = await import("@/lib/api/use-case");
  const { actorForApiToken } = await import("@/lib/auth/actor");
  const { intakeWorkOrder } = await import("@/lib/work-orders/create-work-order");
  const { takeInLegalAidApplication } = await import("@/lib/legal-aid/apply");
  const { startReferenceCache, stopReferenceCache, referenceCacheLive } = await import("@/lib/system/reference-cache");
  type Db = import("@/lib/db").Db;
  const captured: { query: string; ms: number }[] = [];
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => captured.push({ query: e.query.replace(/\s+/g, " ").slice(0, 160), ms: e.duration }));
  const db = client as unknown as Db;
  try {
    const once = async (run: () => Promise<unknown>) => {
      captured.length = 0;
      const t = performance.now();
      await run();
      const ms = Math.round((performance.now() - t) * 10) / 10;
      return { statements: captured.length, ms, sql: [...captured] };
    };
    const meta = { ip: "127.0.0.1", userAgent: "intake-bench" };
    const actor = async () => (await actorForApiToken(db, DEMO_API_TOKEN))!;
    const n = 9_000_000 + Math.floor(Math.random() * 900_000);
    // as the server runs: reference data in memory (lib/system/reference-cache.ts), loaded by a first call of each door
    await startReferenceCache();
    for (let i = 0; i < 100 && !referenceCacheLive(); i++) await new Promise((r) => setTimeout(r, 20));
    await execute(intakeWorkOrder, { ...JSON.parse(workOrderBody(n)), idempotencyKey: `trace-${runId}-0` }, await actor(), meta, db);
    await execute(takeInLegalAidApplication, { ...JSON.parse(legalAidBody(n + 3)), idempotencyKey: `trace-${runId}-3` }, await actor(), meta, db);
    const workOrder = await once(async () => execute(intakeWorkOrder, { ...JSON.parse(workOrderBody(n + 1)), idempotencyKey: `trace-${runId}-1` }, await actor(), meta, db));
    const legalAid = await once(async () => execute(takeInLegalAidApplication, { ...JSON.parse(legalAidBody(n + 2)), idempotencyKey: `trace-${runId}-2` }, await actor(), meta, db));
    return { workOrder, legalAid };
  } finally {
    await stopReferenceCache();
    await client.$disconnect();
  }
}

// ─── report ───

const bare = scenarios.find((s) => s.path === "POST /");
const ratio = (s: Scenario) => (bare ? Math.round((s.load.requestsPerSec / bare.load.requestsPerSec) * 1000) / 1000 : null);
const TARGETS = { ratioToBare: 0.15, p95Ms: 150, errors: 0 };
const report = {
  benchmark: "intake",
  at: new Date().toISOString(),
  database: databaseName(url),
  machine: {
    cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version,
    loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0] * 100) / 100 },
  },
  method: { connections: CONNECTIONS, warmupS: WARMUP, durationS: DURATION, generator: "autocannon 9, in the driving process, on the same cores" },
  targets: TARGETS,
  ceilingBuild,
  scenarios: scenarios.map((s) => ({ ...s, ratioToBare: ratio(s) })),
  sqlTrace,
  profile,
};
const dir = process.env.BENCH_RESULTS_DIR ?? path.join(import.meta.dirname, "results");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `intake-${report.at.slice(0, 10)}.json`);
fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
fs.renameSync(`${file}.tmp`, file);

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`\n${"scenario".padEnd(38)}${pad("req/s", 9)}${pad("× bare", 8)}${pad("p50", 8)}${pad("p95", 8)}${pad("p99", 8)}${pad("errors", 8)}  audit`);
for (const s of scenarios) {
  const r = ratio(s);
  console.log(
    `${s.name.padEnd(38)}${pad(s.load.requestsPerSec.toFixed(0), 9)}${pad(r === null ? "–" : r.toFixed(3), 8)}${pad(s.load.latencyMs.p50.toFixed(1), 8)}${pad(s.load.latencyMs.p95.toFixed(1), 8)}${pad(s.load.latencyMs.p99.toFixed(1), 8)}${pad(s.load.errors, 8)}  ${s.audit ? (s.audit.oneAuditRowPerRequest ? "1 per request ✓" : "MISMATCH ✗") : ""}`,
  );
}
console.log(`targets for the two doors: ≥ ${TARGETS.ratioToBare} × bare, p95 ≤ ${TARGETS.p95Ms} ms, ${TARGETS.errors} errors, one audit row per request (ms; latency over the timed run)`);
console.log(`wrote ${path.relative(root, file)}`);
await pool.end();
process.exitCode = exitCode;
