import ExcelJS from "exceljs";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { KIND_ORDER, KINDS, type ColumnDef } from "@/lib/imports/columns";
import { MAX_ROWS } from "@/lib/imports/read-file";
import { safeCell } from "@/lib/exports/safe-cell";

// The import templates (Chinese headers and one example row) and the README's column tables, both
// written from the column definitions.

export const TEMPLATE_FORMATS = ["xlsx", "csv"] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

const columnsOf = (kind: ImportKind): ColumnDef[] => Object.values(KINDS[kind].columns);

export const templateFileName = (kind: ImportKind, format: TemplateFormat) => `${KINDS[kind].title}导入模板.${format}`;

/** The template as .xlsx: the records sheet (header, example row) and a notes sheet. */
export async function templateWorkbook(kind: ImportKind): Promise<Uint8Array> {
  const columns = columnsOf(kind);
  const wb = new ExcelJS.Workbook();
  wb.creator = "公共法律服务平台";
  const ws = wb.addWorksheet(KINDS[kind].title, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: safeCell(c.header), width: Math.max(12, Math.min(40, c.header.length * 2 + 4, c.example.length * 1.6 + 4)) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    // required columns stand out, so the person sees what must be filled in
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.required ? "FFFDE68A" : "FFE2E8F0" } };
    cell.note = `${c.required ? "必填。" : "选填。"}${c.description}`;
    // ID, licence and region numbers stay text: as numbers Excel would drop their last digits
    if (c.textFormat) ws.getColumn(i + 1).numFmt = "@";
  });
  ws.addRow(columns.map((c) => (c.example ? safeCell(c.example) : null)));

  const notes = wb.addWorksheet("填写说明");
  notes.columns = [{ header: "列名", width: 22 }, { header: "是否必填", width: 10 }, { header: "说明", width: 90 }, { header: "示例", width: 30 }];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow([c.header, c.required ? "必填" : "选填", c.description, c.example].map(safeCell)).getCell(3).alignment = { wrapText: true, vertical: "top" };
  notes.addRow([]);
  notes.addRow([`每个文件最多 ${MAX_ROWS} 行、10 MB。整个文件要么全部导入，要么（有任何一行不符合要求时）全部不导入，并列出每一行的问题。第一张工作表是数据，请勿改动表头。`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// The headers and examples are ours, but they go into a spreadsheet: safeCell keeps any that starts
// like a formula plain text (CSV injection), as every export does.
const csvField = (value: string) => {
  const v = safeCell(value);
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};

/** The template as CSV: UTF-8 with a byte-order mark (so Excel opens the Chinese correctly), CRLF. */
export function templateCsv(kind: ImportKind): Uint8Array {
  const columns = columnsOf(kind);
  const text = [columns.map((c) => csvField(c.header)).join(","), columns.map((c) => csvField(c.example)).join(",")].join("\r\n") + "\r\n";
  return new TextEncoder().encode("\uFEFF" + text);
}

const md = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The README's tables of every kind's columns (tests/unit/imports-readme.test.ts keeps the README equal to this). */
export function importColumnsMarkdown(): string {
  return KIND_ORDER.map((kind) => {
    const spec = KINDS[kind];
    const rows = Object.entries(spec.columns).map(
      ([field, c]) => `| ${md(c.header)} | \`${field}\` | ${c.required ? "必填" : "选填"} | ${md(c.description)} | ${c.example ? md(c.example) : "—"} |`,
    );
    return [`#### ${spec.title}（kind=${kind}）`, "", "| 列名 | 英文列名 | 必填 | 说明 | 示例 |", "|---|---|---|---|---|", ...rows].join("\n");
  }).join("\n\n");
}
