import { z } from "zod";
import { db } from "./db";
import type { Db } from "@/lib/db";
import { execute, type AnyUseCase, type Result } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";

// Running a door without leaving a trace: every call of the authorization matrix runs inside one
// transaction that is rolled back afterwards, so the fixtures stay as built and no call sees
// another's writes. execute() opens its own transaction for a write; here that becomes a SAVEPOINT
// inside ours, so a use case that fails halfway is undone exactly as a real rollback would undo it
// (the failure audit event that execute() then writes stays, as it does in production).

const ROLLBACK = Symbol("rollback");
const meta = { ip: "127.0.0.1", userAgent: "authz-matrix" };
let savepoints = 0;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A Db whose $transaction is a savepoint of the surrounding transaction `tx`. */
function nested(tx: Tx): Db {
  const $transaction = async (fn: unknown) => {
    if (typeof fn !== "function") throw new Error("authz harness: only interactive transactions are supported");
    const name = `authz_${++savepoints}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await (fn as (t: Tx) => Promise<unknown>)(tx);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  };
  return new Proxy(tx as object, {
    get: (target, p) => (p === "$transaction" ? $transaction : Reflect.get(target, p)),
    has: (target, p) => p === "$transaction" || Reflect.has(target, p),
  }) as Db;
}

let tables: string[] | null = null;

/**
 * Every application table's row count and newest row version (max xmin): an insert, an update or a
 * delete anywhere changes it. The audit trail is compared separately (a refusal is audited).
 */
async function fingerprint(tx: Tx): Promise<Record<string, string>> {
  tables ??= (await db.$queryRaw<{ t: string }[]>`
    select tablename as t from pg_tables where schemaname = 'public' and tablename not in ('_prisma_migrations', 'AuditEvent') order by 1`).map((r) => r.t);
  const sql = tables.map((t) => `select '${t}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as f from "${t}"`).join(" union all ");
  const rows = await tx.$queryRawUnsafe<{ t: string; f: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

export type AuditRow = { action: string; result: string; detail: unknown };

export type Call = {
  result: Result<unknown>;
  /** tables whose rows changed (besides the audit trail) */
  changed: string[];
  /** audit events the call wrote */
  audits: AuditRow[];
};

/** execute(useCase, input, actor) inside a rolled-back transaction, with what it wrote (`track: false`: only its audit events). */
export async function callAndRollBack(uc: AnyUseCase, input: unknown, actor: Actor | null, { track = true } = {}): Promise<Call> {
  let call: Call | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        const before = track ? await fingerprint(tx) : {};
        const [{ last }] = await tx.$queryRaw<{ last: bigint | null }[]>`select max(id)::bigint as last from "AuditEvent"`;
        const result = await execute(uc, structuredCloneSafe(input), actor, meta, nested(tx));
        const after = track ? await fingerprint(tx) : {};
        const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
        const audits = await tx.auditEvent.findMany({
          where: { id: { gt: Number(last ?? 0) } },
          select: { action: true, result: true, detail: true },
          orderBy: { id: "asc" },
        });
        call = { result, changed, audits };
        throw ROLLBACK;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return call!;
}

/** Inputs are reused across calls; a use case must not see another call's mutation of one. Files are kept as they are. */
function structuredCloneSafe<T>(value: T): T {
  if (value instanceof File || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(structuredCloneSafe) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneSafe(v)])) as T;
}

// ───────────── which inputs name a resource ─────────────

/**
 * Keys of an input that point at an existing record (by id, number, code or token): found from the
 * zod schema, so a new use case that takes one is noticed by the matrix without anyone listing it.
 */
export const RESOURCE_KEY = /^(id|ids|number|numbers|code|token|parent|county|township|region|org|regionCode|countyCode|\w+Id|\w+Ids)$/;

export function inputKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return inputKeys(schema.in as z.ZodType);
  if (schema instanceof z.ZodIntersection) return [...inputKeys(schema._zod.def.left as z.ZodType), ...inputKeys(schema._zod.def.right as z.ZodType)];
  const inner = (schema as { _zod?: { def?: { innerType?: z.ZodType; schema?: z.ZodType } } })._zod?.def;
  if (inner?.innerType) return inputKeys(inner.innerType);
  return [];
}

export const resourceKeys = (schema: z.ZodType) => inputKeys(schema).filter((k) => RESOURCE_KEY.test(k));

/**
 * The same input naming a record that does not exist: ids become a number no row has, numbers and
 * codes keep their format with the trailing digits replaced by nines.
 */
export function missingVariant(input: Record<string, unknown>, key: string): Record<string, unknown> {
  const gone = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(gone);
    if (typeof v === "number") return 2_000_000_000;
    if (typeof v === "string" && /^\d+$/.test(v) && v.length < 10) return "2000000000";
    if (typeof v === "string") return v.replace(/\d+$/, (d) => "9".repeat(d.length));
    throw new Error(`authz harness: cannot make a missing variant of ${key}=${String(v)}`);
  };
  if (!(key in input)) throw new Error(`authz harness: the input has no ${key}`);
  return { ...input, [key]: gone(input[key]) };
}
