import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { AuditResult } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

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
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      organizationId: actor?.organizationId ?? null,
      apiClientId: actor?.apiClientId ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target ? String(entry.target.id) : null,
      result: entry.result,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      detail: entry.detail,
    },
  });
}
