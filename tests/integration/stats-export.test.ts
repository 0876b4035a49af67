import ExcelJS from "exceljs";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeRegion, makeSmallNetwork } from "./helpers/factories";
import { meta, must } from "./helpers/legal-aid";
import { execute } from "@/lib/api/use-case";
import { getIndicators } from "@/lib/stats/indicators";
import type { Actor } from "@/lib/auth/actor";
import { GROUP_LABELS } from "@/lib/stats/registry";
import { FileDownload } from "@/lib/api/file-download";
import { EXPORT_HEADERS, exportIndicators, periodLabel, previousMonth, reportKind } from "@/lib/stats/export";

// Issue 7 item 5: the export has exactly the figures of getIndicators for the same query — numbers
// as numbers, empty denominators as empty cells — no personal data, and each export is audited.

// The print page reads through loadPage (session and redirects need Next); here the page door runs
// the same use case for a given actor, so the page's markup can be checked against the records.
let pageActor: Actor | null = null;
vi.mock("@/lib/api/page", async () => {
  const { execute: run } = await import("@/lib/api/use-case");
  return {
    loadPage: async (uc: Parameters<typeof run>[0], input: unknown) => {
      const r = await run(uc, input, pageActor, meta);
      if (!r.ok) throw new Error(r.code);
      return r.data;
    },
  };
});

const REQUESTER = { name: "欧阳明珠", phone: "13912345678" };
let seq = 0;
async function order(o: { regionId: number; organizationId: number; createdAt: string; closedAt?: string; onTime?: boolean }) {
  seq += 1;
  return db.workOrder.create({
    data: {
      number: `369901-20261101-${String(seq).padStart(7, "0")}`, channel: "WALK_IN", type: "CONSULTATION", status: o.closedAt ? "CLOSED" : "IN_PROGRESS",
      subject: "咨询", description: `${REQUESTER.name}咨询劳动报酬`, requesterName: REQUESTER.name, requesterPhone: REQUESTER.phone, regionId: o.regionId,
      organizationId: o.organizationId, firstOrganizationId: o.organizationId, dueAt: new Date("2026-12-31T00:00:00Z"), createdAt: new Date(o.createdAt),
      closedAt: o.closedAt ? new Date(o.closedAt) : null, closedOnTime: o.closedAt ? (o.onTime ?? true) : null,
    },
  });
}

/** RFC 4180, as a strict reader would parse it (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), (row = []), (field = ""), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

async function readWorkbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.getWorksheet("指标")!;
}

describe("indicator export (xlsx, csv) and its audit", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;

  beforeEach(async () => {
    await resetDatabase();
    seq = 0;
    n = await makeSmallNetwork();
    await db.regionPopulation.createMany({ data: [{ regionId: n.county.id, year: 2026, residents: 40_000 }] });
    // November 2026: 3 registered, 2 closed of which 1 on time (10 h + 21 h)
    await order({ regionId: n.villageA.id, organizationId: n.roomA.id, createdAt: "2026-11-02T02:00:00Z", closedAt: "2026-11-02T12:00:00Z" });
    await order({ regionId: n.villageB.id, organizationId: n.roomB.id, createdAt: "2026-11-03T02:00:00Z", closedAt: "2026-11-03T23:00:00Z", onTime: false });
    await order({ regionId: n.villageB.id, organizationId: n.roomB.id, createdAt: "2026-11-20T02:00:00Z" });
  });

  const query = { from: "2026-11-01", to: "2026-11-30" };

  it("xlsx: the same numbers as getIndicators, typed as numbers, with Chinese headers and a title", async () => {
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const report = must(await execute(getIndicators, query, leader, meta));
    const file = must(await execute(exportIndicators, { ...query, format: "xlsx" }, leader, meta));
    expect(file).toBeInstanceOf(FileDownload);
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.fileName).toBe("甲县公共法律服务指标_2026年11月.xlsx");

    const ws = await readWorkbook(file.bytes);
    expect(ws.getCell("A1").value).toBe("甲县公共法律服务指标（2026年11月）");
    expect(String(ws.getCell("A2").value)).toContain("369901000000");
    expect(ws.getRow(4).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(ws.getColumn(7).width).toBeGreaterThan(40);

    expect(ws.rowCount).toBe(4 + report.indicators.length);
    report.indicators.forEach((f, i) => {
      const row = ws.getRow(5 + i);
      expect(row.getCell(1).value).toBe(f.name);
      expect(row.getCell(2).value).toBe(f.group);
      expect(row.getCell(4).value).toBe(f.unit);
      expect(row.getCell(7).value).toBe(f.definition);
      // numbers as numbers (exactly the API's value); nothing to divide by → an empty cell
      if (f.value === null) expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Null);
      else {
        expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
        expect(row.getCell(3).value).toBe(f.value);
      }
      expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(5).value).toBe(f.numerator);
      if (f.denominator === null) expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Null);
      else expect(row.getCell(6).value).toBe(f.denominator);
    });

    // the hand-counted figures, through the file
    const byName = new Map(report.indicators.map((f, i) => [f.id, ws.getRow(5 + i)]));
    expect(byName.get("workOrders.accepted")!.getCell(3).value).toBe(3);
    expect(byName.get("workOrders.onTimeRate")!.getCell(3).value).toBe(50);
    expect(byName.get("workOrders.onTimeRate")!.getCell(3).numFmt).toBe("0.0");
    expect(byName.get("workOrders.avgHandlingHours")!.getCell(3).value).toBe(15.5);
    expect(byName.get("mediation.successRate")!.getCell(3).value).toBeNull();
    expect(byName.get("mediation.successRate")!.getCell(6).value).toBe(0);

    // no personal data: the requester's name and phone are nowhere in the workbook
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join("\n")).not.toMatch(new RegExp(`${REQUESTER.name}|${REQUESTER.phone}`));
    expect(Buffer.from(file.bytes).includes(Buffer.from(REQUESTER.phone))).toBe(false);
  });

  it("csv: UTF-8 with a BOM, RFC 4180, parses back to the same figures", async () => {
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    const report = must(await execute(getIndicators, query, leader, meta));
    const file = must(await execute(exportIndicators, { ...query, format: "csv" }, leader, meta));
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(Array.from(file.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);

    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // a definition with an ASCII comma ("× 10,000") is quoted rather than split
    expect(text).toContain('"统计期内法律援助案件数 ÷ 常住人口 × 10,000');
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...EXPORT_HEADERS]);
    const breakdownItems = report.breakdowns.flatMap((b) => b.items.map((i) => [b.name, i.label, String(i.value)]));
    // the indicators, an empty line, then the breakdowns under their own header
    expect(rows).toHaveLength(1 + report.indicators.length + 2 + breakdownItems.length);
    expect(rows.slice(0, 1 + report.indicators.length).every((r) => r.length === EXPORT_HEADERS.length)).toBe(true);
    expect(rows[1 + report.indicators.length]).toEqual([""]);
    expect(rows[2 + report.indicators.length]).toEqual(["分类", "类别", "数量"]);
    expect(rows.slice(3 + report.indicators.length)).toEqual(breakdownItems);
    expect(breakdownItems).toContainEqual(["受理工单按来源渠道", "窗口来访", "3"]);
    report.indicators.forEach((f, i) => {
      const [name, group, value, unit, numerator, denominator, definition] = rows[1 + i];
      expect({ name, group, unit, definition }).toEqual({ name: f.name, group: f.group, unit: f.unit, definition: f.definition });
      expect(value === "" ? null : Number(value)).toBe(f.value);
      expect(Number(numerator)).toBe(f.numerator);
      expect(denominator === "" ? null : Number(denominator)).toBe(f.denominator);
    });
    expect(text).not.toContain(REQUESTER.name);
    expect(text).not.toContain(REQUESTER.phone);
  });

  it("audits every export with its query, and answers with an attachment named in Chinese (RFC 5987)", async () => {
    const leader = await makeActor({ role: "LEADER", regionId: n.city.id });
    must(await execute(exportIndicators, { ...query, region: "369901000000", format: "xlsx" }, leader, meta));
    const csv = must(await execute(exportIndicators, { ...query, format: "csv" }, leader, { ip: "10.0.0.9", userAgent: "vitest" }));
    must(await execute(getIndicators, query, leader, meta)); // reading on screen is not an export

    const events = await db.auditEvent.findMany({ where: { action: "stats.export" }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(2);
    expect(events.map((e) => ({ user: e.actorUserId, role: e.actorRole, result: e.result, targetType: e.targetType, targetId: e.targetId, detail: e.detail }))).toEqual([
      { user: leader.userId, role: "LEADER", result: "SUCCESS", targetType: "Region", targetId: "369901000000", detail: { format: "xlsx", region: "369901000000", from: "2026-11-01", to: "2026-11-30" } },
      // no region asked: the leader's own (the city)
      { user: leader.userId, role: "LEADER", result: "SUCCESS", targetType: "Region", targetId: "369900000000", detail: { format: "csv", region: "369900000000", from: "2026-11-01", to: "2026-11-30" } },
    ]);
    expect(events[1]).toMatchObject({ ip: "10.0.0.9", userAgent: "vitest" });

    const res = csv.toResponse();
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="indicators-369900000000-2026-11-01-2026-11-30.csv"; filename*=UTF-8''${encodeURIComponent("测试市公共法律服务指标_2026年11月.csv")}`,
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(csv.bytes);
  });

  it("a county leader gets 403 for another county (audited as denied); bad input and other roles are refused", async () => {
    const other = await makeRegion({ code: "369902000000", name: "乙县", level: "COUNTY", parentId: n.city.id });
    const leader = await makeActor({ role: "LEADER", regionId: n.county.id });
    expect(await execute(exportIndicators, { region: other.code, format: "xlsx" }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(exportIndicators, { region: "369900000000", format: "csv" }, leader, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const denied = await db.auditEvent.findMany({ where: { action: "stats.export" }, orderBy: { id: "asc" } });
    expect(denied.map((e) => [e.result, e.targetId])).toEqual([["DENIED", "369902000000"], ["DENIED", "369900000000"]]);

    expect(await execute(exportIndicators, { format: "pdf", region: "1", from: "2026-02-30" }, leader, meta)).toMatchObject({
      ok: false, code: "VALIDATION",
      fieldErrors: { format: ["导出格式应为 xlsx 或 csv"], region: ["地区代码应为 12 位数字"], from: ["起始日期应为有效日期，格式如 2026-01-01"] },
    });
    expect(await execute(exportIndicators, { format: "csv", from: "2026-11-02", to: "2026-11-01" }, leader, meta)).toMatchObject({ ok: false, fieldErrors: { to: ["截止日期不能早于起始日期"] } });

    const staff = await makeActor({ role: "STAFF", organizationId: n.centre.id });
    expect(await execute(exportIndicators, { format: "csv" }, staff, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await execute(exportIndicators, { format: "csv" }, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await db.auditEvent.count({ where: { action: "stats.export", result: "SUCCESS" } })).toBe(0);
  });

  it("names the report's period (title of the print page and the file name)", () => {
    expect(periodLabel("2026-11-01", "2026-11-30")).toBe("2026年11月");
    expect(periodLabel("2024-02-01", "2024-02-29")).toBe("2024年2月");
    expect(periodLabel("2026-10-01", "2026-12-31")).toBe("2026年第四季度");
    expect(periodLabel("2026-01-01", "2026-12-31")).toBe("2026年");
    expect(periodLabel("2026-01-01", "2026-11-15")).toBe("2026年1月1日至11月15日");
    expect(periodLabel("2025-12-01", "2026-01-31")).toBe("2025年12月1日至2026年1月31日");
    expect([reportKind("2026-11-01", "2026-11-30"), reportKind("2026-07-01", "2026-09-30"), reportKind("2026-01-01", "2026-12-31"), reportKind("2026-11-02", "2026-11-30")])
      .toEqual(["月报", "季报", "年报", "统计报告"]);
    expect(previousMonth("2026-12-03")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(previousMonth("2026-01-01")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("print page: the monthly report title, the indicators grouped under numbered headings, definitions as notes", async () => {
    pageActor = await makeActor({ role: "LEADER", regionId: n.county.id });
    const { default: StatsPrintPage } = await import("@/app/leader/stats/print/page");
    const html = renderToStaticMarkup(await StatsPrintPage({ searchParams: Promise.resolve({ month: "2026-11" }) }));
    const report = must(await execute(getIndicators, query, pageActor, meta));

    expect(html).toContain('<h1 id="report-title" class="text-2xl font-bold tracking-wide">甲县公共法律服务月报（2026年11月）</h1>');
    expect(html).toContain("统计期：2026-11-01 至 2026-11-30");
    const h2 = [...html.matchAll(/<h2 [^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(["一、服务网络", "二、工单办理", "三、法律援助", "四、人民调解", "五、队伍力量", "六、分类统计", "注：指标口径"]);
    expect(Object.values(GROUP_LABELS).map((g) => h2.some((h) => h.endsWith(g)))).toEqual([true, true, true, true, true]);
    // five indicator tables, then one table per breakdown that has records (each row, plus its total)
    const breakdowns = report.breakdowns.filter((b) => b.items.length);
    expect(breakdowns.map((b) => b.name)).toContain("受理工单按来源渠道");
    expect(html.match(/<caption/g)).toHaveLength(5 + breakdowns.length);
    expect(html.match(/<th scope="row"/g)).toHaveLength(report.indicators.length + breakdowns.reduce((n, b) => n + b.items.length + 1, 0));
    expect(html).toContain("甲县2026年11月受理工单按来源渠道");
    // each definition once, as a numbered note
    for (const [i, f] of report.indicators.entries()) expect(html).toContain(`<li>${i + 1}. ${f.name}：${f.definition}</li>`);
    // the figures as the dashboard writes them; nothing to divide by is "—"
    expect(html).toMatch(/按时办结率<sup[^>]*><span class="sr-only">注<\/span>\d+<\/sup><\/th><td[^>]*>50\.0%<\/td><td[^>]*>1<\/td><td[^>]*>2<\/td>/);
    expect(html).toMatch(/调解成功率<sup[^>]*>.*?<\/sup><\/th><td[^>]*>—<\/td>/);
    // export links for the same view, and no personal data on paper
    expect(html).toContain("/api/v1/stats/export?format=xlsx&amp;region=369901000000&amp;from=2026-11-01&amp;to=2026-11-30");
    expect(html).not.toContain(REQUESTER.name);
  });
});
