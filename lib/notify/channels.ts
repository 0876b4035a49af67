import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";

// How a message leaves the outbox. Each channel has a sender; the deliverer (deliver.ts) claims a
// row, hands it to its channel's sender, and records the outcome. A sender throws to report a
// failure; the deliverer counts the attempt and retries later.

export type OutboxMessage = {
  id: number;
  channel: NotificationChannel;
  recipientUserId: number | null;
  recipientPhone: string | null;
  body: string;
  link: string | null;
};

export interface NotificationSender {
  send(n: OutboxMessage): Promise<void>;
}

/**
 * A carrier that sends text messages. `notificationId` is stable across retries: a real gateway
 * should pass it on as the carrier's idempotency key (an "out id"), so a retry after a lost
 * reply does not send the message twice.
 */
export interface SmsGateway {
  /** shown on the admin outbox page, e.g. "outbox" */
  readonly name: string;
  send(phone: string, text: string, meta: { notificationId: number }): Promise<void>;
}

/**
 * Development gateway: sends nothing anywhere. The outbox row itself is the record of what would
 * have been sent (readable on /admin/notifications). Logs the notification id only — never the
 * phone or the text.
 */
export class OutboxOnlySmsGateway implements SmsGateway {
  readonly name = "outbox";
  async send(_phone: string, _text: string, meta: { notificationId: number }): Promise<void> {
    logger.info({ notificationId: meta.notificationId }, "sms kept in the outbox (development gateway, not sent to a carrier)");
  }
}

// On globalThis: Next loads this module once per bundle (pages, instrumentation), warn once per process.
const warned = globalThis as unknown as { portalWarnedOutboxSms?: boolean };

/**
 * The SMS gateway chosen by env `SMS_GATEWAY`: unset or "outbox" → OutboxOnlySmsGateway.
 * This is the seam for a real carrier: write an adapter implementing SmsGateway (its URL and key
 * from env, with a request timeout) and select it here by name. An unknown name throws, so a
 * misconfigured server fails loudly instead of silently not sending.
 */
export function smsGatewayFromEnv(env: Record<string, string | undefined> = process.env): SmsGateway {
  const kind = env.SMS_GATEWAY?.trim() || "outbox";
  if (kind === "outbox") {
    if (env.NODE_ENV === "production" && !warned.portalWarnedOutboxSms) {
      warned.portalWarnedOutboxSms = true;
      logger.warn("SMS_GATEWAY is unset or \"outbox\": text messages are recorded but not sent");
    }
    return new OutboxOnlySmsGateway();
  }
  throw new Error(`SMS_GATEWAY="${kind}" is not a known gateway (supported: "outbox")`);
}

/** The text of an SMS: the body, plus the link when it is absolute (a relative path means nothing on a phone). */
export function smsText(n: Pick<OutboxMessage, "body" | "link">): string {
  return n.link && /^https?:\/\//.test(n.link) ? `${n.body} ${n.link}` : n.body;
}

/** In-app: the row is the message and the resident reads it on /notifications, so writing it delivered it. */
export const inAppSender: NotificationSender = {
  async send() {},
};

export function smsSender(gateway: SmsGateway): NotificationSender {
  return {
    async send(n) {
      if (!n.recipientPhone) throw new DeliveryError("NO_PHONE", "SMS without a phone number");
      await gateway.send(n.recipientPhone, smsText(n), { notificationId: n.id });
    },
  };
}

export function sendersFor(sms: SmsGateway): Record<NotificationChannel, NotificationSender> {
  return { IN_APP: inAppSender, SMS: smsSender(sms) };
}

/** A failure a sender reports with a code; the code (not the message) is what lastError keeps. */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}
