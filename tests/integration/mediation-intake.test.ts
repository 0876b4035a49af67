import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork, makeUser } from "./helpers/factories";
import { idNumberFor, meta, must } from "./helpers/legal-aid";
import { execute, type Result } from "@/lib/api/use-case";
import { actorForApiToken, actorForUser, type Actor } from "@/lib/auth/actor";
import { hashToken } from "@/lib/crypto";
import { decryptField } from "@/lib/crypto";
import { addWorkingDays, createWorkingCalendar, shanghaiDate, toDbDate } from "@/lib/calendar/working-days";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { computeDueAt } from "@/lib/work-orders/deadlines";
import { applyForMediation, recordConsent, respondToMediation, registerMediationCase, REFUSAL_RESULT } from "@/lib/mediation/intake";
import { getMediationCase, listMediationCases, listMyMediationCases } from "@/lib/mediation/queries";

// 人民调解 intake from every source (人民调解法 Art. 17–18), consent and refusal, and who sees what.

const VILLAGE_A = "369901001001";
const TOWN_A = "369901001000";
const VILLAGE_B = "369901002001";

const fails = <T,>(r: Result<T>) => {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  return r;
};

/** The resident's form as it arrives from the browser: parties keyed by row, an unused row left blank. */
const residentForm = (over: Record<string, unknown> = {}) => ({
  category: "HOUSING_HOMESTEAD",
  regionCode: VILLAGE_A,
  summary: "与邻居因宅基地边界发生争议，对方在界址上砌墙。",
  amountInvolved: "",
  self: { address: "东村 3 组 12 号" },
  parties: {
    "0": { role: "RESPONDENT", name: "王大伯", phone: "13900000002", idNumber: "", address: "东村 3 组 13 号", agentName: "", agentPhone: "" },
    "1": { role: "RESPONDENT", name: "", phone: "", idNumber: "", address: "", agentName: "", agentPhone: "" },
  },
  ...over,
});

/** 23 owners, the property company and the battery shop: the bike-shed fire. */
function bikeShedParties() {
  const owners = Array.from({ length: 23 }, (_, i) => ({ role: "APPLICANT", name: `业主${i + 1}`, phone: `1380000${String(1000 + i)}` }));
  return [...owners, { role: "RESPONDENT", name: "某物业服务有限公司", phone: "13700000001", agentName: "物业经理刘某", agentPhone: "0797-8123456" }, { role: "RESPONDENT", name: "某电动车电池店", phone: "13700000002", idNumber: idNumberFor(7) }];
}

describe("mediation intake", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let roomStaff: Actor;
  let resident: Actor;
  let respondent: Actor;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    roomStaff = await makeActor({ role: "MEDIATOR", organizationId: n.roomA.id, name: "老娘舅" });
    resident = await makeActor({ role: "RESIDENT", name: "陈秀兰", phone: "13900000001" });
    respondent = await makeActor({ role: "RESIDENT", name: "王大伯", phone: "13900000002" });
  });

  it("a resident applies online: routed to the village room, waits for the other side's consent, 20 working days on the calendar", async () => {
    // a holiday within the month moves the deadline by one working day
    const today = shanghaiDate(new Date());
    const holiday = addWorkingDays(createWorkingCalendar([]), today, 3);
    await db.calendarDay.create({ data: { date: toDbDate(holiday), kind: "HOLIDAY", name: "测试假日" } });

    const r = must(await execute(applyForMediation, residentForm(), resident, meta));
    expect(r).toMatchObject({ status: "AWAITING_CONSENT", committee: { id: n.roomA.id, name: n.roomA.name } });

    const c = await db.mediationCase.findFirstOrThrow({ include: { workOrder: true, parties: { orderBy: { sortOrder: "asc" } } } });
    expect(c.workOrder).toMatchObject({ type: "MEDIATION", channel: "WEB", organizationId: n.roomA.id, requesterUserId: resident.userId, status: "NEW" });
    const expected = computeDueAt(await loadWorkingCalendar(db), c.workOrder.createdAt, { limitValue: 20, limitUnit: "WORKING_DAYS" });
    const withoutHoliday = computeDueAt(createWorkingCalendar([]), c.workOrder.createdAt, { limitValue: 20, limitUnit: "WORKING_DAYS" });
    expect(c.workOrder.dueAt.toISOString()).toBe(expected.toISOString());
    expect(r.dueAt).toBe(expected.toISOString());
    expect(expected.getTime()).toBeGreaterThan(withoutHoliday.getTime());

    // the resident is the first applicant (account, phone); the blank row was dropped; the respondent's account linked by phone
    expect(c.parties).toHaveLength(2);
    expect(c.parties[0]).toMatchObject({ role: "APPLICANT", name: "陈秀兰", phone: "13900000001", userId: resident.userId, consent: "AGREED", address: "东村 3 组 12 号" });
    expect(c.parties[1]).toMatchObject({ role: "RESPONDENT", name: "王大伯", userId: respondent.userId, consent: "PENDING", consentAt: null });
    expect(c).toMatchObject({ source: "APPLICATION", category: "HOUSING_HOMESTEAD", status: "AWAITING_CONSENT", peopleInvolved: 2, amountInvolved: null });

    // the respondent hears of it (in-app, with a link to their own page); the committee is asked to contact them
    const toRespondent = await db.notification.findFirstOrThrow({ where: { recipientUserId: respondent.userId } });
    expect(toRespondent.body).toContain("征求您是否同意调解");
    expect(toRespondent.link).toBe(`/resident/mediation/${r.number}`);
    expect(await db.notification.count({ where: { recipientUserId: roomStaff.userId, body: { contains: "征求是否同意调解" } } })).toBe(1);

    // both residents follow it; their own lists show it
    expect(must(await execute(listMyMediationCases, {}, respondent, meta))).toMatchObject([{ number: r.number, myRole: "RESPONDENT", status: "AWAITING_CONSENT" }]);
  });

  it("the respondent refuses: no mediation (Art. 17), the order closes and the parties are told the other routes", async () => {
    const { number } = must(await execute(applyForMediation, residentForm(), resident, meta));
    const party = await db.mediationParty.findFirstOrThrow({ where: { role: "RESPONDENT" } });
    // a resident cannot record consent, and another township's staff cannot reach the case
    expect(fails(await execute(recordConsent, { number, partyId: party.id, agreed: "no" }, resident, meta)).code).toBe("FORBIDDEN");
    const otherStation = await makeActor({ role: "STAFF", organizationId: n.stationB.id });
    expect(fails(await execute(recordConsent, { number, partyId: party.id, agreed: "no" }, otherStation, meta)).code).toBe("NOT_FOUND");

    const r = must(await execute(recordConsent, { number, partyId: String(party.id), agreed: "no", note: "认为没有必要调解" }, roomStaff, meta));
    expect(r.status).toBe("REFUSED");
    const c = await db.mediationCase.findFirstOrThrow({ include: { workOrder: { include: { events: { orderBy: { id: "asc" } } } }, parties: true } });
    expect(c).toMatchObject({ status: "REFUSED", refusalNote: "被申请人王大伯拒绝调解：认为没有必要调解", routesTold: ["ARBITRATION", "ADMINISTRATIVE", "LITIGATION"] });
    expect(c.endedAt).not.toBeNull();
    expect(c.workOrder).toMatchObject({ status: "CLOSED", resultSummary: REFUSAL_RESULT });
    expect(c.workOrder.events.map((e) => e.kind)).toEqual(["CREATED", "MEDIATION_REFUSED"]);
    expect(c.parties.find((p) => p.role === "RESPONDENT")?.consent).toBe("REFUSED");
    const told = await db.notification.findMany({ where: { body: { contains: "依法不予调解" } } });
    expect(told.map((t) => t.recipientUserId).sort()).toEqual([resident.userId, respondent.userId].sort());
    expect(told[0].body).toContain("向人民法院提起诉讼");

    // nothing more to record
    expect(fails(await execute(recordConsent, { number, partyId: party.id, agreed: "yes" }, roomStaff, meta)).fieldErrors?._form?.[0]).toContain("对方拒绝调解");
  });

  it("the respondent answers online from their own account: for themself only, once", async () => {
    const { number } = must(await execute(applyForMediation, residentForm(), resident, meta));
    // the applicant has nothing to answer; a stranger cannot reach the case
    expect(fails(await execute(respondToMediation, { number, agreed: "yes" }, resident, meta)).fieldErrors?._form).toEqual(["您不是需要答复的当事人，或已经答复过"]);
    const stranger = await makeActor({ role: "RESIDENT", name: "路人", phone: "13900000009" });
    expect(fails(await execute(respondToMediation, { number, agreed: "yes" }, stranger, meta)).code).toBe("NOT_FOUND");
    expect(fails(await execute(respondToMediation, { number }, respondent, meta)).fieldErrors?.agreed).toEqual(["请选择当事人是否同意调解"]);

    expect(must(await execute(respondToMediation, { number, agreed: "yes", note: "希望周末调解" }, respondent, meta)).status).toBe("ACCEPTED");
    const c = await db.mediationCase.findFirstOrThrow({ include: { workOrder: { include: { events: { orderBy: { id: "asc" } } } } } });
    expect(c.status).toBe("ACCEPTED");
    expect(c.workOrder.events.at(-1)).toMatchObject({ kind: "MEDIATION_CONSENT", actorUserId: respondent.userId, body: "希望周末调解" });
    expect(await db.notification.count({ where: { recipientUserId: roomStaff.userId, body: { contains: "各方已同意调解" } } })).toBe(1);
    expect(fails(await execute(respondToMediation, { number, agreed: "no" }, respondent, meta)).code).toBe("RULE_VIOLATION");
  });

  it("every respondent agrees: accepted once the last one says yes", async () => {
    const form = residentForm({
      parties: {
        "0": { role: "RESPONDENT", name: "王大伯", phone: "13900000002" },
        "1": { role: "RESPONDENT", name: "王大妈", phone: "13900000003" },
        "2": { role: "THIRD_PARTY", name: "村民小组", phone: "" },
      },
    });
    const { number } = must(await execute(applyForMediation, form, resident, meta));
    const [p1, p2, p3] = await db.mediationParty.findMany({ where: { consent: "PENDING" }, orderBy: { sortOrder: "asc" } });
    expect(must(await execute(recordConsent, { number, partyId: p1.id, agreed: "yes" }, roomStaff, meta)).status).toBe("AWAITING_CONSENT");
    expect(must(await execute(recordConsent, { number, partyId: p2.id, agreed: "true" }, roomStaff, meta)).status).toBe("AWAITING_CONSENT");
    expect(fails(await execute(recordConsent, { number, partyId: p1.id, agreed: "yes" }, roomStaff, meta)).fieldErrors?.partyId?.[0]).toContain("已登记过");
    expect(must(await execute(recordConsent, { number, partyId: p3.id, agreed: "yes", note: "组长电话表示同意" }, roomStaff, meta)).status).toBe("ACCEPTED");
    const c = await db.mediationCase.findFirstOrThrow({ include: { workOrder: { include: { events: { orderBy: { id: "asc" } } } } } });
    expect(c.status).toBe("ACCEPTED");
    expect(c.workOrder.status).toBe("NEW");
    expect(c.workOrder.events.map((e) => e.kind)).toEqual(["CREATED", "MEDIATION_CONSENT", "MEDIATION_CONSENT", "MEDIATION_CONSENT"]);
    expect(c.workOrder.events.at(-1)?.reason).toContain("各方当事人均已同意");
    expect(await db.notification.count({ where: { recipientUserId: resident.userId, body: { contains: "各方当事人均已同意调解" } } })).toBe(1);
  });

  it("the bike-shed fire: 23 owners, the property company and the battery shop, registered at the township station and kept there", async () => {
    const stationStaff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const owner = await makeUser({ role: "RESIDENT", phone: "13800001004" });
    const r = must(
      await execute(
        registerMediationCase,
        {
          source: "APPLICATION", category: "DAMAGES", regionCode: VILLAGE_A, summary: "小区自行车棚起火，烧毁电动车 23 辆，起火原因为电池店售出的电池。",
          amountInvolved: "186,000.50", major: "on", crimeRisk: "on", allAgreed: "on", parties: bikeShedParties(),
        },
        stationStaff,
        meta,
      ),
    );
    expect(r).toMatchObject({ status: "ACCEPTED", committee: { id: n.stationA.id } });
    const c = await db.mediationCase.findFirstOrThrow({ include: { workOrder: { include: { events: true } }, parties: { orderBy: { sortOrder: "asc" } } } });
    expect(c.workOrder).toMatchObject({ channel: "WALK_IN", organizationId: n.stationA.id, firstOrganizationId: n.stationA.id, requesterName: "业主1", requesterPhone: "13800001000" });
    expect(c.workOrder.subject).toBe("损害赔偿纠纷：业主1、业主2、业主3等 25 方");
    expect(c).toMatchObject({ peopleInvolved: 25, major: true, crimeRisk: true });
    expect(c.amountInvolved?.toFixed(2)).toBe("186000.50");
    expect(c.parties).toHaveLength(25);
    expect(c.parties.every((p) => p.consent === "AGREED")).toBe(true);
    expect(c.parties[4]).toMatchObject({ name: "业主5", userId: owner.id });
    expect(c.parties[23]).toMatchObject({ name: "某物业服务有限公司", agentName: "物业经理刘某", agentPhone: "0797-8123456" });
    expect(c.parties[24].idCipher).not.toContain(idNumberFor(7));
    expect(decryptField(c.parties[24].idCipher!)).toBe(idNumberFor(7));
    expect(c.workOrder.events.map((e) => e.kind).sort()).toEqual(["CREATED", "MEDIATION_CONSENT"]);

    // the station's queue lists it with the first three names
    const list = must(await execute(listMediationCases, { view: "committee" }, stationStaff, meta));
    expect(list.items).toMatchObject([{ number: r.number, partiesText: "业主1、业主2、业主3等 25 方", flags: { major: true, crimeRisk: true, referral: null }, dueState: "ok" }]);
    // the owner with an account follows it
    const view = must(await execute(getMediationCase, { number: r.number }, (await actorForUser(db, owner.id))!, meta));
    expect(view.parties.find((p) => p.isMe)).toMatchObject({ name: "业主5", phone: "13800001004" });
    expect(view.parties.find((p) => p.name === "业主6")?.phone).toBe("138****1005");
  });

  it("a walk-in without everyone's agreement waits for consent", async () => {
    const r = must(
      await execute(
        registerMediationCase,
        { source: "APPLICATION", category: "NEIGHBOUR", regionCode: VILLAGE_A, summary: "楼上漏水", parties: [{ role: "APPLICANT", name: "甲", phone: "13600000001" }, { role: "RESPONDENT", name: "乙" }] },
        roomStaff,
        meta,
      ),
    );
    expect(r.status).toBe("AWAITING_CONSENT");
    expect(await db.mediationParty.findMany({ orderBy: { sortOrder: "asc" }, select: { consent: true } })).toEqual([{ consent: "AGREED" }, { consent: "PENDING" }]);
  });

  it("a court's 诉前委派 through its API client: channel COURT_REFERRAL, reference and deadline kept, an Idempotency-Key replays", async () => {
    await db.apiClient.create({ data: { name: "甲县人民法院诉讼服务系统", tokenHash: hashToken("court-token-1"), tokenPrefix: "court", role: "STAFF", organizationId: n.centre.id } });
    const court = (await actorForApiToken(db, "court-token-1"))!;
    const body = {
      source: "COURT", category: "CONTRACT", regionCode: TOWN_A, summary: "借款 5 万元到期未还，原告起诉，经当事人同意委派诉前调解。", amountInvolved: 50000,
      parties: [{ role: "APPLICANT", name: "赵某", phone: "13500000001" }, { role: "RESPONDENT", name: "钱某", phone: "13500000002" }],
      referral: { authority: "甲县人民法院", reference: "（2026）甲诉前调字第 123 号", deadline: "2027-01-15" },
      idempotencyKey: "court-2026-000123",
    };
    const [a, b] = await Promise.all([execute(registerMediationCase, body, court, meta), execute(registerMediationCase, body, court, meta)]);
    const first = must(a);
    expect(must(b)).toEqual(first);
    expect(first).toMatchObject({ status: "ACCEPTED", committee: { id: n.stationA.id, name: n.stationA.name } });
    expect(await db.mediationCase.count()).toBe(1);
    const c = await db.mediationCase.findFirstOrThrow({ include: { workOrder: true } });
    expect(c).toMatchObject({ source: "COURT", referralAuthority: "甲县人民法院", referralReference: "（2026）甲诉前调字第 123 号" });
    expect(c.referralDeadline?.toISOString().slice(0, 10)).toBe("2027-01-15");
    expect(c.workOrder).toMatchObject({ channel: "COURT_REFERRAL", organizationId: n.stationA.id, firstOrganizationId: n.centre.id, firstReceiverUserId: null });
    // the same key with another body is a conflict, not a second case
    expect(fails(await execute(registerMediationCase, { ...body, summary: "另一件事" }, court, meta)).code).toBe("CONFLICT");

    // the court reads it back (masked: it is not the case team); the station's committee sees full phones
    const seen = must(await execute(getMediationCase, { number: first.number }, court, meta));
    expect(seen).toMatchObject({ inTeam: false, referral: { deadline: "2027-01-15" }, committee: { id: n.stationA.id } });
    expect(seen.parties.map((p) => p.phone)).toEqual(["135****0001", "135****0002"]);
    const stationMediator = await makeActor({ role: "MEDIATOR", organizationId: n.stationA.id });
    const full = must(await execute(getMediationCase, { number: first.number }, stationMediator, meta));
    expect(full.inTeam).toBe(true);
    expect(full.parties.map((p) => p.phone)).toEqual(["13500000001", "13500000002"]);
    expect(await db.auditEvent.count({ where: { action: "mediation.parties.view", actorUserId: stationMediator.userId } })).toBe(1);
    const list = must(await execute(listMediationCases, { view: "committee", flag: "referral" }, stationMediator, meta));
    expect(list.items[0].flags.referral).toEqual({ authority: "甲县人民法院", deadline: "2027-01-15" });
  });

  it("a police referral and a proactive case (主动排查) are accepted at once at the village's room", async () => {
    const centreStaff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    const police = must(
      await execute(
        registerMediationCase,
        {
          source: "POLICE", category: "NEIGHBOUR", regionCode: VILLAGE_B, summary: "邻里因停车发生口角并推搡，派出所出警后移送调解。", crimeRisk: true,
          parties: [{ role: "APPLICANT", name: "孙某", phone: "13400000001" }, { role: "RESPONDENT", name: "李某" }],
          referral: { authority: "甲县公安局西镇派出所", reference: "西派调移〔2026〕45 号" },
        },
        centreStaff,
        meta,
      ),
    );
    expect(police).toMatchObject({ status: "ACCEPTED", committee: { id: n.roomB.id } });
    expect(await db.workOrder.findFirstOrThrow({ where: { number: police.number } })).toMatchObject({ channel: "POLICE_REFERRAL", organizationId: n.roomB.id });

    const proactive = must(
      await execute(
        registerMediationCase,
        {
          source: "PROACTIVE", category: "FOREST_LAND", regionCode: VILLAGE_A, summary: "两户因山林界址多次争吵，网格员排查发现。",
          screeningNote: "网格员月度排查发现，双方情绪激动", channel: "",
          parties: [{ role: "RESPONDENT", name: "周某" }, { role: "RESPONDENT", name: "吴某" }],
          referral: { authority: "", reference: "" },
        },
        roomStaff,
        meta,
      ),
    );
    expect(proactive).toMatchObject({ status: "ACCEPTED", committee: { id: n.roomA.id } });
    const c = await db.mediationCase.findFirstOrThrow({ where: { workOrder: { number: proactive.number } }, include: { workOrder: true } });
    expect(c).toMatchObject({ source: "PROACTIVE", screeningNote: "网格员月度排查发现，双方情绪激动", referralAuthority: null });
    // nobody has a phone: no SMS, no requester phone
    expect(c.workOrder).toMatchObject({ channel: "WALK_IN", requesterPhone: "", requesterName: "周某" });
  });

  it("validation: messages per party field, referral details for referrals, at least two parties", async () => {
    const bad = fails(
      await execute(
        registerMediationCase,
        {
          source: "COURT", category: "CONTRACT", regionCode: "3699", summary: " ", amountInvolved: "-5", peopleInvolved: "2",
          parties: {
            "0": { role: "APPLICANT", name: "赵某", phone: "13500000001" },
            "1": { role: "RESPONDENT", name: "钱某", phone: "12345" },
            "2": { role: "", name: "", phone: "", idNumber: "", address: "", agentName: "", agentPhone: "" },
            "3": { role: "THIRD_PARTY", name: "", phone: "13500000003", idNumber: "36990119700101123X" },
          },
          referral: { authority: "", reference: "", deadline: "2027-02-30" },
        },
        roomStaff,
        meta,
      ),
    );
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fieldErrors).toMatchObject({
      regionCode: ["请选择纠纷发生地"],
      summary: ["请填写纠纷事实和争议事项"],
      amountInvolved: ["争议金额不能为负数"],
      peopleInvolved: ["涉及人数不能少于当事人数（3）"],
      "parties.1.phone": ["联系电话应为 11 位手机号（用于短信通知）"],
      "parties.3.name": ["请填写当事人姓名或单位名称"],
      "parties.3.idNumber": ["身份证号码校验未通过，请核对"],
      "referral.authority": ["请填写委派（移送）机关"],
      "referral.reference": ["请填写委派（移送）文书编号"],
      "referral.deadline": ["委派期限不是有效日期"],
    });
    expect(bad.fieldErrors?.["parties.2.name"]).toBeUndefined();

    const one = fails(await execute(registerMediationCase, { source: "PROACTIVE", category: "OTHER", regionCode: VILLAGE_A, summary: "x", parties: [{ role: "RESPONDENT", name: "周某" }] }, roomStaff, meta));
    expect(one.fieldErrors?.parties).toEqual(["请至少填写两方当事人"]);
    const thirdOnly = fails(await execute(registerMediationCase, { source: "PROACTIVE", category: "OTHER", regionCode: VILLAGE_A, summary: "x", parties: [{ role: "THIRD_PARTY", name: "甲" }, { role: "THIRD_PARTY", name: "乙" }] }, roomStaff, meta));
    expect(thirdOnly.fieldErrors?.parties).toEqual(["至少要有一方申请人或被申请人"]);
    const noRespondent = fails(await execute(applyForMediation, residentForm({ parties: { "0": { role: "THIRD_PARTY", name: "村委会" } } }), resident, meta));
    expect(noRespondent.fieldErrors?.parties).toEqual(["请至少填写一位对方当事人（被申请人）"]);
    const garbage = fails(await execute(registerMediationCase, { source: "PROACTIVE", category: "OTHER", regionCode: VILLAGE_A, summary: "x", parties: "张三", peopleInvolved: 3 }, roomStaff, meta));
    expect(garbage).toMatchObject({ code: "VALIDATION", fieldErrors: { parties: [expect.any(String)] } });
    expect(await db.mediationCase.count()).toBe(0);
    // residents use their own door; staff theirs
    expect(fails(await execute(registerMediationCase, { source: "PROACTIVE", category: "OTHER", regionCode: VILLAGE_A, summary: "x", parties: bikeShedParties() }, resident, meta)).code).toBe("FORBIDDEN");
    expect(fails(await execute(applyForMediation, residentForm(), roomStaff, meta)).code).toBe("FORBIDDEN");
  });

  it("scope and masking: the other township cannot see it, the parties can, strangers cannot; contacts and IDs masked outside the team", async () => {
    const { number } = must(
      await execute(
        applyForMediation,
        residentForm({ parties: { "0": { role: "RESPONDENT", name: "王大伯", phone: "13900000002", idNumber: idNumberFor(3), address: "东村 3 组 13 号" } } }),
        resident,
        meta,
      ),
    );
    const otherTownship = await makeActor({ role: "MEDIATOR", organizationId: n.stationB.id });
    const stranger = await makeActor({ role: "RESIDENT", phone: "13900000099" });
    expect(fails(await execute(getMediationCase, { number }, otherTownship, meta)).code).toBe("NOT_FOUND");
    expect(fails(await execute(getMediationCase, { number }, stranger, meta)).code).toBe("NOT_FOUND");
    expect(must(await execute(listMyMediationCases, {}, stranger, meta))).toEqual([]);
    expect(fails(await execute(listMediationCases, {}, resident, meta)).code).toBe("FORBIDDEN");

    // the committee holding it: full contacts, ID still masked
    const room = must(await execute(getMediationCase, { number }, roomStaff, meta));
    expect(room.inTeam).toBe(true);
    expect(room.parties[1]).toMatchObject({ phone: "13900000002", address: "东村 3 组 13 号", idNumber: `3699**********${idNumberFor(3).slice(-4)}` });
    // the station above reads through its subtree, masked
    const station = must(await execute(getMediationCase, { number }, await makeActor({ role: "STAFF", organizationId: n.stationA.id }), meta));
    expect(station.inTeam).toBe(false);
    expect(station.parties[1]).toMatchObject({ phone: "139****0002", address: null });
    // each party sees their own contact, the other's masked, and no actor names in the timeline
    const mine = must(await execute(getMediationCase, { number }, resident, meta));
    expect(mine.parties.map((p) => [p.isMe, p.phone, p.address])).toEqual([[true, "13900000001", "东村 3 组 12 号"], [false, "139****0002", null]]);
    expect(mine.events.every((e) => e.actorName === null)).toBe(true);
    const theirs = must(await execute(getMediationCase, { number }, respondent, meta));
    expect(theirs.parties.map((p) => p.phone)).toEqual(["139****0001", "13900000002"]);
    expect(theirs).toMatchObject({ status: "AWAITING_CONSENT", committee: { id: n.roomA.id }, deadlines: { dueState: "ok", extendedDays: 0 } });
    // the masked view is not a personal-data view: nothing audited for the station or the parties
    expect(await db.auditEvent.count({ where: { action: "mediation.parties.view" } })).toBe(1);
  });

  it("the mediator's own list: mine vs the committee's, by the next session then the deadline", async () => {
    const mk = async (summary: string) =>
      must(await execute(registerMediationCase, { source: "PROACTIVE", category: "NEIGHBOUR", regionCode: VILLAGE_A, summary, parties: [{ role: "RESPONDENT", name: `${summary}甲` }, { role: "RESPONDENT", name: `${summary}乙` }] }, roomStaff, meta)).number;
    const a = await mk("一");
    const b = await mk("二");
    const c = await mk("三");
    const cases = await db.mediationCase.findMany({ include: { workOrder: true } });
    const idOf = (num: string) => cases.find((x) => x.workOrder.number === num)!.id;
    await db.mediationCase.updateMany({ where: { id: { in: [idOf(a), idOf(c)] } }, data: { mediatorUserId: roomStaff.userId, status: "IN_PROGRESS" } });
    const soon = new Date(Date.now() + 86_400_000);
    await db.mediationSession.create({ data: { caseId: idOf(c), scheduledAt: soon, placeKind: "ROOM", place: "东村调解室" } });
    const mine = must(await execute(listMediationCases, { view: "mine" }, roomStaff, meta));
    expect(mine.items.map((i) => i.number)).toEqual([c, a]);
    expect(mine.items[0].nextSession).toMatchObject({ at: soon.toISOString(), place: "东村调解室" });
    expect(mine.items[0].mediator).toEqual({ id: roomStaff.userId, name: "老娘舅" });
    const committee = must(await execute(listMediationCases, { view: "committee" }, roomStaff, meta));
    expect(committee.items.map((i) => i.number)).toEqual([c, a, b]);
    expect(committee.counts).toEqual({ mine: 2, committee: 3, done: 0 });
  });
});
