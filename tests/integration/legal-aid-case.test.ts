import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { makeLawyer as makeSharedLawyer, meta, must, idNumberFor, sampleApplication } from "./helpers/legal-aid";
import { execute } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { assignLawyer, listLawyerCandidates } from "@/lib/legal-aid/assignment";
import { addProgress, closeCase, getLawyerCase, listMyCases, requestTermination } from "@/lib/legal-aid/lawyer-case";
import {
  archiveCase, decideRequest, gradeQuality, lawyerRatings, rateCase, recordFollowUp, requestLawyerChange,
} from "@/lib/legal-aid/aftercare";
import {
  addDays, addWorkingDays, createWorkingCalendar, endOfShanghaiDay, shanghaiDate, startOfShanghaiDay,
} from "@/lib/calendar/working-days";

// The case after approval: assignment (with the conflict and capacity rules), the lawyer's side
// (progress, termination request, closing), the recipient's and the centre's aftercare (change of
// lawyer, rating, phone follow-up, quality grade, archive) and the lawyers' rating.

const idNumber = idNumberFor;
const pdf = () => new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")], "结案报告.pdf", { type: "application/pdf" });
const today = () => shanghaiDate(new Date());

let seq = 0;
const application = (over: Parameters<typeof sampleApplication>[1] = {}) => sampleApplication(++seq, over);

describe("legal-aid case: assignment, the lawyer's side and aftercare", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let officer: Actor;
  let intake: Actor;
  let resident: Actor;
  let firmA: { id: number; name: string };
  let firmB: { id: number; name: string };

  beforeEach(async () => {
    await resetDatabase();
    seq = 0;
    n = await makeSmallNetwork();
    officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id, name: "审查员" });
    intake = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    resident = await makeActor({ role: "RESIDENT", name: "陈秀兰", phone: "13812340001" });
    firmA = await db.lawFirm.create({ data: { name: "甲律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
    firmB = await db.lawFirm.create({ data: { name: "乙律师事务所", regionId: n.county.id, address: "县城路 2 号", phone: "0797-2222222" } });
  });

  const makeLawyer = (opts: { name: string; firmId: number; expertise?: string[]; regionIds?: number[]; cap?: number; accepts?: boolean }) =>
    makeSharedLawyer({ ...opts, regionIds: opts.regionIds ?? [n.county.id] });

  /** An application taken in at the centre, then approved (the review's own use case is tested elsewhere). */
  async function approvedCase(over: Parameters<typeof application>[0] = {}) {
    const { number } = must(await execute(takeInLegalAidApplication, application(over), intake, meta));
    const assignDueAt = endOfShanghaiDay(addDays(today(), 5));
    const order = await db.workOrder.update({ where: { number }, data: { status: "IN_PROGRESS", dueAt: assignDueAt } });
    await db.legalAidApplication.update({
      where: { workOrderId: order.id },
      data: { status: "APPROVED", decidedAt: new Date(), decidedByUserId: officer.userId, decidedOnTime: true, assignDueAt },
    });
    return number;
  }

  async function assignedCase(lawyer: Actor, over: Parameters<typeof application>[0] = {}) {
    const number = await approvedCase(over);
    must(await execute(assignLawyer, { number, lawyerUserId: lawyer.userId }, officer, meta));
    return number;
  }

  const caseOf = (number: string) => db.legalAidApplication.findFirstOrThrow({ where: { workOrder: { number } }, include: { workOrder: true, requests: true } });
  const eventsOf = async (number: string) =>
    (await db.workOrderEvent.findMany({ where: { workOrder: { number } }, orderBy: { id: "asc" } })).map((e) => ({ kind: e.kind, reason: e.reason, body: e.body }));

  it("ranks the candidates and assigns: ASSIGNED the same day, the centre's work order closed, applicant and lawyer told", async () => {
    const near = await makeLawyer({ name: "王律师", firmId: firmA.id, expertise: ["LABOUR"] });
    const family = await makeLawyer({ name: "赵律师", firmId: firmA.id, expertise: ["FAMILY"] });
    const far = await makeLawyer({ name: "孙律师", firmId: firmB.id, expertise: ["LABOUR"], regionIds: [n.villageB.id] });
    const number = await approvedCase();

    const list = must(await execute(listLawyerCandidates, { number }, officer, meta));
    expect(list.candidates.map((c) => c.name)).toEqual(["王律师", "赵律师", "孙律师"]);
    expect(list.candidates[0]).toMatchObject({ userId: near.userId, expertiseMatch: true, servesArea: true, load: 0, cap: 5, full: false, conflict: null, firmName: "甲律师事务所", expertiseLabels: ["劳动争议"] });
    expect(list.candidates[1]).toMatchObject({ userId: family.userId, expertiseMatch: false, servesArea: true });
    expect(list.candidates[2]).toMatchObject({ userId: far.userId, expertiseMatch: true, servesArea: false });
    expect(list.candidates[0].rating).toEqual({ closed: 0, rated: 0, satisfiedRate: null, graded: 0, goodRate: null });

    const r = must(await execute(assignLawyer, { number, lawyerUserId: String(near.userId) }, officer, meta));
    expect(r).toMatchObject({ lawyerName: "王律师", firmName: "甲律师事务所", assignedSameDay: true, assignedOnTime: true });
    const c = await caseOf(number);
    expect(c).toMatchObject({ status: "ASSIGNED", lawyerUserId: near.userId, assignedByUserId: officer.userId, assignedSameDay: true, assignedOnTime: true });
    expect(c.assignedAt).not.toBeNull();
    expect(c.workOrder).toMatchObject({ status: "CLOSED", closedOnTime: true, resultSummary: "已指派王律师（甲律师事务所）承办" });
    expect(c.workOrder.closedAt).not.toBeNull();
    expect((await eventsOf(number)).at(-1)).toEqual({ kind: "LAWYER_ASSIGNED", reason: "王律师（甲律师事务所）", body: null });
    const toApplicant = await db.notification.findFirstOrThrow({ where: { recipientUserId: resident.userId, body: { contains: "指派" } } });
    expect(toApplicant.body).toContain("王律师（甲律师事务所，电话 0797-1111111）");
    expect(toApplicant.link).toBe(`/resident/legal-aid/${number}`);
    expect(await db.notification.count({ where: { recipientUserId: near.userId, link: `/lawyer/legal-aid/${number}` } })).toBe(1);

    // assigned once only
    const again = await execute(assignLawyer, { number, lawyerUserId: family.userId }, officer, meta);
    expect(again).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: "案件当前状态为「律师承办中」，不能指派律师" });

    // the assigned lawyer reads the file: the phone in full (to call the recipient), the ID masked
    const file = must(await execute(getLawyerCase, { number }, near, meta));
    expect(file.applicant).toMatchObject({ name: "陈秀兰", phone: "13812340001", idNumber: "3699**********" + idNumber(1).slice(-4) });
    expect(file.events.map((e) => e.kind)).toEqual(["CREATED", "LAWYER_ASSIGNED"]);
    expect(must(await execute(listMyCases, {}, near, meta)).active.map((i) => i.number)).toEqual([number]);

    // another lawyer can neither read nor act on it; a resident cannot use the lawyer's doors
    expect(await execute(getLawyerCase, { number }, family, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(addProgress, { number, kind: "MEETING", on: today(), note: "会见受援人" }, family, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(requestTermination, { number, reason: "OWN_LAWYER", detail: "受援人已自行委托律师" }, family, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(closeCase, { number, endedOn: today(), outcome: "WON", summary: "仲裁裁决支持全部诉求。", attachments: [pdf()] }, family, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(must(await execute(listMyCases, {}, family, meta)).active).toEqual([]);
    expect(await execute(getLawyerCase, { number }, resident, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // and a lawyer cannot assign
    expect(await execute(assignLawyer, { number, lawyerUserId: family.userId }, near, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses a lawyer whose firm acts for the opposing party, a full lawyer, one not taking legal aid and a non-lawyer", async () => {
    const other = await makeLawyer({ name: "钱律师", firmId: firmA.id });
    const sameFirm = await makeLawyer({ name: "王律师", firmId: firmA.id });
    const otherFirm = await makeLawyer({ name: "周律师", firmId: firmB.id, cap: 1 });
    const declines = await makeLawyer({ name: "吴律师", firmId: firmB.id, accepts: false });

    // 李建国's own legal-aid case against 陈秀兰 is handled by a lawyer of 甲律师事务所
    await assignedCase(other, { name: "李建国", phone: "13812340002", opposingParty: "陈秀兰" });
    const number = await approvedCase({ opposingParty: "李建国" });

    const list = must(await execute(listLawyerCandidates, { number }, officer, meta));
    const conflicted = list.candidates.find((c) => c.userId === sameFirm.userId)!;
    expect(conflicted.conflict).toBe("该律师与对方当事人的援助律师同属甲律师事务所，不能指派");
    expect(list.candidates.at(-1)!.conflict).not.toBeNull();
    expect(list.candidates.some((c) => c.userId === declines.userId)).toBe(false);

    const conflict = await execute(assignLawyer, { number, lawyerUserId: sameFirm.userId }, officer, meta);
    expect(conflict).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { lawyerUserId: ["该律师与对方当事人的援助律师同属甲律师事务所，不能指派"] } });
    const notTaking = await execute(assignLawyer, { number, lawyerUserId: declines.userId }, officer, meta);
    expect(notTaking).toMatchObject({ ok: false, fieldErrors: { lawyerUserId: ["该律师目前不承接法律援助案件，不能指派"] } });
    const notALawyer = await execute(assignLawyer, { number, lawyerUserId: officer.userId }, officer, meta);
    expect(notALawyer).toMatchObject({ ok: false, fieldErrors: { lawyerUserId: ["所选人员不是登记在册的律师，不能指派"] } });
    expect((await caseOf(number)).status).toBe("APPROVED");

    // the other firm's lawyer may take it; with a cap of 1 they are then full
    must(await execute(assignLawyer, { number, lawyerUserId: otherFirm.userId }, officer, meta));
    const third = await approvedCase({ name: "张桂芳", phone: "13812340003" });
    const full = await execute(assignLawyer, { number: third, lawyerUserId: otherFirm.userId }, officer, meta);
    expect(full).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { lawyerUserId: ["该律师在办的法律援助案件已达上限（1 件），不能承接"] } });
    const ranked = must(await execute(listLawyerCandidates, { number: third }, officer, meta)).candidates;
    expect(ranked.find((c) => c.userId === otherFirm.userId)).toMatchObject({ load: 1, cap: 1, full: true });
    expect(ranked.at(-1)!.userId).toBe(otherFirm.userId);
    expect((await caseOf(third)).status).toBe("APPROVED");
  });

  it("the lawyer records progress; a termination request, one at a time, approved by the officer ends the aid", async () => {
    const lawyer = await makeLawyer({ name: "王律师", firmId: firmA.id });
    const number = await assignedCase(lawyer);

    const tomorrow = addDays(today(), 1);
    const future = await execute(addProgress, { number, kind: "MEETING", on: tomorrow, note: "会见受援人" }, lawyer, meta);
    expect(future).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { on: ["进展日期不能晚于今天"] } });
    const short = await execute(addProgress, { number, kind: "MEETING", on: today(), note: "好" }, lawyer, meta);
    expect(short).toMatchObject({ ok: false, fieldErrors: { note: ["进展情况至少 2 个字"] } });
    const early = await execute(addProgress, { number, kind: "MEETING", on: addDays(today(), -30), note: "会见受援人" }, lawyer, meta);
    expect(early).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { on: [expect.stringContaining("不能早于申请日期")] } });
    must(await execute(addProgress, { number, kind: "MEETING", on: today(), note: "在司法所会见受援人，了解欠薪情况。" }, lawyer, meta));
    expect((await eventsOf(number)).at(-1)).toEqual({ kind: "CASE_PROGRESS", reason: "会见受援人", body: `${today()} 在司法所会见受援人，了解欠薪情况。` });
    expect(await db.notification.count({ where: { recipientUserId: resident.userId, body: { contains: "新进展" } } })).toBe(1);

    must(await execute(requestTermination, { number, reason: "OWN_LAWYER", detail: "受援人已自行委托律师代理。" }, lawyer, meta));
    const twice = await execute(requestTermination, { number, reason: "OTHER_BY_LAW", detail: "再次申请终止。" }, lawyer, meta);
    expect(twice).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: "已经申请终止法律援助，请等待法律援助中心处理" });
    const [request] = (await caseOf(number)).requests;
    expect(request).toMatchObject({ kind: "TERMINATION", reason: "OWN_LAWYER", detail: "受援人已自行委托律师代理。", filedByUserId: lawyer.userId, decidedAt: null });
    expect(await db.notification.count({ where: { recipientUserId: officer.userId, body: { contains: "申请终止" } } })).toBe(1);
    // no closing while the centre has not decided
    const closing = await execute(closeCase, { number, endedOn: today(), outcome: "OTHER", summary: "受援人另行委托律师。", attachments: [pdf()] }, lawyer, meta);
    expect(closing).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
    // only officers decide, and the note is required
    expect(await execute(decideRequest, { number, requestId: request.id, approve: "true", note: "同意" }, lawyer, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(decideRequest, { number, requestId: request.id, approve: "true", note: "" }, officer, meta)).toMatchObject({ ok: false, fieldErrors: { note: ["请填写处理意见"] } });

    must(await execute(decideRequest, { number, requestId: String(request.id), approve: "true", note: "经核实，受援人已自行委托律师。" }, officer, meta));
    const c = await caseOf(number);
    expect(c).toMatchObject({ status: "TERMINATED", terminationReason: "OWN_LAWYER" });
    expect(c.terminatedAt).not.toBeNull();
    expect(c.requests[0]).toMatchObject({ approved: true, decidedByUserId: officer.userId, decisionNote: "经核实，受援人已自行委托律师。" });
    expect((await eventsOf(number)).slice(-2).map((e) => [e.kind, e.reason])).toEqual([
      ["REQUEST_DECIDED", "同意终止法律援助"],
      ["TERMINATED", "受援人自行委托律师或者其他代理人"],
    ]);
    expect(await db.notification.count({ where: { recipientUserId: resident.userId, body: { contains: "终止对您的法律援助" } } })).toBe(1);
    expect(await db.workOrderFollowUp.count()).toBe(0);
    expect(await execute(decideRequest, { number, requestId: request.id, approve: "false", note: "再处理一次" }, officer, meta)).toMatchObject({
      ok: false, message: "该申请已经处理过了",
    });
    expect(await execute(addProgress, { number, kind: "OTHER", on: today(), note: "继续办理" }, lawyer, meta)).toMatchObject({
      ok: false, code: "RULE_VIOLATION", message: "案件当前状态为「已终止法律援助」，不能记录办案进展",
    });
    // a terminated case is graded and archived without a follow-up
    must(await execute(gradeQuality, { number, grade: "PASS", methods: "FILE_INSPECTION" }, officer, meta));
    must(await execute(archiveCase, { number }, officer, meta));
    expect((await caseOf(number)).status).toBe("ARCHIVED");
  });

  it("the recipient asks for another lawyer; refused once, then approved → back to APPROVED with a new deadline, and reassigned", async () => {
    const first = await makeLawyer({ name: "王律师", firmId: firmA.id });
    const second = await makeLawyer({ name: "周律师", firmId: firmB.id });
    const number = await assignedCase(first);
    const closedAt = (await caseOf(number)).workOrder.closedAt;

    const someoneElse = await makeActor({ role: "RESIDENT", phone: "13812340009" });
    expect(await execute(requestLawyerChange, { number, detail: "律师一直不联系我。" }, someoneElse, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    must(await execute(requestLawyerChange, { number, detail: "律师一直不联系我。" }, resident, meta));
    expect(await execute(requestLawyerChange, { number, detail: "再申请一次。" }, resident, meta)).toMatchObject({
      ok: false, message: "您已申请更换律师，请等待法律援助中心处理",
    });
    let [request] = (await caseOf(number)).requests;
    expect(request).toMatchObject({ kind: "CHANGE_LAWYER", detail: "律师一直不联系我。", filedByUserId: resident.userId });
    must(await execute(decideRequest, { number, requestId: request.id, approve: "false", note: "已督促律师及时联系受援人。" }, officer, meta));
    expect(await caseOf(number)).toMatchObject({ status: "ASSIGNED", lawyerUserId: first.userId });

    must(await execute(requestLawyerChange, { number, detail: "律师仍然不联系我。" }, resident, meta));
    request = (await caseOf(number)).requests.find((r) => !r.decidedAt)!;
    const before = Date.now();
    must(await execute(decideRequest, { number, requestId: request.id, approve: "true", note: "同意更换。" }, officer, meta));
    let c = await caseOf(number);
    expect(c).toMatchObject({ status: "APPROVED", lawyerUserId: null });
    expect(c.assignDueAt!.getTime()).toBeGreaterThan(before);
    const cal = createWorkingCalendar([]);
    expect(c.assignDueAt).toEqual(endOfShanghaiDay(addWorkingDays(cal, today(), 3)));
    expect(await db.notification.count({ where: { recipientUserId: first.userId, body: { contains: "不再由您承办" } } })).toBe(1);
    expect(await execute(getLawyerCase, { number }, first, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });

    must(await execute(assignLawyer, { number, lawyerUserId: second.userId }, officer, meta));
    c = await caseOf(number);
    expect(c).toMatchObject({ status: "ASSIGNED", lawyerUserId: second.userId });
    // the centre's work order closed at the first assignment and stays so; its result names the new lawyer
    expect(c.workOrder).toMatchObject({ status: "CLOSED", closedAt, resultSummary: "已指派周律师（乙律师事务所）承办" });
    expect((await eventsOf(number)).filter((e) => e.kind === "LAWYER_ASSIGNED").map((e) => e.reason)).toEqual(["王律师（甲律师事务所）", "周律师（乙律师事务所）"]);
    expect(must(await execute(getLawyerCase, { number }, second, meta)).requests).toHaveLength(2);
  });

  it("closing with amounts and a PDF → CLOSED with its deadline and a call-back; rated once; graded; archived; the lawyer's rating", async () => {
    const lawyer = await makeLawyer({ name: "王律师", firmId: firmA.id });
    const number = await assignedCase(lawyer);
    const base = { number, endedOn: today(), outcome: "WON", summary: "仲裁裁决支持全部欠薪，已执行到位。" };

    const badMoney = await execute(closeCase, { ...base, moneyRecovered: "-1", feesWaived: "1.234", attachments: [pdf()] }, lawyer, meta);
    expect(badMoney).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!badMoney.ok) {
      expect(badMoney.fieldErrors?.moneyRecovered).toEqual(["挽回经济损失应为不小于 0 的金额（元），最多两位小数"]);
      expect(badMoney.fieldErrors?.feesWaived).toEqual(["减免收费应为不小于 0 的金额（元），最多两位小数"]);
    }
    expect(await execute(closeCase, { ...base, summary: "太短了", attachments: [pdf()] }, lawyer, meta)).toMatchObject({ ok: false, fieldErrors: { summary: ["结案小结至少 10 个字"] } });
    expect(await execute(closeCase, { ...base, attachments: [] }, lawyer, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { attachments: [expect.stringContaining("请上传结案材料")] } });
    const notPdf = new File([new TextEncoder().encode("just text")], "小结.pdf", { type: "application/pdf" });
    expect(await execute(closeCase, { ...base, attachments: [notPdf] }, lawyer, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { attachments: [expect.stringContaining("不是图片或 PDF")] } });
    expect(await db.workOrderAttachment.count()).toBe(0);

    const closed = must(await execute(closeCase, { ...base, moneyRecovered: "20,000.5", feesWaived: "", attachments: [pdf()] }, lawyer, meta));
    expect(closed.closingOnTime).toBe(true);
    let c = await caseOf(number);
    const dueAt = endOfShanghaiDay(addWorkingDays(createWorkingCalendar([]), today(), 15));
    expect(c).toMatchObject({ status: "CLOSED", outcome: "WON", outcomeSummary: base.summary, closingDueAt: dueAt, closingOnTime: true });
    expect(c.caseEndedOn?.toISOString().slice(0, 10)).toBe(today());
    expect(c.moneyRecovered?.toFixed(2)).toBe("20000.50");
    expect(c.feesWaived?.toFixed(2)).toBe("0.00");
    expect(await db.workOrderAttachment.findMany({ select: { fileName: true, contentType: true, purpose: true, uploadedByUserId: true } })).toEqual([
      { fileName: "结案报告.pdf", contentType: "application/pdf", purpose: "CLOSING", uploadedByUserId: lawyer.userId },
    ]);
    expect(await db.workOrderFollowUp.findMany({ select: { kind: true, organizationId: true, doneAt: true } })).toEqual([
      { kind: "CALLBACK", organizationId: n.centre.id, doneAt: null },
    ]);
    expect(await db.notification.count({ where: { recipientUserId: resident.userId, body: { contains: "已结案，请对承办律师的服务进行评价" } } })).toBe(1);
    expect(must(await execute(getLawyerCase, { number }, lawyer, meta)).closing).toMatchObject({ outcome: "WON", moneyRecovered: "20000.50", onTime: true });

    // archive waits for the quality grade and the follow-up
    expect(await execute(archiveCase, { number }, officer, meta)).toMatchObject({ ok: false, message: "请先完成质量评估，再归档" });

    expect(await execute(rateCase, { number, score: "SATISFIED", comment: "律师很负责" }, await makeActor({ role: "RESIDENT", phone: "13812340008" }), meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    must(await execute(rateCase, { number, score: "SATISFIED", comment: "律师很负责" }, resident, meta));
    expect(await execute(rateCase, { number, score: "UNSATISFIED" }, resident, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: "您已经评价过了，感谢您的反馈" });
    c = await caseOf(number);
    expect(c).toMatchObject({ satisfaction: "SATISFIED", satisfactionVia: "ACCOUNT", satisfactionComment: "律师很负责" });
    expect(c.followedUpAt).not.toBeNull();
    expect((await db.workOrderFollowUp.findFirstOrThrow()).doneAt).not.toBeNull();
    const phone = await execute(recordFollowUp, { number, score: "SATISFIED", result: "电话回访，受援人满意。" }, officer, meta);
    expect(phone).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: "受援人已经评价过，不需要再次回访" });

    expect(await execute(gradeQuality, { number, grade: "EXCELLENT" }, officer, meta)).toMatchObject({ ok: false, fieldErrors: { methods: ["请至少选择一种评估方法"] } });
    expect(await execute(gradeQuality, { number, grade: "EXCELLENT", methods: ["NO_SUCH"] }, officer, meta)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await execute(archiveCase, { number }, officer, meta)).toMatchObject({ ok: false, message: "请先完成质量评估，再归档" });
    must(await execute(gradeQuality, { number, grade: "EXCELLENT", methods: ["FILE_INSPECTION", "RECIPIENT_CALLBACK"], note: "文书规范" }, officer, meta));
    expect(await execute(gradeQuality, { number, grade: "FAIL", methods: ["FILE_INSPECTION"] }, officer, meta)).toMatchObject({ ok: false, message: "该案件已经完成质量评估" });
    c = await caseOf(number);
    expect(c).toMatchObject({ qualityGrade: "EXCELLENT", qualityMethods: ["FILE_INSPECTION", "RECIPIENT_CALLBACK"], qualityNote: "文书规范", qualityGradedByUserId: officer.userId });
    expect((await eventsOf(number)).at(-1)).toEqual({ kind: "QUALITY_GRADED", reason: "优", body: "评估方法：查阅案卷、回访受援人\n文书规范" });

    must(await execute(archiveCase, { number }, officer, meta));
    c = await caseOf(number);
    expect(c.status).toBe("ARCHIVED");
    expect(c.archivedAt).not.toBeNull();
    expect((await eventsOf(number)).map((e) => e.kind)).toEqual(["CREATED", "LAWYER_ASSIGNED", "CASE_CLOSED", "RATED", "QUALITY_GRADED", "ARCHIVED"]);

    // a second case, ended long ago and closed late: the phone follow-up records an unsatisfied recipient
    const late = await assignedCase(lawyer, { name: "张桂芳", phone: "13812340003" });
    const longAgo = addDays(today(), -60);
    await db.workOrder.update({ where: { number: late }, data: { createdAt: startOfShanghaiDay(addDays(longAgo, -10)) } });
    const lateClose = must(await execute(closeCase, { number: late, endedOn: longAgo, outcome: "PARTLY_WON", summary: "仲裁支持部分欠薪请求。", moneyRecovered: 5000, feesWaived: "300.5", attachments: [pdf()] }, lawyer, meta));
    expect(lateClose.closingOnTime).toBe(false);
    expect((await caseOf(late)).closingDueAt).toEqual(endOfShanghaiDay(addWorkingDays(createWorkingCalendar([]), longAgo, 15)));
    must(await execute(recordFollowUp, { number: late, score: "UNSATISFIED", result: "受援人认为律师沟通不够。" }, officer, meta));
    expect(await caseOf(late)).toMatchObject({ satisfaction: "UNSATISFIED", satisfactionVia: "PHONE_FOLLOW_UP" });
    expect(await db.workOrderFollowUp.findFirstOrThrow({ where: { workOrder: { number: late } } })).toMatchObject({ result: "受援人认为律师沟通不够。", doneByUserId: officer.userId });
    must(await execute(gradeQuality, { number: late, grade: "PASS", methods: ["HEARING_ATTENDANCE"] }, officer, meta));

    const idle = await makeLawyer({ name: "周律师", firmId: firmB.id });
    const ratings = await lawyerRatings(db, [lawyer.userId!, idle.userId!]);
    expect(ratings.get(lawyer.userId!)).toEqual({ closed: 2, rated: 2, satisfiedRate: 0.5, graded: 2, goodRate: 0.5 });
    expect(ratings.get(idle.userId!)).toEqual({ closed: 0, rated: 0, satisfiedRate: null, graded: 0, goodRate: null });
    const mine = must(await execute(listMyCases, {}, lawyer, meta));
    expect(mine.active).toEqual([]);
    expect(mine.done.map((i) => [i.number, i.status])).toEqual([[late, "CLOSED"], [number, "ARCHIVED"]]);
    expect(mine.rating).toEqual(ratings.get(lawyer.userId!));
  });
});
