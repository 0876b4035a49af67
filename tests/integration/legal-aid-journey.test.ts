import { beforeEach, describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/calendar/working-days";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork, makeUser } from "./helpers/factories";
import { execute, type Result } from "@/lib/api/use-case";
import { actorForUser, type Actor } from "@/lib/auth/actor";
import { applyForLegalAid, takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { approveApplication, requestMaterials, supplyMaterials } from "@/lib/legal-aid/review";
import { assignLawyer } from "@/lib/legal-aid/assignment";
import { closeCase } from "@/lib/legal-aid/lawyer-case";
import { archiveCase, gradeQuality, rateCase } from "@/lib/legal-aid/aftercare";
import { downloadCaseAttachment, getLegalAidApplication, getLegalAidCase, listLegalAidQueue } from "@/lib/legal-aid/queries";
import { escalateOverdueWorkOrders } from "@/lib/work-orders/escalate-overdue";
import { acceptWorkOrder, closeWorkOrder, escalateWorkOrder } from "@/lib/work-orders/process";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// The whole road of one application, through the same use cases the pages and the API call:
// apply → 一次性告知 (once) → supplement → approve → assign → close → rate → grade → archive.

const meta = { ip: null, userAgent: null };
const id17 = "36990119600101123";
const ID = id17 + idNumberCheckChar(id17);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

const application = (over: Record<string, unknown> = {}) => ({
  applicant: { name: "王秀英", idNumber: ID, phone: "13800000001", address: "东村 3 组 12 号", regionCode: "369901001001" },
  matter: { category: "LABOUR", facts: "在工地干了半年，老板拖欠工资 2 万元。", opposingParty: "某建筑劳务公司" },
  aidForm: "LABOUR_ARBITRATION",
  economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2400, householdSize: 3, signed: "on" } },
  consent: { personalInfo: "on" },
  ...over,
});

async function makeLawyer(regionId: number, name: string) {
  const firm = await db.lawFirm.create({ data: { name: `${name}律师事务所`, regionId, address: "县城路 1 号", phone: "0797-7654321" } });
  const user = await makeUser({ role: "LAWYER", name });
  await db.lawyerProfile.create({
    data: { userId: user.id, firmId: firm.id, licenceNumber: `1369${user.id}`.padEnd(17, "0"), practiceSinceYear: 2015, expertise: ["LABOUR"], serviceRegions: { connect: { id: regionId } } },
  });
  return (await actorForUser(db, user.id)) as Actor;
}

describe("legal aid: the whole road of one application", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let resident: Actor;
  let officer: Actor;
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    resident = await makeActor({ role: "RESIDENT", name: "王秀英", phone: "13800000001" });
    officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id });
  });

  it("apply → materials once → supplement → approve → assign → close → rate → grade → archive", async () => {
    const { number } = must(await execute(applyForLegalAid, application(), resident, meta));

    // the officer's queue has it, with the 7-day deadline
    const queue = must(await execute(listLegalAidQueue, { view: "review" }, officer, meta));
    expect(queue.items.map((i) => i.number)).toEqual([number]);

    must(await execute(requestMaterials, { number, materials: ["劳动合同或工资条", "欠薪证明"] }, officer, meta));
    const again = await execute(requestMaterials, { number, materials: ["再要一份"] }, officer, meta);
    expect(again).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
    expect((await db.workOrder.findFirstOrThrow({ where: { number } })).status).toBe("PAUSED");

    must(await execute(supplyMaterials, { number, note: "工资条拍照上传", attachments: [new File([png], "工资条.png", { type: "image/png" })] }, resident, meta));
    let c = must(await execute(getLegalAidCase, { number }, resident, meta));
    expect(c.status).toBe("SUBMITTED");
    expect(c.attachments).toMatchObject([{ fileName: "工资条.png", purpose: "SUPPLEMENT" }]);

    must(await execute(approveApplication, { number }, officer, meta));
    c = must(await execute(getLegalAidCase, { number }, officer, meta));
    expect(c.status).toBe("APPROVED");
    expect(c.deadlines.assignDueAt).not.toBeNull();

    const lawyer = await makeLawyer(n.county.id, "陈立衡");
    must(await execute(assignLawyer, { number, lawyerUserId: lawyer.userId }, officer, meta));
    const assigned = await db.legalAidApplication.findFirstOrThrow({ include: { workOrder: true } });
    expect(assigned).toMatchObject({ status: "ASSIGNED", lawyerUserId: lawyer.userId, assignedSameDay: true, assignedOnTime: true });
    expect(assigned.workOrder).toMatchObject({ status: "CLOSED", closedOnTime: true });

    // the assigned lawyer opens the supplied file through the case door; another lawyer cannot
    const attachmentId = c.attachments[0].id;
    expect(await execute(downloadCaseAttachment, { number, id: attachmentId }, lawyer, meta)).toMatchObject({ ok: true });
    const stranger = await makeLawyer(n.county.id, "路人甲");
    expect(await execute(downloadCaseAttachment, { number, id: attachmentId }, stranger, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });

    must(
      await execute(
        closeCase,
        {
          number, endedOn: shanghaiDate(new Date()), outcome: "WON", summary: "仲裁裁决支持全部欠薪，已执行到位。",
          moneyRecovered: "20000.50", feesWaived: "1500", attachments: [new File([pdf], "裁决书.pdf", { type: "application/pdf" })],
        },
        lawyer,
        meta,
      ),
    );
    // archive needs the follow-up and the quality grade first
    expect(await execute(archiveCase, { number }, officer, meta)).toMatchObject({ ok: false });

    must(await execute(rateCase, { number, score: "SATISFIED", comment: "律师很负责" }, resident, meta));
    expect(await execute(rateCase, { number, score: "UNSATISFIED" }, resident, meta)).toMatchObject({ ok: false });
    must(await execute(gradeQuality, { number, grade: "EXCELLENT", methods: ["FILE_INSPECTION", "RECIPIENT_CALLBACK"] }, officer, meta));
    must(await execute(archiveCase, { number }, officer, meta));

    c = must(await execute(getLegalAidCase, { number }, resident, meta));
    expect(c).toMatchObject({
      status: "ARCHIVED",
      closing: { outcome: "WON", moneyRecovered: "20000.50", feesWaived: "1500.00" },
      followUp: { satisfaction: "SATISFIED", via: "ACCOUNT" },
    });
    // the applicant's timeline has every step, in order
    const steps = ["CREATED", "MATERIALS_REQUESTED", "MATERIALS_SUPPLIED", "APPROVED", "LAWYER_ASSIGNED", "CASE_CLOSED", "RATED", "QUALITY_GRADED", "ARCHIVED"];
    expect(c.events.map((e) => e.kind).filter((k) => steps.includes(k))).toEqual(steps);
    // and was told at each step (outbox)
    const notices = await db.notification.count({ where: { recipientUserId: resident.userId } });
    expect(notices).toBeGreaterThanOrEqual(5);
  });

  it("an applicant cannot read another's application, through the case page's door or the API's", async () => {
    const { number } = must(await execute(applyForLegalAid, application(), resident, meta));
    const other = await makeActor({ role: "RESIDENT", phone: "13800000009" });
    expect(await execute(getLegalAidCase, { number }, other, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(getLegalAidApplication, { number }, other, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // a station's staff took nothing in and cannot see it either; the centre's staff can
    const station = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    expect(await execute(getLegalAidCase, { number }, station, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await execute(getLegalAidCase, { number }, officer, meta)).toMatchObject({ ok: true });
  });

  it("the generic work-order steps cannot move an application past its case record", async () => {
    const { number } = must(await execute(applyForLegalAid, application(), resident, meta));
    const closed = await execute(closeWorkOrder, { number, resultSummary: "已处理完毕" }, officer, meta);
    expect(closed).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: "法律援助申请请在法律援助案件页面办理" });
    expect(await execute(escalateWorkOrder, { number, reason: "上报市中心" }, officer, meta)).toMatchObject({ ok: false, code: "RULE_VIOLATION" });
    // taking it on is harmless and allowed
    expect(await execute(acceptWorkOrder, { number }, officer, meta)).toMatchObject({ ok: true });
    expect((await db.workOrder.findFirstOrThrow({ where: { number } })).status).toBe("IN_PROGRESS");
  });

  it("a station takes in but cannot decide", async () => {
    const station = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const { number } = must(await execute(takeInLegalAidApplication, application(), station, meta));
    expect(await execute(approveApplication, { number }, station, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("an overdue application stays at the deciding centre: flagged once, officers and the county's leader told", async () => {
    const { number } = must(await execute(applyForLegalAid, application(), resident, meta));
    const leader = await makeUser({ role: "LEADER", regionId: n.county.id });
    const order = await db.workOrder.findFirstOrThrow({ where: { number } });
    const later = new Date(order.dueAt.getTime() + 60_000);
    expect(await escalateOverdueWorkOrders(db, later)).toEqual({ escalated: 1 });
    const after = await db.workOrder.findFirstOrThrow({ where: { number } });
    expect(after).toMatchObject({ organizationId: n.centre.id, status: order.status });
    expect(after.overdueEscalatedAt).not.toBeNull();
    expect(await db.notification.count({ where: { recipientUserId: leader.id, body: { contains: "超过法定期限" } } })).toBe(1);
    expect(await db.notification.count({ where: { recipientUserId: officer.userId!, body: { contains: "超过法定期限" } } })).toBe(1);
    expect(await escalateOverdueWorkOrders(db, later)).toEqual({ escalated: 0 });
  });
});
