import type { Db } from "@/lib/db";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { sendersFor, smsGatewayFromEnv, type OutboxMessage, type SmsGateway } from "@/lib/notify/channels";

/** After this many failed tries a message is FAILED and no longer retried. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** A send that takes longer counts as a failed attempt (its row lock is held meanwhile). */
export const SEND_TIMEOUT_MS = 15_000;

export type DeliverOptions = {
  /** at most this many messages per call */
  limit?: number;
  /** the SMS gateway; defaults to smsGatewayFromEnv() (tests inject a spy) */
  sms?: SmsGateway;
};

export type DeliveryCounts = { sent: number; retrying: number; failed: number };

type ClaimedRow = OutboxMessage & { attempts: number };
type Outcome = { id: number; result: keyof DeliveryCounts };

/**
 * Sends what is waiting in the outbox, oldest first, one message per transaction:
 * claim one PENDING row with FOR UPDATE SKIP LOCKED → send it → mark it SENT, or count the failed
 * attempt (FAILED after MAX_DELIVERY_ATTEMPTS). The row stays locked while it is being sent, so two
 * workers (two processes, or the cron job and the admin's "send now") never send one message
 * twice; the other worker skips it and takes the next. One row per transaction means a slow or
 * failing send never holds or rolls back the others.
 *
 * Each call is one pass: the id cursor only moves forward, so a message that fails now is retried
 * by a later call (the next minute's job), not hammered within this one.
 *
 * Delivery is at-least-once: if the process dies after the carrier accepted a message but before
 * the commit, the message is sent again; a real gateway dedupes by the notification id.
 */
export async function deliverPendingNotifications(db: Db, { limit = 100, sms = smsGatewayFromEnv() }: DeliverOptions = {}): Promise<DeliveryCounts> {
  const senders = sendersFor(sms);
  const counts: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };
  let cursor = 0;

  for (let i = 0; i < limit; i++) {
    const outcome = await db.$transaction(
      async (tx): Promise<Outcome | null> => {
        const [row] = await tx.$queryRaw<ClaimedRow[]>`
          SELECT id, channel::text AS channel, "recipientUserId", "recipientPhone", body, link, attempts
          FROM "Notification"
          WHERE status = 'PENDING' AND id > ${cursor}
          ORDER BY id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`;
        if (!row) return null;
        const attempts = row.attempts + 1;
        try {
          await withTimeout(senders[row.channel as NotificationChannel].send(row), SEND_TIMEOUT_MS);
        } catch (error) {
          const failed = attempts >= MAX_DELIVERY_ATTEMPTS;
          const lastError = describeSendError(error);
          await tx.notification.update({
            where: { id: row.id },
            data: { attempts, lastError, status: failed ? "FAILED" : "PENDING" },
          });
          logger.warn({ notificationId: row.id, channel: row.channel, attempts, lastError }, failed ? "notification failed for good" : "notification send failed; will retry");
          return { id: row.id, result: failed ? "failed" : "retrying" };
        }
        await tx.notification.update({
          where: { id: row.id },
          data: { attempts, status: "SENT", sentAt: new Date(), lastError: null },
        });
        return { id: row.id, result: "sent" };
      },
      // The send happens inside the transaction: allow it SEND_TIMEOUT_MS plus the two statements.
      { timeout: SEND_TIMEOUT_MS + 10_000, maxWait: 10_000 },
    );
    if (!outcome) break;
    cursor = outcome.id;
    counts[outcome.result]++;
  }

  if (counts.sent || counts.retrying || counts.failed) logger.info(counts, "outbox delivery pass");
  return counts;
}

/**
 * What lastError keeps: the error's code or name and a short message with long digit runs (phone
 * and ID numbers a carrier might echo back) removed. Never the message body.
 */
export function describeSendError(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  const { code } = e as { code?: unknown };
  const label = typeof code === "string" && code ? code : e.name;
  const message = e.message.replace(/\d{7,}[\dXx]?/g, "[号码已隐去]").replace(/\s+/g, " ").trim();
  return `${label}: ${message}`.slice(0, 160);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`send timed out after ${ms} ms`), { code: "TIMEOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
