import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
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
  });
  // pg-pool takes its own 'error' listener off a connection as it hands it out, and the Prisma
  // adapter adds one only after an await: PostgreSQL's "terminating connection" arriving in
  // between (a restart under load, seen in tests/fault) would be an uncaught 'error' event. So
  // every connection keeps this listener for life; pg-pool still discards it once it is broken.
  pool.on("connect", (connection) => {
    connection.on("error", (err) => logger.warn({ err }, "database: connection lost"));
  });
  pool.on("error", () => {}); // an idle connection's loss, already logged by the listener above
  const adapter = new PrismaPg(pool, { disposeExternalPool: true }); // $disconnect() ends the pool
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, idNumberCipher: true, idNumberHash: true, totpSecretCipher: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client or an interactive transaction: use cases accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { portalDb?: Db };
const client = () => (globalForDb.portalDb ??= createClient());

// Created on first use, not on import: `next build` imports every route without a database.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const c = client();
    const value = Reflect.get(c, property, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
