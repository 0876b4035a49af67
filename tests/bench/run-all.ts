import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { databaseName, localDatabaseUrl } from "./local-database";
import { bin, root } from "./processes";

// `npm run bench` (tsx tests/bench/run-all.ts): every benchmark in one invocation, in sequence —
// intake, inbox, overview, pool race, page weight — then one table of the figures against the
// targets of issue 10, and tests/bench/results/<YYYY-MM-DD>.json with every figure.
//
// Two databases:
//  - the read database (DATABASE_URL, or --database-url): the generated city the inbox and the
//    overview read (tests/bench/README.md: 1M orders). Only read.
//  - the write database (--write-database, default portal_bench_intake): dropped and made afresh
//    on the same server (migrated and seeded, or copied from --template), because intake and the
//    pool race add orders, lawyers and audit rows. Its name must start with portal_bench_ and
//    differ from the read database's.
//
// `--smoke` (CI: scripts/test.ts): everything at a tiny scale on the write database alone, which
// gets 2,000 generated orders for the inbox and the overview; results go to a temporary folder,
// not results/. It exits 1 if a benchmark crashes or a correctness check fails (an audit row per
// request, one pool winner, no error answers); a slow figure never fails a run, smoke or not.

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    "database-url": { type: "string" },
    "write-database": { type: "string" },
    /** copy the write database from this (seeded, idle) database instead of migrating and seeding */
    template: { type: "string" },
    "dist-dir": { type: "string", default: process.env.NEXT_DIST_DIR || ".next" },
    /** the overview's data scale (1 ≈ 200,000 orders a year), for its file name and scale ratio */
    scale: { type: "string", default: "1" },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string", default: "50" },
    lawyers: { type: "string", default: "100" },
    /** comma-separated: intake, inbox, overview, pool-race, page-weight */
    skip: { type: "string", default: "" },
    "cpu-prof": { type: "boolean", default: false },
  },
});
const SMOKE = args.smoke;
const SKIP = new Set(args.skip.split(",").filter(Boolean));

const readUrl = args["database-url"] ?? localDatabaseUrl();
process.env.DATABASE_URL = readUrl;
localDatabaseUrl(); // the same local-host guard for --database-url
const writeName = args["write-database"] ?? (SMOKE ? "portal_bench_smoke" : "portal_bench_intake");
if (!/^portal_bench_\w+$/.test(writeName) || writeName === databaseName(readUrl)) {
  throw new Error(`--write-database ${writeName}: it is dropped and recreated, so it must be named portal_bench_<something> and not be the read database`);
}
const writeUrl = (() => {
  const u = new URL(readUrl);
  u.pathname = `/${writeName}`;
  return u.toString();
})();

const env = {
  ...process.env,
  DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? Buffer.alloc(32, 7).toString("base64"),
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
  AUTH_TRUST_HOST: "true",
  JOBS_DISABLED: "1",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  NEXT_TELEMETRY_DISABLED: "1",
};
const resultsDir = SMOKE ? fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-")) : path.join(import.meta.dirname, "results");
fs.mkdirSync(resultsDir, { recursive: true });
const started = new Date();
const startedMs = Date.now();

function step(label: string, command: string, argv: string[], extraEnv: Record<string, string> = {}) {
  const t = performance.now();
  console.log(`\n━━ ${label} ━━`);
  const r = spawnSync(command, argv, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  const ms = Math.round(performance.now() - t);
  return { ok: r.status === 0, status: r.status ?? r.signal, ms };
}
const tsx = (file: string, argv: string[], database: string, label = file) =>
  step(label, bin("tsx"), [path.join("tests", "bench", file), ...argv], { DATABASE_URL: database, BENCH_RESULTS_DIR: resultsDir });

/** The newest results file `<prefix>*.json` written since this run started. */
function resultOf(prefix: string): Record<string, unknown> | null {
  const files = fs
    .readdirSync(resultsDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".json"))
    .map((f) => ({ f, at: fs.statSync(path.join(resultsDir, f)).mtimeMs }))
    .filter((x) => x.at >= startedMs - 1000)
    .sort((a, b) => b.at - a.at);
  return files.length ? JSON.parse(fs.readFileSync(path.join(resultsDir, files[0].f), "utf8")) : null;
}

// ─── the write database, fresh ───

async function admin(sql: string) {
  const u = new URL(readUrl);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const runs: Record<string, { ok: boolean; status: number | string | null; ms: number; skipped?: string }> = {};
const prepT = performance.now();
console.log(`benchmarks${SMOKE ? " (smoke)" : ""}: read database ${databaseName(readUrl)}, write database ${writeName} (made afresh), build ${args["dist-dir"]}`);
await admin(`DROP DATABASE IF EXISTS "${writeName}" WITH (FORCE)`);
if (args.template) {
  await admin(`CREATE DATABASE "${writeName}" TEMPLATE "${args.template}"`);
} else {
  await admin(`CREATE DATABASE "${writeName}"`);
  const migrated = step("write database: migrate", bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: writeUrl });
  const seeded = migrated.ok && step("write database: seed", bin("tsx"), ["prisma/seed.ts"], { DATABASE_URL: writeUrl });
  if (!seeded || !seeded.ok) throw new Error(`could not migrate and seed ${writeName}`);
}
// smoke: a small inbox (≥ 50 pages of 30 open orders for staff.station) for the inbox and the overview
if (SMOKE && !(SKIP.has("inbox") && SKIP.has("overview"))) {
  const g = tsx("generate-work-orders.ts", ["--orders", "2000", "--heavy-open", "1600", "--append"], writeUrl, "smoke data: 2,000 orders");
  if (!g.ok) throw new Error("could not generate the smoke data");
}
const prepareMs = Math.round(performance.now() - prepT);
const readDb = SMOKE ? writeUrl : readUrl;

// ─── the benchmarks, in sequence ───

const smokeIntake = ["--duration", "2", "--warmup", "1", "--connections", "10"];
const run = (name: string, go: () => ReturnType<typeof step>) => {
  runs[name] = SKIP.has(name) ? { ok: true, status: null, ms: 0, skipped: "--skip" } : go();
};
run("intake", () =>
  tsx("intake.bench.ts", [
    ...(SMOKE ? smokeIntake : ["--duration", args.duration ?? "10", "--warmup", args.warmup ?? "2", "--connections", args.connections]),
    "--dist-dir", args["dist-dir"], ...(args["cpu-prof"] ? ["--cpu-prof"] : []),
  ], writeUrl),
);
run("inbox", () => tsx("inbox.bench.ts", ["--dist-dir", args["dist-dir"], ...(SMOKE ? ["--duration", "1"] : [])], readDb));
run("overview", () =>
  tsx("overview.bench.ts", SMOKE ? ["--scale", "smoke", "--years", "1", "--iterations", "3", "--raw-iterations", "1"] : ["--scale", args.scale], readDb),
);
run("pool-race", () => tsx("pool-race.bench.ts", ["--lawyers", SMOKE ? "20" : args.lawyers, "--dist-dir", args["dist-dir"]], writeUrl));
run("page-weight", () => tsx("page-weight.bench.ts", SMOKE ? ["--skip-lighthouse"] : [], writeUrl));

// ─── one table: figures, targets, marks ───

type Row = { bench: string; figure: string; value: string; target: string; pass: boolean | null };
const rows: Row[] = [];
const checksFailed: string[] = [];
const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : NaN);
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–");

type IntakeScenario = { name: string; path: string; ratioToBare: number | null; load: { requestsPerSec: number; latencyMs: { p50: number; p95: number; p99: number }; errors: number }; audit?: { oneAuditRowPerRequest: boolean; created: number } };
const intake = resultOf("intake-") as { scenarios: IntakeScenario[]; targets: { ratioToBare: number; p95Ms: number } } | null;
if (intake) {
  for (const s of intake.scenarios) {
    const door = !!s.audit;
    rows.push({ bench: "intake", figure: `${s.name}: req/s (× bare)`, value: `${fmt(s.load.requestsPerSec, 0)} (${fmt(num(s.ratioToBare), 3)})`, target: door ? `≥ ${intake.targets.ratioToBare} ×` : s.path === "POST /" ? "reference" : "ceiling ≈ 0.22 ×", pass: door ? num(s.ratioToBare) >= intake.targets.ratioToBare : null });
    rows.push({ bench: "intake", figure: `${s.name}: p50 / p95 / p99 ms`, value: `${fmt(s.load.latencyMs.p50)} / ${fmt(s.load.latencyMs.p95)} / ${fmt(s.load.latencyMs.p99)}`, target: door ? `p95 ≤ ${intake.targets.p95Ms}` : "", pass: door ? s.load.latencyMs.p95 <= intake.targets.p95Ms : null });
    rows.push({ bench: "intake", figure: `${s.name}: errors`, value: String(s.load.errors), target: "0", pass: s.load.errors === 0 });
    if (SMOKE && s.load.errors > 0) checksFailed.push(`intake ${s.name}: ${s.load.errors} errors`);
    if (s.audit) {
      rows.push({ bench: "intake", figure: `${s.name}: one audit row per request`, value: `${s.audit.created} orders`, target: "exactly 1 each", pass: s.audit.oneAuditRowPerRequest });
      if (!s.audit.oneAuditRowPerRequest) checksFailed.push(`intake ${s.name}: audit rows`);
    }
  }
}

type InboxStats = { p50: number; p95: number };
type InboxRoute = { scenarios: { name: string; p95DiffMs: number; portal: { latencyMs: { p95: number }; errors: number }; ceiling: { latencyMs: { p95: number } } }[] };
const inbox = resultOf("inbox-") as {
  data: { workOrders: number };
  scenarios: { name: string; stats: InboxStats }[];
  baseline: { ratio: { appQueryFirstPage: number; appQueryPage50: number } };
  route: InboxRoute | null;
} | null;
if (inbox) {
  const at = `${(inbox.data.workOrders / 1e6).toFixed(inbox.data.workOrders < 1e5 ? 3 : 1)}M orders`;
  for (const name of ["first page", "page 50 (cursor)"]) {
    const s = inbox.scenarios.find((x) => x.name === name)?.stats;
    if (s) rows.push({ bench: "inbox", figure: `listInbox ${name}, ${at}: p50 / p95 ms`, value: `${fmt(s.p50)} / ${fmt(s.p95)}`, target: "", pass: null });
  }
  const { appQueryFirstPage, appQueryPage50 } = inbox.baseline.ratio;
  rows.push({ bench: "inbox", figure: "the app's page query ÷ hand-written keyset SQL (p50), first page", value: `${fmt(appQueryFirstPage)} ×`, target: "≤ 2 ×", pass: appQueryFirstPage <= 2 });
  rows.push({ bench: "inbox", figure: "the same, page 50", value: `${fmt(appQueryPage50)} ×`, target: "≤ 2 ×", pass: appQueryPage50 <= 2 });
  for (const r of inbox.route?.scenarios ?? []) {
    rows.push({ bench: "inbox", figure: `GET /api/v1/work-orders ${r.name}: p95 − no-DB Next route p95`, value: `${fmt(r.portal.latencyMs.p95)} − ${fmt(r.ceiling.latencyMs.p95)} = ${fmt(r.p95DiffMs)} ms`, target: "≤ 10 ms", pass: r.p95DiffMs <= 10 });
    if (r.portal.errors > 0) checksFailed.push(`inbox route ${r.name}: ${r.portal.errors} errors`);
  }
}

const overview = resultOf("overview-") as { results: { overview: InboxStats; overviewAfterApproval?: InboxStats; rawRecount: InboxStats }; ratio: { overviewToRawP95: number; target: number }; scaleRatio: { overviewP95: number; target: number } | null; rows: { WorkOrder: number } } | null;
if (overview) {
  rows.push({ bench: "overview", figure: `city, all years (${overview.rows.WorkOrder.toLocaleString("en")} orders): p95 ms`, value: fmt(overview.results.overview.p95), target: "", pass: null });
  if (overview.results.overviewAfterApproval) {
    rows.push({ bench: "overview", figure: "the same, first read after an approval (recipients recounted): p95 ms", value: fmt(overview.results.overviewAfterApproval.p95), target: "", pass: null });
  }
  rows.push({ bench: "overview", figure: "overview p95 ÷ raw recount p95", value: fmt(overview.ratio.overviewToRawP95, 3), target: `≤ ${overview.ratio.target}`, pass: overview.ratio.overviewToRawP95 <= overview.ratio.target });
  if (overview.scaleRatio) rows.push({ bench: "overview", figure: "p95 at this scale ÷ at scale 1", value: fmt(overview.scaleRatio.overviewP95, 2), target: `≤ ${overview.scaleRatio.target}`, pass: overview.scaleRatio.overviewP95 <= overview.scaleRatio.target });
}

const race = resultOf("pool-race-") as { lawyers: number; settleMs: number; winnerAnswerMs: number; byStatus: Record<string, number>; checks: Record<string, boolean>; ok: boolean } | null;
if (race) {
  const statuses = Object.entries(race.byStatus).map(([s, n]) => `${s}×${n}`).join(" ");
  rows.push({ bench: "pool race", figure: `${race.lawyers} concurrent accepts: answers`, value: statuses, target: `200×1 409×${race.lawyers - 1}`, pass: race.ok });
  rows.push({ bench: "pool race", figure: "time to settle (all answers in)", value: `${race.settleMs} ms`, target: "", pass: null });
  if (!race.ok) checksFailed.push(`pool race: ${Object.entries(race.checks).filter(([, v]) => !v).map(([k]) => k).join(", ")}`);
}

const pages = resultOf("page-weight-") as { firstLoadJs: { route: string; jsGzipBytes: number }[] } | null;
if (pages) {
  for (const w of pages.firstLoadJs) rows.push({ bench: "page weight", figure: `first-load JS ${w.route} (gzip)`, value: `${(w.jsGzipBytes / 1024).toFixed(1)} kB`, target: "", pass: null });
}

for (const [name, r] of Object.entries(runs)) if (!r.ok) checksFailed.push(`${name} exited with ${r.status}`);

const report = {
  benchmark: "all",
  mode: SMOKE ? "smoke" : "full",
  at: started.toISOString(),
  totalMs: Date.now() - startedMs,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtEnd: Math.round(os.loadavg()[0] * 100) / 100 },
  databases: { read: databaseName(readDb), write: writeName, template: args.template ?? null },
  build: args["dist-dir"],
  prepareMs,
  runs,
  summary: rows,
  checksFailed,
  results: { intake, inbox, overview, poolRace: race, pageWeight: pages },
};
const file = path.join(resultsDir, `${started.toISOString().slice(0, 10)}.json`);
fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
fs.renameSync(`${file}.tmp`, file);

const width = Math.max(...rows.map((r) => r.figure.length), 20);
console.log(`\n━━ summary${SMOKE ? " (smoke: tiny scale, figures mean nothing)" : ""} ━━`);
console.log(`${"bench".padEnd(12)}${"figure".padEnd(width + 2)}${"value".padStart(22)}  ${"target".padEnd(18)}mark`);
for (const r of rows) {
  const mark = r.pass === null ? "" : r.pass ? "✓" : "✗";
  console.log(`${r.bench.padEnd(12)}${r.figure.padEnd(width + 2)}${r.value.padStart(22)}  ${r.target.padEnd(18)}${mark}`);
}
console.log(`\n${Object.entries(runs).map(([n, r]) => `${n} ${r.skipped ? "skipped" : `${(r.ms / 1000).toFixed(0)} s${r.ok ? "" : " FAILED"}`}`).join(" · ")} · preparing ${(prepareMs / 1000).toFixed(0)} s · total ${((Date.now() - startedMs) / 1000).toFixed(0)} s`);
console.log(`wrote ${path.relative(root, file)}`);
if (checksFailed.length) {
  console.log(`\ncorrectness checks failed: ${checksFailed.join("; ")}`);
  process.exitCode = 1;
}
