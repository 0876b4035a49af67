// Errors that mean "the database could not be reached or dropped the connection" (a restart, a
// failover), as opposed to a bug or a refused write. The caller may retry: the transaction either
// never started or was rolled back — except a COMMIT cut off in flight, whose outcome is unknown,
// which is why retries of submissions carry an Idempotency-Key (docs/decisions/016-faults.md).
// The shapes below are the ones tests/fault/pg-restart.test.ts meets when PostgreSQL restarts
// under load (Prisma 7 + @prisma/adapter-pg + pg).

// Node socket errors (pg's connect, a reset socket).
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);
// SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown,
// "the database system is starting up / shutting down").
const SQLSTATE = /^(08...|57P0[123])$/;
// Prisma's codes for the same: P1001 can't reach the server, P1002 timed out reaching it, P1008
// operation timed out, P1017 server closed the connection, P2024 timed out waiting for a connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// @prisma/adapter-pg's error kinds for socket errors (the cause of a DriverAdapterError).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const MESSAGES = new RegExp(
  [
    "Connection terminated", // pg: the server went away mid-query ("… unexpectedly", "… due to connection timeout")
    "connection (?:is )?closed",
    "Client has encountered a connection error",
    "timeout exceeded when trying to connect", // pg-pool: no connection within connectionTimeoutMillis
    "terminating connection due to administrator command",
    "the database system is (?:starting up|shutting down|in recovery mode)",
    "Can't reach database server",
    "Server has closed the connection",
    // Prisma could not open the transaction within maxWait (every connection is stuck reconnecting)
    "Unable to start a transaction in the given time",
  ].join("|"),
  "i",
);

export function isTransientDatabaseError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown; meta?: unknown };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code))) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  // Prisma keeps the driver adapter's error (with the SQLSTATE) in meta.driverAdapterError.
  const adapterError = (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return isTransientDatabaseError(adapterError, depth + 1) || isTransientDatabaseError(e.cause, depth + 1);
}

/** How long a client should wait before retrying after a 503 (the `Retry-After` header, in seconds). */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The answer when the database is unreachable: in execute(), or in a door before it (reading the
 * actor). It does not promise that nothing was saved — a connection lost during COMMIT may have
 * committed; retrying with the same Idempotency-Key is what makes a retry safe.
 */
export const DATABASE_UNAVAILABLE = {
  ok: false as const,
  code: "UNAVAILABLE" as const,
  message: "系统暂时无法处理，请稍后重试",
};
