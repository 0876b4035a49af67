import type { Db } from "@/lib/db";
import { logger } from "@/lib/logger";

// Retention of the audit trail (issue 9 item 3, docs/decisions/013): events older than the
// retention period move from AuditEvent to AuditEventArchive — copied, then deleted, batch by
// batch, each batch in its own transaction. Nothing is ever dropped: the archive is append-only,
// and the database lets an AuditEvent row go only when it is older than six months and an
// identical copy is already archived (trigger audit_event_guard, migration 20261203121500_trust).

/** The legal floor (网络安全法 Art. 21): logs are kept at least six months. */
export const MIN_RETENTION_MONTHS = 6;
const BATCH_SIZE = 5_000;

// Every column of an audit event, in the order both tables share (archivedAt takes its default).
const COLUMNS = `"id", "at", "actorUserId", "actorRole", "organizationId", "apiClientId", "action", "targetType", "targetId", "result", "ip", "userAgent", "detail"`;

export type ArchiveOptions = {
  now: Date;
  retentionMonths: number;
  /** rows per transaction */
  batchSize?: number;
};

export type ArchiveResult = { archived: number; batches: number; cutoff: Date };

/**
 * Moves audit events older than `retentionMonths` (counted back from `now`) into the archive.
 * Idempotent: a second run finds nothing to move; a row already in the archive is not copied twice.
 */
export async function archiveAuditEvents(db: Db, { now, retentionMonths, batchSize = BATCH_SIZE }: ArchiveOptions): Promise<ArchiveResult> {
  if (!Number.isInteger(retentionMonths) || retentionMonths < MIN_RETENTION_MONTHS) {
    throw new RangeError(`audit retention must be a whole number of months, at least ${MIN_RETENTION_MONTHS} (got ${retentionMonths})`);
  }
  // `at` is a UTC timestamp without time zone: instants travel as text and are cast, so the session's
  // time zone cannot shift them. The cutoff never passes the database's own six-month floor, so a
  // clock or a `now` ahead of the server's cannot make the job attempt a delete the trigger refuses.
  const [{ cutoff }] = await db.$queryRaw<{ cutoff: Date }[]>`
    SELECT LEAST(
      ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC' - make_interval(months => ${retentionMonths}::int),
      now() AT TIME ZONE 'UTC' - make_interval(months => ${MIN_RETENTION_MONTHS}::int)
    ) AS cutoff`;
  const cutoffText = cutoff.toISOString();

  let archived = 0;
  let batches = 0;
  for (;;) {
    const moved = await db.$transaction(
      async (tx) => {
        const picked = await tx.$queryRaw<{ id: bigint }[]>`
          SELECT "id" FROM "AuditEvent" WHERE "at" < ${cutoffText}::timestamptz AT TIME ZONE 'UTC'
          ORDER BY "id" LIMIT ${batchSize}::int FOR UPDATE`;
        if (picked.length === 0) return 0;
        const ids = picked.map((r) => r.id.toString());
        await tx.$executeRawUnsafe(
          `INSERT INTO "AuditEventArchive" (${COLUMNS}) SELECT ${COLUMNS} FROM "AuditEvent" WHERE "id" = ANY($1::bigint[]) ON CONFLICT ("id") DO NOTHING`,
          ids,
        );
        // The trigger compares each row with its archived copy: a differing copy aborts the batch.
        return tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ANY(${ids}::bigint[])`;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    if (moved === 0) break;
    archived += moved;
    batches += 1;
    if (moved < batchSize) break;
  }
  if (archived > 0) logger.info({ archived, batches, cutoff: cutoffText }, "audit events archived");
  return { archived, batches, cutoff };
}
