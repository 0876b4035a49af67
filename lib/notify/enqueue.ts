import type { Tx } from "@/lib/db";
import type { NotificationChannel } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";

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

function checkNotification(n: OutgoingNotification) {
  if (ID_NUMBER_LIKE.test(n.body)) throw new Error("notification body must not contain an ID number");
  if (n.channel === "SMS" && !n.recipientPhone) throw new Error("an SMS needs a phone number");
  if (n.channel === "IN_APP" && !n.recipientUserId) throw new Error("an in-app notice needs a user");
}

export async function enqueueNotification(db: Tx, n: OutgoingNotification) {
  checkNotification(n);
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
  const notice = requesterNotice(to, body, about.number);
  if (notice) await enqueueNotification(db, { ...notice, workOrderId: about.workOrderId });
}

function requesterNotice(to: { userId: number | null; phone: string | null }, body: string, number?: string): OutgoingNotification | null {
  if (to.userId) {
    const link = number ? `/resident/work-orders/${number}` : null;
    return { channel: "IN_APP", recipientUserId: to.userId, body, link };
  }
  return to.phone ? { channel: "SMS", recipientPhone: to.phone, body } : null;
}

/**
 * `notifyRequester` for an order being inserted in the same statement (lib/work-orders/create-work-order.ts):
 * the outbox INSERT as a CTE over the CTE `source` (columns id, number), `{number}` in the body
 * standing for the order's number. Null when the requester has neither account nor phone.
 */
export function requesterNoticeSql(to: { userId: number | null; phone: string | null }, bodyTemplate: string, source: string): Prisma.Sql | null {
  const notice = requesterNotice(to, bodyTemplate, "{number}");
  if (!notice) return null;
  // Checked with the longest number the template can take, so the real text passes the same rules.
  checkNotification({ ...notice, body: bodyTemplate.replace("{number}", "000000-00000000-0000000") });
  const fill = (text: string | null | undefined) => (text == null ? Prisma.sql`NULL` : Prisma.sql`replace(${text}, '{number}', ${Prisma.raw(source)}."number")`);
  return Prisma.sql`INSERT INTO "Notification" ("channel", "recipientUserId", "recipientPhone", "body", "link", "workOrderId")
    SELECT ${notice.channel}::"NotificationChannel", ${notice.recipientUserId ?? null}::int, ${notice.recipientPhone ?? null},
      left(${fill(notice.body)}, 300), ${fill(notice.link)}, ${Prisma.raw(source)}."id"
    FROM ${Prisma.raw(source)}`;
}
