import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { databaseUrl, ensureDatabase, migrate, seed, startServer, type Server } from "@/scripts/database";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";
import { assertBuilt, distDir, sleep, startApp, waitFor, type AppServer } from "./helpers";

// Faults without data loss (docs/decisions/016-faults.md). PostgreSQL is restarted while API
// clients keep submitting work orders to the production server (real HTTP, `next start`):
// - every submission that got a 2xx is in the database afterwards, exactly once per Idempotency-Key;
// - every other answer is 503 UNAVAILABLE with a Chinese, retryable message and Retry-After (no 500s,
//   and the server process is never unreachable);
// - the server recovers by itself: the first 2xx comes < 10 s after PostgreSQL accepts connections;
// - a failed submission retried with its Idempotency-Key succeeds and is then stored exactly once;
// - the background jobs resume: a cron tick runs after the restart, and the overdue escalation
//   handles a due order exactly once however many times it runs.
// PostgreSQL here is always an embedded one of its own (.data/pg-fault), never the machine's.
//
// Env: FAULT_SUBMITTERS (default 16) concurrent clients; FAULT_SECONDS (default 5) seconds of
// submitting after each restart; FAULT_RESTARTS (default 1); NEXT_DIST_DIR the build to serve.

const SUBMITTERS = Number(process.env.FAULT_SUBMITTERS ?? 16);
const SECONDS_AFTER = Number(process.env.FAULT_SECONDS ?? 5);
const RESTARTS = Number(process.env.FAULT_RESTARTS ?? 1);
const PG_PORT = Number(process.env.FAULT_PG_PORT ?? 54341);
const APP_PORT = Number(process.env.FAULT_APP_PORT ?? 3301);
const DATABASE = "portal_fault";
/** seconds of submitting before the (first) restart */
const LEAD_SECONDS = 3;
/** how long PostgreSQL stays down */
const DOWN_MS = 2_000;
const RECOVERY_LIMIT_MS = 10_000;

const run = Date.now().toString(36);
const body = (key: string, n: number) => ({
  channel: "HOTLINE_12348",
  type: "CONSULTATION",
  regionCode: "369901001001",
  requester: { name: "故障演练", phone: `139${String(n % 1e8).padStart(8, "0")}` },
  subject: `故障演练 ${key}`,
  description: "数据库重启期间的提交，用于验证不丢数据。",
});

type Attempt = {
  key: string;
  n: number;
  startedAt: number;
  endedAt: number;
  status: number | null; // null: no HTTP answer at all
  code?: string;
  message?: string;
  retryAfter?: string | null;
  number?: string;
  networkError?: string;
};

let pgServer: Server;
let app: AppServer;
let url: string;
/** the test's own reads; a pool, so connections cut by the restart are replaced */
let sql: pg.Pool;
const testStartedAt = new Date();

async function submit(key: string, n: number): Promise<Attempt> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${app.baseUrl}/api/v1/work-orders`, {
      method: "POST",
      headers: { authorization: `Bearer ${DEMO_API_TOKEN}`, "idempotency-key": key, "content-type": "application/json" },
      body: JSON.stringify(body(key, n)),
      signal: AbortSignal.timeout(60_000),
    });
    const json = (await response.json().catch(() => ({}))) as { number?: string; error?: { code?: string; message?: string } };
    return {
      key, n, startedAt, endedAt: Date.now(), status: response.status,
      code: json.error?.code, message: json.error?.message, number: json.number, retryAfter: response.headers.get("retry-after"),
    };
  } catch (error) {
    return { key, n, startedAt, endedAt: Date.now(), status: null, networkError: String((error as Error).cause ?? error) };
  }
}

/** `count` clients, each submitting one order after another until `stop.now`. */
function submitters(count: number, attempts: Attempt[], stop: { now: boolean }) {
  let next = 0;
  return Promise.all(
    Array.from({ length: count }, async () => {
      while (!stop.now) {
        const n = next++;
        attempts.push(await submit(`fault-${run}-${n}`, n));
      }
    }),
  );
}

/**
 * Retries like a well-behaved client: as many at a time as there were submitters, and a 503 is
 * retried after its Retry-After (the database is back, but a burst can still find every
 * connection busy for longer than the server waits for one).
 */
async function retryAll(failed: Attempt[]): Promise<Attempt[]> {
  const queue = [...failed];
  const results: Attempt[] = [];
  await Promise.all(
    Array.from({ length: SUBMITTERS }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        let r = await submit(a.key, a.n);
        for (let i = 0; r.status === 503 && i < 3; i++) {
          await sleep(Number(r.retryAfter ?? 2) * 1000);
          r = await submit(a.key, a.n);
        }
        results.push(r);
      }
    }),
  );
  return results;
}

beforeAll(async () => {
  assertBuilt();
  pgServer = await startServer({ folder: "pg-fault", port: PG_PORT, embedded: true });
  await ensureDatabase(pgServer, DATABASE, { fresh: true });
  url = databaseUrl(pgServer, DATABASE);
  migrate(url);
  const secrets = { AUTH_SECRET: "fault-secret-fault-secret-fault-secret", DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
  // The child processes get this environment only: not vitest's (NODE_ENV=test, JOBS_DISABLED=1, its DATABASE_URL).
  const { JOBS_DISABLED: _j, DATABASE_URL: _d, NODE_ENV: _n, ...inherited } = process.env;
  seed({ ...inherited, ...secrets, DATABASE_URL: url, NODE_ENV: "development" });
  app = await startApp(
    {
      ...inherited,
      ...secrets,
      NODE_ENV: "production",
      DATABASE_URL: url,
      AUTH_TRUST_HOST: "true",
      NEXT_DIST_DIR: distDir(),
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // pg-boss checks its cron schedules every 2 s instead of 30 (lib/jobs/boss.ts), so the
      // every-minute jobs run within seconds of the minute.
      JOBS_CRON_MONITOR_SECONDS: "2",
    },
    APP_PORT,
  );
  sql = new pg.Pool({ connectionString: url, max: 2 });
  sql.on("error", () => {}); // an idle connection cut by the restart; the pool drops it
}, 240_000);

afterAll(async () => {
  await sql?.end().catch(() => {});
  await app?.stop();
  await pgServer?.stop();
}, 60_000);

describe("PostgreSQL restarts while submissions flow", () => {
  const attempts: Attempt[] = [];
  const restarts: { downAt: number; upAt: number; recoveryMs: number }[] = [];
  let probes: Awaited<ReturnType<typeof probeWhileDown>> | undefined;

  test("no accepted submission is lost, failures are 503 and retryable, the app recovers by itself", async () => {
    const stop = { now: false };
    const flowing = submitters(SUBMITTERS, attempts, stop);
    try {
      await sleep(LEAD_SECONDS * 1000);
      for (let i = 0; i < RESTARTS; i++) {
        const downAt = Date.now();
        await pgServer.down!(); // fast shutdown: open sessions are cut off mid-transaction
        const downFor = sleep(DOWN_MS);
        if (i === 0) probes = await probeWhileDown();
        await downFor;
        await pgServer.up!(); // resolves on "ready to accept connections"
        const upAt = Date.now();
        await sleep(SECONDS_AFTER * 1000);
        const firstSuccess = Math.min(...attempts.filter((a) => a.status === 201 && a.endedAt >= upAt).map((a) => a.endedAt));
        restarts.push({ downAt, upAt, recoveryMs: firstSuccess - upAt });
      }
    } finally {
      stop.now = true;
      await flowing;
    }

    const ok = attempts.filter((a) => a.status === 201);
    const failed = attempts.filter((a) => a.status !== 201);
    const unavailable = failed.filter((a) => a.status === 503);
    console.log(
      `[fault] submitters=${SUBMITTERS} restarts=${RESTARTS} submissions=${attempts.length} successes=${ok.length} ` +
        `503=${unavailable.length} other=${failed.length - unavailable.length} ` +
        `recovery=${restarts.map((r) => (r.recoveryMs / 1000).toFixed(2) + "s").join(",")} page-while-down=${probes?.page.status}`,
    );
    if (failed.length !== unavailable.length) console.log(app.logTail());

    // The server process answered every request (a connection error would mean it crashed or hung).
    expect(attempts.filter((a) => a.status === null)).toEqual([]);
    expect(app.exited()).toBe(false);
    // No connection error escaped as an uncaught exception (Next logs and survives those; a plain
    // Node process would not).
    expect(app.log().match(/uncaughtException.*/g) ?? []).toEqual([]);
    // The outage was real: some submissions did fail during it (else this test proved nothing).
    expect(unavailable.length).toBeGreaterThan(0);
    // Every failure is the retryable 503, never a 500 or another code.
    expect(failed.map((a) => a.status).filter((s) => s !== 503)).toEqual([]);
    for (const a of unavailable) {
      expect(a.code).toBe("UNAVAILABLE");
      expect(a.message).toMatch(/[\u4e00-\u9fff]/);
      expect(a.message).toContain("重试");
      expect(a.retryAfter).toBe("2");
    }
    // While it is down, the health check says so (a load balancer's signal) and a page shows the
    // friendly notice (app/error.tsx or app/global-error.tsx), not Next's bare error screen.
    expect(probes?.health).toEqual({ status: 503, code: "UNAVAILABLE", retryAfter: "2" });
    expect(probes?.page).toMatchObject({ renderFailed: true, notice: true });

    // Recovery without anyone's help, within seconds.
    for (const r of restarts) {
      expect(Number.isFinite(r.recoveryMs)).toBe(true);
      expect(r.recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);
    }

    // Every success is in the database, once.
    const stored = await storedByKey();
    for (const a of ok) expect(stored.get(a.key), a.key).toEqual([a.number]);

    // The failed ones, retried with the same Idempotency-Key, succeed — and are then stored exactly
    // once (a failure whose COMMIT had in fact gone through replays the stored order).
    const retried = await retryAll(failed);
    expect(retried.filter((r) => r.status !== 201)).toEqual([]);
    console.log(`[fault] retried ${retried.length} failed submissions with their Idempotency-Key: ${retried.filter((r) => r.status === 201).length} stored`);
    const after = await storedByKey();
    expect(after.size).toBe(attempts.length);
    for (const r of retried) expect(after.get(r.key), r.key).toEqual([r.number]);
    for (const a of ok) expect(after.get(a.key), a.key).toEqual([a.number]);
  }, 300_000);

  test("background jobs resume after the restart and run a due item exactly once", async () => {
    const upAt = restarts.at(-1)?.upAt;
    expect(upAt).toBeDefined();

    // Cron: an every-minute job (the outbox delivery) scheduled after the restart runs to the end —
    // the clock and the workers came back by themselves.
    await waitFor("a notify.deliver tick scheduled after the restart completed", 100_000, async () => {
      const { rows } = await sql.query(
        `SELECT id FROM pgboss.job WHERE name = 'notify.deliver' AND state = 'completed' AND created_on > $1 LIMIT 1`,
        [new Date(upAt!)],
      );
      return rows[0];
    }, 1_000);
    // No job that was running when PostgreSQL went down is left holding its queue (lib/jobs/boss.ts
    // runs an interrupted job again once the database is back, instead of failing it unrecorded).
    const { rows: stuck } = await sql.query(
      `SELECT name, started_on FROM pgboss.job WHERE name NOT LIKE '__pgboss__%' AND state = 'active' AND started_on < $1`,
      [new Date(upAt!)],
    );
    expect(stuck).toEqual([]);
    // …and the outbox sent each of this run's messages at most once (a send counted twice would
    // mean a message was picked up by two runs).
    const { rows: outbox } = await sql.query(
      `SELECT status::text, attempts, count(*)::int AS n, max("sentAt") AS "lastSentAt" FROM "Notification"
       WHERE channel = 'SMS' AND body LIKE '%已登记，编号%' AND "createdAt" >= $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [testStartedAt],
    );
    expect(outbox.filter((r) => !(r.status === "SENT" && r.attempts === 1) && !(r.status === "PENDING" && r.attempts === 0))).toEqual([]);
    const sent = outbox.find((r) => r.status === "SENT");
    expect(sent?.lastSentAt?.getTime()).toBeGreaterThan(upAt!);

    // Deadline: one of the orders submitted through the restart becomes overdue. The overdue
    // escalation job (pg-boss queue workOrders.escalateOverdue; its cron is every 5 minutes, so the
    // test sends the same job the tick would) escalates it once; another run changes nothing.
    const { rows: [order] } = await sql.query(
      `UPDATE "WorkOrder" SET "dueAt" = now() - interval '1 hour'
       WHERE id = (SELECT id FROM "WorkOrder" WHERE subject LIKE $1 ORDER BY id DESC LIMIT 1) RETURNING id, number`,
      [`故障演练 fault-${run}-%`],
    );
    expect(order).toBeDefined();
    const boss = new PgBoss({ connectionString: url, schema: "pgboss", supervise: false, schedule: false, migrate: false });
    boss.on("error", () => {});
    await boss.start();
    try {
      for (const tick of [1, 2]) {
        // "stately" queue: a send while a job still waits returns null; try again.
        const id = await waitFor(`send escalateOverdue #${tick}`, 30_000, async () => (await boss.send("workOrders.escalateOverdue", {})) ?? undefined);
        const job = await waitFor(`escalateOverdue #${tick} done`, 30_000, async () => {
          const j = await boss.getJobById("workOrders.escalateOverdue", id);
          return j && ["completed", "failed"].includes(j.state) ? j : undefined;
        });
        expect(job.state, JSON.stringify(job.output)).toBe("completed");
        const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "WorkOrderEvent" WHERE "workOrderId" = $1 AND kind = 'ESCALATED'`, [order.id]);
        expect(rows[0].n, `after run ${tick}`).toBe(1);
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const { rows: [escalated] } = await sql.query(`SELECT "overdueEscalatedAt" FROM "WorkOrder" WHERE id = $1`, [order.id]);
    expect(escalated.overdueEscalatedAt).not.toBeNull();
  }, 180_000);
});

/** What the health check and a public page that reads the database answer while PostgreSQL is down. */
async function probeWhileDown() {
  const health = await fetch(`${app.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
  const json = (await health.json().catch(() => ({}))) as { error?: { code?: string } };
  const page = await fetch(`${app.baseUrl}/service-points`, { signal: AbortSignal.timeout(10_000) });
  const html = await page.text();
  // The page's render failed: Next streams the error (its digest) and the browser renders the
  // error boundary from the page's scripts. Without a browser here, check both halves: the error
  // is in the payload, and one of the page's scripts is our notice.
  const scripts = [...new Set(html.match(/\/_next\/static\/chunks\/[\w.-]+\.js/g) ?? [])];
  const code = await Promise.all(scripts.map((src) => fetch(`${app.baseUrl}${src}`).then((r) => r.text())));
  return {
    health: { status: health.status, code: json.error?.code, retryAfter: health.headers.get("retry-after") },
    page: {
      status: page.status,
      renderFailed: html.includes('E{\\"digest\\"'),
      notice: code.some((c) => c.includes("系统暂时无法访问，请稍后刷新")),
    },
  };
}

/** Idempotency-Key → the numbers of the work orders stored for it (this run's orders only). */
async function storedByKey(): Promise<Map<string, string[]>> {
  const { rows } = await sql.query<{ subject: string; number: string }>(
    `SELECT subject, number FROM "WorkOrder" WHERE subject LIKE $1 ORDER BY id`,
    [`故障演练 fault-${run}-%`],
  );
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const key = r.subject.slice("故障演练 ".length);
    byKey.set(key, [...(byKey.get(key) ?? []), r.number]);
  }
  return byKey;
}
