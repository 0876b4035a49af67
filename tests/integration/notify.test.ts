import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { enqueueNotification, type OutgoingNotification } from "@/lib/notify/enqueue";
import { deliverPendingNotifications, MAX_DELIVERY_ATTEMPTS } from "@/lib/notify/deliver";
import type { SmsGateway } from "@/lib/notify/channels";
import { deliverOutboxNow, listMyNotifications, listOutbox, markNotificationsRead, OUTBOX_PAGE_SIZE } from "@/lib/notify/queries";
import { runJobNow, startJobs, stopJobs } from "@/lib/jobs/boss";
import { testDatabaseUrl } from "./helpers/database-url";

const meta = { ip: null, userAgent: null };

async function ok<T>(promise: Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.data;
}

const enqueue = (n: OutgoingNotification) => db.$transaction((tx) => enqueueNotification(tx, n));

/** Records what it was asked to send; optionally slow, optionally failing. */
function spyGateway({ delayMs = 0, fail = false }: { delayMs?: number; fail?: boolean } = {}) {
  const calls: { phone: string; text: string; notificationId: number }[] = [];
  const gateway: SmsGateway = {
    name: "spy",
    async send(phone, text, { notificationId }) {
      calls.push({ phone, text, notificationId });
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (fail) throw new Error(`carrier refused 13800000001: quota exceeded`);
    },
  };
  return { gateway, calls };
}

describe("notification outbox delivery", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("delivers enqueued messages: in-app rows and SMS through the gateway are marked SENT", async () => {
    const resident = await makeActor({ role: "RESIDENT", phone: "13800000001" });
    await enqueue({ channel: "IN_APP", recipientUserId: resident.userId, body: "您的工单已受理", link: "/resident" });
    await enqueue({ channel: "SMS", recipientPhone: "13900000002", body: "您的工单已办结，请评价", link: "https://example.invalid/r/abc" });
    const { gateway, calls } = spyGateway();

    const counts = await deliverPendingNotifications(db, { sms: gateway });

    expect(counts).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const rows = await db.notification.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ["SENT", 1, null],
      ["SENT", 1, null],
    ]);
    expect(rows.every((r) => r.sentAt instanceof Date)).toBe(true);
    // Only the SMS went to the gateway, with an absolute link appended and the id as idempotency key.
    expect(calls).toEqual([{ phone: "13900000002", text: "您的工单已办结，请评价 https://example.invalid/r/abc", notificationId: rows[1].id }]);
    // Nothing is left: a second pass sends nothing.
    expect(await deliverPendingNotifications(db, { sms: gateway })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(calls).toHaveLength(1);
  });

  it("uses the outbox-only development gateway when SMS_GATEWAY is unset", async () => {
    await enqueue({ channel: "SMS", recipientPhone: "13900000002", body: "测试短信" });
    expect(process.env.SMS_GATEWAY).toBeUndefined();
    expect(await deliverPendingNotifications(db)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await db.notification.findFirstOrThrow()).toMatchObject({ status: "SENT" });
  });

  it("never delivers one message twice when two workers run at once", async () => {
    const resident = await makeActor({ role: "RESIDENT" });
    for (let i = 0; i < 30; i++) {
      await enqueue(
        i % 2
          ? { channel: "SMS", recipientPhone: `1390000${String(i).padStart(4, "0")}`, body: `短信${i}` }
          : { channel: "IN_APP", recipientUserId: resident.userId, body: `站内消息${i}` },
      );
    }
    const { gateway, calls } = spyGateway({ delayMs: 5 });

    const [a, b] = await Promise.all([
      deliverPendingNotifications(db, { sms: gateway }),
      deliverPendingNotifications(db, { sms: gateway }),
    ]);

    expect(a.sent + b.sent).toBe(30);
    expect(calls).toHaveLength(15);
    expect(new Set(calls.map((c) => c.notificationId)).size).toBe(15);
    expect(await db.notification.count({ where: { status: "SENT", attempts: 1 } })).toBe(30);
  });

  it("retries a failing SMS on later passes and marks it FAILED after 5 attempts, keeping no phone number", async () => {
    await enqueue({ channel: "SMS", recipientPhone: "13800000001", body: "您的预约已确认" });
    const { gateway, calls } = spyGateway({ fail: true });

    for (let pass = 1; pass < MAX_DELIVERY_ATTEMPTS; pass++) {
      // One attempt per pass: a failure is not retried within the same pass.
      expect(await deliverPendingNotifications(db, { sms: gateway })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(await db.notification.findFirstOrThrow()).toMatchObject({ status: "PENDING", attempts: pass });
    }
    expect(await deliverPendingNotifications(db, { sms: gateway })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const row = await db.notification.findFirstOrThrow();
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS, sentAt: null });
    expect(row.lastError).toContain("quota exceeded");
    expect(row.lastError).not.toContain("13800000001");
    expect(row.lastError!.length).toBeLessThanOrEqual(160);

    expect(await deliverPendingNotifications(db, { sms: gateway })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(calls).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });

  it("refuses a body that contains an 18-character ID number", async () => {
    const resident = await makeActor({ role: "RESIDENT" });
    await expect(
      enqueue({ channel: "IN_APP", recipientUserId: resident.userId, body: "申请人身份证号 11010519491231002X 已核验" }),
    ).rejects.toThrow(/ID number/);
    expect(await db.notification.count()).toBe(0);
  });
});

describe("my notifications", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it("shows a resident only their own in-app messages, newest first, and marks only their own read", async () => {
    const alice = await makeActor({ role: "RESIDENT", phone: "13800000001" });
    const bob = await makeActor({ role: "RESIDENT", phone: "13800000002" });
    await enqueue({ channel: "IN_APP", recipientUserId: alice.userId, body: "第一条" });
    await enqueue({ channel: "IN_APP", recipientUserId: bob.userId, body: "给 Bob 的" });
    await enqueue({ channel: "SMS", recipientPhone: "13800000001", body: "短信不进站内信箱" });
    await enqueue({ channel: "IN_APP", recipientUserId: alice.userId, body: "第二条" });

    const mine = await ok(execute(listMyNotifications, {}, alice, meta));
    expect(mine.items.map((n) => n.body)).toEqual(["第二条", "第一条"]);
    expect(mine.unread).toBe(2);

    // Bob's id in the list is ignored: only Alice's own rows match.
    const bobsRow = await db.notification.findFirstOrThrow({ where: { recipientUserId: bob.userId } });
    const marked = await ok(execute(markNotificationsRead, { ids: [mine.items[1].id, bobsRow.id] }, alice, meta));
    expect(marked).toEqual({ marked: 1 });
    expect((await db.notification.findUniqueOrThrow({ where: { id: bobsRow.id } })).readAt).toBeNull();

    const all = await ok(execute(markNotificationsRead, {}, alice, meta));
    expect(all).toEqual({ marked: 1 });
    expect((await ok(execute(listMyNotifications, {}, alice, meta))).unread).toBe(0);
    expect((await ok(execute(listMyNotifications, {}, bob, meta))).items.map((n) => n.body)).toEqual(["给 Bob 的"]);
    expect((await ok(execute(listMyNotifications, {}, bob, meta))).unread).toBe(1);
    expect(await execute(listMyNotifications, {}, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("returns at most the latest 50", async () => {
    const alice = await makeActor({ role: "RESIDENT" });
    await db.notification.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({ channel: "IN_APP" as const, recipientUserId: alice.userId, body: `消息${i}` })),
    });
    const mine = await ok(execute(listMyNotifications, {}, alice, meta));
    expect(mine.items).toHaveLength(50);
    expect(mine.items[0].body).toBe("消息54");
    expect(mine.unread).toBe(55);
  });
});

describe("the admin outbox", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
  });

  it("masks phone numbers and filters by channel and status", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    const resident = await makeActor({ role: "RESIDENT" });
    await enqueue({ channel: "SMS", recipientPhone: "13800000001", body: "短信一" });
    await enqueue({ channel: "IN_APP", recipientUserId: resident.userId, body: "站内一" });
    await enqueue({ channel: "SMS", recipientPhone: "13900000002", body: "短信二" });
    await db.notification.updateMany({ where: { body: "短信一" }, data: { status: "FAILED", attempts: 5, lastError: "Error: x" } });

    const all = await ok(execute(listOutbox, {}, admin, meta));
    expect(all.items.map((i) => [i.body, i.channel, i.recipientPhoneMasked, i.status])).toEqual([
      ["短信二", "SMS", "139****0002", "PENDING"],
      ["站内一", "IN_APP", null, "PENDING"],
      ["短信一", "SMS", "138****0001", "FAILED"],
    ]);
    const json = JSON.stringify(all);
    expect(json).not.toContain("13800000001");
    expect(json).not.toContain("13900000002");
    expect(all.counts).toEqual({ PENDING: 2, FAILED: 1 });
    expect(all.smsGateway).toBe("outbox");
    expect(all.olderThan).toBeNull();
    expect(all.newerThan).toBeNull();

    const sms = await ok(execute(listOutbox, { channel: "SMS", status: "" }, admin, meta));
    expect(sms.items.map((i) => i.body)).toEqual(["短信二", "短信一"]);
    const failed = await ok(execute(listOutbox, { channel: "SMS", status: "FAILED" }, admin, meta));
    expect(failed.items.map((i) => i.body)).toEqual(["短信一"]);
    expect(await execute(listOutbox, { channel: "FAX" }, admin, meta)).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("pages 50 at a time by id, forwards and back", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    await db.notification.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ channel: "SMS" as const, recipientPhone: "13800000001", body: `消息${i + 1}` })),
    });
    const ids = (await db.notification.findMany({ orderBy: { id: "desc" }, select: { id: true } })).map((r) => r.id);

    const p1 = await ok(execute(listOutbox, {}, admin, meta));
    expect(p1.items).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(p1.items[0].id).toBe(ids[0]);
    expect(p1.newerThan).toBeNull();
    const p2 = await ok(execute(listOutbox, { before: String(p1.olderThan) }, admin, meta));
    expect(p2.items.map((i) => i.id)).toEqual(ids.slice(50, 100));
    const p3 = await ok(execute(listOutbox, { before: p2.olderThan }, admin, meta));
    expect(p3.items.map((i) => i.id)).toEqual(ids.slice(100));
    expect(p3.olderThan).toBeNull();

    const back2 = await ok(execute(listOutbox, { after: p3.newerThan }, admin, meta));
    expect(back2.items.map((i) => i.id)).toEqual(ids.slice(50, 100));
    const back1 = await ok(execute(listOutbox, { after: back2.newerThan }, admin, meta));
    expect(back1.items.map((i) => i.id)).toEqual(ids.slice(0, 50));
    expect(back1.newerThan).toBeNull();
    expect(back1.olderThan).toBe(ids[49]);
  });

  it("is for city-wide admins only", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const resident = await makeActor({ role: "RESIDENT" });
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const countyAdmin = await makeActor({ role: "ADMIN", regionId: n.county.id });
    for (const actor of [staff, resident, leader, countyAdmin]) {
      expect(await execute(listOutbox, {}, actor, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(deliverOutboxNow, {}, actor, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await execute(listOutbox, {}, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("sends what is pending when the admin presses 'send now', and audits it", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    await enqueue({ channel: "SMS", recipientPhone: "13800000001", body: "短信一" });
    await enqueue({ channel: "SMS", recipientPhone: "13800000002", body: "短信二" });

    expect(await ok(execute(deliverOutboxNow, {}, admin, meta))).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(await db.notification.count({ where: { status: "SENT" } })).toBe(2);
    expect(await db.auditEvent.findFirst({ where: { action: "notification.deliverNow" } })).toMatchObject({ result: "SUCCESS", actorUserId: admin.userId });
  });
});

describe("background jobs (pg-boss)", () => {
  beforeAll(async () => {
    await resetDatabase();
  });
  afterAll(async () => {
    await stopJobs(5_000);
  });

  it("runJobNow calls the job's handler directly", async () => {
    await enqueue({ channel: "SMS", recipientPhone: "13800000001", body: "直接运行" });
    expect(await runJobNow("notify.deliver")).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await runJobNow("workOrders.escalateOverdue")).toEqual({ escalated: 0 });
  });

  it("does not start when JOBS_DISABLED=1", async () => {
    process.env.JOBS_DISABLED = "1";
    try {
      expect(await startJobs({ schedule: false, stopOnSignals: false })).toBeNull();
    } finally {
      delete process.env.JOBS_DISABLED;
    }
  });

  it("processes a notify.deliver job sent to the queue", { timeout: 20_000 }, async () => {
    await enqueue({ channel: "SMS", recipientPhone: "13800000001", body: "经队列发送" });
    const boss = await startJobs({ connectionString: testDatabaseUrl(), schedule: false, stopOnSignals: false });
    expect(boss).not.toBeNull();
    // The same process-wide instance on a second call.
    expect(await startJobs({ schedule: false, stopOnSignals: false })).toBe(boss);
    // A leftover job of an earlier, interrupted run would make the stately queue refuse this one.
    await boss!.purgeQueue("notify.deliver");

    const jobId = await boss!.send("notify.deliver", {});
    expect(jobId).toBeTruthy();

    const deadline = Date.now() + 15_000;
    let state: string | undefined;
    while (Date.now() < deadline) {
      state = (await boss!.getJobById("notify.deliver", jobId!))?.state;
      if (state === "completed" || state === "failed") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(state).toBe("completed");
    expect(await db.notification.findFirstOrThrow({ where: { body: "经队列发送" } })).toMatchObject({ status: "SENT" });
  });
});
