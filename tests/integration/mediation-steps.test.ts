import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { meta, must } from "./helpers/legal-aid";
import { execute, type Result } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { MediationStatus } from "@/lib/generated/prisma/enums";
import { createWorkOrder } from "@/lib/work-orders/create-work-order";
import { escalateOverdueWorkOrders } from "@/lib/work-orders/escalate-overdue";
import { addDays, endOfShanghaiDay, shanghaiDate, toDbDate } from "@/lib/calendar/working-days";
import { listMediationCases } from "@/lib/mediation/queries";
import {
  addParticipant, assignMediator, escalateMediation, extendDeadline, listMediators, recordFailure, recordSession, removeParticipant,
  scheduleSession, withdrawMediation,
} from "@/lib/mediation/steps";

// The committee's work on a case: assignment (the mediator must belong to the committee; the
// parties may choose), participants of a joint session, sessions scheduled and recorded, the time
// limit extended on the parties' request across a holiday, failure and withdrawal, escalation
// room → station → centre keeping the history, the overdue job, and scope.

const today = () => shanghaiDate(new Date());
/** "2026-12-08T14:30" for a datetime-local field, `days` from today, Beijing time. */
const localTime = (days: number, hm = "14:30") => `${addDays(today(), days)}T${hm}`;

function fails<T>(r: Result<T>) {
  if (r.ok) throw new Error("expected a failure");
  return r;
}

describe("mediation: the committee's steps", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let roomStaff: Actor;
  let roomMediator: Actor;
  let roomMediator2: Actor;
  let stationStaff: Actor;
  let stationMediator: Actor;
  let centreStaff: Actor;
  let otherStation: Actor;
  let party: Actor;

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id, name: "东村工作人员" });
    roomMediator = await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "李调解" });
    roomMediator2 = await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "张调解" });
    stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id, name: "东镇工作人员" });
    stationMediator = await makeActor({ role: "MEDIATOR", organizationId: n.stationA.id, name: "王调解" });
    centreStaff = await makeActor({ role: "STAFF", organizationId: n.centre.id, name: "县中心工作人员" });
    otherStation = await makeActor({ role: "STAFF", organizationId: n.stationB.id, name: "西镇工作人员" });
    party = await makeActor({ role: "RESIDENT", name: "刘大明", phone: "13812340001" });
  });

  /** A case routed like an application from 东村 (the village room holds it), with two parties. */
  async function makeCase(status: MediationStatus = "ACCEPTED", regionCode = n.villageA.code) {
    const order = await createWorkOrder(db, {
      channel: "WALK_IN", type: "MEDIATION", regionCode, subject: "宅基地边界纠纷", description: "两户因宅基地边界发生争执。",
      requester: { userId: party.userId, name: "刘大明", phone: "13812340001" }, receiver: null, actorName: "刘大明",
    });
    await db.mediationCase.create({
      data: {
        workOrderId: order.id, source: "APPLICATION", category: "HOUSING_HOMESTEAD", status,
        parties: {
          create: [
            { role: "APPLICANT", name: "刘大明", phone: "13812340001", userId: party.userId, sortOrder: 0 },
            { role: "RESPONDENT", name: "陈二牛", phone: "13912340002", sortOrder: 1 },
          ],
        },
      },
    });
    return order.number;
  }

  const caseOf = (number: string) =>
    db.mediationCase.findFirstOrThrow({ where: { workOrder: { number } }, include: { workOrder: true, sessions: true, participants: true, parties: true } });
  const eventsOf = async (number: string) =>
    (await db.workOrderEvent.findMany({ where: { workOrder: { number } }, orderBy: { id: "asc" } })).map((e) => ({ kind: e.kind, reason: e.reason, body: e.body }));
  const noticesOf = async (number: string) =>
    db.notification.findMany({ where: { workOrderId: (await db.workOrder.findUniqueOrThrow({ where: { number } })).id }, orderBy: { id: "asc" }, select: { channel: true, recipientUserId: true, recipientPhone: true, body: true, link: true } });
  const clearNotices = () => db.notification.deleteMany({});

  async function inProgress(mediator = roomMediator) {
    const number = await makeCase();
    must(await execute(assignMediator, { number, mediatorUserId: mediator.userId }, roomStaff, meta));
    await clearNotices();
    return number;
  }

  it("assigns a mediator of the committee only; the parties' choice is recorded; the parties and the mediator are told", async () => {
    const number = await makeCase();
    const list = must(await execute(listMediators, { number }, roomStaff, meta));
    // people's mediators first (by pinyin when equally busy), then staff
    expect(list.mediators.map((m) => [m.name, m.mediator, m.openCases])).toEqual([["李调解", true, 0], ["张调解", true, 0], ["东村工作人员", false, 0]]);
    expect(list.parent).toEqual({ id: n.stationA.id, name: n.stationA.name });

    // a station mediator is not a member of the village committee that holds the case
    const wrong = fails(await execute(assignMediator, { number, mediatorUserId: stationMediator.userId }, roomStaff, meta));
    expect(wrong.fieldErrors?.mediatorUserId?.[0]).toContain("东村公共法律服务工作室");

    must(await execute(assignMediator, { number, mediatorUserId: roomMediator.userId, chosenByParties: "on" }, roomStaff, meta));
    const c = await caseOf(number);
    expect(c).toMatchObject({ status: "IN_PROGRESS", mediatorUserId: roomMediator.userId, mediatorChosenByParties: true });
    expect(c.assignedAt).not.toBeNull();
    expect(c.workOrder).toMatchObject({ handlerUserId: roomMediator.userId, status: "IN_PROGRESS" });
    expect((await eventsOf(number)).at(-1)).toEqual({ kind: "MEDIATOR_ASSIGNED", reason: "当事人选定", body: "调解员：李调解" });
    const notices = await noticesOf(number);
    expect(notices).toEqual(expect.arrayContaining([
      expect.objectContaining({ channel: "IN_APP", recipientUserId: party.userId, link: `/resident/mediation/${number}` }),
      expect.objectContaining({ channel: "SMS", recipientPhone: "13912340002" }),
      expect.objectContaining({ channel: "IN_APP", recipientUserId: roomMediator.userId, link: `/staff/mediation/${number}` }),
    ]));
    expect(notices.find((x) => x.recipientPhone === "13912340002")?.body).toContain("李调解");

    // a change of mediator (Art. 23) goes through the same step
    must(await execute(assignMediator, { number, mediatorUserId: roomMediator2.userId }, roomStaff, meta));
    expect((await caseOf(number)).mediatorChosenByParties).toBe(false);
    expect((await eventsOf(number)).at(-1)?.reason).toBe("更换调解员");
    expect(must(await execute(listMediators, { number }, roomStaff, meta)).mediators.find((m) => m.current)?.userId).toBe(roomMediator2.userId);

    // not before the other party agreed, nor after the end
    const waiting = await makeCase("AWAITING_CONSENT");
    expect(fails(await execute(assignMediator, { number: waiting, mediatorUserId: roomMediator.userId }, roomStaff, meta)).code).toBe("RULE_VIOLATION");
  });

  it("adds and removes co-mediators and people from other departments", async () => {
    const number = await inProgress();
    const judge = must(await execute(addParticipant, { number, kind: "JUDGE", name: "赵法官", unit: "甲县人民法院驻中心法官工作室" }, roomMediator, meta));
    must(await execute(addParticipant, { number, kind: "CO_MEDIATOR", name: "张调解", userId: String(roomMediator2.userId) }, roomMediator, meta));
    const bad = fails(await execute(addParticipant, { number, kind: "MAYOR", name: "" }, roomMediator, meta));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["kind", "name"]);
    expect((await caseOf(number)).participants.map((p) => [p.kind, p.name, p.unit, p.userId])).toEqual([
      ["JUDGE", "赵法官", "甲县人民法院驻中心法官工作室", null],
      ["CO_MEDIATOR", "张调解", null, roomMediator2.userId],
    ]);
    must(await execute(removeParticipant, { number, id: judge.id }, roomMediator, meta));
    expect((await caseOf(number)).participants.map((p) => p.name)).toEqual(["张调解"]);
    expect(fails(await execute(removeParticipant, { number, id: judge.id }, roomMediator, meta)).code).toBe("NOT_FOUND");
  });

  it("schedules sessions (a remote one needs an https link), tells the parties when and where, and records the minutes privately", async () => {
    const accepted = await makeCase();
    expect(fails(await execute(scheduleSession, { number: accepted, scheduledAt: localTime(2), placeKind: "ROOM", place: "东村调解室" }, roomStaff, meta)).message).toContain("请先指定调解员");

    const number = await inProgress();
    const noLink = fails(await execute(scheduleSession, { number, scheduledAt: localTime(2), placeKind: "REMOTE", place: "腾讯会议" }, roomMediator, meta));
    expect(noLink.fieldErrors?.videoLink).toEqual(["远程视频调解请填写视频会议链接"]);
    const http = fails(await execute(scheduleSession, { number, scheduledAt: localTime(2), placeKind: "REMOTE", place: "腾讯会议", videoLink: "http://meeting.example.com/1" }, roomMediator, meta));
    expect(http.fieldErrors?.videoLink).toEqual(["视频会议链接应为以 https:// 开头的网址"]);
    const past = fails(await execute(scheduleSession, { number, scheduledAt: localTime(-2), placeKind: "ROOM", place: "东村调解室" }, roomMediator, meta));
    expect(past.fieldErrors?.scheduledAt).toEqual(["调解时间不能早于今天"]);
    expect(fails(await execute(scheduleSession, { number, scheduledAt: "下周二", placeKind: "ROOM", place: "东村调解室" }, roomMediator, meta)).fieldErrors?.scheduledAt).toBeDefined();

    const first = must(await execute(scheduleSession, { number, scheduledAt: localTime(2, "09:30"), placeKind: "ROOM", place: "东村村委会二楼调解室", public: "on" }, roomMediator, meta));
    const remote = must(await execute(scheduleSession, { number, scheduledAt: localTime(5), placeKind: "REMOTE", place: "腾讯会议", videoLink: "https://meeting.example.com/123" }, roomMediator, meta));
    const c = await caseOf(number);
    const s1 = c.sessions.find((s) => s.id === first.sessionId)!;
    // datetime-local is Beijing time: 09:30 in Shanghai is 01:30 UTC
    expect(s1.scheduledAt.toISOString()).toBe(`${addDays(today(), 2)}T01:30:00.000Z`);
    expect(s1).toMatchObject({ placeKind: "ROOM", place: "东村村委会二楼调解室", public: true, heldAt: null, createdById: roomMediator.userId });
    expect(c.sessions.find((s) => s.id === remote.sessionId)).toMatchObject({ placeKind: "REMOTE", videoLink: "https://meeting.example.com/123", public: false });

    const [y, m, d] = addDays(today(), 2).split("-").map(Number);
    const sms = (await noticesOf(number)).filter((x) => x.recipientPhone === "13912340002");
    expect(sms[0].body).toContain(`${y}年${m}月${d}日 09:30`);
    expect(sms[0].body).toContain("东村村委会二楼调解室");
    expect(sms[1].body).toContain("https://meeting.example.com/123");
    expect((await eventsOf(number)).filter((e) => e.kind === "SESSION_SCHEDULED")).toHaveLength(2);

    await clearNotices();
    const short = fails(await execute(recordSession, { number, sessionId: first.sessionId, attendees: "刘大明、陈二牛", minutes: "已调解" }, roomMediator, meta));
    expect(short.fieldErrors?.minutes).toEqual(["请填写调解笔录（至少 10 个字）"]);
    const minutes = "双方确认以老界桩为准，陈二牛同意拆除越界的围墙一米，刘大明补偿人工费五百元。";
    must(await execute(recordSession, { number, sessionId: first.sessionId, attendees: "刘大明、陈二牛、村主任", minutes }, roomMediator, meta));
    const held = (await caseOf(number)).sessions.find((s) => s.id === first.sessionId)!;
    expect(held.heldAt).not.toBeNull();
    expect(held).toMatchObject({ attendees: "刘大明、陈二牛、村主任", minutes });
    const e = (await eventsOf(number)).at(-1)!;
    expect(e.kind).toBe("SESSION_HELD");
    expect(e.body).toContain("已记录调解笔录");
    expect(e.body).not.toContain("围墙");
    expect((await noticesOf(number)).some((x) => x.body.includes("围墙"))).toBe(false);
    expect(fails(await execute(recordSession, { number, sessionId: first.sessionId, attendees: "刘大明", minutes }, roomMediator, meta)).fieldErrors?.sessionId).toBeDefined();
    const elsewhere = await inProgress();
    expect(fails(await execute(recordSession, { number: elsewhere, sessionId: remote.sessionId, attendees: "刘大明", minutes }, roomMediator, meta)).code).toBe("NOT_FOUND");
  });

  it("extends the time limit only on the parties' request, by working days across a holiday", async () => {
    const number = await inProgress();
    // Due at the end of Wednesday 2026-12-30; New Year's Day (Friday) is a holiday.
    await db.workOrder.update({ where: { number }, data: { dueAt: endOfShanghaiDay("2026-12-30"), overdueEscalatedAt: new Date() } });
    await db.calendarDay.create({ data: { date: toDbDate("2027-01-01"), kind: "HOLIDAY", name: "元旦" } });

    const notAsked = fails(await execute(extendDeadline, { number, days: "3", reason: "双方需要时间筹款" }, roomMediator, meta));
    expect(notAsked.fieldErrors?.partiesRequested).toEqual(["只有当事人申请时才能延长调解期限，请确认当事人已申请"]);
    const tooLong = fails(await execute(extendDeadline, { number, days: "31", reason: "双方需要时间筹款", partiesRequested: "on" }, roomMediator, meta));
    expect(tooLong.fieldErrors?.days).toEqual(["一次最多延长 30 个工作日"]);

    const r = must(await execute(extendDeadline, { number, days: "3", reason: "双方需要时间筹款", partiesRequested: "on" }, roomMediator, meta));
    // Thu 12-31 (1), Fri 01-01 holiday, weekend, Mon 01-04 (2), Tue 01-05 (3)
    expect(r.dueAt).toBe(endOfShanghaiDay("2027-01-05").toISOString());
    const c = await caseOf(number);
    expect(c.workOrder.dueAt.toISOString()).toBe(endOfShanghaiDay("2027-01-05").toISOString());
    expect(c.workOrder.overdueEscalatedAt).toBeNull();
    expect(c.extendedDays).toBe(3);
    expect((await eventsOf(number)).at(-1)).toEqual({
      kind: "DEADLINE_EXTENDED", reason: "双方需要时间筹款", body: "经当事人申请，调解期限延长 3 个工作日，至 2027年1月5日",
    });
    expect((await noticesOf(number)).find((x) => x.recipientPhone === "13912340002")?.body).toContain("2027年1月5日");

    must(await execute(extendDeadline, { number, days: "2", reason: "等待鉴定结论", partiesRequested: "on" }, roomMediator, meta));
    expect((await caseOf(number)).extendedDays).toBe(5);
  });

  it("records a failure with the other routes told (Art. 26): the order closes, the parties are told the routes", async () => {
    const number = await inProgress();
    const none = fails(await execute(recordFailure, { number, reason: "双方分歧过大，无法达成一致" }, roomMediator, meta));
    expect(none.fieldErrors?.routesTold).toEqual(["请勾选已告知当事人的其他途径（至少一项）"]);
    must(await execute(recordFailure, { number, reason: "双方分歧过大，无法达成一致", routesTold: ["ADMINISTRATIVE", "LITIGATION"], crimePrevented: "on" }, roomMediator, meta));
    const c = await caseOf(number);
    expect(c).toMatchObject({ status: "FAILED", failureReason: "双方分歧过大，无法达成一致", routesTold: ["ADMINISTRATIVE", "LITIGATION"], crimePrevented: true });
    expect(c.endedAt).not.toBeNull();
    expect(c.workOrder.status).toBe("CLOSED");
    expect(c.workOrder.resultSummary).toBe("调解不成：双方分歧过大，无法达成一致");
    expect((await eventsOf(number)).at(-1)).toMatchObject({ kind: "MEDIATION_FAILED", reason: "双方分歧过大，无法达成一致" });
    const told = await noticesOf(number);
    expect(told.map((x) => String(x.recipientUserId ?? x.recipientPhone)).sort()).toEqual([String(party.userId), "13912340002"].sort());
    for (const x of told) expect(x.body).toContain("请求行政机关处理（行政调解、行政裁决）、向人民法院提起诉讼");
    // ended: no more steps
    expect(fails(await execute(scheduleSession, { number, scheduledAt: localTime(1), placeKind: "ROOM", place: "东村调解室" }, roomMediator, meta)).code).toBe("RULE_VIOLATION");
    expect(fails(await execute(recordFailure, { number, reason: "再次记录调解不成", routesTold: "LITIGATION" }, roomMediator, meta)).code).toBe("RULE_VIOLATION");
  });

  it("records a party's withdrawal (Art. 23), also before consent", async () => {
    const number = await makeCase("AWAITING_CONSENT");
    expect(fails(await execute(withdrawMediation, { number, reason: "" }, roomStaff, meta)).fieldErrors?.reason).toBeDefined();
    must(await execute(withdrawMediation, { number, reason: "申请人表示双方已自行和解" }, roomStaff, meta));
    const c = await caseOf(number);
    expect(c).toMatchObject({ status: "WITHDRAWN", withdrawalReason: "申请人表示双方已自行和解" });
    expect(c.workOrder.status).toBe("CLOSED");
    expect((await eventsOf(number)).at(-1)).toMatchObject({ kind: "WITHDRAWN", reason: "申请人表示双方已自行和解" });
    expect((await noticesOf(number)).filter((x) => x.body.includes("终止调解"))).toHaveLength(2);
    // a resident may not record it through the staff door
    expect(fails(await execute(withdrawMediation, { number, reason: "不想调了" }, party, meta)).code).toBe("FORBIDDEN");
  });

  it("escalates room → station keeping the history (the room loses sight), then station → centre", async () => {
    const number = await inProgress();
    const s = must(await execute(scheduleSession, { number, scheduledAt: localTime(1), placeKind: "ROOM", place: "东村调解室" }, roomMediator, meta));
    must(await execute(recordSession, { number, sessionId: s.sessionId, attendees: "刘大明、陈二牛", minutes: "双方各执一词，分歧较大，建议上报镇调委会。" }, roomMediator, meta));
    must(await execute(addParticipant, { number, kind: "OTHER", name: "村主任", unit: "东村村委会" }, roomMediator, meta));
    await clearNotices();

    expect(fails(await execute(escalateMediation, { number, reason: "短" }, roomMediator, meta)).fieldErrors?.reason).toBeDefined();
    const up = must(await execute(escalateMediation, { number, reason: "涉及两个村民小组的土地权属，本村难以调处" }, roomMediator, meta));
    expect(up.organization).toEqual({ id: n.stationA.id, name: n.stationA.name });
    const c = await caseOf(number);
    expect(c).toMatchObject({ status: "ACCEPTED", mediatorUserId: null, mediatorChosenByParties: false, assignedAt: null });
    expect(c.workOrder).toMatchObject({ organizationId: n.stationA.id, handlerUserId: null, status: "NEW" });
    // the history stays: sessions with minutes, participants, parties, the timeline
    expect(c.sessions[0].minutes).toContain("建议上报");
    expect(c.participants).toHaveLength(1);
    expect(c.parties).toHaveLength(2);
    const kinds = (await eventsOf(number)).map((e) => e.kind);
    expect(kinds).toEqual(["CREATED", "MEDIATOR_ASSIGNED", "SESSION_SCHEDULED", "SESSION_HELD", "ESCALATED"]);
    const esc = await db.workOrderEvent.findFirstOrThrow({ where: { workOrder: { number }, kind: "ESCALATED" } });
    expect(esc).toMatchObject({ fromOrganizationId: n.roomA.id, toOrganizationId: n.stationA.id, reason: "涉及两个村民小组的土地权属，本村难以调处", actorUserId: roomMediator.userId });
    const notices = await noticesOf(number);
    expect(notices.filter((x) => x.link === `/staff/mediation/${number}`).map((x) => x.recipientUserId).sort()).toEqual([stationStaff.userId, stationMediator.userId].sort());
    expect(notices.find((x) => x.recipientPhone === "13912340002")?.body).toContain(n.stationA.name);

    // the room no longer sees it; the station assigns its own mediator
    expect(fails(await execute(scheduleSession, { number, scheduledAt: localTime(1), placeKind: "ROOM", place: "东村调解室" }, roomMediator, meta)).code).toBe("NOT_FOUND");
    expect(fails(await execute(listMediators, { number }, roomStaff, meta)).code).toBe("NOT_FOUND");
    expect(fails(await execute(assignMediator, { number, mediatorUserId: roomMediator.userId }, stationStaff, meta)).fieldErrors?.mediatorUserId).toBeDefined();
    must(await execute(assignMediator, { number, mediatorUserId: stationMediator.userId }, stationStaff, meta));
    expect((await caseOf(number)).status).toBe("IN_PROGRESS");

    // station → county centre
    must(await execute(escalateMediation, { number, reason: "案情重大，涉及征地补偿，提请县调委会调处" }, stationMediator, meta));
    expect((await caseOf(number)).workOrder.organizationId).toBe(n.centre.id);
    expect(fails(await execute(listMediators, { number }, stationStaff, meta)).code).toBe("NOT_FOUND");
    expect(must(await execute(listMediators, { number }, centreStaff, meta)).mediators.map((m) => m.userId)).toEqual([centreStaff.userId]);
  });

  it("workspace: my cases by the next session then the deadline; the committee sees all its open cases and the rooms below", async () => {
    const later = await inProgress();
    const sooner = await inProgress();
    const unscheduledEarlyDue = await inProgress();
    const coMediated = await inProgress(roomMediator2);
    const notMine = await inProgress(roomMediator2);
    const waiting = await makeCase("ACCEPTED");
    await db.workOrder.update({ where: { number: unscheduledEarlyDue }, data: { dueAt: endOfShanghaiDay(addDays(today(), 3)) } });
    must(await execute(scheduleSession, { number: later, scheduledAt: localTime(6), placeKind: "ROOM", place: "东村调解室" }, roomMediator, meta));
    must(await execute(scheduleSession, { number: sooner, scheduledAt: localTime(2), placeKind: "ROOM", place: "东村调解室" }, roomMediator, meta));
    must(await execute(addParticipant, { number: coMediated, kind: "CO_MEDIATOR", name: "李调解", userId: roomMediator.userId }, roomMediator2, meta));
    const ended = await inProgress();
    must(await execute(withdrawMediation, { number: ended, reason: "双方已自行和解" }, roomMediator, meta));

    const mine = must(await execute(listMediationCases, { view: "mine" }, roomMediator, meta));
    // sessions first (soonest first), then by the deadline
    expect(mine.items.map((i) => i.number)).toEqual([sooner, later, unscheduledEarlyDue, coMediated]);
    expect(mine.items[0].nextSession?.placeLabel).toBe("村（社区）调解室");
    expect(mine.counts).toEqual({ mine: 4, committee: 6, done: 1 });

    const committee = must(await execute(listMediationCases, { view: "committee" }, roomStaff, meta));
    expect(committee.items.map((i) => i.number).sort()).toEqual([later, sooner, unscheduledEarlyDue, coMediated, notMine, waiting].sort());
    // the station sees its room's cases; the other township none
    expect(must(await execute(listMediationCases, { view: "committee" }, stationStaff, meta)).counts.committee).toBe(6);
    expect(must(await execute(listMediationCases, { view: "committee" }, otherStation, meta)).counts).toEqual({ mine: 0, committee: 0, done: 0 });
    expect(must(await execute(listMediationCases, { view: "done" }, roomStaff, meta)).items.map((i) => i.number)).toEqual([ended]);
  });

  it("keeps each township's cases to itself (another township's staff: NOT_FOUND)", async () => {
    const number = await makeCase();
    for (const r of <Result<unknown>[]>[
      await execute(assignMediator, { number, mediatorUserId: roomMediator.userId }, otherStation, meta),
      await execute(listMediators, { number }, otherStation, meta),
      await execute(escalateMediation, { number, reason: "越权上报的尝试" }, otherStation, meta),
      await execute(withdrawMediation, { number, reason: "越权终止的尝试" }, otherStation, meta),
    ]) expect(fails(r).code).toBe("NOT_FOUND");
    // the station above sees its room's cases and may act on them
    expect(must(await execute(listMediators, { number }, stationStaff, meta)).mediators).toHaveLength(3);
  });

  it("the overdue job flags an overdue mediation case and tells the committee, without moving it", async () => {
    const number = await inProgress();
    await db.workOrder.update({ where: { number }, data: { dueAt: new Date(Date.now() - 3_600_000) } });
    expect(await escalateOverdueWorkOrders(db, new Date())).toEqual({ escalated: 1 });
    const c = await caseOf(number);
    expect(c.workOrder.organizationId).toBe(n.roomA.id);
    expect(c.workOrder.overdueEscalatedAt).not.toBeNull();
    expect(c.mediatorUserId).toBe(roomMediator.userId);
    expect((await eventsOf(number)).at(-1)).toMatchObject({ kind: "ESCALATED", reason: "超过调解期限，已提醒调解委员会及时结案或经当事人申请延长" });
    const told = (await noticesOf(number)).map((x) => x.recipientUserId).sort();
    expect(told).toEqual([roomStaff.userId, roomMediator.userId, roomMediator2.userId].sort());
    // once only
    expect(await escalateOverdueWorkOrders(db, new Date())).toEqual({ escalated: 0 });
  });
});
