import { describe, expect, it } from "vitest";
import { isTransientDatabaseError } from "@/lib/db-errors";

// The shapes are the ones Prisma 7 + @prisma/adapter-pg produced while PostgreSQL restarted
// (tests/fault/pg-restart.test.ts meets them for real); here each is pinned on its own.
const prismaError = (code: string, message: string, adapter?: object) =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: adapter ? { driverAdapterError: adapter } : undefined });
const adapterError = (cause: object) => Object.assign(new Error("DriverAdapterError"), { name: "DriverAdapterError", cause });

describe("isTransientDatabaseError", () => {
  it.each([
    ["a raw query cut by the shutdown (57P01 inside P2010)", prismaError("P2010", "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`")],
    ["a transaction refused while shutting down (P2039, SQLSTATE only in the adapter error)", prismaError("P2039", "Database error", adapterError({ kind: "postgres", originalCode: "57P03", originalMessage: "x" }))],
    ["the server not listening (P1001)", prismaError("P1001", "Can't reach database server at 127.0.0.1:54341")],
    ["the adapter's kind alone", prismaError("P9999", "?", adapterError({ kind: "ConnectionClosed" }))],
    ["pg: connection terminated", new Error("Connection terminated unexpectedly")],
    ["pg-pool: no connection in time", new Error("timeout exceeded when trying to connect")],
    ["a socket error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["starting up", new Error("the database system is starting up")],
    ["wrapped as a cause", new Error("job failed", { cause: new Error("Connection terminated unexpectedly") })],
  ])("%s → transient", (_label, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", "Unique constraint failed on the fields: (`number`)", adapterError({ kind: "UniqueConstraintViolation" }))],
    ["a trigger's refusal", prismaError("P2010", "Raw query failed. Code: `P0001`. Message: `AuditEvent rows cannot be updated`", adapterError({ kind: "postgres", originalCode: "P0001" }))],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["not an error", "Connection terminated"],
    ["nothing", null],
  ])("%s → not transient", (_label, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});
