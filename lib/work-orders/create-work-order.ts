import { createHash } from "node:crypto";
import type { WorkOrderChannel, WorkOrderType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase, type AuditSql } from "@/lib/api/use-case";
import { AppError, ruleViolation } from "@/lib/errors";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { computeDueAt } from "@/lib/work-orders/deadlines";
import { loadRule, routeWorkOrder } from "@/lib/work-orders/routing";
import { workOrderNumberSql } from "@/lib/work-orders/numbering";
import { OPEN_STATUSES, TYPE_LABELS } from "@/lib/work-orders/labels";
import { requesterNoticeSql } from "@/lib/notify/enqueue";
import { cachedReference } from "@/lib/system/reference-cache";
import { loadRegionDirectory } from "@/lib/network/region-directory";
import { sqlInstant } from "@/lib/sql";
import { IntakeWorkOrderInput, SubmitWorkOrderInput } from "@/lib/work-orders/schemas";
import { checkAttachments, storeAttachments } from "@/lib/work-orders/attachments";
import { chosenServicePoint } from "@/lib/network/service-point-requests";

// 统一受理: every channel ends here. One function creates the order, routes it, sets its deadline,
// writes the first timeline event and tells the requester the number; the doors differ only in who
// the requester is and who received it.

export type NewOrder = {
  channel: WorkOrderChannel;
  type: WorkOrderType;
  regionCode: string;
  subject: string;
  description: string;
  category?: string;
  /**
   * userId "resident-with-phone": the account of a resident with this phone, found by the order's own
   * statement, so walk-in and hotline orders show up in their account too.
   */
  requester: { userId: number | null | "resident-with-phone"; name: string; phone: string };
  /** the staff member and service point that took it in (首问负责); null for residents' own submissions */
  receiver: { userId: number | null; organizationId: number } | null;
  /** the service point the requester chose themselves, already checked (chosenServicePoint); skips routing */
  organizationId?: number;
  actorName: string;
};

export type CreatedWorkOrder = { number: string; status: "NEW"; organization: { id: number; name: string }; dueAt: string };

/** A service point's routing facts and name, kept in memory between changes. */
function servicePoint(db: Tx, id: number) {
  return cachedReference(`organization:${id}`, () =>
    db.organization.findUnique({ where: { id }, select: { id: true, name: true, tier: true, decidesLegalAid: true, region: { select: { path: true } } } }),
  );
}

/**
 * An Idempotency-Key's claim, made in the statement that writes the order: the first request with
 * the key inserts it together with its reply; a concurrent duplicate waits on that row (ON
 * CONFLICT blocks until the first transaction ends), writes nothing and replays the stored reply.
 * A key reused with a different body is a conflict, not a replay.
 */
export type IdempotentClaim<T> = { actor: Actor; key: string; requestHash: string; reply: (created: CreatedWorkOrder) => T };

/**
 * `audit`: the call's audit event (execute()'s ctx.auditSql) goes into the order's statement, with
 * the order's number as target id (a replay's, too). `also`: more INSERTs made part of the same
 * statement, each an `INSERT … SELECT … FROM o` over the CTE `o` (columns id, number,
 * requesterUserId) — the legal-aid case and its consents.
 */
type WriteOptions = { now?: Date; audit?: { sql: AuditSql; targetType: string }; also?: Prisma.Sql[] };

/** The order as written: what its requester is told, its id, and the requester's account (found or given). */
export type WrittenOrder = CreatedWorkOrder & { id: number; requesterUserId: number | null };

export async function createWorkOrder(db: Tx, o: NewOrder, options: WriteOptions = {}): Promise<WrittenOrder> {
  const created = await writeWorkOrder(db, o, options, null);
  if (!created) throw new Error("unreachable: an order without a claim is always written");
  return created;
}

/** createWorkOrder under an Idempotency-Key: the order, or the reply of the earlier request with the key. */
export async function createWorkOrderOnce<T>(
  db: Tx,
  o: NewOrder,
  claim: IdempotentClaim<T>,
  options: WriteOptions = {},
): Promise<{ created: WrittenOrder; reply: T } | { replay: T }> {
  const created = await writeWorkOrder(db, o, options, claim);
  if (created) return { created, reply: claim.reply(created) };
  return { replay: await replayOf<T>(db, claim.actor, claim.key, claim.requestHash, options.audit) };
}

/** The order written, or null when the claim found the key already taken (nothing written). */
async function writeWorkOrder<T>(db: Tx, o: NewOrder, { now = new Date(), audit, also = [] }: WriteOptions, claim: IdempotentClaim<T> | null): Promise<WrittenOrder | null> {
  const region = (await loadRegionDirectory(db)).byCode.get(o.regionCode);
  if (!region) throw ruleViolation("所选地区不存在", "regionCode");
  const receiving = o.receiver ? await servicePoint(db, o.receiver.organizationId) : null;
  if (o.receiver && !receiving) throw new AppError("NOT_FOUND", "受理网点不存在");
  // A walk-in is served where the person stands if that point can handle it (一站式); a call or a
  // referral goes to the lowest tier that handles the type, wherever it was taken in.
  const keeper = o.channel === "WALK_IN" && receiving ? { ...receiving, regionPath: receiving.region.path } : null;
  const organizationId = o.organizationId ?? (await routeWorkOrder(db, o.type, region, keeper));
  const [rule, calendar, owner] = await Promise.all([loadRule(db, o.type), loadWorkingCalendar(db), servicePoint(db, organizationId)]);
  if (!owner) throw new AppError("NOT_FOUND", "办理网点不存在");
  const dueAt = computeDueAt(calendar, now, rule);
  const created = (number: string): CreatedWorkOrder => ({ number, status: "NEW", organization: { id: owner.id, name: owner.name }, dueAt: dueAt.toISOString() });

  // One statement draws the number, claims the Idempotency-Key with its reply, and writes the
  // order, its first timeline event and the requester's notice (whose text holds the number): one
  // round trip instead of eight (issue 10). `{number}` in a text stands for the number drawn.
  const at = sqlInstant(now);
  const requesterId = o.requester.userId === "resident-with-phone" ? Prisma.sql`(SELECT "id" FROM resident)` : Prisma.sql`${o.requester.userId}::int`;
  const resident = o.requester.userId === "resident-with-phone"
    ? Prisma.sql`, resident AS (
        SELECT u."id" FROM "User" u
        WHERE u."phone" = ${o.requester.phone} AND EXISTS (SELECT FROM "Membership" m WHERE m."userId" = u."id" AND m."role" = 'RESIDENT')
        ORDER BY u."id" LIMIT 1
      )`
    : Prisma.empty;
  const notice = requesterNoticeSql(
    { userId: requesterId, phone: o.requester.phone },
    `您的${TYPE_LABELS[o.type]}已登记，编号 {number}，由${owner.name}办理。`,
    "o",
  );
  const claimed = claim
    ? Prisma.sql`, claim AS (
        INSERT INTO "IdempotentRequest" ("callerKey", "key", "requestHash", "status", "response")
        SELECT ${callerKey(claim.actor)}, ${claim.key}, ${claim.requestHash}, 201,
          replace(${JSON.stringify(claim.reply(created("{number}")))}, '"{number}"', to_json(n."number")::text)::jsonb FROM n
        ON CONFLICT DO NOTHING RETURNING 1
      )`
    : Prisma.empty;
  const rows = await queryRows<{ id: number; number: string; requesterUserId: number | null }>(db, Prisma.sql`
    WITH n AS (SELECT ${workOrderNumberSql(region.code, now)} AS "number")${resident}${claimed}, o AS (
      INSERT INTO "WorkOrder" ("number", "channel", "type", "subject", "description", "category", "requesterUserId",
        "requesterName", "requesterPhone", "regionId", "organizationId", "firstReceiverUserId", "firstOrganizationId",
        "dueAt", "createdAt", "updatedAt")
      SELECT n."number", ${o.channel}::"WorkOrderChannel", ${o.type}::"WorkOrderType",
        ${o.subject}, ${o.description}, ${o.category ?? null}, ${requesterId}, ${o.requester.name}, ${o.requester.phone},
        ${region.id}::int, ${organizationId}::int, ${o.receiver?.userId ?? null}::int, ${receiving?.id ?? organizationId}::int,
        ${sqlInstant(dueAt)}, ${at}, ${at}
      FROM n ${claim ? Prisma.sql`WHERE EXISTS (SELECT FROM claim)` : Prisma.empty}
      RETURNING "id", "number", "requesterUserId"
    ), event AS (
      INSERT INTO "WorkOrderEvent" ("workOrderId", "kind", "at", "actorUserId", "actorName", "toOrganizationId")
      SELECT o."id", 'CREATED', ${at}, ${o.receiver?.userId != null ? Prisma.sql`${o.receiver.userId}::int` : requesterId}, ${o.actorName}, ${organizationId}::int FROM o
    ), notice AS (${notice})${
      audit ? Prisma.sql`, audit AS (${audit.sql({ type: audit.targetType, id: Prisma.sql`o."number"` }, "o")})` : Prisma.empty
    }${also.length ? Prisma.sql`, ${Prisma.join(also.map((insert, i) => Prisma.sql`${Prisma.raw(`also_${i}`)} AS (${insert})`))}` : Prisma.empty}
    SELECT "id", "number", "requesterUserId" FROM o`);
  return rows.length ? { id: rows[0].id, requesterUserId: rows[0].requesterUserId, ...created(rows[0].number) } : null;
}

export function callerKey(actor: Actor) {
  return actor.apiClientId ? `client:${actor.apiClientId}` : `user:${actor.userId}`;
}

/**
 * Idempotency-Key for writes that are not one statement (mediation intake): the first request with
 * a key inserts its claim; a concurrent duplicate waits on that row (ON CONFLICT blocks until the
 * first transaction ends) and then replays the stored reply.
 */
export async function claimIdempotencyKey<T = CreatedWorkOrder>(db: Tx, actor: Actor, key: string, requestHash: string): Promise<T | null> {
  const claimed = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotentRequest" ("callerKey", "key", "requestHash", "status", "response")
    VALUES (${callerKey(actor)}, ${key}, ${requestHash}, 0, '{}'::jsonb)
    ON CONFLICT DO NOTHING RETURNING "key"`;
  return claimed.length ? null : replayOf<T>(db, actor, key, requestHash);
}

/**
 * The reply stored for a key already claimed; a different body under the same key is a conflict.
 * A one-statement write's replay is audited in the statement that reads it.
 */
async function replayOf<T>(db: Tx, actor: Actor, key: string, requestHash: string, audit?: WriteOptions["audit"]): Promise<T> {
  const [previous] = await queryRows<{ requestHash: string; response: T }>(db, Prisma.sql`
    WITH previous AS (
      SELECT "requestHash", "response" FROM "IdempotentRequest" WHERE "callerKey" = ${callerKey(actor)} AND "key" = ${key}
    ), replayed AS (SELECT * FROM previous WHERE "requestHash" = ${requestHash})${
      audit ? Prisma.sql`, audit AS (${audit.sql({ type: audit.targetType, id: Prisma.sql`replayed."response"->>'number'` }, "replayed")})` : Prisma.empty
    }
    SELECT "requestHash", "response" FROM previous`);
  if (!previous) throw new Error("an Idempotency-Key claim without its row");
  if (previous.requestHash !== requestHash) {
    throw new AppError("CONFLICT", "同一个 Idempotency-Key 已用于另一笔不同的请求");
  }
  return previous.response;
}

/** Stores the reply a claimed Idempotency-Key replays. */
export async function completeIdempotencyKey(db: Tx, actor: Actor, key: string, response: object) {
  await db.idempotentRequest.update({
    where: { callerKey_key: { callerKey: callerKey(actor), key } },
    data: { status: 201, response: response as Prisma.InputJsonValue },
  });
}

export const intakeWorkOrder = defineUseCase({
  name: "workOrder.intake",
  permission: "workOrder.intake",
  // the 12348 hotline's and the apps' door, the busiest: one statement (decision 018)
  write: "statement",
  input: IntakeWorkOrderInput,
  async run({ db, actor, input, auditSql }) {
    if (!actor.organizationId) throw new AppError("FORBIDDEN", "只有网点工作人员可以登记工单");
    // A legal-aid application needs its case record (applicant identity, matter, economic basis):
    // it has its own intake (lib/legal-aid/apply.ts, POST /api/v1/legal-aid/applications).
    if (input.type === "LEGAL_AID") throw ruleViolation("法律援助申请请通过「代为登记法律援助申请」登记", "type");
    // So does a mediation case (parties, category, source): lib/mediation/intake.ts, POST /api/v1/mediation/cases.
    if (input.type === "MEDIATION") throw ruleViolation("人民调解请通过「登记调解案件」登记", "type");
    const { idempotencyKey, confirmDuplicate, ...request } = input;
    // 重复来电提醒: the same phone with an open order of the same type is usually the same matter.
    if (!confirmDuplicate && !idempotencyKey) {
      const open = await db.workOrder.findFirst({
        where: { requesterPhone: request.requester.phone, type: request.type, status: { in: OPEN_STATUSES } },
        select: { number: true },
      });
      if (open) {
        throw new AppError("CONFLICT", `该手机号已有未办结的同类工单 ${open.number}，确认不是同一事项后可勾选"仍然登记"再提交`, {
          confirmDuplicate: [`已有未办结的同类工单 ${open.number}`],
        });
      }
    }
    const order: NewOrder = {
      ...request,
      requester: { ...request.requester, userId: "resident-with-phone" },
      receiver: { userId: actor.userId, organizationId: actor.organizationId },
      actorName: actor.name,
    };
    if (!idempotencyKey) {
      const { id: _id, requesterUserId: _user, ...created } = await createWorkOrder(db, order, { audit: { sql: auditSql, targetType: "WorkOrder" } });
      return created;
    }
    const requestHash = createHash("sha256").update(JSON.stringify(request)).digest("hex");
    const reply = ({ number, status, organization, dueAt }: CreatedWorkOrder): CreatedWorkOrder => ({ number, status, organization, dueAt });
    const once = await createWorkOrderOnce(db, order, { actor, key: idempotencyKey, requestHash, reply }, { audit: { sql: auditSql, targetType: "WorkOrder" } });
    return "replay" in once ? once.replay : once.reply;
  },
  target: (_i, r) => ({ type: "WorkOrder", id: r.number }),
});

export const submitWorkOrder = defineUseCase({
  name: "workOrder.submit",
  permission: "workOrder.submit",
  write: true,
  input: SubmitWorkOrderInput,
  async run({ db, actor, input }) {
    const me = await db.user.findUniqueOrThrow({ where: { id: actor.userId ?? -1 }, select: { id: true, name: true, phone: true } });
    if (!me.phone) throw ruleViolation("请先在账号中登记手机号", "_form");
    const { attachments, organizationId, ...matter } = input;
    const chosen = organizationId === undefined ? null : await chosenServicePoint(db, organizationId, matter.type);
    const files = await checkAttachments(attachments);
    const { id, requesterUserId: _user, ...created } = await createWorkOrder(db, {
      ...matter,
      organizationId: chosen?.id,
      channel: "WEB",
      requester: { userId: me.id, name: me.name, phone: me.phone },
      receiver: null,
      actorName: me.name,
    });
    if (files.length) await storeAttachments(db, id, me.id, files);
    return created;
  },
  target: (_i, r) => ({ type: "WorkOrder", id: r.number }),
});
