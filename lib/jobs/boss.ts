import PgBoss from "pg-boss";
import { db as processDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { isTransientDatabaseError } from "@/lib/db-errors";
import { deliverPendingNotifications } from "@/lib/notify/deliver";
import { escalateOverdueWorkOrders } from "@/lib/work-orders/escalate-overdue";
import { withdrawExpiredApplications } from "@/lib/legal-aid/expire-materials";
import { expireOffers } from "@/lib/legal-aid/offers";
import { sendMediationReminders } from "@/lib/mediation/reminders";
import { refreshRollups } from "@/lib/stats/rollup";
import { purgeLookupCodes } from "@/lib/tracking/purge";
import { anonymiseExpired } from "@/lib/personal-data/retention";
import { archiveAuditEvents } from "@/lib/audit/archive";

// Background jobs on pg-boss (docs/decisions/004): the queue lives in the application's own
// PostgreSQL (schema "pgboss"), so there is no other service to run. pg-boss turns each cron tick
// into one job however many processes run, and hands each job to one worker.

type JobDefinition = {
  cron: string;
  /** pg-boss gives up on a run after this long (the next tick starts a new one) */
  expireInSeconds: number;
  run: (db: Db) => Promise<unknown>;
};

export const JOBS = {
  /** send what waits in the notification outbox */
  "notify.deliver": {
    cron: "* * * * *",
    expireInSeconds: 240,
    run: (db: Db) => deliverPendingNotifications(db),
  },
  /** escalate work orders past their deadline (once per owner) */
  "workOrders.escalateOverdue": {
    cron: "*/5 * * * *",
    expireInSeconds: 240,
    run: (db: Db) => escalateOverdueWorkOrders(db, new Date()),
  },
  /** legal-aid applications not supplied by the one-time materials request's deadline count as withdrawn */
  "legalAid.withdrawExpired": {
    cron: "*/30 * * * *",
    expireInSeconds: 240,
    run: (db: Db) => withdrawExpiredApplications(db, new Date()),
  },
  /** 点援制: offers past their deadline lapse and go to the next choice; untaken pools go back to the officer */
  "legalAid.expireOffers": {
    cron: "* * * * *",
    expireInSeconds: 50,
    run: (db: Db) => expireOffers(db, new Date()),
  },
  /** 人民调解: warn before the court-confirmation window closes; remind the committee of the 履行回访 on the performance date */
  "mediation.reminders": {
    cron: "0 8 * * *",
    expireInSeconds: 600,
    run: (db: Db) => sendMediationReminders(db, new Date()),
  },
  /** 指标: recompute the roll-ups of the days written since the last refresh, so dashboards rarely wait for it */
  "stats.refreshRollups": {
    cron: "* * * * *",
    expireInSeconds: 600,
    run: (db: Db) => refreshRollups(db),
  },
  /** 查进度: one-time codes older than a day are deleted (they expire after 10 minutes) */
  "progress.purgeCodes": {
    cron: "30 3 * * *",
    expireInSeconds: 300,
    run: (db: Db) => purgeLookupCodes(db, new Date()),
  },
  /** 审计日志: events older than AUDIT_RETENTION_MONTHS (≥ 6) move to the archive, which stays searchable */
  "audit.archive": {
    cron: "45 2 * * *",
    expireInSeconds: 3_600,
    run: (db: Db) => archiveAuditEvents(db, { now: new Date(), retentionMonths: env().AUDIT_RETENTION_MONTHS }),
  },
  /** 个人信息保存期限: closed records past DATA_RETENTION_YEARS lose their personal data; the counted fields stay */
  "personalData.retention": {
    cron: "15 2 * * *",
    expireInSeconds: 3600,
    run: (db: Db) => anonymiseExpired(db, { now: new Date(), retention: env().DATA_RETENTION_YEARS }),
  },
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobResult<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]["run"]>>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Runs a job's handler right here and now (tests, an admin's "run now"): the same function the worker calls, not through the queue. */
export async function runJobNow<N extends JobName>(name: N, client: Db = processDb): Promise<JobResult<N>> {
  const job: JobDefinition | undefined = JOBS[name];
  if (!job) throw new Error(`unknown job "${String(name)}"`);
  return (await job.run(client)) as JobResult<N>;
}

export type StartJobsOptions = {
  /** defaults to DATABASE_URL */
  connectionString?: string;
  /** create the cron schedules and run pg-boss's clock (default true; tests send jobs by hand) */
  schedule?: boolean;
  /** stop pg-boss on SIGTERM/SIGINT (default true) */
  stopOnSignals?: boolean;
  /** the client the handlers use (default the process client) */
  db?: Db;
};

export const JOBS_SCHEMA = "pgboss";

// One instance per process, kept on globalThis like the Prisma client: dev reloads and a second
// register() call reuse it instead of starting another set of workers.
const globalForJobs = globalThis as unknown as { portalJobs?: Promise<PgBoss | null>; portalJobsSignals?: boolean };

/**
 * Starts pg-boss (once per process): creates the queues, registers a worker for each job and, unless
 * `schedule: false`, the cron schedules. Returns null when env JOBS_DISABLED=1.
 */
export function startJobs(options: StartJobsOptions = {}): Promise<PgBoss | null> {
  if (process.env.JOBS_DISABLED === "1") {
    logger.info("background jobs disabled (JOBS_DISABLED=1)");
    return Promise.resolve(null);
  }
  globalForJobs.portalJobs ??= boot(options).catch((error: unknown) => {
    globalForJobs.portalJobs = undefined;
    throw error;
  });
  return globalForJobs.portalJobs;
}

/** Stops this process's pg-boss: no new jobs are fetched; a running one gets up to `timeoutMs` to finish. */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  const running = globalForJobs.portalJobs;
  globalForJobs.portalJobs = undefined;
  const boss = await running?.catch(() => null);
  if (!boss) return;
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  logger.info("background jobs stopped");
}

async function boot({ connectionString = env().DATABASE_URL, schedule = true, stopOnSignals = true, db = processDb }: StartJobsOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    application_name: "portal-jobs",
    max: 3,
    schedule,
    // How often pg-boss checks the cron schedules (default 30 s; a tick still fires once a minute at
    // most). The fault test sets 2 so an every-minute job runs within a few seconds of the minute.
    ...cronMonitorOptions(),
  });
  // Without a listener an 'error' event would crash the process. pg-boss keeps polling through a
  // database outage (each failed poll lands here) and picks up again once it is back.
  boss.on("error", (err) => {
    if (isTransientDatabaseError(err)) logger.warn({ err }, "pg-boss: database unavailable, will retry");
    else logger.error({ err }, "pg-boss error");
  });
  await boss.start();

  for (const name of JOB_NAMES) {
    const job: JobDefinition = JOBS[name];
    // "stately": at most one waiting and one running job per queue, so a slow run never piles up
    // ticks behind it. No retries: the next tick is the retry.
    await boss.createQueue(name, { name, policy: "stately", retryLimit: 0, expireInSeconds: job.expireInSeconds });
    await boss.work(name, async ([j]) => {
      const startedAt = Date.now();
      // Half the job's expiry: past it, pg-boss would give up on this run while it still waits.
      const waitUntil = startedAt + (job.expireInSeconds * 1000) / 2;
      for (;;) {
        try {
          const result = await job.run(db);
          logger.debug({ job: name, jobId: j?.id, ms: Date.now() - startedAt, result }, "job done");
          return result;
        } catch (err) {
          // The database went away mid-run (a restart): the open transaction rolled back. Failing
          // now would not help: pg-boss could not record the failure either, and the job would hold
          // its queue until it expires. So wait for the database and run again: jobs work from row
          // state (SKIP LOCKED, status columns), so a second run does only what is left.
          if (isTransientDatabaseError(err) && (await databaseBack(db, waitUntil))) {
            logger.warn({ err, job: name, jobId: j?.id }, "job interrupted by a database outage; running it again");
            continue;
          }
          logger.error({ err, job: name, jobId: j?.id }, "job failed");
          throw err;
        }
      }
    });
    if (schedule) await boss.schedule(name, job.cron, {}, { tz: "Asia/Shanghai" });
  }

  if (stopOnSignals) stopJobsOnSignals();
  logger.info({ jobs: JOB_NAMES, schedule }, "background jobs started");
  return boss;
}

/** Waits until the database answers again (true), or until `deadline` (false). */
async function databaseBack(db: Db, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (await db.$queryRaw`SELECT 1`.then(() => true, () => false)) return true;
  }
  return false;
}

/** env JOBS_CRON_MONITOR_SECONDS (1–45): pg-boss's cron check interval, for tests; unset → pg-boss's default. */
function cronMonitorOptions(): { cronMonitorIntervalSeconds?: number; cronWorkerIntervalSeconds?: number } {
  const seconds = Number(process.env.JOBS_CRON_MONITOR_SECONDS);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 45) return {};
  return { cronMonitorIntervalSeconds: seconds, cronWorkerIntervalSeconds: seconds };
}

// The server's shutdown. `next start` handles SIGTERM/SIGINT itself and exits once its HTTP server
// has closed; this handler runs alongside it and stops pg-boss (a running job gets a few seconds).
// When nobody else listens for the signal (NEXT_MANUAL_SIG_HANDLE=1, or a plain Node process),
// the default "terminate" is gone, so this handler exits once pg-boss has stopped.
function stopJobsOnSignals() {
  if (globalForJobs.portalJobsSignals) return;
  globalForJobs.portalJobsSignals = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      const someoneElseExits = process.listenerCount(signal) > 0;
      logger.info({ signal }, "stopping background jobs");
      void stopJobs()
        .catch((err: unknown) => logger.error({ err }, "stopping background jobs failed"))
        .finally(() => {
          if (!someoneElseExits) process.exit(signal === "SIGINT" ? 130 : 143);
        });
    });
  }
}
