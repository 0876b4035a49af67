import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { makeLawyer, meta, must, sampleApplication } from "./helpers/legal-aid";
import { execute } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { applyForLegalAid } from "@/lib/legal-aid/apply";
import { approveApplication } from "@/lib/legal-aid/review";
import { assignLawyer } from "@/lib/legal-aid/assignment";
import { setLawyerChoices } from "@/lib/legal-aid/choice";
import { acceptFromPool, acceptOffer, declineOffer, expireOffers, listMyOffers, listPool, poolClosesAt } from "@/lib/legal-aid/offers";
import { getLegalAidCase } from "@/lib/legal-aid/queries";
import { runJobNow } from "@/lib/jobs/boss";

// 点援制 (issue 5): the applicant's ranked lawyers get the case one at a time; a decline or a lapse
// moves on; then the pool; then the officer. Exactly one lawyer ever wins a round.

const HOUR = 3_600_000;

describe("点援制: choices, offers, the pool and the officer's fallback", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let officer: Actor;
  let resident: Actor;
  let firmA: { id: number; name: string };
  let firmB: { id: number; name: string };
  let seq = 0;

  beforeEach(async () => {
    await resetDatabase();
    seq = 0;
    n = await makeSmallNetwork();
    officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id, name: "审查员" });
    resident = await makeActor({ role: "RESIDENT", name: "陈秀兰", phone: "13812340001" });
    firmA = await db.lawFirm.create({ data: { name: "甲律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
    firmB = await db.lawFirm.create({ data: { name: "乙律师事务所", regionId: n.county.id, address: "县城路 2 号", phone: "0797-2222222" } });
  });

  const lawyer = (name: string, over: Partial<Parameters<typeof makeLawyer>[0]> = {}) =>
    makeLawyer({ name, firmId: firmA.id, regionIds: [n.county.id], ...over });

  /** The resident applies online, ranking the given lawyers; nothing decided yet. */
  async function apply(choices: Actor[], over: Parameters<typeof sampleApplication>[1] = {}) {
    seq += 1;
    const input = { ...sampleApplication(seq, over), lawyerChoices: choices.map((c) => String(c.userId)) };
    return must(await execute(applyForLegalAid, input, resident, meta)).number;
  }

  /** Gives the lawyer one case (cap 1 then means full). */
  async function fill(l: Actor) {
    const number = await apply([]);
    await approve(number);
    must(await execute(assignLawyer, { number, lawyerUserId: l.userId! }, officer, meta));
  }

  const approve = async (number: string) => must(await execute(approveApplication, { number }, officer, meta));
  const caseOf = (number: string) => db.legalAidApplication.findFirstOrThrow({ where: { workOrder: { number } }, include: { workOrder: true } });
  const offersOf = async (number: string) =>
    db.legalAidOffer.findMany({ where: { application: { workOrder: { number } } }, orderBy: { id: "asc" } });
  const kindsOf = async (number: string) =>
    (await db.workOrderEvent.findMany({ where: { workOrder: { number } }, orderBy: { id: "asc" } })).map((e) => e.kind);
  const lastNotice = async (userId: number | null) =>
    (await db.notification.findFirstOrThrow({ where: { recipientUserId: userId }, orderBy: { id: "desc" } })).body;

  it("the first choice accepts: CHOICE, one assignment row, everyone told, the officer sees the choices", async () => {
    const wang = await lawyer("王律师");
    const li = await lawyer("李律师", { firmId: firmB.id });
    const number = await apply([wang, li]);
    expect((await db.legalAidChoice.findMany({ orderBy: { rank: "asc" } })).map((c) => [c.rank, c.lawyerUserId])).toEqual([[1, wang.userId], [2, li.userId]]);

    const approved = await approve(number);
    expect(approved.next).toMatchObject({ kind: "OFFERED", lawyerUserId: wang.userId, lawyerName: "王律师" });
    const [offer] = await offersOf(number);
    expect(offer).toMatchObject({ lawyerUserId: wang.userId, rank: 1, status: "PENDING" });
    expect(offer.expiresAt.getTime() - offer.offeredAt.getTime()).toBe(24 * HOUR);
    // one message to the applicant for the step: decided, and sent to the chosen lawyer
    expect(await lastNotice(resident.userId)).toMatch(/已决定给予法律援助。已将您的法律援助案件 .* 发给您选择的律师王律师/);
    expect(await lastNotice(wang.userId)).toContain("受援人选择由您承办");

    // the lawyer sees the offer (applicant as 陈某, the facts to decide on); the second choice sees nothing yet
    const mine = must(await execute(listMyOffers, {}, wang, meta));
    expect(mine.pending).toHaveLength(1);
    expect(mine.pending[0]).toMatchObject({ id: offer.id, number, applicant: "陈某", category: "讨要工资，或者要确认和老板的劳动关系", rank: 1 });
    expect(mine.pending[0].facts).toContain("拖欠工资");
    expect(JSON.stringify(mine)).not.toContain("13812340001");
    expect(must(await execute(listMyOffers, {}, li, meta)).pending).toEqual([]);
    // someone else's offer is "not found", accepting or declining
    expect(await execute(acceptOffer, { id: offer.id }, li, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(declineOffer, { id: offer.id, reason: "没空" }, li, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const staffView = must(await execute(getLegalAidCase, { number }, officer, meta));
    expect(JSON.stringify(staffView)).toContain("王律师");

    const taken = must(await execute(acceptOffer, { id: String(offer.id) }, wang, meta));
    expect(taken).toMatchObject({ lawyerUserId: wang.userId, via: "CHOICE" });
    const c = await caseOf(number);
    expect(c).toMatchObject({ status: "ASSIGNED", lawyerUserId: wang.userId, assignedVia: "CHOICE", assignedOnTime: true });
    expect(c.workOrder.status).toBe("CLOSED");
    expect(await db.legalAidAssignment.findMany({ select: { round: true, lawyerUserId: true, via: true } })).toEqual([{ round: 1, lawyerUserId: wang.userId, via: "CHOICE" }]);
    expect((await offersOf(number)).map((o) => o.status)).toEqual(["ACCEPTED"]);
    expect(await kindsOf(number)).toEqual(["CREATED", "LAWYERS_CHOSEN", "APPROVED", "OFFERED", "LAWYER_ASSIGNED"]);
    expect(await lastNotice(resident.userId)).toContain("您选择的律师已接受委托：王律师（甲律师事务所");

    // done once: the offer is spent, the choice closed
    expect(await execute(acceptOffer, { id: offer.id }, wang, meta)).toMatchObject({ ok: false, message: "您已接受这个派单" });
    expect(await execute(setLawyerChoices, { number, lawyerChoices: [String(li.userId)] }, resident, meta)).toMatchObject({
      ok: false, code: "RULE_VIOLATION", fieldErrors: { lawyerChoices: ["案件已有承办律师或已结束，不能再选择律师"] },
    });
  });

  it("the first declines with a reason, the second is offered at once and accepts", async () => {
    const wang = await lawyer("王律师");
    const li = await lawyer("李律师", { firmId: firmB.id });
    const number = await apply([wang, li]);
    await approve(number);
    const [first] = await offersOf(number);

    expect(await execute(declineOffer, { id: first.id, reason: "" }, wang, meta)).toMatchObject({
      ok: false, code: "VALIDATION", fieldErrors: { reason: ["请简要说明不能承办的原因（至少 2 个字）"] },
    });
    const declined = must(await execute(declineOffer, { id: first.id, reason: "近期开庭排满" }, wang, meta));
    expect(declined.next).toMatchObject({ kind: "OFFERED", lawyerUserId: li.userId! });
    expect(await lastNotice(resident.userId)).toMatch(/^律师王律师未能接受委托。已将您的法律援助案件 .* 发给您选择的律师李律师/);
    expect(await execute(acceptOffer, { id: first.id }, wang, meta)).toMatchObject({ ok: false, message: "该派单已结束，不能再处理" });

    const second = (await offersOf(number))[1];
    expect(second).toMatchObject({ lawyerUserId: li.userId, rank: 2, status: "PENDING" });
    must(await execute(acceptOffer, { id: second.id }, li, meta));
    expect((await offersOf(number)).map((o) => [o.status, o.declineReason])).toEqual([["DECLINED", "近期开庭排满"], ["ACCEPTED", null]]);
    expect(await caseOf(number)).toMatchObject({ lawyerUserId: li.userId, assignedVia: "CHOICE" });
    expect(await kindsOf(number)).toEqual(["CREATED", "LAWYERS_CHOSEN", "APPROVED", "OFFERED", "OFFER_DECLINED", "OFFERED", "LAWYER_ASSIGNED"]);
  });

  it("all choices lapse (the job), the pool opens to eligible lawyers only, and one takes it", async () => {
    const wang = await lawyer("王律师");
    const li = await lawyer("李律师", { firmId: firmB.id });
    const zhao = await lawyer("赵律师", { firmId: firmB.id }); // labour, serves the county: eligible
    const family = await lawyer("孙律师", { expertise: ["FAMILY"] }); // wrong expertise
    const far = await lawyer("周律师", { regionIds: [n.townB.id] }); // serves another township
    const full = await lawyer("吴律师", { cap: 1 }); // at the cap
    await fill(full);
    const number = await apply([wang, li]);
    await approve(number);
    const [first] = await offersOf(number);

    // a lapse is the job's work, not a page visit: before the deadline nothing moves
    expect(await expireOffers(db, new Date(first.expiresAt.getTime() - 1000))).toEqual({ expired: 0, handedOver: 0 });
    const t1 = new Date(first.expiresAt.getTime() + 1000);
    expect(await expireOffers(db, t1)).toEqual({ expired: 1, handedOver: 0 });
    const second = (await offersOf(number))[1];
    expect(second).toMatchObject({ lawyerUserId: li.userId, status: "PENDING", offeredAt: t1 });
    // the lapsed offer can no longer be accepted
    expect(await execute(acceptOffer, { id: first.id }, wang, meta)).toMatchObject({ ok: false, message: "该派单已结束，不能再处理" });

    const t2 = new Date(second.expiresAt.getTime() + 1000);
    expect(await expireOffers(db, t2)).toEqual({ expired: 1, handedOver: 0 });
    const c = await caseOf(number);
    expect(c.poolOpenedAt).toEqual(t2);
    expect(await lastNotice(resident.userId)).toMatch(/^律师李律师未在期限内确认。您选择的律师暂时都不能承办/);
    expect(await kindsOf(number)).toEqual(["CREATED", "LAWYERS_CHOSEN", "APPROVED", "OFFERED", "OFFER_EXPIRED", "OFFERED", "OFFER_EXPIRED", "POOL_OPENED"]);

    // who sees it in the pool: expertise + area + under the cap (and never the applicant's identity)
    const seen = must(await execute(listPool, {}, zhao, meta));
    expect(seen.items.map((i) => i.number)).toEqual([number]);
    expect(seen.items[0]).toMatchObject({ category: "讨要工资，或者要确认和老板的劳动关系", region: "东村" });
    expect(JSON.stringify(seen)).not.toMatch(/陈秀兰|13812340001|拖欠工资/);
    expect(must(await execute(listPool, {}, family, meta)).items).toEqual([]);
    expect(must(await execute(listPool, {}, far, meta)).items).toEqual([]);
    expect(must(await execute(listPool, {}, full, meta))).toEqual({ items: [], notice: "您在办的法律援助案件已达上限（1 件）" });
    expect(must(await execute(listPool, { category: "FAMILY_MAINTENANCE" }, zhao, meta)).items).toEqual([]);
    expect(await execute(acceptFromPool, { number }, family, meta)).toMatchObject({ ok: false, message: "本案事项不在您的擅长领域内，不能接单" });
    expect(await execute(acceptFromPool, { number }, full, meta)).toMatchObject({ ok: false, message: "您在办的法律援助案件已达上限（1 件），不能接单" });

    must(await execute(acceptFromPool, { number }, zhao, meta));
    const done = await caseOf(number);
    expect(done).toMatchObject({ status: "ASSIGNED", lawyerUserId: zhao.userId, assignedVia: "POOL" });
    expect(done.poolClosedAt).not.toBeNull();
    expect(await execute(acceptFromPool, { number }, zhao, meta)).toMatchObject({ ok: false, code: "CONFLICT", message: "已被其他律师接单" });
    expect(must(await execute(listPool, {}, zhao, meta)).items).toEqual([]);
    expect((await kindsOf(number)).at(-1)).toBe("LAWYER_ASSIGNED");
    // the job has nothing left to do for it
    expect(await expireOffers(db, new Date(t2.getTime() + 100 * HOUR))).toEqual({ expired: 0, handedOver: 0 });
  });

  it("an untaken pool goes back to the officer, who assigns before the limit; an officer's assignment withdraws a waiting offer", async () => {
    const wang = await lawyer("王律师");
    const zhao = await lawyer("赵律师", { firmId: firmB.id });
    const number = await apply([wang]);
    const { assignDueAt } = await approve(number);
    const [offer] = await offersOf(number);
    const t1 = new Date(offer.expiresAt.getTime() + 1000);
    await expireOffers(db, t1);
    const opened = await caseOf(number);
    expect(opened.poolOpenedAt).toEqual(t1);

    const closesAt = poolClosesAt(t1, 24, new Date(assignDueAt));
    expect(await expireOffers(db, new Date(closesAt.getTime() - 1000))).toEqual({ expired: 0, handedOver: 0 });
    expect(await expireOffers(db, new Date(closesAt.getTime() + 1000))).toEqual({ expired: 0, handedOver: 1 });
    expect((await caseOf(number)).poolClosedAt).not.toBeNull();
    expect(await kindsOf(number)).toEqual(["CREATED", "LAWYERS_CHOSEN", "APPROVED", "OFFERED", "OFFER_EXPIRED", "POOL_OPENED", "POOL_CLOSED"]);
    expect(await lastNotice(officer.userId)).toContain("请直接指派律师");
    expect(await lastNotice(resident.userId)).toContain("法律援助中心将直接为您指派律师");
    expect(must(await execute(listPool, {}, zhao, meta)).items).toEqual([]);
    expect(await execute(acceptFromPool, { number }, zhao, meta)).toMatchObject({ ok: false, message: "抢单已截止，案件已转由法律援助中心指派" });

    must(await execute(assignLawyer, { number, lawyerUserId: zhao.userId! }, officer, meta));
    expect(await caseOf(number)).toMatchObject({ status: "ASSIGNED", assignedVia: "OFFICER", assignedOnTime: true });

    // another case: the officer assigns while the first choice still has the offer
    const other = await apply([wang]);
    await approve(other);
    const [waiting] = await offersOf(other);
    must(await execute(assignLawyer, { number: other, lawyerUserId: zhao.userId! }, officer, meta));
    expect((await db.legalAidOffer.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("WITHDRAWN");
    expect(await lastNotice(wang.userId)).toContain("给您的派单已撤回");
    expect(await execute(acceptOffer, { id: waiting.id }, wang, meta)).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("choosing: roster only, at most the configured number, skipped when at the cap or conflicted, re-chosen after approval", async () => {
    const wang = await lawyer("王律师");
    const li = await lawyer("李律师", { firmId: firmB.id });
    const zhao = await lawyer("赵律师", { firmId: firmB.id });
    const sun = await lawyer("孙律师");
    const suspended = await lawyer("钱律师");
    await db.lawyerProfile.update({ where: { userId: suspended.userId! }, data: { suspendedAt: new Date(), suspensionReason: "质量评估不合格" } });

    seq += 1;
    const tooMany = await execute(applyForLegalAid, { ...sampleApplication(seq), lawyerChoices: [wang, li, zhao, sun].map((l) => String(l.userId)) }, resident, meta);
    expect(tooMany).toMatchObject({ ok: false, fieldErrors: { lawyerChoices: ["最多可以选择 3 名律师"] } });
    const same = await execute(applyForLegalAid, { ...sampleApplication(seq), lawyerChoices: [String(wang.userId), String(wang.userId)] }, resident, meta);
    expect(same).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { lawyerChoices: ["同一名律师只能选择一次"] } });
    const off = await execute(applyForLegalAid, { ...sampleApplication(seq), lawyerChoices: [String(suspended.userId)] }, resident, meta);
    expect(off).toMatchObject({ ok: false, fieldErrors: { lawyerChoices: ["所选律师不在法律援助律师名录中（可能已暂停承办），请重新选择"] } });
    expect(await db.legalAidApplication.count()).toBe(0);

    // conflict: the other side (某建筑劳务公司's owner 张三) already has 王律师 of 甲所 — so 孙律师 (甲所) is out too;
    // 李律师 is at the cap; 赵律师 gets the offer
    const theirs = await apply([], { name: "张三", opposingParty: "陈秀兰", phone: "13900000000" });
    await approve(theirs);
    must(await execute(assignLawyer, { number: theirs, lawyerUserId: wang.userId! }, officer, meta));
    await db.lawyerProfile.update({ where: { userId: li.userId! }, data: { concurrentCaseCap: 1 } });
    await fill(li);
    const number = await apply([sun, li, zhao], { opposingParty: "张三" });
    const approved = await approve(number);
    expect(approved.next).toMatchObject({ kind: "OFFERED", lawyerUserId: zhao.userId! });
    const offered = await db.workOrderEvent.findFirstOrThrow({ where: { workOrder: { number }, kind: "OFFERED" } });
    expect(offered.reason).toMatch(/^向受援人第 3 选择的律师赵律师派单/);
    expect(offered.body).toBe("未派单：孙律师：该律师与对方当事人的援助律师同属甲律师事务所；李律师：该律师在办的法律援助案件已达上限（1 件）");

    // the applicant re-ranks while the offer waits: it is withdrawn and the new first choice offered
    const nobody = await lawyer("郑律师", { firmId: firmB.id });
    const rechosen = must(await execute(setLawyerChoices, { number, lawyerChoices: [String(nobody.userId)] }, resident, meta));
    expect(rechosen.next).toMatchObject({ kind: "OFFERED", lawyerUserId: nobody.userId! });
    expect((await offersOf(number)).map((o) => [o.lawyerUserId, o.status])).toEqual([[zhao.userId, "WITHDRAWN"], [nobody.userId, "PENDING"]]);
    // nobody else may choose for the applicant
    const stranger = await makeActor({ role: "RESIDENT", name: "路人" });
    expect(await execute(setLawyerChoices, { number, lawyerChoices: [String(zhao.userId)] }, stranger, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(setLawyerChoices, { number, lawyerChoices: [""] }, resident, meta)).toMatchObject({
      ok: false, code: "VALIDATION", fieldErrors: { lawyerChoices: ["请至少选择一名律师"] },
    });

    // the cap is checked again at acceptance: the offer was made, then the lawyer filled up
    await db.lawyerProfile.update({ where: { userId: nobody.userId! }, data: { concurrentCaseCap: 1 } });
    await fill(nobody);
    const [, pending] = await offersOf(number);
    expect(await execute(acceptOffer, { id: pending.id }, nobody, meta)).toMatchObject({
      ok: false, code: "RULE_VIOLATION", message: "该律师在办的法律援助案件已达上限（1 件），不能承接",
    });
    expect((await db.legalAidOffer.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
  });

  it("the choice window after approval is configurable (default: until the assignment deadline)", async () => {
    const wang = await lawyer("王律师");
    const number = await apply([]);
    await approve(number);
    // two hours after the decision: open by default …
    await db.legalAidApplication.updateMany({ data: { decidedAt: new Date(Date.now() - 2 * HOUR) } });
    const c = must(await execute(getLegalAidCase, { number }, resident, meta));
    expect(c.choiceOpen).toBe(true);
    // … closed when the bureau allows one hour
    await db.legalAidRule.update({ where: { id: 1 }, data: { choiceHours: 1 } });
    try {
      expect(must(await execute(getLegalAidCase, { number }, resident, meta)).choiceOpen).toBe(false);
      expect(await execute(setLawyerChoices, { number, lawyerChoices: [String(wang.userId)] }, resident, meta)).toMatchObject({
        ok: false, fieldErrors: { lawyerChoices: ["已超过选择律师的期限，法律援助中心将直接为您指派律师"] },
      });
      await db.legalAidRule.update({ where: { id: 1 }, data: { choiceHours: 3 } });
      const chosen = must(await execute(setLawyerChoices, { number, lawyerChoices: [String(wang.userId)] }, resident, meta));
      expect(chosen.next).toMatchObject({ kind: "OFFERED", lawyerUserId: wang.userId });
    } finally {
      await db.legalAidRule.update({ where: { id: 1 }, data: { choiceHours: null } });
    }
  });

  it("a case without choices stays with the officer: no offers, no pool", async () => {
    const number = await apply([]);
    const approved = await approve(number);
    expect(approved.next).toBeNull();
    expect(await offersOf(number)).toEqual([]);
    expect((await caseOf(number)).poolOpenedAt).toBeNull();
    expect(await lastNotice(resident.userId)).toMatch(/已决定给予法律援助。我们将在 3 个工作日内为您指派律师/);
  });

  it("exactly one winner: 50 lawyers take the same pool case at once → 1 success, 49 「已被其他律师接单」, 1 assignment row", async () => {
    const chosen = await lawyer("王律师");
    const number = await apply([chosen]);
    await approve(number);
    const [offer] = await offersOf(number);
    await expireOffers(db, new Date(offer.expiresAt.getTime() + 1000));
    expect((await caseOf(number)).poolOpenedAt).not.toBeNull();

    const crowd: Actor[] = [];
    for (let i = 0; i < 50; i += 1) crowd.push(await lawyer(`抢单律师${i}`, { firmId: i % 2 ? firmA.id : firmB.id }));
    const results = await Promise.all(crowd.map((l) => execute(acceptFromPool, { number }, l, meta)));

    const wins = results.filter((r) => r.ok);
    const refusals = results.filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(refusals).toHaveLength(49);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, code: "CONFLICT", message: "已被其他律师接单" });
    expect(await db.legalAidAssignment.count()).toBe(1);
    const c = await caseOf(number);
    const winner = crowd[results.findIndex((r) => r.ok)];
    expect(c).toMatchObject({ status: "ASSIGNED", lawyerUserId: winner.userId, assignedVia: "POOL" });
    expect((await kindsOf(number)).filter((k) => k === "LAWYER_ASSIGNED")).toHaveLength(1);
  });

  it("runs as the scheduled job", async () => {
    const wang = await lawyer("王律师");
    const number = await apply([wang]);
    await approve(number);
    await db.legalAidOffer.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await runJobNow("legalAid.expireOffers", db)).toEqual({ expired: 1, handedOver: 0 });
    expect((await caseOf(number)).poolOpenedAt).not.toBeNull();
  });
});
