import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotificationChannel, NotificationStatus } from "@/lib/generated/prisma/enums";
import { db as processDb } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";
import { idParam } from "@/lib/validation";
import { maskPhone } from "@/lib/identity/id-number";
import { smsGatewayFromEnv } from "@/lib/notify/channels";
import { deliverPendingNotifications } from "@/lib/notify/deliver";

export const MY_NOTIFICATIONS_LIMIT = 50;
export const OUTBOX_PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalId = z.preprocess(blankToUndefined, idParam("消息").optional()).catch(undefined);

/** The actor's own in-app messages, newest first (the latest 50), and how many are unread. */
export const listMyNotifications = defineUseCase({
  name: "notification.listMine",
  permission: "notification.mine",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    // An API client is not a person and has no inbox.
    if (!actor.userId) return { items: [], unread: 0 };
    const where: Prisma.NotificationWhereInput = { recipientUserId: actor.userId, channel: "IN_APP" };
    const [items, unread] = await Promise.all([
      db.notification.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: MY_NOTIFICATIONS_LIMIT,
        select: { id: true, body: true, link: true, createdAt: true, readAt: true },
      }),
      db.notification.count({ where: { ...where, readAt: null } }),
    ]);
    return { items, unread };
  },
});

export const MarkNotificationsReadInput = z.object({
  /** the messages to mark; none given → all of the actor's unread messages */
  ids: z.array(idParam("消息")).max(200).optional(),
});

/** Marks the actor's own in-app messages read (others' ids are silently not matched). */
export const markNotificationsRead = defineUseCase({
  name: "notification.markRead",
  permission: "notification.mine",
  write: true,
  input: MarkNotificationsReadInput,
  async run({ db, actor, input }) {
    if (!actor.userId) return { marked: 0 };
    const { count } = await db.notification.updateMany({
      where: {
        recipientUserId: actor.userId,
        channel: "IN_APP",
        readAt: null,
        ...(input.ids ? { id: { in: input.ids } } : {}),
      },
      data: { readAt: new Date() },
    });
    return { marked: count };
  },
});

// The outbox holds every message of the city (bodies name matters, phones are personal data), so
// it is for city-wide admins; a region-scoped admin is refused (fail closed) — notifications carry
// no region to scope them by.
function requireCityWideAdmin(actor: Actor) {
  if (actor.role !== "ADMIN" || actor.regionPath) throw forbidden();
}

export const OutboxQuery = z.object({
  channel: z.preprocess(blankToUndefined, z.enum(NotificationChannel, { error: "渠道无效" }).optional()),
  status: z.preprocess(blankToUndefined, z.enum(NotificationStatus, { error: "状态无效" }).optional()),
  /** keyset: the page of messages older than this id (the next page) */
  before: optionalId,
  /** keyset: the page of messages newer than this id (the previous page) */
  after: optionalId,
});
export type OutboxQuery = z.output<typeof OutboxQuery>;

/**
 * Every message in the outbox, newest first, 50 a page, keyset-paged by id. Phones are masked
 * (138****0001); the page is where a developer reads what the SMS gateway would have sent.
 */
export const listOutbox = defineUseCase({
  name: "notification.outbox",
  permission: "notification.outbox",
  write: false,
  input: OutboxQuery,
  async run({ db, actor, input }) {
    requireCityWideAdmin(actor);
    const filters: Prisma.NotificationWhereInput = {
      ...(input.channel ? { channel: input.channel } : {}),
      ...(input.status ? { status: input.status } : {}),
    };
    const select = {
      id: true,
      channel: true,
      recipientPhone: true,
      recipientUserId: true,
      body: true,
      link: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    } as const;
    // Keyset paging on the primary key: read one row more than a page to know whether more exist.
    const take = OUTBOX_PAGE_SIZE + 1;
    const goingBack = !!input.after && !input.before;
    const rows = goingBack
      ? (await db.notification.findMany({ where: { ...filters, id: { gt: input.after } }, orderBy: { id: "asc" }, take, select })).reverse()
      : await db.notification.findMany({ where: { ...filters, ...(input.before ? { id: { lt: input.before } } : {}) }, orderBy: { id: "desc" }, take, select });
    const more = rows.length > OUTBOX_PAGE_SIZE;
    // Going back, the extra row is the newest one (first after reversing); going forward, the oldest.
    const page = goingBack ? rows.slice(more ? 1 : 0) : rows.slice(0, OUTBOX_PAGE_SIZE);
    const first = page[0]?.id ?? null;
    const last = page[page.length - 1]?.id ?? null;
    const counts = await db.notification.groupBy({
      by: ["status"],
      where: input.channel ? { channel: input.channel } : {},
      _count: { _all: true },
    });
    return {
      items: page.map(({ recipientPhone, ...n }) => ({ ...n, recipientPhoneMasked: recipientPhone ? maskPhone(recipientPhone) : null })),
      /** `before` of the next (older) page, or null at the end */
      olderThan: goingBack || more ? last : null,
      /** `after` of the previous (newer) page, or null on the first page */
      newerThan: (goingBack ? more : !!input.before) ? first : null,
      /** messages per status (for the channel filter, whatever the status filter) */
      counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<NotificationStatus, number>>,
      /** the configured SMS gateway's name, or null when SMS_GATEWAY names no known gateway */
      smsGateway: configuredSmsGateway(),
    };
  },
});

function configuredSmsGateway(): string | null {
  try {
    return smsGatewayFromEnv().name;
  } catch {
    return null;
  }
}

/**
 * The admin's "send now": one delivery pass right away instead of waiting for the minute's job.
 * The sends run on the process client, outside this use case's transaction, on purpose: each
 * message commits on its own (a sent SMS cannot be rolled back with the audit event), and the
 * audit event records who pressed the button and what it did.
 */
export const deliverOutboxNow = defineUseCase({
  name: "notification.deliverNow",
  permission: "notification.outbox",
  write: true,
  input: z.object({}),
  async run({ actor }) {
    requireCityWideAdmin(actor);
    return deliverPendingNotifications(processDb);
  },
});
