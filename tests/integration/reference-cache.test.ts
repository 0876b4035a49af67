import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { testDatabaseUrl } from "./helpers/database-url";
import { cachedReference, referenceCacheLive, startReferenceCache, stopReferenceCache } from "@/lib/system/reference-cache";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { isWorkingDay } from "@/lib/calendar/working-days";
import { actorForApiToken } from "@/lib/auth/actor";
import { execute } from "@/lib/api/use-case";
import { createApiClient, revokeApiClient } from "@/lib/api-clients/manage-api-clients";
import { intakeWorkOrder } from "@/lib/work-orders/create-work-order";

// The in-memory reference data must be exactly as fresh as the database for every instance: a
// change made through another connection (another web instance) is seen by the next request.

const meta = { ip: null, userAgent: null };
const until = async (check: () => boolean | Promise<boolean>, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Another instance's connection: changes made here reach this process only through NOTIFY. */
async function elsewhere<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: testDatabaseUrl() });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** A loader that counts its calls, to tell a cached read from a database read. */
function counted<T>(load: () => Promise<T>) {
  const f = Object.assign(async () => { f.calls += 1; return load(); }, { calls: 0 });
  return f;
}

describe("reference cache", () => {
  beforeEach(async () => {
    await resetDatabase();
    await startReferenceCache();
    await until(referenceCacheLive);
  });
  afterEach(stopReferenceCache);

  it("keeps a value until a change to reference data commits anywhere, and ignores a rolled-back change", async () => {
    const load = counted(() => db.calendarDay.count());
    expect(await cachedReference("t", load)).toBe(0);
    expect(await cachedReference("t", load)).toBe(0);
    expect(load.calls).toBe(1);

    await elsewhere(async (c) => {
      await c.query("BEGIN");
      await c.query(`INSERT INTO "CalendarDay" ("date", "kind", "name", "updatedAt") VALUES ('2027-01-01', 'HOLIDAY', '元旦', now())`);
      await c.query("ROLLBACK");
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await cachedReference("t", load)).toBe(0);
    expect(load.calls).toBe(1);

    await elsewhere((c) => c.query(`INSERT INTO "CalendarDay" ("date", "kind", "name", "updatedAt") VALUES ('2027-01-01', 'HOLIDAY', '元旦', now())`));
    await until(async () => (await cachedReference("t", load)) === 1);
    expect(load.calls).toBe(2);
  });

  it("the working calendar: a holiday set by another instance moves the next deadline", async () => {
    const before = await loadWorkingCalendar(db);
    expect(isWorkingDay(before, "2027-03-03")).toBe(true);
    expect(await loadWorkingCalendar(db)).toBe(before); // served from memory
    await elsewhere((c) => c.query(`INSERT INTO "CalendarDay" ("date", "kind", "name", "updatedAt") VALUES ('2027-03-03', 'HOLIDAY', '测试', now())`));
    await until(async () => !isWorkingDay(await loadWorkingCalendar(db), "2027-03-03"));
  });

  it("a revoked API token stops working at once on every instance, and a new one works at once", async () => {
    const n = await makeSmallNetwork();
    const admin = await makeActor({ role: "ADMIN" });
    const created = await execute(createApiClient, { name: "热线坐席", role: "STAFF", organizationId: n.stationA.id }, admin, meta);
    if (!created.ok) throw new Error(created.message);
    const { token } = created.data;
    expect(await actorForApiToken(db, token)).toMatchObject({ organizationId: n.stationA.id });
    await elsewhere((c) => c.query(`UPDATE "ApiClient" SET "revokedAt" = now()`));
    await until(async () => (await actorForApiToken(db, token)) === null);

    // An unknown token is never kept (memory stays bounded) — creating it later needs no notice.
    expect(await actorForApiToken(db, "lsp_unknown")).toBeNull();
    const second = await execute(createApiClient, { name: "微信", role: "STAFF", organizationId: n.stationA.id }, admin, meta);
    if (!second.ok) throw new Error(second.message);
    expect(await actorForApiToken(db, second.data.token)).not.toBeNull();
    expect(await execute(revokeApiClient, { id: second.data.id }, admin, meta)).toMatchObject({ ok: true });
    await until(async () => (await actorForApiToken(db, second.data.token)) === null);
  });

  it("a value loaded across a change is returned but not kept", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = counted(async () => {
      const value = await db.calendarDay.count();
      await gate; // the change commits while this load is in flight
      return value;
    });
    const pending = cachedReference("slow", slow);
    await elsewhere((c) => c.query(`INSERT INTO "CalendarDay" ("date", "kind", "name", "updatedAt") VALUES ('2027-05-05', 'HOLIDAY', '测试', now())`));
    await new Promise((r) => setTimeout(r, 200)); // the notice arrives
    release();
    expect(await pending).toBe(0);
    expect(await cachedReference("slow", slow)).toBe(1);
    expect(slow.calls).toBe(2);
  });

  it("while the listener is away every read goes to the database; it comes back by itself", async () => {
    const load = counted(() => db.calendarDay.count());
    await cachedReference("t", load);
    await cachedReference("t", load);
    expect(load.calls).toBe(1);
    await elsewhere((c) => c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN reference_changed'`));
    await until(() => !referenceCacheLive());
    await cachedReference("t", load);
    await until(referenceCacheLive);
    await cachedReference("t", load);
    await cachedReference("t", load);
    expect(load.calls).toBe(3);
  });

  it("intake routes and dates orders from memory exactly as from the database", async () => {
    const n = await makeSmallNetwork();
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const input = (phone: string) => ({
      channel: "HOTLINE_12348", type: "CONSULTATION", regionCode: n.villageA.code, subject: "咨询", description: "劳动合同",
      requester: { name: "张三", phone }, confirmDuplicate: true,
    });
    const first = await execute(intakeWorkOrder, input("13800000001"), staff, meta);
    const second = await execute(intakeWorkOrder, input("13800000002"), staff, meta);
    await stopReferenceCache();
    const uncached = await execute(intakeWorkOrder, input("13800000003"), staff, meta);
    if (!first.ok || !second.ok || !uncached.ok) throw new Error(JSON.stringify([first, second, uncached]));
    expect(second.data.organization).toEqual(first.data.organization);
    expect(uncached.data.organization).toEqual(first.data.organization);
    const orders = await db.workOrder.findMany({ orderBy: { id: "asc" }, include: { events: true } });
    expect(orders.map((o) => o.number)).toEqual([first.data.number, second.data.number, uncached.data.number]);
    expect(orders.every((o) => o.events.length === 1 && o.events[0].kind === "CREATED")).toBe(true);
    const notices = await db.notification.findMany({ orderBy: { id: "asc" } });
    expect(notices.map((x) => [x.channel, x.recipientPhone, x.workOrderId])).toEqual(orders.map((o) => ["SMS", o.requesterPhone, o.id]));
    expect(notices[0].body).toBe(`您的法律咨询已登记，编号 ${first.data.number}，由${first.data.organization.name}办理。`);
  });
});
