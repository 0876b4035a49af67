import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { makeLawyer, meta, must } from "./helpers/legal-aid";
import { execute } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import { decryptField, hashToken, lookupHash } from "@/lib/crypto";
import { idNumberCheckChar } from "@/lib/identity/id-number";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { recountAll } from "@/lib/stats/counts";
import { countsFor } from "@/lib/stats/rollup";
import { runImport, type ImportResult } from "@/lib/imports/run-import";

// The API door is the real route file; only the session reader (next-auth, which needs the Next
// runtime) is replaced — the calls below authenticate with a bearer token, which never reaches it.
vi.mock("@/lib/auth/next-auth", () => ({ auth: async () => null }));

// 历史数据导入 against PostgreSQL: all-or-nothing with a row-by-row report, written rows counted by
// the indicators exactly like native ones (recountAll before and after, against hand-counted
// deltas), re-imports skipped, CSV and XLSX, permissions, and POST /api/v1/imports.

const BOM = "\uFEFF";
const csv = (rows: (string | number | null)[][]) =>
  new TextEncoder().encode(
    BOM + rows.map((r) => r.map((c) => (c === null ? "" : /[",\r\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(",")).join("\r\n") + "\r\n",
  );
async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const file = (bytes: Uint8Array, name: string) => new File([Buffer.from(bytes)], name);
const idFor = (n: number) => {
  const first17 = `3699011980010${String(100 + n).slice(-3)}1`;
  return first17 + idNumberCheckChar(first17);
};
/** An Excel date cell holding this Beijing wall-clock time. */
const excelTime = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

const YEAR = { from: "2024-01-01", to: "2024-12-31" };

let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
let admin: Actor;
let licence: string;
let lawyerUserId: number;

async function importFile(kind: ImportKind, f: File, actor: Actor = admin): Promise<ImportResult> {
  return must(await execute(runImport, { kind, file: f }, actor, meta));
}
const recount = () => recountAll(db, { regionPath: n.county.path, ...YEAR });
/** before + the hand-counted changes: every other count must stay as it was. */
const plus = (before: Record<string, number>, delta: Record<string, number>) =>
  Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v + (delta[k] ?? 0)]));

// ── the files ──

const WORK_ORDERS = [
  ["来源编号", "行政区划代码", "服务网点", "事项类别", "来源渠道", "登记时间", "群众姓名", "联系电话", "标题", "办理期限", "办结时间", "是否按期办结", "办理结果"],
  // on time by the rule (1 working day), but the ledger says it was not: the column wins
  ["W1", "369901001001", "东村公共法律服务工作室", "法律咨询", null, "2024-03-05 09:00", "张某", "13800000001", "咨询欠薪", null, "2024-03-06 10:00", "否", "已答复"],
  // no service point: complaints go to the township's station; late against the given deadline
  ["W2", "369901001000", null, "投诉建议", "12348 热线", "2024-04-01 08:00", "李某", null, "投诉窗口服务", "2024-04-02", "2024-04-03 09:00", null, null],
  // closed the same day, given as a bare day: counted at the registration time (0 h)
  ["W3", "369901002001", null, "法律咨询", "网站", "2024-05-10 14:00", "王某", null, "咨询继承", null, "2024-05-10", null, null],
  // still open (notary bookings go to the county centre)
  ["W4", "369901000000", null, "公证预约", null, "2024-06-03 10:00", "赵某", null, "预约公证", null, null, null, null],
];

const AID_HEADER = ["来源编号", "行政区划代码", "服务网点", "申请时间", "申请人姓名", "身份证号码", "联系电话", "案件性质", "事项类别", "援助形式", "绿色通道", "审查决定", "决定时间", "是否按期决定", "承办律师执业证号", "指派时间", "结案时间", "办理结果", "挽回经济损失（元）", "减免收费（元）"];
function aidRows(): unknown[][] {
  return [
    AID_HEADER,
    // approved, assigned (within 3 working days), closed with money recovered
    ["A1", "369901001001", null, excelTime(2024, 3, 5, 9), "陈某", idFor(1), "13800000011", "民事", "LABOUR", "劳动争议调解与仲裁代理", "是", "给予法律援助", excelTime(2024, 3, 7), null, licence, excelTime(2024, 3, 7, 15), excelTime(2024, 6, 20), "调解或和解结案", 20000, "1500.50"],
    // refused in time: the centre's order closes at the decision
    ["A2", "369901002001", "甲县公共法律服务中心", "2024-04-01 10:00", "周某", idFor(2), null, "民事", null, "民事案件诉讼代理", null, "不予", "2024-04-03", null, null, null, null, null, null, null],
    // approved late (7 working days after 6 May end on 15 May), not yet assigned
    ["A3", "369901001001", null, "2024-05-06", "吴某", idFor(3), null, "行政", "SOCIAL_INSURANCE", "行政案件诉讼代理", null, "给予", "2024-05-20", null, null, null, null, null, null, null],
    // waiting for review
    ["A4", "369901001001", null, "2024-12-30 16:00", "郑某", idFor(4), null, "刑事", "SUSPECT_NO_LAWYER", "刑事辩护", null, null, null, null, null, null, null, null, null, null],
  ];
}

const MEDIATIONS = [
  ["来源编号", "行政区划代码", "案件来源", "纠纷类别", "登记时间", "申请人", "申请人电话", "申请人身份证号码", "被申请人", "涉及金额（元）", "重大纠纷", "调解结果", "结案时间", "协议形式", "司法确认", "履行情况", "防止民转刑"],
  ["M1", "369901001001", "当事人申请", "邻里纠纷", "2024-03-05", "张某、张某某", "13800000021", idFor(9), "李某", "5000", "是", "调解成功", "2024-03-20", "书面", "是", "已履行", "是"],
  ["M2", "369901001001", "主动调解", "婚姻家庭", "2024-04-01", "王某", null, null, "王某某", null, null, "调解不成", "2024-04-15", null, null, null, null],
  ["M3", "369901002001", "法院委派", "合同纠纷", "2024-05-01", "甲公司", null, null, "乙公司", "80000", null, "撤回", "2024-05-02", null, null, null, null],
  ["M4", "369901002001", "当事人申请", "邻里", "2024-06-03", "孙某", null, null, "钱某", null, null, "对方拒绝调解", "2024-06-04", null, null, null, null],
  ["M5", "369901001001", "公安移送", "损害赔偿纠纷", "2024-07-01 09:30", "冯某", null, null, "褚某", null, null, null, null, null, null, null, null],
];

describe("historical import", () => {
  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    admin = await makeActor({ role: "ADMIN", name: "周管理" });
    const firm = await db.lawFirm.create({ data: { name: "甲律师事务所", regionId: n.county.id, address: "县城路 1 号", phone: "0797-1111111" } });
    const lawyer = await makeLawyer({ name: "陈律师", firmId: firm.id, regionIds: [n.county.id] });
    lawyerUserId = lawyer.userId as number;
    licence = (await db.lawyerProfile.findUniqueOrThrow({ where: { userId: lawyerUserId } })).licenceNumber;
  });

  it("rejects the whole file when one row is bad, writing nothing but the batch and its report", async () => {
    const bad = csv([
      AID_HEADER,
      ["A1", "369901001001", null, "2024-03-05", "陈某", idFor(1), null, "民事", null, "民事案件诉讼代理", null, null, null, null, null, null, null, null, null, null],
      ["A2", "369901001001", null, "2024-03-05", "周某", idFor(2).slice(0, 17) + (idFor(2)[17] === "1" ? "2" : "1"), null, "民事", null, "民事案件诉讼代理", null, null, null, null, null, null, null, null, null, null],
      [],
      ["A3", "369999001001", null, "2024-03-05", "吴某", idFor(3), null, "民事", null, "民事案件诉讼代理", null, "给予", "2024-03-06", null, "13699999999999999", "2024-03-07", null, null, null, null],
      ["A1", "369901001001", null, "2024-03-06", "郑某", idFor(4), null, "民事", null, "民事案件诉讼代理", null, null, null, null, null, null, null, null, null, null],
    ]);
    const r = await importFile("LEGAL_AID", file(bad, "法律援助.csv"));
    expect(r).toMatchObject({ status: "REJECTED", totalRows: 4, importedRows: 0, skippedRows: 0, rejectedRows: 3, fileName: "法律援助.csv" });
    expect(r.report).toEqual([
      { row: 3, errors: [{ column: "身份证号码", message: "身份证号码校验未通过，请核对" }] },
      {
        row: 5,
        errors: [
          { column: "行政区划代码", message: "没有这个行政区划代码（请先在“行政区划”中建立）" },
          { column: "承办律师执业证号", message: "律师名录中没有这个执业证号（请先在名录中登记该律师）" },
        ],
      },
      { row: 6, errors: [{ column: "来源编号", message: "与第 2 行的地区和来源编号相同" }] },
    ]);
    // the report names rows and columns, never what was in them
    const stored = JSON.stringify((await db.importBatch.findUniqueOrThrow({ where: { id: r.id } })).report);
    for (const secret of ["陈某", "周某", idFor(1), idFor(3).slice(0, 10), "13699999999999999"]) expect(stored).not.toContain(secret);
    expect(JSON.parse(stored)).toEqual(r.report);

    expect(await db.workOrder.count()).toBe(0);
    expect(await db.legalAidApplication.count()).toBe(0);
    expect(await db.workOrderEvent.count()).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "imports.run" } });
    expect(audit).toMatchObject({ result: "SUCCESS", targetType: "ImportBatch", targetId: String(r.id), actorUserId: admin.userId });
  });

  it("rejects a file whose header lacks required columns, reporting the header row", async () => {
    const r = await importFile("WORK_ORDER", file(csv([["来源编号", "标题", "备注"], ["W1", "咨询", "x"], ["W2", "咨询", "y"]]), "工单.csv"));
    expect(r.status).toBe("REJECTED");
    expect(r.rejectedRows).toBe(2);
    expect(r.ignoredColumns).toEqual(["备注"]);
    expect(r.report).toHaveLength(1);
    expect(r.report[0].row).toBe(1);
    expect(r.report[0].errors.map((e) => e.message)).toEqual(["缺少必填列“行政区划代码”", "缺少必填列“事项类别”", "缺少必填列“登记时间”", "缺少必填列“群众姓名”"]);
  });

  it("refuses an unreadable file as a field error, recording no batch", async () => {
    const gbk = new Uint8Array([0xc0, 0xb4, 0xd4, 0xb4, 0xb1, 0xe0, 0xba, 0xc5, 0x0d, 0x0a, 0x31]);
    const r = await execute(runImport, { kind: "WORK_ORDER", file: file(gbk, "gbk.csv") }, admin, meta);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.file?.[0]).toContain("UTF-8");
    const empty = await execute(runImport, { kind: "WORK_ORDER", file: file(new Uint8Array(), "") }, admin, meta);
    expect(empty.ok || empty.fieldErrors?.file).toEqual(["请选择要导入的文件"]);
    const kind = await execute(runImport, { kind: "PARKING", file: file(csv([["a"], ["b"]]), "x.csv") }, admin, meta);
    expect(kind.ok || kind.fieldErrors?.kind?.[0]).toContain("导入类型应为");
    expect(await db.importBatch.count()).toBe(0);
  });

  it("writes good files of every kind as ordinary records that every count takes, exactly as hand-counted", async () => {
    const before = await recount();

    // ── work orders (CSV) ──
    const w = await importFile("WORK_ORDER", file(csv(WORK_ORDERS), "工单.csv"));
    expect(w).toMatchObject({ status: "APPLIED", totalRows: 4, importedRows: 4, skippedRows: 0, rejectedRows: 0, report: [] });
    const afterOrders = await recount();
    expect(afterOrders).toEqual(plus(before, { ordersAccepted: 4, consultations: 2, ordersClosed: 3, ordersClosedOnTime: 1, ordersHandlingHours: 25 + 49 + 0 }));

    const w1 = await db.workOrder.findUniqueOrThrow({ where: { importKey: "WORK_ORDER:369901001001:W1" }, include: { events: { orderBy: { id: "asc" } } } });
    expect(w1).toMatchObject({ organizationId: n.roomA.id, firstOrganizationId: n.roomA.id, status: "CLOSED", closedOnTime: false, channel: "WALK_IN", importBatchId: w.id, requesterPhone: "13800000001" });
    expect(w1.number).toMatch(/^369901-20240305-\d{7}$/);
    expect(w1.createdAt.toISOString()).toBe("2024-03-05T01:00:00.000Z");
    expect(w1.events.map((e) => [e.kind, e.at.toISOString()])).toEqual([["CREATED", "2024-03-05T01:00:00.000Z"], ["CLOSED", "2024-03-06T02:00:00.000Z"]]);
    const w2 = await db.workOrder.findUniqueOrThrow({ where: { importKey: "WORK_ORDER:369901001000:W2" } });
    expect(w2).toMatchObject({ organizationId: n.stationA.id, channel: "HOTLINE_12348", closedOnTime: false, requesterPhone: "" });
    expect(w2.dueAt.toISOString()).toBe("2024-04-02T15:59:59.999Z");
    const w4 = await db.workOrder.findUniqueOrThrow({ where: { importKey: "WORK_ORDER:369901000000:W4" } });
    // open and long past its deadline: not escalated by the overdue job
    expect(w4).toMatchObject({ organizationId: n.centre.id, status: "IN_PROGRESS", closedAt: null });
    expect(w4.overdueEscalatedAt).not.toBeNull();

    // ── legal aid (XLSX, with Excel date cells) ──
    const a = await importFile("LEGAL_AID", file(await xlsx(aidRows()), "法律援助.xlsx"));
    expect(a).toMatchObject({ status: "APPLIED", totalRows: 4, importedRows: 4, skippedRows: 0 });
    const afterAid = await recount();
    expect(afterAid).toEqual(
      plus(afterOrders, {
        // the centre's orders: A1 closes at assignment (54 h after application), A2 at the refusal (38 h)
        ordersAccepted: 4, ordersClosed: 2, ordersClosedOnTime: 2, ordersHandlingHours: 54 + 38,
        aidAccepted: 4, aidGreenChannel: 1, aidDecided: 3, aidDecidedOnTime: 2, aidApproved: 2, aidRecipients: 2,
        aidAssigned: 1, aidAssignedOnTime: 1, aidMoneyRecovered: 20000, aidFeesWaived: 1500.5,
      }),
    );
    const a1 = await db.legalAidApplication.findFirstOrThrow({
      where: { workOrder: { importKey: "LEGAL_AID:369901001001:A1" } },
      include: { assignments: true, workOrder: true },
    });
    expect(a1).toMatchObject({ status: "CLOSED", lawyerUserId, assignedVia: "OFFICER", assignedOnTime: true, assignedSameDay: false, outcome: "SETTLED", greenChannel: true, matterCategory: "LABOUR" });
    expect(a1.assignments).toEqual([expect.objectContaining({ round: 1, lawyerUserId, via: "OFFICER", assignedAt: new Date("2024-03-07T07:00:00.000Z") })]);
    expect(decryptField(a1.applicantIdCipher)).toBe(idFor(1));
    expect(a1.applicantIdHash).toBe(lookupHash(idFor(1)));
    expect(a1.workOrder).toMatchObject({ organizationId: n.centre.id, status: "CLOSED", type: "LEGAL_AID" });
    const a3 = await db.legalAidApplication.findFirstOrThrow({ where: { workOrder: { importKey: "LEGAL_AID:369901001001:A3" } }, include: { workOrder: true } });
    expect(a3).toMatchObject({ status: "APPROVED", decidedOnTime: false, matterKind: "ADMINISTRATIVE" });
    expect(a3.workOrder.status).toBe("IN_PROGRESS");

    // ── mediation (CSV) ──
    const m = await importFile("MEDIATION", file(csv(MEDIATIONS), "调解.csv"));
    expect(m).toMatchObject({ status: "APPLIED", importedRows: 5 });
    const afterMediation = await recount();
    expect(afterMediation).toEqual(
      plus(afterAid, {
        ordersAccepted: 5, ordersClosed: 4, ordersClosedOnTime: 4, ordersHandlingHours: 15 * 24 + 14 * 24 + 24 + 24,
        mediationAccepted: 5, mediationMajor: 1, mediationConcluded: 3, mediationSucceeded: 1, mediationConfirmed: 1, mediationPerformed: 1, mediationCrimePrevented: 1,
      }),
    );
    const m1 = await db.mediationCase.findFirstOrThrow({ where: { workOrder: { importKey: "MEDIATION:369901001001:M1" } }, include: { parties: { orderBy: { sortOrder: "asc" } }, workOrder: true } });
    expect(m1.parties.map((p) => [p.role, p.name, p.phone])).toEqual([["APPLICANT", "张某", "13800000021"], ["APPLICANT", "张某某", null], ["RESPONDENT", "李某", null]]);
    expect(decryptField(m1.parties[0].idCipher as string)).toBe(idFor(9));
    expect(m1.workOrder).toMatchObject({ organizationId: n.roomA.id, subject: "邻里纠纷：张某、张某某、李某" });
    // a written agreement in effect from the end, with its 30 days for court confirmation
    expect(m1).toMatchObject({ status: "SUCCEEDED", agreementOral: false, confirmationGranted: true, agreementSignedOn: new Date("2024-03-20T00:00:00Z"), confirmationDueOn: new Date("2024-04-19T00:00:00Z") });
    const m3 = await db.workOrder.findUniqueOrThrow({ where: { importKey: "MEDIATION:369901002001:M3" } });
    expect(m3.channel).toBe("COURT_REFERRAL");

    // the roll-ups were refreshed after the commit, and agree with the recount
    expect(await db.statsDirtyDay.count()).toBe(0);
    expect(await countsFor(db, { regionPath: n.county.path, level: "COUNTY", ...YEAR })).toEqual(afterMediation);

    // ── again: the same files add nothing; an overlapping file adds only its new row ──
    const again = await importFile("LEGAL_AID", file(await xlsx(aidRows()), "法律援助（再次）.xlsx"));
    expect(again).toMatchObject({ status: "APPLIED", totalRows: 4, importedRows: 0, skippedRows: 4 });
    const sameAsCsv = await importFile("WORK_ORDER", file(csv(WORK_ORDERS), "工单.csv"));
    expect(sameAsCsv).toMatchObject({ importedRows: 0, skippedRows: 4 });
    expect(await recount()).toEqual(afterMediation);
    const overlap = csv([
      AID_HEADER,
      ["A1", "369901001001", null, "2024-03-05", "陈某", idFor(1), null, "民事", null, "民事案件诉讼代理", null, null, null, null, null, null, null, null, null, null],
      ["A5", "369901001001", null, "2024-08-01 09:00", "韩某", idFor(5), null, "民事", null, "民事案件诉讼代理", null, null, null, null, null, null, null, null, null, null],
    ]);
    expect(await importFile("LEGAL_AID", file(overlap, "补充.csv"))).toMatchObject({ status: "APPLIED", importedRows: 1, skippedRows: 1 });
    expect(await recount()).toEqual(plus(afterMediation, { ordersAccepted: 1, aidAccepted: 1 }));
    expect(await db.workOrder.count()).toBe(4 + 4 + 5 + 1);
    expect(await db.importBatch.count()).toBe(6);
  });

  it("refuses anyone but an administrator, and records nothing", async () => {
    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    for (const actor of [staff, leader]) {
      const r = await execute(runImport, { kind: "WORK_ORDER", file: file(csv(WORK_ORDERS), "工单.csv") }, actor, meta);
      expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db.importBatch.count()).toBe(0);
    expect(await db.workOrder.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "imports.run", result: "DENIED" } })).toBe(2);
  });

  it("imports 5,000 rows in one go", async () => {
    const rows: (string | null)[][] = [WORK_ORDERS[0] as string[]];
    for (let i = 0; i < 5000; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      rows.push([`B${i}`, i % 2 ? "369901001001" : "369901002001", null, "法律咨询", null, `2024-02-${day} 09:00`, "某", null, "咨询", null, `2024-02-${day} 11:00`, null, null]);
    }
    const started = Date.now();
    const r = await importFile("WORK_ORDER", file(csv(rows), "批量.csv"));
    const seconds = (Date.now() - started) / 1000;
    expect(r).toMatchObject({ status: "APPLIED", importedRows: 5000 });
    expect(await recountAll(db, { regionPath: n.county.path, from: "2024-02-01", to: "2024-02-29" })).toMatchObject({ ordersAccepted: 5000, ordersClosed: 5000, ordersHandlingHours: 10000 });
    // generous: the point is that it is set-based, not a statement per row
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});

describe("POST /api/v1/imports", () => {
  async function token(role: "ADMIN" | "STAFF") {
    const value = `lsp_test_${role.toLowerCase()}_${Math.random().toString(36).slice(2)}`;
    await db.apiClient.create({
      data: { name: `导入客户端 ${role}`, role, organizationId: n.centre.id, tokenHash: hashToken(value), tokenPrefix: value.slice(0, 12), createdById: admin.userId },
    });
    return value;
  }
  async function post(bearer: string, form: FormData) {
    const { POST } = await import("@/app/api/v1/imports/route");
    const request = new NextRequest("http://localhost/api/v1/imports", { method: "POST", headers: { authorization: `Bearer ${bearer}` }, body: form });
    return POST(request, { params: Promise.resolve({}) });
  }
  const form = (kind: string, bytes: Uint8Array, name: string) => {
    const f = new FormData();
    f.set("kind", kind);
    f.set("file", file(bytes, name));
    return f;
  };

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    admin = await makeActor({ role: "ADMIN" });
  });

  it("answers 422 with the report for a bad file, 201 for a good one, 422 with the field for an unreadable one, 403 for staff", async () => {
    const bad = [...WORK_ORDERS.slice(0, 2), ["W9", "369901001001", null, "法律咨询", null, "2024-13-01", "某", null, "咨询", null, null, null, null]];
    const adminToken = await token("ADMIN");
    const rejected = await post(adminToken, form("work-order", csv(bad), "工单.csv"));
    expect(rejected.status).toBe(422);
    const body = await rejected.json();
    expect(body).toMatchObject({ status: "REJECTED", totalRows: 2, rejectedRows: 1, report: [{ row: 3, errors: [{ column: "登记时间", message: "登记时间应为日期，格式如 2024-03-05 或 2024-03-05 14:30" }] }] });
    expect(await db.workOrder.count()).toBe(0);
    // recorded against the administrator who created the client
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: body.id } })).createdById).toBe(admin.userId);

    const applied = await post(adminToken, form("WORK_ORDER", csv(WORK_ORDERS), "工单.csv"));
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({ status: "APPLIED", importedRows: 4 });

    const unreadable = await post(adminToken, form("WORK_ORDER", new Uint8Array([0xc0, 0xb4, 0xd4, 0xb4, 0x0a, 0x31]), "gbk.csv"));
    expect(unreadable.status).toBe(422);
    expect((await unreadable.json()).error.fields.file[0]).toContain("UTF-8");

    const staff = await post(await token("STAFF"), form("WORK_ORDER", csv(WORK_ORDERS), "工单.csv"));
    expect(staff.status).toBe(403);
    expect(await db.importBatch.count()).toBe(2);
  });

  it("serves the templates to administrators", async () => {
    const { GET } = await import("@/app/api/v1/imports/templates/[kind]/route");
    const adminToken = await token("ADMIN");
    const get = (kind: string, format: string, bearer = adminToken) =>
      GET(new NextRequest(`http://localhost/api/v1/imports/templates/${kind}?format=${format}`, { headers: { authorization: `Bearer ${bearer}` } }), { params: Promise.resolve({ kind }) });
    const res = await get("MEDIATION", "csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFF来源编号,行政区划代码,服务网点,案件来源")).toBe(true);
    expect((await get("LEGAL_AID", "xlsx")).headers.get("content-type")).toContain("spreadsheetml");
    expect((await get("LEGAL_AID", "pdf")).status).toBe(400);
    expect((await get("LEGAL_AID", "csv", await token("STAFF"))).status).toBe(403);
  });
});
