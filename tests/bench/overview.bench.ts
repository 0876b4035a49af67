import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseName, localDatabaseUrl } from "./local-database";
import { sample, stats, type Stats } from "./measure";

// `tsx tests/bench/overview.bench.ts [--scale 1] [--years 5]`: times the leaders' overview for the
// whole city over the data's years (getIndicators through `execute`, as the page and the API call
// it) against the direct SQL recount over the raw rows (recountAll, the definition the roll-ups must
// equal) in the same run, and a few other views (a county, a township, a ragged custom period, a
// tier filter, one service point). Before timing it checks that the overview's counts equal the
// recount. Writes tests/bench/results/overview-<scale>-<YYYY-MM-DD>.json and prints a table; with
// --scale 10 it also reports the overview against the latest scale-1 result (target ≤ 1.5 ×).
// Not a test: nothing fails on a slow figure.

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    years: { type: "string", default: "5" },
    iterations: { type: "string", default: "20" },
    /** the raw recount is slow at scale; it is timed fewer times */
    "raw-iterations": { type: "string", default: "5" },
  },
});
const ITERATIONS = Number(args.iterations);
const RAW_ITERATIONS = Number(args["raw-iterations"]);
const WARMUP = 2;

const url = localDatabaseUrl();
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");
process.env.LOG_LEVEL ??= "warn";

const { db } = await import("@/lib/db");
const { execute } = await import("@/lib/api/use-case");
type AnyUseCase = import("@/lib/api/use-case").AnyUseCase;
const { getIndicators } = await import("@/lib/stats/indicators");
const { indicatorRanking, indicatorTrend } = await import("@/lib/stats/dashboard");
const { recountAll } = await import("@/lib/stats/counts");
const { countsFor, refreshRollups } = await import("@/lib/stats/rollup");
const { shanghaiDate, addDays } = await import("@/lib/calendar/working-days");
const { PrismaClient } = await import("@/lib/generated/prisma/client");
const { PrismaPg } = await import("@prisma/adapter-pg");
// The baseline recount runs on the server's own settings (JIT as configured), not on the app's
// pool, which switches JIT off (lib/db.ts): a long recount is where JIT may help.
const baselineDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
type IsoDate = ReturnType<typeof shanghaiDate>;

async function time(label: string, iterations: number, run: () => Promise<unknown>): Promise<Stats & { n: number }> {
  const s = { ...stats(await sample(run, { warmup: WARMUP, iterations })), n: iterations };
  console.log(`  ${label.padEnd(44)} p50 ${String(s.p50).padStart(9)} ms   p95 ${String(s.p95).padStart(9)} ms`);
  return s;
}

const meta = { ip: null, userAgent: "bench" };
const city = await db.region.findFirstOrThrow({ where: { parentId: null }, select: { id: true, code: true, path: true, level: true } });
const county = await db.region.findFirstOrThrow({ where: { parentId: city.id }, orderBy: { code: "asc" }, select: { code: true, path: true, level: true } });
const township = await db.region.findFirstOrThrow({ where: { parent: { code: county.code } }, orderBy: { code: "asc" }, select: { code: true, path: true, level: true } });
const station = await db.organization.findFirstOrThrow({ where: { tier: "STATION", region: { code: township.code } }, select: { id: true } });
// the demo city's leader (seeded by prisma/seed.ts)
const leaderUser = await db.user.findFirstOrThrow({ where: { username: process.env.BENCH_LEADER ?? "leader.city" }, select: { id: true } });
const { actorForUser } = await import("@/lib/auth/actor");
const leader = (await actorForUser(db, leaderUser.id))!;

// the data's years: whole calendar years ending with the current one (as a leader would pick them)
const today = shanghaiDate(new Date());
const years = Number(args.years);
const from = `${Number(today.slice(0, 4)) - years + 1}-01-01` as IsoDate;
const to = `${today.slice(0, 4)}-12-31` as IsoDate;
const orders = Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "WorkOrder"`))[0].n);
console.log(`overview bench on ${databaseName(url)}: ${orders.toLocaleString("en")} work orders, ${from} – ${to}, scale ${args.scale}`);

// bring the roll-ups up to date first (after a bulk load this is the full rebuild), and time it
const t0 = performance.now();
const refreshedDays = await refreshRollups(db);
const refreshMs = Math.round(performance.now() - t0);
console.log(`  refresh: ${refreshedDays} days recomputed in ${refreshMs} ms`);
const rows = Object.fromEntries(
  await Promise.all(["WorkOrder", "StatsDay", "StatsMonth", "StatsMonthTotal", "StatsMonthCounty", "StatsRecipientDay"].map(async (t) => [t, Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`))[0].n)])),
);

// the overview must be exactly the recount before its speed means anything
const scope = { regionPath: city.path, level: city.level, from, to };
const [viaRollups, raw] = [await countsFor(db, scope), await recountAll(baselineDb, scope)];
const mismatched = Object.keys(raw).filter((k) => (raw as Record<string, number>)[k] !== (viaRollups as Record<string, number>)[k]);
if (mismatched.length) throw new Error(`roll-ups differ from the recount: ${mismatched.join(", ")}`);
console.log(`  roll-ups equal the recount for the city (${Object.keys(raw).length} counts)`);

const ok = (uc: unknown) => async (input: Record<string, unknown>) => {
  const r = await execute(uc as AnyUseCase, input, leader, meta);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
};
const overviewOk = ok(getIndicators);
const ragged = { from: addDays(from, 45), to: addDays(to, -200) };
const results = {
  rawRecount: await time("direct SQL recount, city, all years", RAW_ITERATIONS, () => recountAll(baselineDb, scope)),
  overview: await time("overview (getIndicators), city, all years", ITERATIONS, () => overviewOk({ from, to })),
  // the first read after an approval anywhere in the city: the distinct recipients are counted
  // again (each run moves the recipients' version, as a refresh after an approval does; the
  // UPDATE is part of the timed run, well under a millisecond)
  overviewAfterApproval: await time("overview, city, first read after an approval", ITERATIONS, async () => {
    await db.$executeRawUnsafe(`UPDATE "StatsVersion" SET recipients = recipients + 1 WHERE id = 1`);
    await overviewOk({ from, to });
  }),
  overviewCounty: await time("overview, one county, all years", ITERATIONS, () => overviewOk({ region: county.code, from, to })),
  overviewTownship: await time("overview, one township, all years", ITERATIONS, () => overviewOk({ region: township.code, from, to })),
  overviewRagged: await time(`overview, city, ${ragged.from} – ${ragged.to}`, ITERATIONS, () => overviewOk(ragged)),
  overviewTier: await time("overview, city, all years, tier=ROOM", ITERATIONS, () => overviewOk({ tier: "ROOM", from, to })),
  overviewServicePoint: await time("overview, one station (from the records)", ITERATIONS, () => overviewOk({ region: township.code, org: station.id, from, to })),
  rankingCounties: await time("ranking: the city's counties, all years", ITERATIONS, () => ok(indicatorRanking)({ indicatorId: "workOrders.onTimeRate", from, to })),
  rankingTownships: await time("ranking: a county's townships, all years", ITERATIONS, () => ok(indicatorRanking)({ region: county.code, indicatorId: "workOrders.onTimeRate", from, to })),
  trendCity: await time("trend: the city, last 24 months", ITERATIONS, () => ok(indicatorTrend)({ indicatorId: "mediation.successRate", from: addDays(to, -730), to })),
};
const ratio = Math.round((results.overview.p95 / results.rawRecount.p95) * 1000) / 1000;
console.log(`\n  overview p95 ÷ raw recount p95 = ${ratio}  (target ≤ 0.1)`);

const dir = process.env.BENCH_RESULTS_DIR ?? path.join(import.meta.dirname, "results"); // run-all --smoke writes elsewhere
fs.mkdirSync(dir, { recursive: true });
let scaleRatio: number | null = null;
if (args.scale !== "1") {
  const base = fs.readdirSync(dir).filter((f) => f.startsWith("overview-1-")).sort().at(-1);
  if (base) {
    const prev = JSON.parse(fs.readFileSync(path.join(dir, base), "utf8"));
    scaleRatio = Math.round((results.overview.p95 / prev.results.overview.p95) * 100) / 100;
    console.log(`  overview p95 at scale ${args.scale} ÷ at scale 1 (${base}) = ${scaleRatio}  (target ≤ 1.5)`);
  }
}
const file = path.join(dir, `overview-${args.scale}-${today}.json`);
fs.writeFileSync(
  file,
  JSON.stringify({
    date: new Date().toISOString(), database: databaseName(url), scale: Number(args.scale), period: { from, to }, rows,
    refresh: { days: refreshedDays, ms: refreshMs }, machine: { cpus: os.cpus().length, node: process.version },
    results, ratio: { overviewToRawP95: ratio, target: 0.1 }, scaleRatio: scaleRatio === null ? null : { overviewP95: scaleRatio, target: 1.5 },
  }, null, 2) + "\n",
);
console.log(`  written to ${path.relative(process.cwd(), file)}`);
await db.$disconnect();
await baselineDb.$disconnect();
