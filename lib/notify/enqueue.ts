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
  if (to.userId) {
    const link = about.number ? `${ORDER_PAGE}${about.number}` : null;
    await enqueueNotification(db, { channel: "IN_APP", recipientUserId: to.userId, body, link, workOrderId: about.workOrderId });
  } else if (to.phone) {
    await enqueueNotification(db, { channel: "SMS", recipientPhone: to.phone, body, workOrderId: about.workOrderId });
  }
}

/** where a requester with an account reads their order */
const ORDER_PAGE = "/resident/work-orders/";

/**
 * `notifyRequester` for an order being inserted in the same statement (lib/work-orders/create-work-order.ts):
 * the outbox INSERT as a CTE over the CTE `source` (columns id, number), `{number}` in the body
 * standing for the order's number. The requester's account is an SQL expression there (it may be
 * looked up by that statement): in-app with a link when it is not null, else an SMS to the phone.
 */
export function requesterNoticeSql(to: { userId: Prisma.Sql; phone: string | null }, bodyTemplate: string, source: string): Prisma.Sql {
  // Checked with the longest number the template can take, so the real text passes the same rules.
  checkNotification({ channel: "IN_APP", recipientUserId: 1, body: bodyTemplate.replace("{number}", "000000-00000000-0000000") });
  const src = Prisma.raw(source);
  const body = Prisma.sql`left(replace(${bodyTemplate}, '{number}', ${src}."number"), 300)`;
  return Prisma.sql`INSERT INTO "Notification" ("channel", "recipientUserId", "recipientPhone", "body", "link", "workOrderId")
    SELECT CASE WHEN requester."id" IS NULL THEN 'SMS' ELSE 'IN_APP' END::"NotificationChannel", requester."id",
      CASE WHEN requester."id" IS NULL THEN ${to.phone} END, ${body},
      CASE WHEN requester."id" IS NOT NULL THEN ${ORDER_PAGE} || ${src}."number" END, ${src}."id"
    FROM ${src} CROSS JOIN (SELECT ${to.userId} AS "id") requester
    WHERE requester."id" IS NOT NULL OR ${to.phone}::text IS NOT NULL`;
}
