import { closeWorkOrder } from "@/lib/work-orders/process";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "@/lib/db";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork, makeUser } from "./helpers/factories";
import { allUseCases } from "./helpers/use-cases";
import { testDatabaseUrl } from "./helpers/database-url";
import { defineUseCase, execute, type AnyUseCase } from "@/lib/api/use-case";
import { queryRows } from "@/lib/db";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { attemptSignIn, hashPassword } from "@/lib/auth/credentials";
import { intakeWorkOrder } from "@/lib/work-orders/create-work-order";
import { getWorkOrder } from "@/lib/work-orders/queries";
import { archiveAuditEvents } from "@/lib/audit/archive";
import { exportAuditEvents, searchAuditEvents, AUDIT_PAGE_SIZE } from "@/lib/audit/search";
import { runJobNow } from "@/lib/jobs/boss";
import { FileDownload } from "@/lib/api/file-download";

// Issue 9 item 3: every write, view of personal data, export and sign-in leaves one audit event;
// PostgreSQL itself refuses to change or remove them (also for the application's own role); old
// events move to the archive, never away; admins search both, within their region.

const meta = { ip: "10.9.8.7", userAgent: "vitest" };
type Net = Awaited<ReturnType<typeof makeSmallNetwork>>;

function must<T>(r: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

const call = { channel: "HOTLINE_12348", type: "CONSULTATION", regionCode: "369901001001", requester: { name: "王大爷", phone: "13912345678" }, subject: "土地承包合同续签", description: "合同明年到期，想问续签要注意什么。" };

const MONTH = 30 * 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);

/** An event written straight into the table, with its time set (the application always writes now). */
async function event(over: Partial<{ at: Date; actorUserId: number | null; actorRole: Actor["role"] | null; organizationId: number | null; action: string; targetType: string | null; targetId: string | null; result: "SUCCESS" | "DENIED" | "FAILED"; ip: string | null; userAgent: string | null; detail: object }> = {}) {
  return db.auditEvent.create({ data: { action: "test.event", result: "SUCCESS", ...over } });
}

describe("every door leaves its trace", () => {
  let n: Net;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
  });

  it("a write leaves exactly one SUCCESS event with actor, role, organization, target and IP; a refused call one DENIED", async () => {
    const hotline = await makeActor({ role: "STAFF", organizationId: n.centre.id, name: "热线坐席" });
    const created = must(await execute(intakeWorkOrder, call, hotline, meta));
    const events = await db.auditEvent.findMany({ where: { action: "workOrder.intake" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: hotline.userId, actorRole: "STAFF", organizationId: n.centre.id, result: "SUCCESS",
      targetType: "WorkOrder", targetId: created.number, ip: "10.9.8.7", userAgent: "vitest",
    });

    const resident = await makeActor({ role: "RESIDENT" });
    expect(await execute(intakeWorkOrder, call, resident, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const denied = await db.auditEvent.findMany({ where: { action: "workOrder.intake", result: "DENIED" } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorUserId: resident.userId, actorRole: "RESIDENT", ip: "10.9.8.7" });

    // a probe from another township's room: refused as if the order did not exist, and on the trail with its number
    const foreign = await makeActor({ role: "STAFF", organizationId: n.roomB.id });
    expect(await execute(closeWorkOrder, { number: created.number, resultSummary: "已办结" }, foreign, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const probe = await db.auditEvent.findMany({ where: { action: "workOrder.close" } });
    expect(probe).toHaveLength(1);
    expect(probe[0]).toMatchObject({ actorUserId: foreign.userId, result: "DENIED", targetType: "WorkOrder", targetId: created.number });
  });

  it("a write's own audit event counts when its statement ran, not when it was built", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    // each writes one test row (and, when `send`, its audit event in the same statement)
    const door = (name: string, write: true | "statement", send: boolean) =>
      defineUseCase({
        name, permission: "workOrder.intake", write, input: z.object({}),
        async run({ db: on, auditSql }) {
          const audit = auditSql({ type: "Test", id: Prisma.sql`w."number"` }, "w");
          await queryRows(on, send
            ? Prisma.sql`WITH w AS (SELECT ${name}::text AS "number"), audit AS (${audit}) SELECT 1 AS one FROM w`
            : Prisma.sql`SELECT 1 AS one`);
          return { number: name };
        },
        target: (_i, r) => ({ type: "Test", id: r.number }),
      });
    const trail = (action: string) => db.auditEvent.findMany({ where: { action }, select: { result: true, targetId: true } });

    // one statement: sent, one event; built and not sent, the call fails (a programming error) and no SUCCESS is claimed
    must(await execute(door("test.statementSent", "statement", true), {}, staff, meta));
    expect(await trail("test.statementSent")).toEqual([{ result: "SUCCESS", targetId: "test.statementSent" }]);
    const unsent = await execute(door("test.statementUnsent", "statement", false), {}, staff, meta);
    expect(unsent).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(await trail("test.statementUnsent")).toEqual([]);

    // a transaction: sent, its own event only; built and not sent, execute() writes the event itself
    must(await execute(door("test.transactionSent", true, true), {}, staff, meta));
    expect(await trail("test.transactionSent")).toEqual([{ result: "SUCCESS", targetId: "test.transactionSent" }]);
    must(await execute(door("test.transactionUnsent", true, false), {}, staff, meta));
    expect(await trail("test.transactionUnsent")).toEqual([{ result: "SUCCESS", targetId: "test.transactionUnsent" }]);
  });

  it("viewing a record with personal data leaves a view event; a view out of scope a DENIED one", async () => {
    const hotline = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    const created = must(await execute(intakeWorkOrder, call, hotline, meta));
    const room = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    must(await execute(getWorkOrder, { number: created.number }, room, { ip: "10.1.1.1", userAgent: null }));
    const views = await db.auditEvent.findMany({ where: { action: "workOrder.read" } });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ actorUserId: room.userId, actorRole: "STAFF", organizationId: n.roomA.id, result: "SUCCESS", targetType: "WorkOrder", targetId: created.number, ip: "10.1.1.1" });

    const other = await makeActor({ role: "STAFF", organizationId: n.roomB.id });
    expect(await execute(getWorkOrder, { number: created.number }, other, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: "workOrder.read", result: "DENIED", actorUserId: other.userId } })).toBe(1);
  });

  it("sign-ins are audited: success, a wrong password and an unknown login, each with the address", async () => {
    const user = await makeUser({ role: "STAFF", organizationId: n.roomA.id, username: "audit.staff", passwordHash: await hashPassword("Correct-Horse-9") });
    const where = (ip: string) => ({ ip, userAgent: "Mozilla/5.0" });
    expect(await attemptSignIn(db, { login: "audit.staff", password: "Correct-Horse-9" }, where("10.0.0.1"))).toMatchObject({ ok: true });
    expect(await attemptSignIn(db, { login: "audit.staff", password: "wrong" }, where("10.0.0.2"))).toMatchObject({ ok: false });
    expect(await attemptSignIn(db, { login: "nobody.here", password: "wrong" }, where("10.0.0.3"))).toMatchObject({ ok: false });
    const events = await db.auditEvent.findMany({ where: { action: "auth.signIn" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.result, e.targetType, e.targetId, e.ip])).toEqual([
      ["SUCCESS", "User", String(user.id), "10.0.0.1"],
      ["DENIED", "User", String(user.id), "10.0.0.2"],
      ["DENIED", null, null, "10.0.0.3"],
    ]);
  });

  it("an export of the audit trail leaves one event, with the filters and the number of rows", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    await event({ action: "workOrder.read", at: ago(60_000) });
    const file = must(await execute(exportAuditEvents, { action: "workOrder" }, admin, meta));
    expect(file).toBeInstanceOf(FileDownload);
    const events = await db.auditEvent.findMany({ where: { action: "audit.export" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: admin.userId, actorRole: "ADMIN", result: "SUCCESS", ip: "10.9.8.7" });
    expect(events[0].detail).toMatchObject({ action: "workOrder", rows: 1 });
  });
});

// Reads that show one record with personal data, or hand out files, are audited per call. The
// others are named here with the reason they are not: a new read use case must be put in one list
// or the other (or be marked audit: "view"), so nobody adds an unaudited personal-data door by accident.
const VIEW_AUDITED = [
  "workOrder.read", "workOrder.attachment.download", "workOrder.ratingLink",
  "legalAid.read", "legalAid.case", "legalAid.lawyerCase", "legalAid.candidates", "legalAid.objections", "legalAid.draft.get", "legalAid.attachment.download",
  "mediation.read", "mediation.aftercare",
];
/** reads that write their own event, with more detail than execute() records */
const SELF_AUDITED: Record<string, string> = {
  "legalAid.document": "legalAid.document.view, with the document kind",
  "mediation.document": "mediation.document.view, with the document kind",
  "stats.export": "stats.export, with region, period and format (and DENIED outside the region)",
  "progress.verifyCode": "progress.verifyCode, success and each refusal",
  "audit.search": "audit.search, with the filters",
  "audit.export": "audit.export, with the filters and the row count",
};
/** not audited per call, and why */
const NOT_AUDITED: Record<string, string> = {
  "workOrder.inbox": "list: requester names, phones masked (docs/decisions/013)",
  "workOrder.mine": "a resident's own orders",
  "legalAid.queue": "list: applicant names only",
  "legalAid.myCases": "list: applicant names only",
  "legalAid.myOffers": "list: names masked",
  "legalAid.pool": "list without the applicant's identity",
  "mediation.list": "list: party names only",
  "mediation.mine": "a resident's own cases",
  "notification.listMine": "one's own messages",
  "notification.outbox": "list: phones masked",
  "lawyer.supervision": "lawyers' professional record",
  "legalAid.choiceOptions": "the public lawyer roster",
  "lawyer.roster": "public", "lawyer.rosterCard": "public", "lawyer.choiceRule": "public",
  "lawyer.workspace": "a lawyer's own profile",
  "me.read": "one's own account", "resident.home": "one's own account, masked",
  "imports.list": "batch summaries", "imports.read": "row numbers and reasons, no cell content", "imports.template": "an empty template",
  "progress.read": "no names, numbers or free text by design (lib/tracking/progress.ts)",
  "admin.overview": "counts and the latest audit events", "apiClient.list": "clients, no personal data",
  "calendar.listYear": "reference data", "guide.entry": "reference data", "health.read": "no data", "api.describe": "no data",
  "legalAid.hardshipStandard.get": "reference data", "legalAid.hardshipStandard.list": "reference data", "legalAid.rules.get": "reference data",
  "workOrder.rules.list": "reference data", "workOrder.stats": "aggregates", "workOrder.handOverTargets": "service points", "workOrder.colleagues": "colleagues' names",
  "mediation.listMediators": "mediators' names", "mediation.indicators": "aggregates", "legalAid.indicators.choice": "aggregates",
  "stats.indicators": "aggregates", "stats.trend": "aggregates", "stats.ranking": "aggregates",
  "stats.target.list": "aggregates", "stats.figure.list": "aggregates", "stats.target.progress": "aggregates",
  "network.overview": "service points", "workbench.summary": "service points", "organization.read": "service points",
  "organization.adminList": "service points", "organization.formOptions": "service points", "region.adminChildren": "regions",
  "servicePoint.search": "public", "servicePoint.read": "public", "servicePoint.regions": "public",
  "preference.elderMode": "a display cookie", "audit.scope": "the admin's own region",
  "account.security.read": "one's own account", "account.session.touch": "a session heartbeat",
  "consent.list": "shown on the case page, whose read is audited (legalAid.case, mediation.read)",
};

describe("which reads are audited", () => {
  const reads: AnyUseCase[] = allUseCases().map((f) => f.useCase).filter((uc) => !uc.write);

  it("every use case named as view-audited is marked audit: \"view\"", () => {
    const byName = new Map(reads.map((uc) => [uc.name, uc]));
    for (const name of VIEW_AUDITED) expect(byName.get(name)?.audit, name).toBe("view");
  });

  it("every read use case is audited per call, audits itself, or is listed with the reason it is not", () => {
    const unclassified = reads
      .filter((uc) => uc.audit !== "view" && !(uc.name in SELF_AUDITED) && !(uc.name in NOT_AUDITED))
      .map((uc) => uc.name);
    expect(unclassified).toEqual([]);
  });
});

// ───────────── the database keeps the trail ─────────────

describe("PostgreSQL refuses to change or remove audit events", () => {
  beforeEach(resetDatabase);

  it("as the owner: no UPDATE ever; no DELETE of a young row, nor of an old one without an identical archived copy", async () => {
    const young = await event({ at: ago(60_000) });
    const old = await event({ at: ago(8 * MONTH) });
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${young.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${old.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${young.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${old.id}`).rejects.toThrow(/append-only/);
    // a copy that differs (here: the action) does not count as archived
    await db.$executeRaw`INSERT INTO "AuditEventArchive" ("id", "at", "action", "result") VALUES (${old.id}, ${old.at}, 'something.else', 'SUCCESS')`;
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${old.id}`).rejects.toThrow(/append-only/);
    // the archive itself is append-only
    await expect(db.$executeRaw`UPDATE "AuditEventArchive" SET "action" = 'x' WHERE "id" = ${old.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEventArchive" WHERE "id" = ${old.id}`).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(2);
  });

  describe("as the application's role (not a superuser, not the owner, every table privilege but TRUNCATE and TRIGGER)", () => {
    // The role docs/decisions/013 sets up for production, made here with the same GRANT/REVOKE.
    const ROLE = "portal_audit_probe";
    const url = new URL(testDatabaseUrl());
    url.username = ROLE;
    // a password too: the embedded server of `npm test` authenticates by password, not trust
    const PASSWORD = `probe-${process.pid}`;
    url.password = PASSWORD;
    let probe: pg.Client;
    let probeDb: PrismaClient;

    beforeAll(async () => {
      await db.$executeRawUnsafe(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB; END IF; END $$`);
      await db.$executeRawUnsafe(`ALTER ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`);
      await db.$executeRawUnsafe(`GRANT USAGE ON SCHEMA public TO ${ROLE}`);
      await db.$executeRawUnsafe(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${ROLE}`);
      await db.$executeRawUnsafe(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${ROLE}`);
      await db.$executeRawUnsafe(`REVOKE TRUNCATE, TRIGGER ON "AuditEvent", "AuditEventArchive" FROM ${ROLE}`);
      probe = new pg.Client({ connectionString: url.toString() });
      await probe.connect();
      probeDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    });

    afterAll(async () => {
      await probe?.end();
      await probeDb?.$disconnect();
      await db.$executeRawUnsafe(`DROP OWNED BY ${ROLE}`);
      // the role is cluster-wide: another database may still hold grants to it; then it stays
      await db.$executeRawUnsafe(`DROP ROLE IF EXISTS ${ROLE}`).catch(() => {});
    });

    it("inserts events, but cannot update, delete, truncate or switch off the guard", async () => {
      expect((await probe.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows).toEqual([{ rolsuper: false }]);
      const inserted = await probe.query(`INSERT INTO "AuditEvent" ("action", "result") VALUES ('probe.insert', 'SUCCESS') RETURNING "id"`);
      const id = inserted.rows[0].id as string;
      const old = await event({ at: ago(8 * MONTH) });

      for (const sql of [
        `UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${id}`,
        `DELETE FROM "AuditEvent" WHERE "id" = ${id}`,
        `DELETE FROM "AuditEvent" WHERE "id" = ${old.id}`,
      ]) {
        await expect(probe.query(sql), sql).rejects.toThrow(/append-only/);
      }
      await expect(probe.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
      await expect(probe.query(`TRUNCATE "AuditEventArchive"`)).rejects.toThrow(/permission denied/);
      await expect(probe.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_guard"`)).rejects.toThrow(/must be owner/);
      await expect(probe.query(`DROP TRIGGER "AuditEvent_guard" ON "AuditEvent"`)).rejects.toThrow(/must be owner/);
      await expect(probe.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
      expect(await db.auditEvent.count()).toBe(2);
    });

    it("cannot change or remove archived events, while the archive job run as this role moves old ones", async () => {
      const old = await event({ at: ago(13 * MONTH), action: "probe.old" });
      const young = await event({ at: ago(60_000), action: "probe.young" });
      const result = await archiveAuditEvents(probeDb as unknown as Db, { now: new Date(), retentionMonths: 12 });
      expect(result.archived).toBe(1);
      expect((await db.auditEvent.findMany({ select: { id: true } })).map((e) => e.id)).toEqual([young.id]);
      await expect(probe.query(`UPDATE "AuditEventArchive" SET "action" = 'tampered' WHERE "id" = ${old.id}`)).rejects.toThrow(/append-only/);
      await expect(probe.query(`DELETE FROM "AuditEventArchive" WHERE "id" = ${old.id}`)).rejects.toThrow(/append-only/);
      expect(await db.auditEventArchive.count()).toBe(1);
    });
  });
});

// ───────────── retention: the archive job ─────────────

describe("the archive job", () => {
  beforeEach(resetDatabase);

  const columns = ["id", "at", "actorUserId", "actorRole", "organizationId", "apiClientId", "action", "targetType", "targetId", "result", "ip", "userAgent", "detail"] as const;
  const content = (row: Record<string, unknown>) => Object.fromEntries(columns.map((c) => [c, row[c]]));

  it("moves only rows older than the retention, unchanged; leaves the young ones; a second run moves nothing", async () => {
    const user = await makeUser({ role: "ADMIN" });
    const oldest = await event({ at: ago(25 * MONTH), actorUserId: user.id, actorRole: "ADMIN", action: "workOrder.read", targetType: "WorkOrder", targetId: "369901-20240101-0000001", ip: "10.0.0.9", userAgent: "旧浏览器", detail: { kind: "decision", nested: { a: [1, 2] } } });
    const old = await event({ at: ago(13 * MONTH), result: "DENIED" });
    const middle = await event({ at: ago(7 * MONTH) });
    const young = await event({ at: ago(60_000) });
    const before = [oldest, old].map(content);

    const first = await archiveAuditEvents(db, { now: new Date(), retentionMonths: 12 });
    expect(first).toMatchObject({ archived: 2, batches: 1 });
    expect((await db.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.id)).toEqual([middle.id, young.id]);
    const archived = await db.auditEventArchive.findMany({ orderBy: { id: "asc" } });
    expect(archived.map(content)).toEqual(before);
    expect(archived.every((a) => a.archivedAt.getTime() > Date.now() - 60_000)).toBe(true);

    expect(await archiveAuditEvents(db, { now: new Date(), retentionMonths: 12 })).toMatchObject({ archived: 0, batches: 0 });
    expect(await db.auditEventArchive.count()).toBe(2);

    // the legal minimum moves the 7-month-old row too, never the young one
    expect(await archiveAuditEvents(db, { now: new Date(), retentionMonths: 6 })).toMatchObject({ archived: 1 });
    expect((await db.auditEvent.findMany()).map((e) => e.id)).toEqual([young.id]);
  });

  it("works in batches, and never goes below six months whatever `now` it is given", async () => {
    for (let i = 0; i < 7; i++) await event({ at: ago(14 * MONTH + i * 1000) });
    const young = await event({ at: ago(5 * MONTH) });
    const r = await archiveAuditEvents(db, { now: new Date(), retentionMonths: 12, batchSize: 3 });
    expect(r).toMatchObject({ archived: 7, batches: 3 });
    // a clock two years ahead: the five-month-old row stays (the database would refuse it anyway)
    expect(await archiveAuditEvents(db, { now: new Date(Date.now() + 24 * MONTH), retentionMonths: 6 })).toMatchObject({ archived: 0 });
    expect((await db.auditEvent.findMany()).map((e) => e.id)).toEqual([young.id]);
  });

  it("refuses a retention under six months; the daily job uses AUDIT_RETENTION_MONTHS (12 by default)", async () => {
    await expect(archiveAuditEvents(db, { now: new Date(), retentionMonths: 5 })).rejects.toThrow(/at least 6/);
    // the setting is checked with the rest of the environment, so a server configured below the floor does not start
    const saved = process.env.AUDIT_RETENTION_MONTHS;
    try {
      for (const [value, expected] of [["5", /不能少于 6/], ["abc", /必须是整数/], ["18", null]] as const) {
        process.env.AUDIT_RETENTION_MONTHS = value;
        vi.resetModules();
        const { env } = await import("@/lib/env");
        if (expected) expect(() => env(), value).toThrow(expected);
        else expect(env().AUDIT_RETENTION_MONTHS).toBe(18);
      }
    } finally {
      if (saved === undefined) delete process.env.AUDIT_RETENTION_MONTHS;
      else process.env.AUDIT_RETENTION_MONTHS = saved;
      vi.resetModules();
    }
    await event({ at: ago(13 * MONTH) });
    await event({ at: ago(11 * MONTH) });
    expect(await runJobNow("audit.archive", db)).toMatchObject({ archived: 1 });
    expect(await db.auditEvent.count()).toBe(1);
  });
});

// ───────────── the admin's search ─────────────

describe("searching the audit trail", () => {
  let n: Net;
  let admin: Actor;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    admin = await makeActor({ role: "ADMIN", name: "市管理员" });
  });

  const search = async (actor: Actor, input: Record<string, unknown>) => must(await execute(searchAuditEvents, input, actor, meta));
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  it("filters by actor, role, action, target, result and IP, and is itself audited", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.roomA.id, name: "张调查", username: "zhang.room", phone: "13900001111" });
    const officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id, name: "李审查" });
    const a = await event({ at: ago(3_600_000), actorUserId: staff.userId, actorRole: "STAFF", organizationId: n.roomA.id, action: "workOrder.read", targetType: "WorkOrder", targetId: "369901-20261201-0000001", ip: "10.2.3.4" });
    const b = await event({ at: ago(7_200_000), actorUserId: officer.userId, actorRole: "LEGAL_AID_OFFICER", organizationId: n.centre.id, action: "legalAid.case", targetType: "LegalAidApplication", targetId: "369901-20261201-0000002", ip: "10.5.6.7", result: "DENIED" });
    const signIn = await event({ at: ago(10_800_000), action: "auth.signIn", targetType: "User", targetId: String(staff.userId), ip: "10.2.9.9" });

    expect(ids((await search(admin, {})).items)).toEqual([a, b, signIn].map((e) => String(e.id)));
    // an actor by username, phone or part of the name: their events and their sign-ins
    for (const actor of ["zhang.room", "13900001111", "调查"]) expect(ids((await search(admin, { actor })).items), actor).toEqual([String(a.id), String(signIn.id)]);
    expect((await search(admin, { actor: "无此人" })).items).toEqual([]);
    expect(ids((await search(admin, { role: "LEGAL_AID_OFFICER" })).items)).toEqual([String(b.id)]);
    expect(ids((await search(admin, { area: "auth" })).items)).toEqual([String(signIn.id)]);
    expect(ids((await search(admin, { action: "workOrder.r" })).items)).toEqual([String(a.id)]);
    expect(ids((await search(admin, { targetType: "LegalAidApplication", targetId: "369901-20261201-0000002" })).items)).toEqual([String(b.id)]);
    expect(ids((await search(admin, { result: "DENIED" })).items)).toEqual([String(b.id)]);
    expect(ids((await search(admin, { ip: "10.2." })).items)).toEqual([String(a.id), String(signIn.id)]);
    // "_" is a LIKE wildcard: typed by the admin it is a plain character
    expect((await search(admin, { action: "workOrder_read" })).items).toEqual([]);
    expect(await execute(searchAuditEvents, { action: "work%" }, admin, meta)).toMatchObject({ ok: false, fieldErrors: { action: [expect.stringContaining("操作代码")] } });

    const first = (await search(admin, { actor: "zhang.room" })).items[0];
    expect(first).toMatchObject({ actor: "张调查", roleLabel: "窗口工作人员", organization: n.roomA.name, actionLabel: "查看工单", targetTypeLabel: "工单", ip: "10.2.3.4" });
    const signInView = (await search(admin, { area: "auth" })).items[0];
    expect(signInView).toMatchObject({ actor: "未登录访问", actionLabel: "登录", targetName: "张调查" });

    const searches = await db.auditEvent.findMany({ where: { action: "audit.search" }, orderBy: { id: "asc" } });
    expect(searches.length).toBeGreaterThan(5);
    expect(searches.every((e) => e.actorUserId === admin.userId && e.result === "SUCCESS")).toBe(true);
    expect(searches[1].detail).toMatchObject({ actor: "zhang.room" });
  });

  it("reads a period of Shanghai dates, the last 7 days by default; invalid dates are field errors", async () => {
    const sixDays = await event({ at: ago(6 * 86_400_000) });
    await event({ at: ago(8 * 86_400_000) });
    const r = await search(admin, {});
    expect(ids(r.items)).toEqual([String(sixDays.id)]);
    expect(r.filters.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // 2026-03-01 in Shanghai is 2026-02-28T16:00Z … 2026-03-01T15:59:59.999Z
    const inside = [await event({ at: new Date("2026-02-28T16:00:00.000Z") }), await event({ at: new Date("2026-03-01T15:59:59.999Z") })];
    await event({ at: new Date("2026-02-28T15:59:59.999Z") });
    await event({ at: new Date("2026-03-01T16:00:00.000Z") });
    expect(ids((await search(admin, { from: "2026-03-01", to: "2026-03-01" })).items)).toEqual(inside.reverse().map((e) => String(e.id)));

    expect(await execute(searchAuditEvents, { from: "2026-02-30" }, admin, meta)).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { from: [expect.stringContaining("年-月-日")] } });
    expect(await execute(searchAuditEvents, { from: "2026-03-02", to: "2026-03-01" }, admin, meta)).toMatchObject({ ok: false, fieldErrors: { to: ["结束日期不能早于开始日期"] } });
    expect(await execute(searchAuditEvents, { cursor: "not-a-cursor" }, admin, meta)).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("pages 50 at a time, newest first, without skipping or repeating rows of the same time, across live and archived events", async () => {
    const at = ago(86_400_000);
    const live = await db.auditEvent.createManyAndReturn({ data: Array.from({ length: 90 }, () => ({ at, action: "test.same", result: "SUCCESS" as const })), select: { id: true } });
    // archived rows with the same time, their ids interleaved with the live ones
    const archivedIds = live.filter((_, i) => i % 3 === 0).map((e) => e.id + 100_000n);
    for (const id of archivedIds) await db.$executeRaw`INSERT INTO "AuditEventArchive" ("id", "at", "action", "result") VALUES (${id}, ${at}, 'test.same', 'SUCCESS')`;
    const later = await event({ at: new Date(at.getTime() + 1) });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await search(admin, { action: "test.", cursor });
      expect(r.items.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      seen.push(...ids(r.items));
      cursor = r.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    const all = [String(later.id), ...[...live.map((e) => e.id), ...archivedIds].sort((x, y) => (x < y ? 1 : -1)).map(String)];
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(121);
  });

  it("finds archived events, marked as such", async () => {
    const old = await event({ at: ago(13 * MONTH), action: "workOrder.read", targetType: "WorkOrder", targetId: "369901-20251101-0000009" });
    await archiveAuditEvents(db, { now: new Date(), retentionMonths: 12 });
    const from = old.at.toISOString().slice(0, 10);
    const r = await search(admin, { from: `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`, targetType: "WorkOrder", targetId: "369901-20251101-0000009" });
    expect(r.items).toMatchObject([{ id: String(old.id), archived: true, action: "workOrder.read" }]);
  });

  it("a region admin sees the events of their region's accounts and service points only", async () => {
    const regionAdmin = await makeActor({ role: "ADMIN", regionId: n.townA.id, name: "东镇管理员" });
    const inStation = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const inRoom = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    const otherTown = await makeActor({ role: "STAFF", organizationId: n.stationB.id });
    const county = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id });
    const resident = await makeActor({ role: "RESIDENT" });
    const visible = [
      await event({ at: ago(1000), actorUserId: inStation.userId, actorRole: "STAFF", organizationId: n.stationA.id, action: "workOrder.read" }),
      await event({ at: ago(2000), actorUserId: inRoom.userId, actorRole: "STAFF", organizationId: n.roomA.id, action: "workOrder.process" }),
      // a sign-in of an account of the region (no actor yet, the account is the target)
      await event({ at: ago(3000), action: "auth.signIn", targetType: "User", targetId: String(inRoom.userId) }),
    ];
    await event({ at: ago(4000), actorUserId: otherTown.userId, actorRole: "STAFF", organizationId: n.stationB.id, action: "workOrder.read" });
    await event({ at: ago(5000), actorUserId: county.userId, actorRole: "LEGAL_AID_OFFICER", organizationId: n.centre.id, action: "legalAid.case" });
    await event({ at: ago(6000), actorUserId: resident.userId, actorRole: "RESIDENT", action: "workOrder.submit" });
    await event({ at: ago(7000), action: "auth.signIn", targetType: "User", targetId: String(otherTown.userId) });
    await event({ at: ago(8000), action: "auth.signIn", result: "DENIED" });

    expect(ids((await search(regionAdmin, { action: "workOrder" })).items)).toEqual(visible.slice(0, 2).map((e) => String(e.id)));
    expect(ids((await search(regionAdmin, { action: "auth" })).items)).toEqual([String(visible[2].id)]);
    // naming an account outside the region finds nothing either
    expect((await search(regionAdmin, { actor: otherTown.name })).items).toEqual([]);
    // the city-wide admin sees all eight (and the region admin's searches)
    expect((await search(admin, { action: "workOrder" })).items).toHaveLength(4);
    expect((await search(admin, { action: "auth" })).items).toHaveLength(3);
    // the export has the same scope
    const file = must(await execute(exportAuditEvents, { action: "workOrder" }, regionAdmin, meta)) as FileDownload;
    expect(new TextDecoder().decode(file.bytes).trim().split("\r\n")).toHaveLength(3);
    // nobody but admins
    for (const role of ["LEADER", "STAFF"] as const) {
      const other = await makeActor(role === "STAFF" ? { role, organizationId: n.centre.id } : { role, regionId: n.county.id });
      expect(await execute(searchAuditEvents, {}, other, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(exportAuditEvents, {}, other, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
  });

  it("exports the search as CSV with every text cell safe from formula injection", async () => {
    const user = await makeUser({ role: "STAFF", organizationId: n.roomA.id, name: "=HYPERLINK(\"http://x\")" });
    await event({ at: ago(1000), actorUserId: user.id, actorRole: "STAFF", organizationId: n.roomA.id, action: "workOrder.read", targetType: "WorkOrder", targetId: "+86-1", userAgent: "@SUM(1,2)", ip: "10.0.0.1", detail: { note: "-1" } });
    const file = must(await execute(exportAuditEvents, { action: "workOrder.read" }, admin, meta)) as FileDownload;
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.asciiName).toMatch(/^audit-events-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith("\uFEFF时间（北京时间）,操作人")).toBe(true);
    const [, row] = text.trim().split("\r\n");
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain(",'+86-1,");
    expect(row).toContain(`"'@SUM(1,2)"`);
    expect(row).toContain(",查看工单,workOrder.read,");
    for (const cell of row.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@]/);
  });
});
