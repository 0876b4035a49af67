// Errors that mean "the database could not be reached or dropped the connection" (a restart, a
// failover), as opposed to a bug or a refused write. They are safe to retry: the transaction did
// not commit. Refined by the fault test (tests/fault).

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);
// SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now)
const SQLSTATE = /^(08...|57P0[123])$/;
const MESSAGES = /Connection terminated|connection (?:is )?closed|Client has encountered a connection error|terminating connection due to administrator command|the database system is (?:starting up|shutting down)|Can't reach database server/i;

export function isTransientDatabaseError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || SQLSTATE.test(code))) return true;
  }
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isTransientDatabaseError(e.cause, depth + 1);
}
