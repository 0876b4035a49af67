import { z } from "zod";
import { db as defaultDb, statementWatch, type Db, type Tx } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import { can, isPublic, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { auditInsertSql, recordAudit, type RequestMeta } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { DATABASE_UNAVAILABLE, isTransientDatabaseError } from "@/lib/db-errors";
import { nulCharacterErrors } from "@/lib/validation";

// The one path every door takes: zod input → actor → permission → use case (scoped by the use case)
// → audit → typed result. Server actions (lib/api/action.ts), API routes (lib/api/route.ts) and
// server-rendered pages (lib/api/page.ts) are thin adapters over `execute`; none re-implements it.

type PublicPermission = {
  [K in Permission]: "PUBLIC" extends (typeof PERMISSIONS)[K][number] ? K : never;
}[Permission];
export type ActorFor<P extends Permission> = P extends PublicPermission ? Actor | null : Actor;

/** execute()'s audit event for a one-statement write, as SQL (see UseCaseContext.auditSql). */
export type AuditSql = (target: { type: string; id: Prisma.Sql }, from: string) => Prisma.Sql;

export type UseCaseContext<P extends Permission, I> = {
  actor: ActorFor<P>;
  input: I;
  /** the transaction for writes, the client for reads and one-statement writes */
  db: Tx;
  meta: RequestMeta;
  /**
   * Writes: the audit event of this call as SQL — an INSERT of one SUCCESS event per row of the
   * CTE `from` — to be made part of the use case's own statement (one round trip less). A
   * one-statement write (`write: "statement"`) must use it; a transaction write that uses it is
   * not audited again by execute().
   */
  auditSql: AuditSql;
};

export type UseCase<P extends Permission, S extends z.ZodType, R> = {
  /** audit action name, e.g. "organization.update" */
  name: string;
  permission: P;
  input: S;
  /**
   * true: the use case runs in one interactive transaction together with its audit event.
   * "statement": it writes everything in ONE SQL statement — atomic by itself, one round trip instead
   * of BEGIN … COMMIT — including its audit event from `ctx.auditSql`; used by the busiest door,
   * intake (issue 10, decision 018). Reads before that statement see committed data only.
   */
  write: boolean | "statement";
  /**
   * For a transaction write (`write: true`): the inputs it serves in one statement instead (as
   * "statement" above), e.g. a legal-aid application without files or a lawyer choice. The use
   * case must then write nothing else for such an input.
   */
  statementWhen?: (input: z.output<S>) => boolean;
  /** what the audit event points at */
  target?: (input: z.output<S>, result: R) => { type: string; id: string | number } | null;
  run: (ctx: UseCaseContext<P, z.output<S>>) => Promise<R>;
  /**
   * Work that must see the committed writes (a bulk import refreshes the indicator roll-ups).
   * Runs after the commit; a failure is logged, not reported — the write itself has succeeded.
   */
  afterCommit?: (result: R, db: Db) => Promise<unknown>;
  /**
   * "view": a read that shows a record with personal data, or exports such records — each call is
   * audited (action = name, target = `target`) like a write.
   */
  audit?: "view";
};

const WRITE_TIMEOUT_MS = 30_000;

export function defineUseCase<P extends Permission, S extends z.ZodType, R>(uc: UseCase<P, S, R>) {
  return uc;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyUseCase = UseCase<any, z.ZodType, any>;

/** What a use case returns, for the components that render it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UseCaseResult<U> = U extends UseCase<any, z.ZodType, infer R> ? R : never;

export type Failure = {
  ok: false;
  code: ErrorCode | "INTERNAL";
  message: string;
  fieldErrors?: Record<string, string[]>;
  errorId?: string;
};
export type Result<R> = { ok: true; data: R } | Failure;

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * What a failed call was aimed at, when the use case can tell it from the input alone (most name
 * the record there): a probe of another county's case is then on the trail with its number. A
 * target that needs the result has none here.
 */
function inputTarget<R>(uc: UseCase<Permission, z.ZodType, R>, input: unknown): { type: string; id: string | number } | null {
  try {
    const target = uc.target?.(input as never, undefined as R);
    return target && target.id !== undefined && target.id !== null ? target : null;
  } catch {
    return null;
  }
}

export async function execute<P extends Permission, S extends z.ZodType, R>(
  uc: UseCase<P, S, R>,
  rawInput: unknown,
  actor: Actor | null,
  meta: RequestMeta,
  client: Db = defaultDb,
): Promise<Result<R>> {
  // Who may knock comes before what they bring: a caller without the permission learns nothing
  // about the input's shape (no field-by-field validation messages for a door they cannot open).
  if (!isPublic(uc.permission)) {
    if (!actor) return { ok: false, code: "UNAUTHENTICATED", message: "请先登录" };
    if (!can(actor.role, uc.permission)) {
      await recordAudit(client, actor, meta, { action: uc.name, result: "DENIED" }).catch(() => {});
      return { ok: false, code: "FORBIDDEN", message: "您没有执行此操作的权限" };
    }
  }
  const ctxActor = actor as ActorFor<P>;

  // PostgreSQL text cannot hold NUL: refused here for every schema, not as a failed write (lib/validation.ts)
  const nul = nulCharacterErrors(rawInput);
  if (nul) return { ok: false, code: "VALIDATION", message: "请检查填写的内容", fieldErrors: nul };
  const parsed = uc.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, code: "VALIDATION", message: "请检查填写的内容", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const input = parsed.data as z.output<S>;

  const noAuditSql = () => {
    throw new Error(`${uc.name}: ctx.auditSql is for writes`);
  };
  // The audit event a write puts in its own statement counts once that statement has run (the
  // fragment carries the call's marker; lib/db.ts reports the statements that succeeded), not
  // when it is built: a use case that built it and never sent it is not audited.
  const marker = crypto.randomUUID();
  let auditSent = false;
  const auditSql: AuditSql = (target, from) => auditInsertSql(actor, meta, uc.name, target, from, marker);
  const watch = (statement: Prisma.Sql) => {
    if (statement.values.includes(marker)) auditSent = true;
  };
  const write = uc.write === true && uc.statementWhen?.(input) ? "statement" : uc.write;
  try {
    if (write === "statement") {
      const data = await statementWatch.run(watch, () => uc.run({ actor: ctxActor, input, db: client, meta, auditSql }));
      // A programming error, not the caller's: found by every test of the use case.
      if (!auditSent) throw new Error(`${uc.name}: a one-statement write must run its audit event (ctx.auditSql) through queryRows`);
      return { ok: true, data };
    }
    if (!write) {
      const data = await uc.run({ actor: ctxActor, input, db: client, meta, auditSql: noAuditSql });
      // A view of a record with personal data (or an export of such records) is itself audited.
      if (uc.audit === "view") {
        await recordAudit(client, actor, meta, { action: uc.name, result: "SUCCESS", target: uc.target?.(input, data) });
      }
      return { ok: true, data };
    }
    const data = await client.$transaction(async (tx) => {
      auditSent = false; // Prisma may retry the callback
      const result = await statementWatch.run(watch, () => uc.run({ actor: ctxActor, input, db: tx, meta, auditSql }));
      if (!auditSent) await recordAudit(tx, actor, meta, { action: uc.name, result: "SUCCESS", target: uc.target?.(input, result) });
      return result;
      // Uploads are checked (virus scan, up to 10 s) and stored inside the step's transaction, so a
      // write may take longer than Prisma's 5 s default; row locks make waiting for one short.
    }, { timeout: WRITE_TIMEOUT_MS, maxWait: 5_000 });
    if (uc.afterCommit) {
      await uc.afterCommit(data, client).catch((error: unknown) => logger.error({ err: error, useCase: uc.name }, "after-commit step failed"));
    }
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      if (uc.write || error.code === "NOT_FOUND") {
        await recordAudit(client, actor, meta, {
          action: uc.name,
          result: error.code === "NOT_FOUND" || error.code === "FORBIDDEN" ? "DENIED" : "FAILED",
          target: inputTarget(uc, input),
          detail: { code: error.code, message: error.message },
        }).catch(() => {});
      }
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    }
    if (isTransientDatabaseError(error)) {
      // The database is restarting or unreachable; the caller may retry (with the same Idempotency-Key).
      logger.warn({ err: error, useCase: uc.name }, "database unavailable");
      return DATABASE_UNAVAILABLE;
    }
    const errorId = crypto.randomUUID().slice(0, 8);
    logger.error({ err: error, errorId, useCase: uc.name }, "use case failed");
    return { ok: false, code: "INTERNAL", message: `系统繁忙，请稍后再试（错误编号 ${errorId}）`, errorId };
  }
}
