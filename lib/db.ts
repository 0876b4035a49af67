import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// One client per process (kept on globalThis so dev reloads do not open new pools).
// Secrets are omitted by default: a query must ask for passwordHash / idNumberCipher / the TOTP secret explicitly.
function createClient() {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 10,
    // A request waits at most 5 s for a connection (a new one, or a free one of the 10), then
    // fails with a retryable error (503) instead of hanging while the database is away.
    connectionTimeoutMillis: 5_000,
    // Idle connections close after 30 s. A connection killed by a server restart leaves the pool
    // at once (pg drops it on its 'error'), so the next request opens a fresh one.
    idleTimeoutMillis: 30_000,
    // TCP keep-alive notices a connection whose server vanished without closing it (failover).
    keepAlive: true,
    // No JIT compilation: the portal's statements run in milliseconds, and PostgreSQL compiles
    // whenever a plan's estimated cost passes jit_above_cost, which grows with the tables, not with
    // the work: at 10 million orders the city overview's roll-up read (660 rows) spent 14 ms
    // compiling, most of its time (issue 10, decision 018).
    options: "-c jit=off",
  });
  // pg-pool takes its own 'error' listener off a connection as it hands it out, and the Prisma
  // adapter adds one only after an await: PostgreSQL's "terminating connection" arriving in
  // between (a restart under load, seen in tests/fault) would be an uncaught 'error' event. So
  // every connection keeps this listener for life; pg-pool still discards it once it is broken.
  pool.on("connect", (connection) => {
    connection.on("error", (err) => logger.warn({ err }, "database: connection lost"));
  });
  pool.on("error", () => {}); // an idle connection's loss, already logged by the listener above
  globalForDb.portalPool = pool;
  const adapter = new PrismaPg(pool, { disposeExternalPool: true }); // $disconnect() ends the pool
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, idNumberCipher: true, idNumberHash: true, totpSecretCipher: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client or an interactive transaction: use cases accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { portalDb?: Db; portalPool?: pg.Pool };
const client = () => (globalForDb.portalDb ??= createClient());

// Created on first use, not on import: `next build` imports every route without a database.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const c = client();
    const value = Reflect.get(c, property, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

/**
 * The rows of one hand-written statement (issue 10, decision 018). Outside a transaction it goes
 * to the pool through pg itself: the same connection pool as Prisma, at about 0.1 ms of CPU per
 * call instead of 0.45 for Prisma's raw query. Inside a transaction (or on another client, as the
 * tests' savepoint harness passes) it must use that client's connection, so it goes through Prisma.
 * The statement must type its parameters where PostgreSQL cannot infer them (`::int`, `::timestamp`),
 * and pg returns int8 as a string and numeric as a string: select int4 or cast.
 */
export async function queryRows<T>(on: Tx, statement: Prisma.Sql): Promise<T[]> {
  let rows: T[];
  if (on !== db) {
    rows = await on.$queryRaw<T[]>(statement);
  } else {
    client(); // opens the pool on first use
    const result = await globalForDb.portalPool!.query({ name: preparedName(statement.text), text: statement.text, values: statement.values as unknown[] });
    rows = result.rows as T[];
  }
  statementWatch.getStore()?.(statement);
  return rows;
}

/**
 * A watcher of the statements the current call ran through queryRows (each reported once it has
 * succeeded): execute() uses it to know that a write's own audit event did run.
 */
export const statementWatch = new AsyncLocalStorage<(statement: Prisma.Sql) => void>();

// Each connection prepares a hot statement once and then only binds and executes it: PostgreSQL
// parses it once and, after five runs, keeps a generic plan (plan_cache_mode auto), where an
// unnamed statement is parsed and planned on every call (measured on intake: issue 10). A hot
// path's statement text has a few shapes (its values are parameters), so the names stay few; the
// map is bounded all the same.
const preparedNames = new Map<string, string>();
function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    if (preparedNames.size >= 500) preparedNames.clear();
    name = `portal_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    preparedNames.set(text, name);
  }
  return name;
}
