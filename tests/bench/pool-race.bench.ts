import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import { databaseName, localDatabaseUrl } from "./local-database";
import { root, startPortal, type BenchServer } from "./processes";

// `tsx tests/bench/pool-race.bench.ts [--lawyers 100]` (npm run bench:pool): the 点援 pool race
// over HTTP. One legal-aid case of 青溪区 is put in the pool the way the app does it (taken in at
// the county centre with one chosen lawyer, approved by the officer, the offer lapses, the timer
// opens the pool); N lawyers who may all take it are created; then N signed-in lawyers POST
// /api/v1/legal-aid/pool/{number}/accept at the same moment against `next start` of the
// production build. Exactly one must win (200), the others get 409 「已被其他律师接单」, nothing
// else; one assignment row; one SUCCESS audit row. Reports the time until every answer is in.
//
// The lawyers' sessions are made as sign-in makes them (a UserSession row, and the Auth.js JWT
// cookie that names it, encrypted with AUTH_SECRET), not through the password form: N bcrypt checks
// would time sign-in, not the race. DATABASE_URL: a seeded demo city that may be written to.
// Writes results/pool-race-<YYYY-MM-DD>.json (or BENCH_RESULTS_DIR). A slow settle fails nothing;
// any outcome but exactly one winner exits 1.

const { values: args } = parseArgs({
  options: {
    lawyers: { type: "string", default: "100" },
    port: { type: "string", default: "3320" },
    /** a portal already running on the same DATABASE_URL and AUTH_SECRET */
    "base-url": { type: "string" },
    "dist-dir": { type: "string", default: process.env.NEXT_DIST_DIR || ".next" },
  },
});
const LAWYERS = Number(args.lawyers);

const url = localDatabaseUrl();
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
process.env.LOG_LEVEL ??= "warn";
const AUTH_SECRET = process.env.AUTH_SECRET;
const COOKIE = "authjs.session-token"; // Auth.js's cookie name on http (the salt of its JWT too)

const { db } = await import("@/lib/db");
const { execute } = await import("@/lib/api/use-case");
const { actorForUser } = await import("@/lib/auth/actor");
const { startSession } = await import("@/lib/auth/sessions");
const { takeInLegalAidApplication } = await import("@/lib/legal-aid/apply");
const { approveApplication } = await import("@/lib/legal-aid/review");
const { expireOffers } = await import("@/lib/legal-aid/offers");
const { idNumberCheckChar } = await import("@/lib/identity/id-number");

const runId = Date.now().toString(36);
const meta = { ip: "127.0.0.1", userAgent: "pool-race-bench" };
const must = <T>(r: { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: unknown }): T => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
};
const actorOf = async (username: string) => {
  const u = await db.user.findUnique({ where: { username }, select: { id: true } });
  const a = u && (await actorForUser(db, u.id));
  if (!a) throw new Error(`${databaseName(url)} has no demo account ${username}: migrate and seed it first`);
  return a;
};

let exitCode = 0;
let server: BenchServer | null = null;
try {
  // ─── the crowd: N lawyers of a new firm, all serving 青溪区, labour cases, room for more ───
  const county = await db.region.findFirstOrThrow({ where: { code: "369901000000" }, select: { id: true } });
  const t0 = performance.now();
  const firm = await db.lawFirm.create({ data: { name: `压测律师事务所 ${runId}`, regionId: county.id, address: "青溪区压测路 1 号", phone: "0797-0000000" } });
  const makeLawyer = (i: number | "chosen") =>
    db.user.create({
      select: { id: true, name: true },
      data: {
        name: `抢单律师${i}`,
        username: `bench.${runId}.lawyer${i}`,
        passwordHash: "$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva", // cannot sign in with a password
        memberships: { create: { role: "LAWYER" } },
        lawyerProfile: {
          create: {
            firmId: firm.id,
            licenceNumber: `9${runId}${String(i === "chosen" ? 9999 : i).padStart(5, "0")}`.slice(0, 20),
            practiceSinceYear: 2015,
            expertise: ["LABOUR"],
            concurrentCaseCap: 5,
            serviceRegions: { connect: [{ id: county.id }] },
          },
        },
      },
    });
  const crowd: { id: number; name: string }[] = [];
  for (let i = 0; i < LAWYERS; i++) crowd.push(await makeLawyer(i));
  const chosen = await makeLawyer("chosen");

  // ─── the case: taken in at the centre with one chosen lawyer, approved, the offer lapses → pool ───
  const staff = await actorOf("staff.centre");
  const officer = await actorOf("officer");
  const first17 = `36990119790312${String(Date.now() % 1000).padStart(3, "0")}`;
  const { number } = must(
    await execute(takeInLegalAidApplication, {
      channel: "WALK_IN",
      applicant: { name: "陈秀兰", idNumber: first17 + idNumberCheckChar(first17), phone: "13912340001", address: "文昌社区 3 组 12 号", regionCode: "369901001001" },
      matter: { category: "LABOUR", facts: "在工地干了半年，老板拖欠工资 2 万元。", opposingParty: `某建筑劳务公司 ${runId}` },
      aidForm: "LABOUR_ARBITRATION",
      economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2400, householdSize: 3, signed: true } },
      consent: { personalInfo: true },
      lawyerChoices: [String(chosen.id)],
    }, staff, meta),
  );
  must(await execute(approveApplication, { number }, officer, meta));
  const application = await db.legalAidApplication.findFirstOrThrow({ where: { workOrder: { number } }, select: { id: true } });
  await db.legalAidOffer.updateMany({ where: { applicationId: application.id, status: "PENDING" }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await expireOffers(db, new Date());
  const opened = await db.legalAidApplication.findUniqueOrThrow({ where: { id: application.id }, select: { poolOpenedAt: true, lawyerUserId: true } });
  if (!opened.poolOpenedAt || opened.lawyerUserId) throw new Error(`case ${number} did not reach the pool`);

  // ─── the lawyers' sessions ───
  const cookies: string[] = [];
  for (const l of crowd) {
    const sid = await startSession(db, l.id, meta);
    const jwt = await encode({ token: { sub: String(l.id), name: l.name, uid: l.id, sid }, secret: AUTH_SECRET, salt: COOKIE });
    cookies.push(`${COOKIE}=${jwt}`);
  }
  const setupMs = Math.round(performance.now() - t0);
  console.log(`pool race on ${databaseName(url)}: case ${number} in the pool, ${LAWYERS} lawyers signed in (setup ${setupMs} ms)`);

  // ─── the race ───
  if (!args["base-url"]) server = await startPortal({ port: Number(args.port), distDir: args["dist-dir"], env: { DATABASE_URL: url, AUTH_SECRET } });
  const base = args["base-url"] ?? server!.baseUrl;
  const accept = (n: string, cookie: string) => fetch(`${base}/api/v1/legal-aid/pool/${n}/accept`, { method: "POST", headers: { cookie, "user-agent": "pool-race-bench" } });
  // warm the route (its module loads on first use) with a number that is not in the pool: 404
  const warm = await accept("369901-20000101-0000000", cookies[0]);
  if (warm.status !== 404) throw new Error(`warm-up: expected 404 for a case not in the pool, got ${warm.status} ${await warm.text()}`);

  const started = performance.now();
  const answers = await Promise.all(
    cookies.map(async (cookie, i) => {
      const res = await accept(number, cookie).catch((e: Error) => ({ status: 0, json: async () => ({ error: { message: e.message } }) }));
      const ms = performance.now() - started;
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      return { lawyer: crowd[i].id, status: res.status, ms, code: body.error?.code, message: body.error?.message };
    }),
  );
  const settleMs = Math.round(performance.now() - started);

  // ─── the outcome ───
  const byStatus: Record<string, number> = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const winners = answers.filter((a) => a.status === 200 || a.status === 201);
  const conflicts = answers.filter((a) => a.status === 409 && a.message === "已被其他律师接单");
  const others = answers.length - winners.length - conflicts.length;
  const after = await db.legalAidApplication.findUniqueOrThrow({
    where: { id: application.id },
    select: { status: true, lawyerUserId: true, assignedVia: true, _count: { select: { assignments: true } } },
  });
  const audit = await db.auditEvent.groupBy({
    by: ["result"],
    where: { action: "legalAid.takeFromPool", targetType: "LegalAidApplication", targetId: number },
    _count: true,
  });
  const auditByResult = Object.fromEntries(audit.map((a) => [a.result, a._count]));
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  const checks = {
    oneWinner: winners.length === 1,
    othersConflict: conflicts.length === LAWYERS - 1,
    noErrors: others === 0,
    oneAssignmentRow: after._count.assignments === 1,
    caseAssignedToWinner: after.status === "ASSIGNED" && after.assignedVia === "POOL" && after.lawyerUserId === winners[0]?.lawyer,
    oneSuccessAuditRow: (auditByResult.SUCCESS ?? 0) === 1,
  };
  const ok = Object.values(checks).every(Boolean);
  if (!ok) exitCode = 1;

  const report = {
    benchmark: "pool-race",
    at: new Date().toISOString(),
    database: databaseName(url),
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: Math.round(os.loadavg()[0] * 100) / 100 },
    method: "N concurrent POST /api/v1/legal-aid/pool/{number}/accept over HTTP, one session each, fired together (fetch, one connection each)",
    lawyers: LAWYERS,
    case: number,
    setupMs,
    settleMs,
    firstAnswerMs: Math.round(times[0]),
    winnerAnswerMs: Math.round(winners[0]?.ms ?? NaN),
    medianAnswerMs: Math.round(times[Math.floor(times.length / 2)]),
    byStatus,
    auditByResult,
    assignments: after._count.assignments,
    checks,
    ok,
    unexpected: answers.filter((a) => !(a.status === 200 || a.status === 201 || (a.status === 409 && a.message === "已被其他律师接单"))).slice(0, 5),
  };
  const dir = process.env.BENCH_RESULTS_DIR ?? path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pool-race-${report.at.slice(0, 10)}.json`);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);

  console.log(`  answers by status: ${Object.entries(byStatus).map(([s, n]) => `${s} × ${n}`).join(", ")}`);
  console.log(`  settled in ${settleMs} ms (first answer ${report.firstAnswerMs} ms, the winner's ${report.winnerAnswerMs} ms, median ${report.medianAnswerMs} ms)`);
  for (const [k, v] of Object.entries(checks)) console.log(`  ${v ? "✓" : "✗"} ${k}`);
  if (report.unexpected.length) console.log(`  unexpected answers: ${JSON.stringify(report.unexpected)}`);
  console.log(`wrote ${path.relative(root, file)}`);
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  exitCode = 1;
} finally {
  await server?.stop();
  await db.$disconnect();
}
process.exitCode = exitCode;
