import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeOrganization, makeRegion, makeSmallNetwork, makeUser } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { actorForUser } from "@/lib/auth/actor";
import { intakeWorkOrder, submitWorkOrder } from "@/lib/work-orders/create-work-order";
import { getWorkOrder, listInbox, listMyWorkOrders } from "@/lib/work-orders/queries";
import {
  acceptWorkOrder, closeWorkOrder, escalateWorkOrder, pauseWorkOrder, replyToWorkOrder, resumeWorkOrder, returnWorkOrder, transferWorkOrder,
} from "@/lib/work-orders/process";
import { rateByLink, rateWorkOrder, recordFollowUp } from "@/lib/work-orders/rate";
import { escalateOverdueWorkOrders } from "@/lib/work-orders/escalate-overdue";
import { hashToken } from "@/lib/crypto";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
type Net = Awaited<ReturnType<typeof makeSmallNetwork>>;

function must<T>(r: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

const call = (over: Record<string, unknown> = {}) => ({
  channel: "HOTLINE_12348",
  type: "CONSULTATION",
  regionCode: "369901001001",
  requester: { name: "王大爷", phone: "13912345678" },
  subject: "土地承包合同到期后怎么续签",
  description: "村里的承包合同明年到期，想问续签要注意什么。",
  ...over,
});

describe("work orders", () => {
  let n: Net;
  let hotline: Awaited<ReturnType<typeof makeActor>>;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    hotline = await makeActor({ role: "STAFF", organizationId: n.centre.id, name: "热线坐席" });
  });

  it("routes each type to the lowest tier that handles it, and numbers orders uniquely", async () => {
    const consult = must(await execute(intakeWorkOrder, call(), hotline, meta));
    expect(consult.organization.id).toBe(n.roomA.id);
    expect(consult.number).toMatch(/^369901-\d{8}-\d{7}$/);
    // legal aid has its own intake with the case record; the generic one refuses it
    const aid = await execute(intakeWorkOrder, call({ type: "LEGAL_AID", requester: { name: "李", phone: "13900000002" } }), hotline, meta);
    expect(aid).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { type: ["法律援助申请请通过「代为登记法律援助申请」登记"] } });
    // so has mediation (parties, category, source): tests/integration/mediation-*.test.ts
    const mediation = await execute(intakeWorkOrder, call({ type: "MEDIATION", requester: { name: "李", phone: "13900000002" } }), hotline, meta);
    expect(mediation).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { type: ["人民调解请通过「登记调解案件」登记"] } });
    const complaint = must(await execute(intakeWorkOrder, call({ type: "COMPLAINT", requester: { name: "赵", phone: "13900000003" } }), hotline, meta));
    expect(complaint.organization.id).toBe(n.stationA.id);
    // a village without a room falls back to its township's station
    const bare = await makeRegion({ code: "369901001009", name: "无室村", level: "VILLAGE", parentId: n.townA.id });
    const fallback = must(await execute(intakeWorkOrder, call({ regionCode: bare.code, requester: { name: "钱", phone: "13900000004" } }), hotline, meta));
    expect(fallback.organization.id).toBe(n.stationA.id);
    // a station that takes a walk-in from its own township keeps it (首问负责)
    const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const kept = must(await execute(intakeWorkOrder, call({ channel: "WALK_IN", requester: { name: "孙", phone: "13900000005" } }), stationStaff, meta));
    expect(kept.organization.id).toBe(n.stationA.id);
    const numbers = (await db.workOrder.findMany({ select: { number: true } })).map((o) => o.number);
    expect(new Set(numbers).size).toBe(4);
    const first = await db.workOrder.findFirstOrThrow({ where: { number: consult.number } });
    expect(first).toMatchObject({ firstOrganizationId: n.centre.id, firstReceiverUserId: hotline.userId, status: "NEW" });
  });

  it("create → transfer → escalate → return → close → rate unsatisfied → rectify → close → rate, all on the timeline", async () => {
    const resident = await makeUser({ role: "RESIDENT", phone: "13912345678" });
    const created = must(await execute(intakeWorkOrder, call(), hotline, meta));
    const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    const otherRoom = await makeOrganization({ tier: "ROOM", regionId: (await makeRegion({ code: "369901001002", level: "VILLAGE", parentId: n.townA.id })).id, parentId: n.stationA.id });
    const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });

    must(await execute(acceptWorkOrder, { number: created.number }, roomStaff, meta));
    must(await execute(transferWorkOrder, { number: created.number, toOrganizationId: otherRoom.id, reason: "属邻村事务" }, roomStaff, meta));
    // no longer in the first room's reach
    expect(await execute(getWorkOrder, { number: created.number }, roomStaff, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const otherRoomStaff = await makeActor({ role: "STAFF", organizationId: otherRoom.id });
    must(await execute(escalateWorkOrder, { number: created.number, reason: "涉及多村，需乡镇协调" }, otherRoomStaff, meta));
    must(await execute(returnWorkOrder, { number: created.number, toOrganizationId: n.roomA.id, reason: "已协调，由原村办理" }, stationStaff, meta));
    must(await execute(replyToWorkOrder, { number: created.number, body: "续签需双方协商一致并书面签订。" }, roomStaff, meta));
    must(await execute(closeWorkOrder, { number: created.number, resultSummary: "已答复续签注意事项" }, roomStaff, meta));

    const residentActor = (await actorForUser(db, resident.id))!;
    const mine = must(await execute(listMyWorkOrders, {}, residentActor, meta));
    expect(mine.map((o) => o.number)).toEqual([created.number]);
    must(await execute(rateWorkOrder, { number: created.number, score: "UNSATISFIED", comment: "没讲清楚" }, residentActor, meta));
    expect(await execute(rateWorkOrder, { number: created.number, score: "SATISFIED" }, residentActor, meta)).toMatchObject({ ok: false });
    expect(await db.workOrder.findUniqueOrThrow({ where: { number: created.number } })).toMatchObject({ status: "REOPENED", closedAt: null });
    expect(await db.workOrderFollowUp.count({ where: { kind: "RECTIFICATION", doneAt: null } })).toBe(1);

    must(await execute(recordFollowUp, { number: created.number, kind: "RECTIFICATION", result: "上门再次讲解" }, roomStaff, meta));
    must(await execute(closeWorkOrder, { number: created.number, resultSummary: "上门讲解，群众表示清楚" }, roomStaff, meta));
    must(await execute(rateWorkOrder, { number: created.number, score: "SATISFIED" }, residentActor, meta));

    const detail = must(await execute(getWorkOrder, { number: created.number }, residentActor, meta));
    expect(detail.events.map((e) => e.kind)).toEqual([
      "CREATED", "ACCEPTED", "TRANSFERRED", "ESCALATED", "RETURNED", "REPLIED", "CLOSED", "RATED", "REOPENED", "FOLLOWED_UP", "CLOSED", "RATED",
    ]);
    expect(detail.ratings.map((r) => [r.round, r.score])).toEqual([[1, "UNSATISFIED"], [2, "SATISFIED"]]);
    expect(detail.requesterPhone).toBe("139****5678");
    // the events table is append-only
    await expect(db.workOrderEvent.deleteMany({})).rejects.toThrow(/append-only/);
    // the resident was told in-app at each step
    expect(await db.notification.count({ where: { recipientUserId: resident.id, channel: "IN_APP" } })).toBeGreaterThanOrEqual(3);
  });

  it("refuses a transfer to a non-sibling and a return to a non-child, with the reason on the field", async () => {
    const created = must(await execute(intakeWorkOrder, call(), hotline, meta));
    const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    expect(await execute(transferWorkOrder, { number: created.number, toOrganizationId: n.roomB.id, reason: "x" }, roomStaff, meta))
      .toMatchObject({ ok: false, fieldErrors: { toOrganizationId: ["只能转给同一上级下的其他网点"] } });
    expect(await execute(returnWorkOrder, { number: created.number, toOrganizationId: n.roomB.id, reason: "x" }, roomStaff, meta))
      .toMatchObject({ ok: false, fieldErrors: { toOrganizationId: ["只能退回给本网点的直接下级网点"] } });
    expect((await db.workOrder.findUniqueOrThrow({ where: { number: created.number } })).organizationId).toBe(n.roomA.id);
  });

  it("pausing stops the clock: resuming moves the deadline by the working days spent waiting", async () => {
    const created = must(await execute(intakeWorkOrder, call({ type: "COMPLAINT" }), hotline, meta));
    const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    must(await execute(pauseWorkOrder, { number: created.number, reason: "请补充合同复印件" }, stationStaff, meta));
    // pretend the pause began on Monday 2026-03-02 and the original deadline was Thu 03-05
    await db.workOrder.update({ where: { number: created.number }, data: { pausedAt: new Date("2026-03-02T02:00:00Z"), dueAt: new Date("2026-03-05T15:59:59.999Z") } });
    const resumed = must(await execute(resumeWorkOrder, { number: created.number }, stationStaff, meta));
    const order = await db.workOrder.findUniqueOrThrow({ where: { number: created.number } });
    expect(order.status).toBe("IN_PROGRESS");
    expect(order.dueAt > new Date("2026-03-05T15:59:59.999Z")).toBe(true);
    expect(resumed.dueAt).toBe(order.dueAt.toISOString());
    expect(await db.workOrderPause.count({ where: { endedAt: { not: null } } })).toBe(1);
  });

  it("lists hand-over targets, and a requester's message resumes a paused order", async () => {
    const { listHandOverTargets } = await import("@/lib/work-orders/queries");
    const { addRequesterMessage } = await import("@/lib/work-orders/process");
    const resident = await makeUser({ role: "RESIDENT", phone: "13912345678" });
    const created = must(await execute(intakeWorkOrder, call({ type: "COMPLAINT" }), hotline, meta));
    const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const targets = must(await execute(listHandOverTargets, { number: created.number }, stationStaff, meta));
    expect(targets).toEqual({
      parent: { id: n.centre.id, name: n.centre.name },
      siblings: [{ id: n.stationB.id, name: n.stationB.name, tier: "STATION" }],
      children: [{ id: n.roomA.id, name: n.roomA.name, tier: "ROOM" }],
    });
    must(await execute(pauseWorkOrder, { number: created.number, reason: "请补充照片" }, stationStaff, meta));
    const residentActor = (await actorForUser(db, resident.id))!;
    must(await execute(addRequesterMessage, { number: created.number, body: "照片已补充" }, residentActor, meta));
    const order = await db.workOrder.findUniqueOrThrow({ where: { number: created.number }, include: { events: { orderBy: { id: "asc" } } } });
    expect(order.status).toBe("IN_PROGRESS");
    expect(order.events.map((e) => e.kind).slice(-2)).toEqual(["REQUESTER_MESSAGE", "RESUMED"]);
    // residents see service points, not staff names
    const seen = must(await execute(getWorkOrder, { number: created.number }, residentActor, meta));
    expect(seen.events.find((e) => e.kind === "PAUSED")?.actorName).toBeNull();
  });

  it("bulk-assigns orders to a colleague at the same service point, all or nothing", async () => {
    const { bulkAcceptWorkOrders } = await import("@/lib/work-orders/process");
    const { listColleagues } = await import("@/lib/work-orders/queries");
    const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id, name: "甲" });
    const colleague = await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "乙" });
    const outsider = await makeActor({ role: "STAFF", organizationId: n.roomB.id, name: "丙" });
    const a = must(await execute(intakeWorkOrder, call(), hotline, meta));
    const b = must(await execute(intakeWorkOrder, call({ requester: { name: "二", phone: "13900000022" } }), hotline, meta));
    expect(must(await execute(listColleagues, {}, roomStaff, meta)).map((c) => c.name)).toEqual(["甲", "乙"]);
    expect(await execute(bulkAcceptWorkOrders, { numbers: [a.number, b.number], handlerUserId: outsider.userId }, roomStaff, meta))
      .toMatchObject({ ok: false, fieldErrors: { handlerUserId: ["承办人必须是本网点的工作人员"] } });
    expect(await db.workOrder.count({ where: { status: "IN_PROGRESS" } })).toBe(0);
    must(await execute(bulkAcceptWorkOrders, { numbers: [a.number, b.number], handlerUserId: colleague.userId }, roomStaff, meta));
    expect(await db.workOrder.findMany({ select: { status: true, handlerUserId: true } })).toEqual([
      { status: "IN_PROGRESS", handlerUserId: colleague.userId },
      { status: "IN_PROGRESS", handlerUserId: colleague.userId },
    ]);
    expect(await db.workOrderEvent.count({ where: { kind: "ASSIGNED" } })).toBe(2);
  });

  it("the overdue job escalates each overdue order once to the parent and tells the parent's staff", async () => {
    const created = must(await execute(intakeWorkOrder, call(), hotline, meta));
    const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    await db.workOrder.update({ where: { number: created.number }, data: { dueAt: new Date(Date.now() - 3_600_000) } });
    const notOverdue = must(await execute(intakeWorkOrder, call({ requester: { name: "周", phone: "13900000009" } }), hotline, meta));

    expect(await escalateOverdueWorkOrders(db, new Date())).toEqual({ escalated: 1 });
    expect(await escalateOverdueWorkOrders(db, new Date())).toEqual({ escalated: 0 });
    const order = await db.workOrder.findUniqueOrThrow({ where: { number: created.number } });
    expect(order.organizationId).toBe(n.stationA.id);
    expect(order.overdueEscalatedAt).not.toBeNull();
    expect((await db.workOrder.findUniqueOrThrow({ where: { number: notOverdue.number } })).organizationId).toBe(n.roomA.id);
    expect(await db.notification.count({ where: { recipientUserId: stationStaff.userId, workOrderId: order.id } })).toBe(1);

    const inbox = must(await execute(listInbox, { due: "overdue" }, stationStaff, meta));
    expect(inbox.items.map((i) => [i.number, i.dueState])).toEqual([[created.number, "overdue"]]);
    expect(inbox.counts).toEqual({ open: 1, overdue: 1 });
  });

  it("an Idempotency-Key makes a retried POST return the same order and create one row, even concurrently", async () => {
    const body = call({ idempotencyKey: "hotline-call-20261122-0001" });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => execute(intakeWorkOrder, body, hotline, meta)));
    const numbers = [a, b, c].map((r) => must(r).number);
    expect(new Set(numbers).size).toBe(1);
    expect(await db.workOrder.count()).toBe(1);
    const again = must(await execute(intakeWorkOrder, body, hotline, meta));
    expect(again.number).toBe(numbers[0]);
    expect(await execute(intakeWorkOrder, { ...body, subject: "另一件事" }, hotline, meta)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db.workOrder.count()).toBe(1);
    // one statement writes the order with its audit event; every replay is audited with the order it returned
    const events = await db.auditEvent.findMany({ where: { action: "workOrder.intake" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.result, e.targetId, e.apiClientId ?? e.actorUserId])).toEqual([
      ...[1, 2, 3, 4].map(() => ["SUCCESS", numbers[0], hotline.apiClientId ?? hotline.userId]),
      ["FAILED", null, hotline.apiClientId ?? hotline.userId],
    ]);
  });

  it("a hotline order for a resident's phone joins their account and tells them in-app; other phones get an SMS", async () => {
    await makeUser({ role: "LAWYER", phone: "13912345678" }); // an account, but not a resident's: not linked
    const resident = await makeUser({ role: "RESIDENT", phone: "13900000001" });
    const theirs = must(await execute(intakeWorkOrder, call({ requester: { name: "李阿姨", phone: "13900000001" } }), hotline, meta));
    const other = must(await execute(intakeWorkOrder, call(), hotline, meta));
    const orders = await db.workOrder.findMany({ orderBy: { id: "asc" }, include: { events: true } });
    expect(orders.map((o) => [o.number, o.requesterUserId, o.events[0].actorUserId])).toEqual([
      [theirs.number, resident.id, hotline.userId],
      [other.number, null, hotline.userId],
    ]);
    const notices = await db.notification.findMany({ orderBy: { id: "asc" } });
    expect(notices.map((x) => [x.channel, x.recipientUserId, x.recipientPhone, x.link, x.workOrderId])).toEqual([
      ["IN_APP", resident.id, null, `/resident/work-orders/${theirs.number}`, orders[0].id],
      ["SMS", null, "13912345678", null, orders[1].id],
    ]);
    expect(notices[0].body).toBe(`您的法律咨询已登记，编号 ${theirs.number}，由${theirs.organization.name}办理。`);
  });

  it("warns about a duplicate open order for the same phone and type, and registers when confirmed", async () => {
    must(await execute(intakeWorkOrder, call(), hotline, meta));
    const dup = await execute(intakeWorkOrder, call(), hotline, meta);
    expect(dup).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { confirmDuplicate: [expect.stringContaining("已有未办结的同类工单")] } });
    must(await execute(intakeWorkOrder, call({ confirmDuplicate: "on" }), hotline, meta));
    expect(await db.workOrder.count()).toBe(2);
  });

  it("a station cannot see a sibling station's order by list, by number or by acting on it", async () => {
    const created = must(await execute(intakeWorkOrder, call({ type: "COMPLAINT" }), hotline, meta));
    const a = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const b = await makeActor({ role: "STAFF", organizationId: n.stationB.id });
    expect(must(await execute(listInbox, {}, a, meta)).items.map((i) => i.number)).toEqual([created.number]);
    expect(must(await execute(listInbox, {}, b, meta)).items).toEqual([]);
    expect(must(await execute(listInbox, { q: created.number }, b, meta)).items).toEqual([]);
    expect(await execute(getWorkOrder, { number: created.number }, b, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(acceptWorkOrder, { number: created.number }, b, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.workOrder.findUniqueOrThrow({ where: { number: created.number } })).status).toBe("NEW");
    // a leader reads no single order
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    expect(await execute(getWorkOrder, { number: created.number }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("a hotline caller without an account rates once through the SMS link", async () => {
    const created = must(await execute(intakeWorkOrder, call(), hotline, meta));
    const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    must(await execute(closeWorkOrder, { number: created.number, resultSummary: "已电话答复" }, roomStaff, meta));
    const sms = await db.notification.findFirstOrThrow({ where: { channel: "SMS", body: { contains: "评价" } } });
    expect(sms.recipientPhone).toBe("13912345678");
    const token = sms.link!.replace("/rate/", "");
    expect(await db.ratingToken.count({ where: { tokenHash: hashToken(token) } })).toBe(1);
    must(await execute(rateByLink, { token, score: "BASICALLY_SATISFIED" }, null, meta));
    expect(await execute(rateByLink, { token, score: "SATISFIED" }, null, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.workOrderRating.findMany({ select: { score: true, via: true } })).toEqual([{ score: "BASICALLY_SATISFIED", via: "LINK" }]);
  });

  it("a resident attaches a photo: checked by content, stored outside public/, downloadable only in scope and audited", async () => {
    const { downloadAttachment } = await import("@/lib/work-orders/attachments");
    const { FileDownload } = await import("@/lib/api/file-download");
    const resident = await makeUser({ role: "RESIDENT", phone: "13800000088", name: "吴" });
    const actor = (await actorForUser(db, resident.id))!;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const base = { type: "CONSULTATION", regionCode: n.villageA.code, subject: "欠条问题", description: "借钱不还" };
    const fake = new File([new TextEncoder().encode("MZ not really a picture")], "欠条.png", { type: "image/png" });
    const refused = await execute(submitWorkOrder, { ...base, attachments: [fake] }, actor, meta);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { attachments: [expect.stringContaining("不是图片或 PDF")] } });
    expect(await db.workOrder.count()).toBe(0);

    const r = must(await execute(submitWorkOrder, { ...base, attachments: [new File([png], "../欠条.png", { type: "image/png" })] }, actor, meta));
    const att = await db.workOrderAttachment.findFirstOrThrow();
    expect(att).toMatchObject({ fileName: "欠条.png", contentType: "image/png", size: png.length });
    expect(att.storageKey).not.toContain("public");

    const mine = must(await execute(downloadAttachment, { number: r.number, id: att.id }, actor, meta));
    expect(mine).toBeInstanceOf(FileDownload);
    expect(Array.from((mine as InstanceType<typeof FileDownload>).bytes)).toEqual(Array.from(png));
    const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    expect(must(await execute(downloadAttachment, { number: r.number, id: att.id }, roomStaff, meta))).toBeInstanceOf(FileDownload);
    const otherStaff = await makeActor({ role: "STAFF", organizationId: n.stationB.id });
    expect(await execute(downloadAttachment, { number: r.number, id: att.id }, otherStaff, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: "workOrder.attachment.download", result: "SUCCESS" } })).toBe(2);
  });

  it("a resident submits a web consultation and it goes to their village's room", async () => {
    const resident = await makeUser({ role: "RESIDENT", phone: "13800000077", name: "刘" });
    const actor = (await actorForUser(db, resident.id))!;
    const r = must(await execute(submitWorkOrder, { type: "CONSULTATION", regionCode: n.villageB.code, subject: "邻居占道", description: "邻居在路上堆放柴草" }, actor, meta));
    expect(r.organization.id).toBe(n.roomB.id);
    expect(await db.workOrder.findFirstOrThrow()).toMatchObject({ channel: "WEB", requesterUserId: resident.id, firstReceiverUserId: null });
    const bad = await execute(submitWorkOrder, { type: "LEGAL_AID", regionCode: "1", subject: "", description: "x" }, actor, meta);
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["regionCode", "subject", "type"]);
  });
});

describe("work-order type rules (admin data)", () => {
  beforeEach(resetDatabase);
  it("an admin changes a time limit; a rule that needs a decider must sit at a centre; staff cannot edit", async () => {
    const { updateTypeRule, listTypeRules } = await import("@/lib/work-orders/type-rules");
    const admin = await makeActor({ role: "ADMIN" });
    const rule = { type: "COMPLAINT", handlingTier: "STATION", limitValue: 5, limitUnit: "WORKING_DAYS", dueSoonHours: 12 };
    must(await execute(updateTypeRule, rule, admin, meta));
    expect(must(await execute(listTypeRules, {}, admin, meta)).find((r) => r.type === "COMPLAINT")).toMatchObject({ limitValue: 5, dueSoonHours: 12 });
    expect(await execute(updateTypeRule, { ...rule, needsDecider: "on" }, admin, meta)).toMatchObject({ ok: false, fieldErrors: { handlingTier: [expect.any(String)] } });
    const n = await makeSmallNetwork();
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    expect(await execute(updateTypeRule, rule, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await execute(updateTypeRule, { ...rule, limitValue: 3, dueSoonHours: 24 }, admin, meta);
  });
});
