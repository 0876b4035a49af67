import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AuditResult } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";

export type RequestMeta = { ip: string | null; userAgent: string | null };

export type AuditEntry = {
  action: string;
  result: AuditResult;
  target?: { type: string; id: string | number } | null;
  detail?: Prisma.InputJsonValue;
};

/** Appends one audit event. Pass the write's transaction so the event commits with the write. */
export async function recordAudit(db: Tx, actor: Actor | null, meta: RequestMeta, entry: AuditEntry) {
  await db.auditEvent.create({
    data: {
      ...who(actor, meta),
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target ? String(entry.target.id) : null,
      result: entry.result,
      detail: entry.detail,
    },
  });
}

function who(actor: Actor | null, meta: RequestMeta) {
  return {
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    organizationId: actor?.organizationId ?? null,
    apiClientId: actor?.apiClientId ?? null,
    ip: meta.ip?.slice(0, 64) ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  };
}

/**
 * recordAudit for a write done in one SQL statement (execute()'s `write: "statement"`): an
 * `INSERT … SELECT` of one SUCCESS event per row of the CTE `from`, whose target id is the SQL
 * expression `targetId` over that row. Part of the write's own statement, so it commits with it.
 */
export function auditInsertSql(
  actor: Actor | null, meta: RequestMeta, action: string, target: { type: string; id: Prisma.Sql }, from: string, marker: string,
): Prisma.Sql {
  const w = who(actor, meta);
  // `marker`: a value unique to the call, so execute() can tell this INSERT was part of a statement
  // that ran (lib/db.ts statementWatch), not only built; the condition itself is always true.
  return Prisma.sql`INSERT INTO "AuditEvent" ("actorUserId", "actorRole", "organizationId", "apiClientId", "action", "targetType", "targetId", "result", "ip", "userAgent")
    SELECT ${w.actorUserId}::int, ${w.actorRole}::"Role", ${w.organizationId}::int, ${w.apiClientId}::int, ${action}, ${target.type},
      (${target.id})::text, 'SUCCESS', ${w.ip}, ${w.userAgent}
    FROM ${Prisma.raw(from)} WHERE ${marker}::text IS NOT NULL`;
}
