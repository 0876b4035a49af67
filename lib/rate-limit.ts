import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { lookupHash } from "@/lib/crypto";
import { logger } from "@/lib/logger";

// Rate limits shared by every server process: counters live in PostgreSQL's "rate_limit" table
// (rate-limiter-flexible's RateLimiterPostgres layout), so two processes behind a load balancer
// count together and a restart forgets nothing. Any feature can define its own limits here
// (progress look-ups, sign-in throttling ...): a rule is a name, points and a window.

export type RateLimitRule = {
  /** unique per rule; the counters' key prefix */
  name: string;
  /** how many requests a key may make per window */
  points: number;
  durationSeconds: number;
  /** once the points are used up, refuse for this long instead of until the window ends */
  blockSeconds?: number;
};

export type RateLimitOutcome = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type RateLimiter = {
  readonly rule: RateLimitRule;
  /** counts one request (or `points`) for the key; refused once the rule's points are used up */
  consume(key: string, points?: number): Promise<RateLimitOutcome>;
  /** forgets the key's count, e.g. after a successful sign-in */
  reset(key: string): Promise<void>;
};

// One small pool for the counters, apart from Prisma's: a limiter query never waits behind (or
// inside) a use case's transaction. Created on first use, not on import: `next build` imports
// routes without a database.
const globalForLimits = globalThis as unknown as { portalRateLimitPool?: pg.Pool };
function sharedPool(): pg.Pool {
  if (!globalForLimits.portalRateLimitPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 2, allowExitOnIdle: true });
    pool.on("error", (err) => logger.warn({ err }, "rate-limit pool: idle connection failed"));
    globalForLimits.portalRateLimitPool = pool;
  }
  return globalForLimits.portalRateLimitPool;
}

/**
 * Keys are stored as keyed hashes, so the table holds no phone numbers, IP addresses or user
 * names in clear, and a key of any length fits the column.
 */
export const storedKey = (key: string) => lookupHash(key);

/**
 * A limiter for a rule. `pool` is for tests that play two processes; the app uses the shared pool.
 * The store is built on first use.
 */
export function rateLimiter(rule: RateLimitRule, options: { pool?: pg.Pool } = {}): RateLimiter {
  let store: RateLimiterPostgres | undefined;
  const limiter = () =>
    (store ??= new RateLimiterPostgres({
      storeClient: options.pool ?? sharedPool(),
      storeType: "pool",
      tableName: "rate_limit",
      // the migration creates the table (prisma model RateLimit)
      tableCreated: true,
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.durationSeconds,
      blockDuration: rule.blockSeconds ?? 0,
    }));

  return {
    rule,
    async consume(key, points = 1) {
      try {
        const res = await limiter().consume(storedKey(key), points);
        return { ok: true, remaining: res.remainingPoints };
      } catch (refusal) {
        // A RateLimiterRes means "used up"; anything else is a database failure, which must not
        // turn into "allowed" (fail closed): it propagates as an internal error.
        if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
        throw refusal;
      }
    },
    async reset(key) {
      await limiter().delete(storedKey(key));
    },
  };
}

/** "请 3 分钟后再试", "请 2 小时后再试": the wait, rounded up, in words a resident reads at a glance. */
export function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return `请 ${minutes} 分钟后再试`;
  return `请 ${Math.ceil(minutes / 60)} 小时后再试`;
}

/** A limiter and the key to count under; a missing key (e.g. no client IP known) is not counted. */
export type RateLimitCheck = [RateLimiter, string | null | undefined];

/**
 * Counts the request under every check and refuses it (AppError RATE_LIMITED, HTTP 429) when any
 * is used up, with the longest wait in the message. Every check counts even when another refuses,
 * so hammering one key cannot keep the others fresh.
 */
export async function enforceRateLimits(checks: RateLimitCheck[], what = "操作"): Promise<void> {
  const outcomes = await Promise.all(checks.filter(([, key]) => !!key).map(([limiter, key]) => limiter.consume(key!)));
  const waits = outcomes.flatMap((o) => (o.ok ? [] : [o.retryAfterSeconds]));
  if (waits.length) throw new AppError("RATE_LIMITED", `${what}太频繁了，${waitText(Math.max(...waits))}。`);
}
