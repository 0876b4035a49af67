import type { Tx } from "@/lib/db";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";

export type OutgoingNotification = {
  channel: NotificationChannel;
  recipientUserId?: number | null;
  recipientPhone?: string | null;
  /** short Chinese text; never an ID number */
  body: string;
  link?: string | null;
  workOrderId?: number | null;
};

// Messages are written to the outbox inside the caller's transaction, so a notice exists exactly
// when the change it reports committed; delivery happens later (lib/notify/deliver.ts).
const ID_NUMBER_LIKE = /\d{17}[\dXx]/;

export async function enqueueNotification(db: Tx, n: OutgoingNotification) {
  if (ID_NUMBER_LIKE.test(n.body)) throw new Error("notification body must not contain an ID number");
  if (n.channel === "SMS" && !n.recipientPhone) throw new Error("an SMS needs a phone number");
  if (n.channel === "IN_APP" && !n.recipientUserId) throw new Error("an in-app notice needs a user");
  await db.notification.create({
    data: {
      channel: n.channel,
      recipientUserId: n.recipientUserId ?? null,
      recipientPhone: n.recipientPhone ?? null,
      body: n.body.slice(0, 300),
      link: n.link ?? null,
      workOrderId: n.workOrderId ?? null,
    },
  });
}

/**
 * The same notice in-app to a requester with an account (linking to their order), else by SMS to
 * the phone (no link: the order page needs an account; the SMS carries the number for 12348).
 */
export async function notifyRequester(
  db: Tx,
  to: { userId: number | null; phone: string | null },
  body: string,
  about: { number?: string; workOrderId?: number } = {},
) {
  if (to.userId) {
    const link = about.number ? `/resident/work-orders/${about.number}` : null;
    await enqueueNotification(db, { channel: "IN_APP", recipientUserId: to.userId, body, link, workOrderId: about.workOrderId });
  } else if (to.phone) {
    await enqueueNotification(db, { channel: "SMS", recipientPhone: to.phone, body, workOrderId: about.workOrderId });
  }
}
