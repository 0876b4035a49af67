import { db } from "./db";
import { ErrorCodes } from "@/lib/errors";
import type { Result } from "@/lib/api/use-case";

// What the fuzz suite asserts about one call: a clear coded refusal (never an internal error,
// never a 5xx, a Chinese message, field errors keyed by field), and that a refused call left no
// row behind.

/**
 * Tables a refused call may change, by design:
 * - AuditEvent: refusals are audited (DENIED/FAILED events); that is the audit trail working.
 * - rate_limit: a refused attempt still counts against the caller's limit (that is the point of it).
 * - _prisma_migrations: not application data.
 */
const ALWAYS_EXCLUDED = ["AuditEvent", "rate_limit", "_prisma_migrations"];

/**
 * Per use case: a refusal that writes on purpose, outside the rolled-back transaction.
 * - progress.verifyCode: a wrong code is counted on the code's row although the call fails, so
 *   guessing is capped (lib/tracking/verify-code.ts is a read use case for that reason).
 */
export const EXCLUDED_FOR: Record<string, string[]> = {
  "progress.verifyCode": ["ProgressLookupCode"],
};

export type Fingerprint = Map<string, string>;

let query: string | undefined;

/**
 * Row count and newest row version (max xmin: any committed insert or update raises it) of every
 * application table, in one UNION ALL query. Stronger than counts alone: an UPDATE that slipped out
 * of a refused call changes it too.
 */
export async function fingerprint(): Promise<Fingerprint> {
  if (!query) {
    const tables = await db.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL(${ALWAYS_EXCLUDED}) ORDER BY tablename`;
    query = tables
      .map((t) => `SELECT '${t.tablename}' AS t, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text AS f FROM "${t.tablename}"`)
      .join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<{ t: string; f: string }[]>(query);
  return new Map(rows.map((r) => [r.t, r.f]));
}

/** Tables whose fingerprint differs, but for the ones this use case may change on a refusal. */
export function changedTables(before: Fingerprint, after: Fingerprint, useCase: string): string[] {
  const allowed = new Set(EXCLUDED_FOR[useCase] ?? []);
  return [...after.keys()].filter((t) => !allowed.has(t) && before.get(t) !== after.get(t)).map((t) => `${t} ${before.get(t)} → ${after.get(t)}`);
}

const CHINESE = /[\u3400-\u9fff]/;

/** What is wrong with a refusal; empty when it is a clear coded error. */
export function refusalProblems(r: Extract<Result<unknown>, { ok: false }>): string[] {
  const problems: string[] = [];
  if (r.code === "INTERNAL") problems.push(`internal error (500): ${r.message}`);
  else if (!(r.code in ErrorCodes)) problems.push(`unknown code ${String(r.code)}`);
  else if (ErrorCodes[r.code] >= 500) problems.push(`${r.code} (${ErrorCodes[r.code]}) without a database outage`);
  if (typeof r.message !== "string" || !CHINESE.test(r.message)) problems.push(`message not in Chinese: ${JSON.stringify(r.message)}`);
  // a refusal names the problem; it does not echo a 100,000-character input back
  if (typeof r.message === "string" && r.message.length > 500) problems.push(`message of ${r.message.length} characters`);
  if (r.fieldErrors !== undefined) {
    if (!r.fieldErrors || typeof r.fieldErrors !== "object" || Array.isArray(r.fieldErrors)) problems.push("fieldErrors is not an object");
    else {
      for (const [key, messages] of Object.entries(r.fieldErrors)) {
        if (typeof key !== "string" || key === "" || key.includes("[object")) problems.push(`field error key ${JSON.stringify(key)}`);
        if (!Array.isArray(messages) || messages.length === 0) problems.push(`field ${key}: no messages`);
        else
          for (const m of messages) {
            if (typeof m !== "string" || !CHINESE.test(m)) problems.push(`field ${key}: message not in Chinese: ${JSON.stringify(m)}`);
            else if (m.length > 500) problems.push(`field ${key}: message of ${m.length} characters`);
          }
      }
    }
  }
  return problems;
}

/** A short, printable picture of a payload (long strings cut, deep values elided). */
export function describePayload(v: unknown, depth = 0): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…(${v.length} chars)` : v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) return String(v);
  if (typeof v === "function") return "function";
  if (depth > 3) return Array.isArray(v) ? "[…]" : "{…}";
  if (v instanceof File) return `File(${JSON.stringify(v.name.slice(0, 40))}, ${v.size} B)`;
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? "Invalid" : v.toISOString()})`;
  if (Array.isArray(v)) return v.length > 5 ? `[${v.slice(0, 3).map((x) => describePayload(x, depth + 1)).join(", ")}, …${v.length} items]` : `[${v.map((x) => describePayload(x, depth + 1)).join(", ")}]`;
  if (typeof v === "object") {
    const keys = Object.keys(v);
    const shown = keys.slice(0, 12).map((k) => `${k}: ${describePayload((v as Record<string, unknown>)[k], depth + 1)}`);
    return `{${shown.join(", ")}${keys.length > 12 ? `, …${keys.length} keys` : ""}}`;
  }
  return String(v);
}
