import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork, makeUser } from "./helpers/factories";
import { execute, type Result } from "@/lib/api/use-case";
import { actorForUser, type Actor } from "@/lib/auth/actor";
import { takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { getLegalAidDocument, type LegalAidDocument } from "@/lib/legal-aid/documents";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// The printable documents, read through the same use case as the page. The review and assignment
// steps are simulated by writing the case record directly, so these tests depend only on the record.

const meta = { ip: null, userAgent: null };
const id17 = "36990119700101123";
const ID = id17 + idNumberCheckChar(id17);
const MASKED = "3699**********" + ID.slice(-4);

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}
const text = (d: LegalAidDocument) =>
  [d.recipient, ...d.particulars.map((p) => `${p.label}：${p.value}`), ...d.body.flatMap((b) => (b.type === "paragraph" ? [b.text] : b.items))].join("\n");

const application = {
  applicant: { name: "陈秀兰", idNumber: ID, phone: "13812340001", address: "东村 3 组 12 号", regionCode: "369901001001" },
  matter: { category: "LABOUR", facts: "在工地干了半年，老板拖欠工资 2 万元。", opposingParty: "某建筑劳务公司" },
  aidForm: "LABOUR_ARBITRATION",
  economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2400, householdSize: 3, signed: "on" } },
  consent: { personalInfo: "on" },
};

async function makeLawyer(regionId: number, name: string) {
  const firm = await db.lawFirm.create({ data: { name: "甲县明理律师事务所", regionId, address: "县城路 1 号", phone: "0797-7654321" } });
  const user = await makeUser({ role: "LAWYER", name });
  await db.lawyerProfile.create({
    data: { userId: user.id, firmId: firm.id, licenceNumber: `1369${user.id}`.padEnd(17, "0"), practiceSinceYear: 2015, expertise: ["LABOUR"] },
  });
  return (await actorForUser(db, user.id)) as Actor;
}

describe("legal-aid documents", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let resident: Actor;
  let officer: Actor;
  let number: string;
  let serial: string;
  const read = (actor: Actor, kind: string) => execute(getLegalAidDocument, { number, kind }, actor, meta);
  const update = (data: Parameters<typeof db.legalAidApplication.updateMany>[0]["data"]) =>
    db.legalAidApplication.updateMany({ where: { workOrder: { number } }, data });

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    resident = await makeActor({ role: "RESIDENT", name: "陈秀兰", phone: "13812340001" });
    officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id });
    // taken in at the village room; the applicant's account is found by phone
    const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomA.id });
    number = must(await execute(takeInLegalAidApplication, application, roomStaff, meta)).number;
    serial = number.split("-")[2];
  });

  it("no document exists before its step: 404 「该文书尚未生成」 for every kind", async () => {
    for (const kind of ["materials-notice", "decision", "assignment-notice"]) {
      expect(await read(officer, kind)).toMatchObject({ ok: false, code: "NOT_FOUND", message: "该文书尚未生成" });
    }
    expect(await read(officer, "receipt")).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.auditEvent.count({ where: { action: "legalAid.document.view" } })).toBe(0);
  });

  it("一次性告知书: numbered materials, the due date and the consequence; the applicant reads it, masked; the view is audited", async () => {
    // 2026-11-23 23:30 Beijing time is still the 23rd in Shanghai (15:30 UTC)
    await update({
      status: "MATERIALS_REQUESTED",
      materialsRequestedAt: new Date("2026-11-23T15:30:00Z"),
      materialsList: ["劳动合同或工资条", "欠薪证明"],
      materialsDueAt: new Date("2026-12-14T15:59:59.999Z"),
    });
    const d = must(await read(resident, "materials-notice"));
    expect(d).toMatchObject({
      title: "一次性告知书",
      documentNumber: `（2026）援告字第${serial}号`,
      organization: "甲县公共法律服务中心",
      recipient: "陈秀兰：",
      date: "2026年11月23日",
      seal: "（盖章）",
      caseHref: `/resident/legal-aid/${number}`,
    });
    expect(d.body).toContainEqual({ type: "list", items: ["劳动合同或工资条", "欠薪证明"] });
    expect(text(d)).toContain("第四十三条第二款");
    expect(text(d)).toContain("请于2026年12月14日前向本中心补充上述材料或者作出说明。逾期未补充的，视为撤回申请。");
    expect(d.particulars).toContainEqual({ label: "公民身份号码", value: MASKED });
    expect(JSON.stringify(d)).not.toContain(ID);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "legalAid.document.view" } });
    expect(audit).toMatchObject({ actorUserId: resident.userId, result: "SUCCESS", targetType: "LegalAidApplication", targetId: number, detail: { kind: "materials-notice" } });

    // still the decision is not there while the review goes on
    expect(await read(resident, "decision")).toMatchObject({ ok: false, code: "NOT_FOUND", message: "该文书尚未生成" });
  });

  it("不予法律援助决定书: the written reasons, Art. 43 and the objection right to the county's justice bureau", async () => {
    await update({ status: "REFUSED", decidedAt: new Date("2026-12-31T17:00:00Z"), decisionReason: "申请人家庭人均收入高于本地经济困难标准。" });
    const d = must(await read(officer, "decision"));
    // 17:00 UTC on 31 Dec is 1 Jan 2027 in Shanghai: the year and date follow Shanghai
    expect(d).toMatchObject({ title: "不予法律援助决定书", documentNumber: `（2027）援不字第${serial}号`, date: "2027年1月1日", caseHref: `/staff/legal-aid/${number}` });
    const t = text(d);
    expect(t).toContain("理由如下：申请人家庭人均收入高于本地经济困难标准。");
    expect(t).toContain("第四十三条第一款的规定，本中心决定不予法律援助");
    expect(t).toContain("如对本决定有异议，可以向甲县司法局提出");
    expect(t).toContain("第四十九条");
    expect(t).not.toContain("给予法律援助，援助形式");
  });

  it("给予法律援助决定书: the aid form, Art. 43 and the assignment within the configured days", async () => {
    await update({ status: "APPROVED", decidedAt: new Date("2026-11-25T02:00:00Z") });
    const d = must(await read(resident, "decision"));
    expect(d).toMatchObject({ title: "给予法律援助决定书", documentNumber: `（2026）援决字第${serial}号`, date: "2026年11月25日" });
    const t = text(d);
    expect(t).toContain("本中心决定给予法律援助，援助形式为劳动争议调解与仲裁代理");
    expect(t).toContain("自本决定作出之日起三个工作日内指派");
    expect(t).not.toContain("司法局");
    // a refusal corrected on objection goes back under review: its old decision is no longer shown
    await update({ status: "SUBMITTED" });
    expect(await read(resident, "decision")).toMatchObject({ ok: false, code: "NOT_FOUND", message: "该文书尚未生成" });
  });

  it("指派通知书: to the lawyer's firm with the lawyer, applicant, matter and aid form; the lawyer reads it", async () => {
    const lawyer = await makeLawyer(n.county.id, "李明");
    await update({ status: "APPROVED", decidedAt: new Date("2026-11-25T02:00:00Z") });
    expect(await read(officer, "assignment-notice")).toMatchObject({ ok: false, code: "NOT_FOUND", message: "该文书尚未生成" });
    // the lawyer sees nothing before being assigned
    expect(await read(lawyer, "decision")).toMatchObject({ ok: false, code: "NOT_FOUND", message: "法律援助案件不存在或您无权查看" });

    await update({ status: "ASSIGNED", lawyerUserId: lawyer.userId, assignedAt: new Date("2026-11-26T01:00:00Z") });
    const d = must(await read(lawyer, "assignment-notice"));
    expect(d).toMatchObject({
      title: "指派通知书",
      documentNumber: `（2026）援指字第${serial}号`,
      recipient: "甲县明理律师事务所：",
      date: "2026年11月26日",
      caseHref: `/lawyer/legal-aid/${number}`,
    });
    expect(d.particulars).toEqual(expect.arrayContaining([
      { label: "承办人员", value: "李明（律师）" },
      { label: "受援人", value: "陈秀兰" },
      { label: "公民身份号码", value: MASKED },
      { label: "援助事项", value: "讨要工资，或者要确认和老板的劳动关系" },
      { label: "援助形式", value: "劳动争议调解与仲裁代理" },
    ]));
    expect(text(d)).toContain("现指派你所李明律师承办该法律援助事项");
    expect(text(d)).toContain("本中心于2026年11月25日决定给予陈秀兰法律援助");
    expect(JSON.stringify(d)).not.toContain(ID);
    expect(must(await read(resident, "assignment-notice")).documentNumber).toBe(`（2026）援指字第${serial}号`);
    expect(await db.auditEvent.count({ where: { action: "legalAid.document.view", actorUserId: lawyer.userId, result: "SUCCESS" } })).toBe(1);
  });

  it("another resident and staff outside the centre get 404, a leader is refused; no view is audited as a success", async () => {
    await update({ status: "APPROVED", decidedAt: new Date("2026-11-25T02:00:00Z") });
    const other = await makeActor({ role: "RESIDENT", phone: "13812340002" });
    expect(await read(other, "decision")).toMatchObject({ ok: false, code: "NOT_FOUND", message: "法律援助案件不存在或您无权查看" });
    // a village room took nothing in here and sits outside the centre's order
    const roomStaff = await makeActor({ role: "STAFF", organizationId: n.roomB.id });
    expect(await read(roomStaff, "decision")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // leaders have no legalAid.document permission
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    expect(await read(leader, "decision")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.auditEvent.count({ where: { action: "legalAid.document.view" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "legalAid.document", result: "DENIED", actorUserId: other.userId } })).toBe(1);
    // the centre's other staff can
    const centreStaff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    expect(must(await read(centreStaff, "decision")).title).toBe("给予法律援助决定书");
  });
});
