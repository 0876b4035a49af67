import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { AuditResult, Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { defineUseCase } from "@/lib/api/use-case";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { AUDIT_AREA_KEYS, AUDIT_RESULT_LABELS, actionLabel, targetTypeLabel } from "@/lib/audit/labels";
import { addDays, endOfShanghaiDay, isIsoDate, shanghaiDate, startOfShanghaiDay, type IsoDate } from "@/lib/calendar/working-days";
import { safeCell } from "@/lib/exports/safe-cell";
import { FileDownload } from "@/lib/api/file-download";
import { likeLiteral } from "@/lib/sql";

// 审计记录查询 (issue 9 item 3, docs/decisions/013): the admin's search over the audit trail — the
// live table and the archive together, so retention never hides an event — newest first, keyset
// paged on (at, id), and the same search as a CSV. Both are audited themselves (audit.search,
// audit.export) with the filters used: who looked for whose traces is itself worth a trace.

export const AUDIT_PAGE_SIZE = 50;
/** An export is a working file, not a backup: a wider search should be narrowed first. */
export const AUDIT_EXPORT_LIMIT = 10_000;
const DEFAULT_DAYS = 7;
/** how many accounts an actor search may match (a common surname matches many) */
const ACTOR_MATCH_LIMIT = 1_000;

const blankToUndefined = (v: unknown) => (typeof v === "string" ? v.trim() || undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const isoDate = z.string().refine(isIsoDate, "请按“年-月-日”填写日期，例如 2026-01-31");

const filterShape = {
  from: optional(isoDate),
  to: optional(isoDate),
  /** username or phone (exact), or part of a name; also an API client's name */
  actor: optional(z.string().max(40, "操作人不能超过 40 个字")),
  role: optional(z.enum(Role, { error: "角色无效" })),
  /** business area: the action's first segment */
  area: optional(z.enum(AUDIT_AREA_KEYS, { error: "业务类别无效" })),
  /** the start of an action code, e.g. "legalAid" or "workOrder.read" */
  action: optional(z.string().max(80, "操作代码不能超过 80 个字符").regex(/^[A-Za-z0-9._-]+$/, "操作代码只能包含字母、数字、点和连字符，例如 workOrder.read")),
  targetType: optional(z.string().max(40, "对象类型无效").regex(/^[A-Za-z]+$/, "对象类型无效")),
  targetId: optional(z.string().max(60, "对象编号不能超过 60 个字符")),
  result: optional(z.enum(AuditResult, { error: "结果无效" })),
  /** an address or its beginning, e.g. "10.2.3." */
  ip: optional(z.string().max(64, "IP 地址过长").regex(/^[0-9A-Fa-f.:]+$/, "IP 地址只能包含数字、字母 a–f、点和冒号")),
};
const periodInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const periodMessage = { path: ["to"], message: "结束日期不能早于开始日期" };

export const AuditFilters = z.object(filterShape).refine(periodInOrder, periodMessage);
export type AuditFilters = z.output<typeof AuditFilters>;
export const AuditSearchInput = z.object({ ...filterShape, cursor: optional(z.string().max(200)) }).refine(periodInOrder, periodMessage);

/** The filters as applied: the period filled in (default: the last 7 days, Shanghai dates). */
export type EffectiveFilters = Omit<AuditFilters, "from" | "to"> & { from: IsoDate; to: IsoDate };

export function effectiveFilters(f: AuditFilters, now = new Date()): EffectiveFilters {
  const to = (f.to as IsoDate | undefined) ?? shanghaiDate(now);
  const from = (f.from as IsoDate | undefined) ?? (addDays(to, -(DEFAULT_DAYS - 1)));
  return { ...f, from, to };
}

// ── the cursor: the last row's (at, id), as text so it travels in a URL ──

type Cursor = { at: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
function decodeCursor(raw: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && typeof id === "string" && /^\d{1,19}$/.test(id)) return { at, id };
  } catch {}
  throw new AppError("VALIDATION", "分页游标无效", { cursor: ["分页游标无效，请从第一页重新查询"] });
}

// ── SQL ──

// `at` is a UTC timestamp without time zone: instants travel as ISO text and are cast, so the
// session's time zone cannot shift them.
const instant = (d: Date | string) => Prisma.sql`(${typeof d === "string" ? d : d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
const likePrefix = (s: string) => likeLiteral(s) + "%";

/**
 * Which events an admin may read. A city-wide admin (no region) reads all. A region admin reads the
 * events of the accounts and service points of their region subtree: events done in a service
 * point there, events of users with a membership there, and those users' sign-ins (which have no
 * actor yet, only the account as target). Residents, lawyers and anonymous callers belong to no
 * region: their events are for the city-wide admins. Anyone else: nothing (fail closed).
 */
export function auditScope(actor: Actor): Prisma.Sql {
  if (actor.role !== "ADMIN") return Prisma.sql`FALSE`;
  if (!actor.regionPath) return Prisma.sql`TRUE`;
  const path = likePrefix(actor.regionPath);
  const users = Prisma.sql`
    SELECT m."userId" FROM "Membership" m
    LEFT JOIN "Organization" mo ON mo."id" = m."organizationId"
    LEFT JOIN "Region" mor ON mor."id" = mo."regionId"
    LEFT JOIN "Region" mr ON mr."id" = m."regionId"
    WHERE mor."path" LIKE ${path} OR mr."path" LIKE ${path}`;
  return Prisma.sql`(
    e."organizationId" IN (SELECT o."id" FROM "Organization" o JOIN "Region" r ON r."id" = o."regionId" WHERE r."path" LIKE ${path})
    OR e."actorUserId" IN (${users})
    OR (e."actorUserId" IS NULL AND e."targetType" = 'User' AND e."targetId" IN (SELECT u."userId"::text FROM (${users}) u))
  )`;
}

type Conditions = { sql: Prisma.Sql; empty: boolean };

async function conditions(db: Tx, actor: Actor, f: EffectiveFilters): Promise<Conditions> {
  const and: Prisma.Sql[] = [
    auditScope(actor),
    Prisma.sql`e."at" >= ${instant(startOfShanghaiDay(f.from))}`,
    Prisma.sql`e."at" <= ${instant(endOfShanghaiDay(f.to))}`,
  ];
  if (f.actor) {
    const q = f.actor;
    const [users, clients] = await Promise.all([
      db.user.findMany({ where: { OR: [{ username: q }, { phone: q }, { name: { contains: q } }] }, select: { id: true }, take: ACTOR_MATCH_LIMIT }),
      db.apiClient.findMany({ where: { name: { contains: q } }, select: { id: true }, take: ACTOR_MATCH_LIMIT }),
    ]);
    if (users.length === 0 && clients.length === 0) return { sql: Prisma.sql`FALSE`, empty: true };
    const ids = users.map((u) => u.id);
    const either: Prisma.Sql[] = [];
    if (ids.length) {
      either.push(Prisma.sql`e."actorUserId" = ANY(${ids}::int[])`);
      // a sign-in has no actor yet: the account signing in is its target
      either.push(Prisma.sql`(e."actorUserId" IS NULL AND e."targetType" = 'User' AND e."targetId" = ANY(${ids.map(String)}::text[]))`);
    }
    if (clients.length) either.push(Prisma.sql`e."apiClientId" = ANY(${clients.map((c) => c.id)}::int[])`);
    and.push(Prisma.sql`(${Prisma.join(either, " OR ")})`);
  }
  if (f.role) and.push(Prisma.sql`e."actorRole" = ${f.role}::"Role"`);
  if (f.area) and.push(Prisma.sql`e."action" LIKE ${likePrefix(`${f.area}.`)}`);
  if (f.action) and.push(Prisma.sql`e."action" LIKE ${likePrefix(f.action)}`);
  if (f.targetType) and.push(Prisma.sql`e."targetType" = ${f.targetType}`);
  if (f.targetId) and.push(Prisma.sql`e."targetId" = ${f.targetId}`);
  if (f.result) and.push(Prisma.sql`e."result" = ${f.result}::"AuditResult"`);
  if (f.ip) and.push(Prisma.sql`e."ip" LIKE ${likePrefix(f.ip)}`);
  return { sql: Prisma.join(and, " AND "), empty: false };
}

type Row = {
  id: bigint; at: Date; actorUserId: number | null; actorRole: Role | null; organizationId: number | null; apiClientId: number | null;
  action: string; targetType: string | null; targetId: string | null; result: AuditResult; ip: string | null; userAgent: string | null;
  detail: unknown; archived: boolean;
  actorName: string | null; apiClientName: string | null; organizationName: string | null; targetUserName: string | null;
};

const COLUMNS = Prisma.raw(`e."id", e."at", e."actorUserId", e."actorRole", e."organizationId", e."apiClientId", e."action", e."targetType", e."targetId", e."result", e."ip", e."userAgent", e."detail"`);

/** One page of events, newest first, after `cursor`; both tables, each read through its own index on `at`. */
async function page(db: Tx, where: Prisma.Sql, cursor: Cursor | null, limit: number): Promise<Row[]> {
  const after = cursor ? Prisma.sql`AND (e."at", e."id") < (${instant(cursor.at)}, ${cursor.id}::bigint)` : Prisma.empty;
  return db.$queryRaw<Row[]>`
    SELECT e.*, u."name" AS "actorName", c."name" AS "apiClientName", o."name" AS "organizationName", tu."name" AS "targetUserName"
    FROM (
      (SELECT ${COLUMNS}, false AS "archived" FROM "AuditEvent" e WHERE ${where} ${after} ORDER BY e."at" DESC, e."id" DESC LIMIT ${limit})
      UNION ALL
      (SELECT ${COLUMNS}, true AS "archived" FROM "AuditEventArchive" e WHERE ${where} ${after} ORDER BY e."at" DESC, e."id" DESC LIMIT ${limit})
    ) e
    LEFT JOIN "User" u ON u."id" = e."actorUserId"
    LEFT JOIN "ApiClient" c ON c."id" = e."apiClientId"
    LEFT JOIN "Organization" o ON o."id" = e."organizationId"
    LEFT JOIN LATERAL (
      SELECT "name" FROM "User" WHERE "id" = CASE WHEN e."targetType" = 'User' AND e."targetId" ~ '^[0-9]{1,9}$' THEN e."targetId"::int END
    ) tu ON TRUE
    ORDER BY e."at" DESC, e."id" DESC
    LIMIT ${limit}`;
}

export type AuditEventView = {
  id: string;
  at: string;
  archived: boolean;
  actor: string;
  role: Role | null;
  roleLabel: string | null;
  organization: string | null;
  action: string;
  actionLabel: string;
  targetType: string | null;
  targetTypeLabel: string | null;
  targetId: string | null;
  /** the account's name, when the target is a user */
  targetName: string | null;
  result: AuditResult;
  resultLabel: string;
  ip: string | null;
  userAgent: string | null;
  detail: unknown;
};

function view(r: Row): AuditEventView {
  const actor =
    r.actorName ?? (r.apiClientName ? `API 客户端：${r.apiClientName}` : r.actorUserId ? `用户 #${r.actorUserId}` : r.apiClientId ? `API 客户端 #${r.apiClientId}` : "未登录访问");
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    archived: r.archived,
    actor,
    role: r.actorRole,
    roleLabel: r.actorRole ? ROLE_LABELS[r.actorRole] : null,
    organization: r.organizationName,
    action: r.action,
    actionLabel: actionLabel(r.action),
    targetType: r.targetType,
    targetTypeLabel: r.targetType ? targetTypeLabel(r.targetType) : null,
    targetId: r.targetId,
    targetName: r.targetUserName,
    result: r.result,
    resultLabel: AUDIT_RESULT_LABELS[r.result],
    ip: r.ip,
    userAgent: r.userAgent,
    detail: r.detail ?? null,
  };
}

/** The filters worth recording with the search (the period always; the rest when given). */
const auditDetail = (f: EffectiveFilters, extra: Record<string, string | number | boolean> = {}) =>
  Object.fromEntries(Object.entries({ ...f, ...extra }).filter(([, v]) => v !== undefined)) as Prisma.InputJsonObject;

/** 审计记录查询: one page of 50. */
export const searchAuditEvents = defineUseCase({
  name: "audit.search",
  permission: "audit.read",
  write: false,
  input: AuditSearchInput,
  async run({ db, actor, input, meta }) {
    const { cursor: rawCursor, ...filters } = input;
    const cursor = rawCursor ? decodeCursor(rawCursor) : null;
    const f = effectiveFilters(filters);
    const where = await conditions(db, actor, f);
    const rows = where.empty ? [] : await page(db, where.sql, cursor, AUDIT_PAGE_SIZE + 1);
    const items = rows.slice(0, AUDIT_PAGE_SIZE).map(view);
    const last = items[items.length - 1];
    await recordAudit(db, actor, meta, { action: "audit.search", result: "SUCCESS", detail: auditDetail(f, cursor ? { page: "next" } : {}) });
    return {
      filters: f,
      items,
      nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeCursor({ at: last.at, id: last.id }) : null,
    };
  },
});

const CSV_HEADERS = ["时间（北京时间）", "操作人", "角色", "所属机构", "操作", "操作代码", "对象类型", "对象编号", "对象名称", "结果", "IP 地址", "终端", "详情", "已归档"];

/** "2026-12-03 20:15:07" in Shanghai time */
export function shanghaiTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

// RFC 4180 quoting; every text cell first through safeCell (a name or user agent starting with "="
// must not become a formula in Excel or WPS).
function csvLine(cells: (string | null)[]): string {
  return cells
    .map((v) => {
      if (v === null) return "";
      const text = String(safeCell(v));
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(",");
}

export function auditCsv(items: AuditEventView[]): Uint8Array {
  const lines = [
    csvLine(CSV_HEADERS),
    ...items.map((e) =>
      csvLine([
        shanghaiTime(e.at), e.actor, e.roleLabel, e.organization, e.actionLabel, e.action, e.targetTypeLabel, e.targetId, e.targetName,
        e.resultLabel, e.ip, e.userAgent, e.detail === null ? null : JSON.stringify(e.detail), e.archived ? "是" : "否",
      ]),
    ),
  ];
  // with the byte-order mark Excel reads the file as UTF-8, not GBK
  return new TextEncoder().encode("\uFEFF" + lines.join("\r\n") + "\r\n");
}

/** GET /api/v1/audit/export: the search as CSV (up to 10,000 events, newest first), itself audited. */
export const exportAuditEvents = defineUseCase({
  name: "audit.export",
  permission: "audit.read",
  write: false,
  input: AuditFilters,
  async run({ db, actor, input, meta }) {
    const f = effectiveFilters(input);
    const where = await conditions(db, actor, f);
    const items: AuditEventView[] = [];
    let cursor: Cursor | null = null;
    while (!where.empty && items.length < AUDIT_EXPORT_LIMIT) {
      const wanted = Math.min(1_000, AUDIT_EXPORT_LIMIT - items.length);
      const rows = await page(db, where.sql, cursor, wanted);
      items.push(...rows.map(view));
      if (rows.length < wanted) break;
      const last = rows[rows.length - 1];
      cursor = { at: last.at.toISOString(), id: last.id.toString() };
    }
    await recordAudit(db, actor, meta, { action: "audit.export", result: "SUCCESS", detail: auditDetail(f, { rows: items.length }) });
    const name = `${f.from}-${f.to}`;
    return new FileDownload(auditCsv(items), "text/csv; charset=utf-8", `审计记录-${name}.csv`, `audit-events-${name}.csv`);
  },
});

/** The admin console's "latest events", within the same scope as the search. */
export async function recentAuditEvents(db: Tx, actor: Actor, take: number): Promise<AuditEventView[]> {
  return (await page(db, auditScope(actor), null, take)).map(view);
}

/**
 * The search form's frame: whose events this admin may read. The page reads it first, so the
 * permission is checked even when the filters typed are invalid and no search runs.
 */
export const getAuditSearchScope = defineUseCase({
  name: "audit.scope",
  permission: "audit.read",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    if (!actor.regionId) return { region: null };
    const region = await db.region.findUnique({ where: { id: actor.regionId }, select: { name: true } });
    return { region: region?.name ?? null };
  },
});
