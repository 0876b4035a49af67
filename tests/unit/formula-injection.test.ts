import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { safeCell } from "@/lib/exports/safe-cell";
import { csvField, indicatorCsv, indicatorWorkbook, type IndicatorReportData } from "@/lib/stats/export";
import { templateCsv, templateWorkbook } from "@/lib/imports/templates";
import { KIND_ORDER } from "@/lib/imports/columns";

// CSV/Excel exports neutralise formula injection (CWE-1236, issue 9 item 5): a text cell starting
// with = + - @ comes out as plain text (a leading apostrophe), a number stays a number — in every
// writer: the indicator report (CSV and xlsx) and the import templates.

const HOSTILE = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\",\"点此\")", "\t=1+1"];

describe("safeCell", () => {
  it.each(HOSTILE)("neutralises %j", (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
  });
  it("leaves numbers, null and ordinary text alone", () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(null)).toBe(null);
    expect(safeCell("甲县 -2 个")).toBe("甲县 -2 个");
  });
});

/** An indicator report whose every text is hostile (as if a region or definition had been named so). */
function hostileReport(): IndicatorReportData {
  return {
    region: { name: "=1+1", code: "369901000000" },
    organization: null,
    from: "2026-11-01",
    to: "2026-11-30",
    filters: {},
    indicators: HOSTILE.slice(0, 4).map((text, i) => ({
      id: `test.${i}`, name: text, group: "+SUM(A1)", value: i === 0 ? -5 : i, unit: "@cmd", numerator: -5, denominator: null, definition: "-2+3",
    })),
    breakdowns: [{ name: "=1+1", items: [{ label: "@cmd", value: -5 }] }],
  } as unknown as IndicatorReportData;
}

const neutral = (v: unknown) => typeof v !== "string" || !/^[=+\-@\t\r]/.test(v);

describe("the indicator report", () => {
  it("CSV: every hostile text starts with an apostrophe; numbers stay numbers", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField(-5)).toBe("-5");
    const text = new TextDecoder().decode(indicatorCsv(hostileReport())).replace(/^\uFEFF/, "");
    const cells = text.trim().split("\r\n").flatMap((line) => line.split(","));
    for (const h of HOSTILE.slice(0, 4)) expect(cells).toContain(`'${h}`);
    // -5 as a number is written bare, not as text
    expect(cells).toContain("-5");
    expect(cells.filter((c) => c !== "-5" && !/^-?\d+$/.test(c)).every(neutral)).toBe(true);
  });

  it("xlsx: text cells are neutralised, numeric cells keep their type and value", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await indicatorWorkbook(hostileReport())) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
    expect(values.every(neutral)).toBe(true);
    expect(values).toContain("'=1+1");
    expect(values).toContain("'+SUM(A1)");
    expect(values).toContain("'-2+3");
    expect(values).toContain("'@cmd");
    const first = wb.getWorksheet("指标")!.getRow(5);
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(3).value).toBe(-5);
    expect(first.getCell(5).value).toBe(-5);
    expect(wb.getWorksheet("分类统计")!.getRow(2).getCell(3).value).toBe(-5);
  });
});

describe("the import templates", () => {
  it.each(KIND_ORDER)("%s: no cell of the CSV or xlsx template starts like a formula", async (kind) => {
    const text = new TextDecoder().decode(templateCsv(kind)).replace(/^\uFEFF/, "");
    expect(text.split(/\r\n|,/).every(neutral)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await templateWorkbook(kind)) as unknown as ArrayBuffer);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(neutral(cell.value)).toBe(true))));
  });
});
