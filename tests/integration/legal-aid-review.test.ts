import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeOrganization, makeRegion, makeSmallNetwork } from "./helpers/factories";
import { execute, type Result } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { applyForLegalAid } from "@/lib/legal-aid/apply";
import {
  approveApplication, recordSupplement, refuseApplication, requestMaterials, startAdvanceAid, supplyMaterials, withdrawApplication,
} from "@/lib/legal-aid/review";
import { decideObjection, fileObjection, listObjections } from "@/lib/legal-aid/objection";
import { EXPIRED_REASON } from "@/lib/legal-aid/expire-materials";
import { runJobNow } from "@/lib/jobs/boss";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { addDays, addWorkingDays, endOfShanghaiDay, shanghaiDate, toDbDate, workingDaysBetween } from "@/lib/calendar/working-days";
import { computeDueAt } from "@/lib/work-orders/deadlines";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// The review and objection side of a legal-aid case, through the same use cases the pages and the
// API call, asserted on the database: 一次性告知, supplement, decision, advance aid, withdrawal, the
// expiry job, and the bureau's decision on an objection.

const meta = { ip: null, userAgent: null };
const id17 = "36990119800101123";
const ID = id17 + idNumberCheckChar(id17);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const DAY = 86_400_000;

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

const application = () => ({
  applicant: { name: "刘桂芳", idNumber: ID, phone: "13800000011", address: "东村 5 组 2 号", regionCode: "369901001001" },
  matter: { category: "LABOUR", facts: "在厂里做了一年，离职后厂方拒付最后三个月工资。", opposingParty: "某电子厂" },
  aidForm: "LABOUR_ARBITRATION",
  economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2000, householdSize: 3, signed: "on" } },
  consent: { personalInfo: "on" },
});

const caseOf = (number: string) =>
  db.legalAidApplication.findFirstOrThrow({ where: { workOrder: { number } }, include: { workOrder: true, objections: { orderBy: { id: "asc" } } } });
const eventsOf = async (number: string) =>
  (await db.workOrderEvent.findMany({ where: { workOrder: { number } }, orderBy: { id: "asc" } })).map((e) => e.kind);

describe("legal aid: review, materials, decision and objection", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let resident: Actor;
  let officer: Actor;
  let leader: Actor;
  const apply = async () => must(await execute(applyForLegalAid, application(), resident, meta)).number;

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    resident = await makeActor({ role: "RESIDENT", name: "刘桂芳", phone: "13800000011" });
    officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id });
    leader = await makeActor({ role: "LEADER", regionId: n.county.id });
  });

  it("一次性告知 once → supplied with a file (clock resumed, deadline moved) → approved with the 3-working-day assignment deadline", async () => {
    const number = await apply();
    const before = (await caseOf(number)).workOrder.dueAt;

    // the textarea's lines, the officer's own numbering and blank lines dropped
    const asked = must(await execute(requestMaterials, { number, materials: "1. 劳动合同或工资条\n\n2、离职证明\n  \n", note: "可拍照上传" }, officer, meta));
    let c = await caseOf(number);
    expect(c).toMatchObject({ status: "MATERIALS_REQUESTED", materialsList: ["劳动合同或工资条", "离职证明"] });
    expect(c.materialsDueAt?.toISOString()).toBe(asked.materialsDueAt);
    // 15 working days by default
    expect(c.materialsDueAt).toEqual(computeDueAt(await loadWorkingCalendar(db), c.materialsRequestedAt!, { limitValue: 15, limitUnit: "WORKING_DAYS" }));
    expect(c.workOrder.status).toBe("PAUSED");
    expect(await db.workOrderPause.count({ where: { workOrderId: c.workOrderId, endedAt: null } })).toBe(1);
    const requested = await db.workOrderEvent.findFirstOrThrow({ where: { workOrderId: c.workOrderId, kind: "MATERIALS_REQUESTED" } });
    expect(requested.body).toBe("1. 劳动合同或工资条\n2. 离职证明");
    const notice = await db.notification.findFirstOrThrow({ where: { recipientUserId: resident.userId }, orderBy: { id: "desc" } });
    expect(notice.body).toContain("1. 劳动合同或工资条；2. 离职证明");
    expect(notice.body).toMatch(/请于 \d{4}年\d{1,2}月\d{1,2}日 前补充/);

    const again = await execute(requestMaterials, { number, materials: ["身份证复印件"] }, officer, meta);
    expect(again).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: "本申请已一次性告知过需补充的材料，不能再次要求补充" });

    // nothing supplied is refused next to the upload field
    const empty = await execute(supplyMaterials, { number, attachments: [] }, resident, meta);
    expect(empty).toMatchObject({ ok: false, fieldErrors: { attachments: ["请上传补充的材料或填写说明"] } });
    // another resident cannot supply for this application
    const stranger = await makeActor({ role: "RESIDENT", phone: "13800000099" });
    const foreign = await execute(supplyMaterials, { number, note: "我来补", attachments: [] }, stranger, meta);
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });

    // the clock stopped ten days ago: supplying moves the deadline by the working days it was stopped
    const pausedAt = new Date(Date.now() - 10 * DAY);
    await db.workOrder.update({ where: { id: c.workOrderId }, data: { pausedAt } });
    await db.workOrderPause.updateMany({ where: { workOrderId: c.workOrderId }, data: { startedAt: pausedAt } });
    must(await execute(supplyMaterials, { number, note: "工资条和离职证明", attachments: [new File([png], "工资条.png", { type: "image/png" })] }, resident, meta));
    c = await caseOf(number);
    const cal = await loadWorkingCalendar(db);
    const paused = workingDaysBetween(cal, shanghaiDate(pausedAt), shanghaiDate(new Date()));
    expect(paused).toBeGreaterThan(0);
    expect(c.status).toBe("SUBMITTED");
    expect(c.materialsSuppliedAt).not.toBeNull();
    expect(c.workOrder).toMatchObject({ status: "IN_PROGRESS", pausedAt: null });
    expect(c.workOrder.dueAt).toEqual(endOfShanghaiDay(addWorkingDays(cal, shanghaiDate(before), paused)));
    expect(await db.workOrderPause.count({ where: { workOrderId: c.workOrderId, endedAt: null } })).toBe(0);
    expect(await db.workOrderAttachment.findMany({ where: { workOrderId: c.workOrderId }, select: { fileName: true, purpose: true, uploadedByUserId: true } })).toEqual([
      { fileName: "工资条.png", purpose: "SUPPLEMENT", uploadedByUserId: resident.userId },
    ]);
    expect(await db.notification.count({ where: { recipientUserId: officer.userId, body: { contains: "已补充材料" } } })).toBe(1);

    // still only once, after the supplement too
    expect(await execute(requestMaterials, { number, materials: ["身份证复印件"] }, officer, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION" });

    const approved = must(await execute(approveApplication, { number, note: "符合经济困难标准" }, officer, meta));
    c = await caseOf(number);
    expect(c).toMatchObject({ status: "APPROVED", decidedByUserId: officer.userId, decisionReason: "符合经济困难标准", decidedOnTime: true });
    expect(c.assignDueAt).toEqual(computeDueAt(cal, c.decidedAt!, { limitValue: 3, limitUnit: "WORKING_DAYS" }));
    expect(c.assignDueAt?.toISOString()).toBe(approved.assignDueAt);
    expect(c.workOrder).toMatchObject({ status: "IN_PROGRESS", dueAt: c.assignDueAt, closedAt: null, handlerUserId: officer.userId });
    expect(await eventsOf(number)).toEqual(["CREATED", "MATERIALS_REQUESTED", "MATERIALS_SUPPLIED", "APPROVED"]);
    // a decided case cannot be decided again
    expect(await execute(refuseApplication, { number, reasons: "经审查不符合经济困难标准。" }, officer, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
  });

  it("the officer records materials handed in on paper; review resumes", async () => {
    const number = await apply();
    must(await execute(requestMaterials, { number, materials: ["劳动合同"] }, officer, meta));
    expect(await execute(recordSupplement, { number, note: " " }, officer, meta)).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { note: ["请填写补充了哪些材料"] } });
    must(await execute(recordSupplement, { number, note: "申请人到窗口交来劳动合同原件，已复印" }, officer, meta));
    const c = await caseOf(number);
    expect(c.status).toBe("SUBMITTED");
    expect(c.workOrder.status).toBe("IN_PROGRESS");
    const supplied = await db.workOrderEvent.findFirstOrThrow({ where: { workOrderId: c.workOrderId, kind: "MATERIALS_SUPPLIED" } });
    expect(supplied).toMatchObject({ actorUserId: officer.userId, body: "申请人到窗口交来劳动合同原件，已复印" });
  });

  it("only the deciding centre's officers decide: station staff are forbidden, another county's officer finds nothing", async () => {
    const number = await apply();
    const station = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const county2 = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    const centre2 = await makeOrganization({ name: "乙县公共法律服务中心", tier: "CENTRE", regionId: county2.id, parentId: n.cityCentre.id, decidesLegalAid: true });
    const otherOfficer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: centre2.id });

    expect(await execute(approveApplication, { number }, station, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(approveApplication, { number }, otherOfficer, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(requestMaterials, { number, materials: ["x"] }, otherOfficer, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(approveApplication, { number }, resident, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await caseOf(number)).status).toBe("SUBMITTED");
  });

  it("refuse → objection (once) → the bureau orders a correction: back in review, work order reopened with a fresh 7-day deadline", async () => {
    const number = await apply();
    const short = await execute(refuseApplication, { number, reasons: "不符合" }, officer, meta);
    expect(short).toMatchObject({ ok: false, fieldErrors: { reasons: ["请写明不予法律援助的理由（至少 10 个字）"] } });

    const reasons = "申请人家庭月人均收入高于本地经济困难标准，且不属于免予审查的情形。";
    must(await execute(refuseApplication, { number, reasons }, officer, meta));
    let c = await caseOf(number);
    expect(c).toMatchObject({ status: "REFUSED", decisionReason: reasons, decidedOnTime: true });
    expect(c.workOrder).toMatchObject({ status: "CLOSED", closedOnTime: true });

    const county2 = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    const otherLeader = await makeActor({ role: "LEADER", regionId: county2.id });
    const cityLeader = await makeActor({ role: "LEADER", regionId: n.city.id });
    const tooShort = await execute(fileObjection, { number, reason: "不服" }, resident, meta);
    expect(tooShort).toMatchObject({ ok: false, fieldErrors: { reason: ["异议理由至少 10 个字"] } });
    const objectionReason = "我家四口人只有我一人有收入，中心算错了家庭人口，请重新审查。";
    const filed = must(await execute(fileObjection, { number, reason: objectionReason }, resident, meta));
    const cal = await loadWorkingCalendar(db);
    c = await caseOf(number);
    expect(c.objections).toHaveLength(1);
    expect(c.objections[0].dueAt).toEqual(computeDueAt(cal, c.objections[0].filedAt, { limitValue: 5, limitUnit: "WORKING_DAYS" }));
    expect(filed.dueAt).toBe(c.objections[0].dueAt.toISOString());
    // the county's and the city's leaders are told, with a link to the objection page; a neighbouring county's is not
    expect(await db.notification.findMany({ where: { recipientUserId: leader.userId }, select: { link: true } })).toEqual([{ link: "/leader/legal-aid" }]);
    expect(await db.notification.count({ where: { recipientUserId: cityLeader.userId } })).toBe(1);
    expect(await db.notification.count({ where: { recipientUserId: otherLeader.userId } })).toBe(0);

    const second = await execute(fileObjection, { number, reason: objectionReason }, resident, meta);
    expect(second).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: expect.stringContaining("不能重复提出") });
    expect(await db.legalAidObjection.count()).toBe(1);

    // the leader's list: the refusal's reasons and the objection side by side
    const list = must(await execute(listObjections, {}, leader, meta));
    expect(list).toMatchObject([
      { number, applicantName: "刘桂芳", category: expect.any(String), refusalReasons: reasons, reason: objectionReason, decidedAt: null, outcome: null },
    ]);
    expect(must(await execute(listObjections, {}, otherLeader, meta))).toEqual([]);
    expect(await execute(decideObjection, { number, outcome: "CORRECTED", note: "家庭人口计算有误" }, otherLeader, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(decideObjection, { number, outcome: "CORRECTED", note: "家庭人口计算有误" }, officer, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });

    must(await execute(decideObjection, { number, outcome: "CORRECTED", note: "家庭人口计算有误，责令重新审查" }, leader, meta));
    c = await caseOf(number);
    expect(c).toMatchObject({ status: "SUBMITTED", decidedAt: null, decisionReason: null, decidedOnTime: null });
    expect(c.objections[0]).toMatchObject({ outcome: "CORRECTED", decisionNote: "家庭人口计算有误，责令重新审查", decidedByUserId: leader.userId });
    expect(c.workOrder).toMatchObject({ status: "REOPENED", closedAt: null, closedOnTime: null });
    expect(c.workOrder.dueAt).toEqual(computeDueAt(cal, c.objections[0].decidedAt!, { limitValue: 7, limitUnit: "WORKING_DAYS" }));
    expect(await db.notification.count({ where: { recipientUserId: resident.userId, body: { contains: "责令法律援助机构改正" } } })).toBe(1);
    expect(await db.notification.count({ where: { recipientUserId: officer.userId, body: { contains: "请重新审查" } } })).toBe(1);
    // nothing left to decide
    expect(await execute(decideObjection, { number, outcome: "UPHELD", note: "维持原决定" }, leader, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: "本案没有待审查的异议" });

    // the reopened review ends in a new refusal, which may be objected to anew
    must(await execute(refuseApplication, { number, reasons: "经重新审查，申请人名下另有经营性收入，仍不符合经济困难标准。" }, officer, meta));
    must(await execute(fileObjection, { number, reason: "经营性收入早已停止，有税务证明，请再次审查。" }, resident, meta));
    expect(await db.legalAidObjection.count({ where: { decidedAt: null } })).toBe(1);
    expect(await eventsOf(number)).toEqual(["CREATED", "REFUSED", "OBJECTED", "OBJECTION_DECIDED", "REFUSED", "OBJECTED"]);
  });

  it("the bureau upholds a refusal: the case stays refused and its order closed; no second objection to the same refusal", async () => {
    const number = await apply();
    must(await execute(refuseApplication, { number, reasons: "申请事项不属于法律援助范围，建议通过调解解决。" }, officer, meta));
    must(await execute(fileObjection, { number, reason: "这是劳动争议，属于法律援助的范围，请重新审查。" }, resident, meta));
    const closedAt = (await caseOf(number)).workOrder.closedAt;
    must(await execute(decideObjection, { number, outcome: "UPHELD", note: "原决定认定事实清楚，维持" }, leader, meta));
    const c = await caseOf(number);
    expect(c.status).toBe("REFUSED");
    expect(c.workOrder).toMatchObject({ status: "CLOSED", closedAt });
    expect(c.objections[0]).toMatchObject({ outcome: "UPHELD", decidedByUserId: leader.userId });
    expect(await db.notification.count({ where: { recipientUserId: resident.userId, body: { contains: "行政复议" } } })).toBe(1);
    expect(await execute(fileObjection, { number, reason: "我还是不服，请再次审查这个决定。" }, resident, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
    expect(must(await execute(listObjections, {}, leader, meta))).toMatchObject([{ number, outcome: "UPHELD", decidedBy: expect.any(String) }]);
  });

  it("先行援助: only with a deadline at most 7 days away or preservation ticked; a paused clock resumes", async () => {
    const number = await apply();
    const none = await execute(startAdvanceAid, { number, reason: "申请人急需帮助" }, officer, meta);
    expect(none).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { preservation: [expect.stringContaining("没有登记紧迫的时效")] } });

    const today = shanghaiDate(new Date());
    const c0 = await caseOf(number);
    await db.legalAidApplication.update({ where: { id: c0.id }, data: { urgentDeadline: toDbDate(addDays(today, 20)) } });
    const far = await execute(startAdvanceAid, { number, reason: "仲裁时效将届满" }, officer, meta);
    expect(far).toMatchObject({ ok: false, fieldErrors: { preservation: [expect.stringContaining("超过 7 日")] } });
    expect(await execute(startAdvanceAid, { number, reason: "急" }, officer, meta)).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { reason: expect.any(Array) } });

    // waiting for materials: advance aid still possible, and the stopped clock runs again
    must(await execute(requestMaterials, { number, materials: ["劳动合同"] }, officer, meta));
    await db.legalAidApplication.update({ where: { id: c0.id }, data: { urgentDeadline: toDbDate(addDays(today, 7)) } });
    must(await execute(startAdvanceAid, { number, reason: "仲裁时效 7 日内届满，需立即申请仲裁" }, officer, meta));
    const c = await caseOf(number);
    expect(c).toMatchObject({ status: "APPROVED", advanceAidReason: "仲裁时效 7 日内届满，需立即申请仲裁", decidedOnTime: true });
    expect(c.advanceAidAt).not.toBeNull();
    expect(c.assignDueAt).toEqual(computeDueAt(await loadWorkingCalendar(db), c.decidedAt!, { limitValue: 3, limitUnit: "WORKING_DAYS" }));
    expect(c.workOrder).toMatchObject({ status: "IN_PROGRESS", pausedAt: null, dueAt: c.assignDueAt });
    expect(await eventsOf(number)).toEqual(["CREATED", "MATERIALS_REQUESTED", "ADVANCE_AID"]);

    // preservation needs no deadline at all
    const other = await apply();
    must(await execute(startAdvanceAid, { number: other, reason: "对方正在转移财产", preservation: "on" }, officer, meta));
    expect(await caseOf(other)).toMatchObject({ status: "APPROVED", advanceAidReason: "需要立即申请保全或先予执行。对方正在转移财产" });
  });

  it("the applicant withdraws before the decision; the order closes and the officers are told", async () => {
    const number = await apply();
    const stranger = await makeActor({ role: "RESIDENT", phone: "13800000098" });
    expect(await execute(withdrawApplication, { number }, stranger, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    must(await execute(requestMaterials, { number, materials: ["劳动合同"] }, officer, meta));
    must(await execute(withdrawApplication, { number, reason: "已与厂方和解" }, resident, meta));
    const c = await caseOf(number);
    expect(c.status).toBe("WITHDRAWN");
    expect(c.withdrawnAt).not.toBeNull();
    expect(c.workOrder).toMatchObject({ status: "CLOSED", pausedAt: null, resultSummary: "申请人撤回申请：已与厂方和解" });
    expect(await db.workOrderPause.count({ where: { workOrderId: c.workOrderId, endedAt: null } })).toBe(0);
    expect(await db.notification.count({ where: { recipientUserId: officer.userId, body: { contains: "已由申请人撤回" } } })).toBe(1);
    expect(await execute(withdrawApplication, { number }, resident, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
  });

  it("the expiry job withdraws only applications past their materials deadline", async () => {
    const overdue = await apply();
    const waiting = await apply();
    const undecided = await apply();
    must(await execute(requestMaterials, { number: overdue, materials: ["劳动合同"] }, officer, meta));
    must(await execute(requestMaterials, { number: waiting, materials: ["劳动合同"] }, officer, meta));
    const o = await caseOf(overdue);
    await db.legalAidApplication.update({ where: { id: o.id }, data: { materialsDueAt: new Date(Date.now() - 60_000) } });
    const noticesBefore = await db.notification.count({ where: { recipientUserId: resident.userId } });

    expect(await runJobNow("legalAid.withdrawExpired", db)).toEqual({ withdrawn: 1 });

    const gone = await caseOf(overdue);
    expect(gone).toMatchObject({ status: "WITHDRAWN" });
    expect(gone.workOrder).toMatchObject({ status: "CLOSED", pausedAt: null, resultSummary: EXPIRED_REASON });
    const event = await db.workOrderEvent.findFirstOrThrow({ where: { workOrderId: gone.workOrderId, kind: "WITHDRAWN" } });
    expect(event).toMatchObject({ actorUserId: null, actorName: "系统", reason: EXPIRED_REASON });
    expect(await db.notification.count({ where: { recipientUserId: resident.userId } })).toBe(noticesBefore + 1);
    expect((await caseOf(waiting)).status).toBe("MATERIALS_REQUESTED");
    expect((await caseOf(waiting)).workOrder.status).toBe("PAUSED");
    expect((await caseOf(undecided)).status).toBe("SUBMITTED");
    // nothing left to do on the next tick
    expect(await runJobNow("legalAid.withdrawExpired", db)).toEqual({ withdrawn: 0 });
  });
});
