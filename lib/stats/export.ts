import ExcelJS from "exceljs";
import { z } from "zod";
import { defineUseCase, type UseCaseResult } from "@/lib/api/use-case";
import { FileDownload } from "@/lib/api/file-download";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { addDays, shanghaiDate, type IsoDate } from "@/lib/calendar/working-days";
import { resolvePeriod } from "@/lib/stats/period";
import { filtersOf, getIndicators, StatsQuery } from "@/lib/stats/indicators";
import { indicatorById, type Formula } from "@/lib/stats/registry";
import { TIER_LABELS } from "@/lib/network/rules";
import { CHANNEL_LABELS, TYPE_LABELS } from "@/lib/work-orders/labels";
import { safeCell } from "@/lib/exports/safe-cell";

// Export of the indicator report (issue 7 item 5): the same figures as getIndicators — evaluated
// once, by the registry — written as Excel or CSV. The report holds aggregates only (counts, rates
// and their definitions), never a person; each export is still audited because figures leave the
// system with the leader's name on them.

export type IndicatorReportData = UseCaseResult<typeof getIndicators>;
export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of both formats, in order. */
export const EXPORT_HEADERS = ["指标", "分类", "数值", "单位", "分子", "分母", "口径说明"] as const;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

// getIndicators' own fields (region, filters and period, same messages), plus the format.
export const ExportQuery = z
  .object({
    ...StatsQuery.in.shape,
    format: z.enum(EXPORT_FORMATS, { error: "导出格式应为 xlsx 或 csv" }),
  })
  .transform((v, ctx) => ({ format: v.format, ...filtersOf(v), ...resolvePeriod(v, ctx) }));
export type ExportQuery = z.input<typeof ExportQuery>;

const MONTH_DAYS = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const parts = (d: string) => ({ y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) });
const QUARTERS = ["一", "二", "三", "四"];

/**
 * The period as a report names it: "2026年11月", "2026年第四季度", "2026年", otherwise
 * "2026年1月1日至11月30日" (the year repeated only when it changes).
 */
export function periodLabel(from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  if (a.y === b.y && a.d === 1 && b.d === MONTH_DAYS(b.y, b.m)) {
    if (a.m === b.m) return `${a.y}年${a.m}月`;
    if (a.m === 1 && b.m === 12) return `${a.y}年`;
    if (a.m % 3 === 1 && b.m === a.m + 2) return `${a.y}年第${QUARTERS[(a.m - 1) / 3]}季度`;
  }
  return `${a.y}年${a.m}月${a.d}日至${b.y === a.y ? "" : `${b.y}年`}${b.m}月${b.d}日`;
}

/** What kind of report the period makes: 月报, 季报, 年报, or a report over custom dates. */
export function reportKind(from: string, to: string): "月报" | "季报" | "年报" | "统计报告" {
  const label = periodLabel(from, to);
  if (/^\d{4}年\d{1,2}月$/.test(label)) return "月报";
  if (label.endsWith("季度")) return "季报";
  if (/^\d{4}年$/.test(label)) return "年报";
  return "统计报告";
}

/** The last complete Shanghai month before `today`: the default period of a monthly report. */
export function previousMonth(today: IsoDate = shanghaiDate(new Date())): { from: IsoDate; to: IsoDate } {
  const to = addDays(`${today.slice(0, 7)}-01` as IsoDate, -1);
  return { from: `${to.slice(0, 7)}-01` as IsoDate, to };
}

/** Whose figures: the region, or the region's one service point. */
export const reportSubject = (report: Pick<IndicatorReportData, "region" | "organization">) =>
  report.organization ? report.organization.name : report.region.name;

/** The filters in words ("网点层级：工作室；业务类别：法律咨询"), or "" when none. */
export function filtersText(report: Pick<IndicatorReportData, "filters">): string {
  const f = report.filters;
  return [
    f.tier ? `网点层级：${TIER_LABELS[f.tier]}` : null,
    f.channel ? `来源渠道：${CHANNEL_LABELS[f.channel]}` : null,
    f.type ? `业务类别：${TYPE_LABELS[f.type]}` : null,
  ].filter(Boolean).join("；");
}

/** The file name, without extension: "甲县公共法律服务指标_2026年11月". */
export function exportBaseName(report: Pick<IndicatorReportData, "region" | "organization" | "from" | "to">): string {
  return `${reportSubject(report)}公共法律服务指标_${periodLabel(report.from, report.to)}`;
}

// Excel's number formats: the cell keeps the exact value (the same number as the API), the format
// only rounds what is displayed — like formatIndicator does on screen.
function numberFormat(formula: Formula | undefined, unit: string): string {
  switch (formula?.kind) {
    case "share":
    case "average":
      return "0.0";
    case "per10k":
      return "0.00";
    default:
      return unit === "元" ? "#,##0.00" : "#,##0";
  }
}

/** The indicator report as an .xlsx workbook: a title row, the period, then one row per indicator. */
export async function indicatorWorkbook(report: IndicatorReportData, exportedAt = new Date()): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "公共法律服务平台";
  wb.created = exportedAt;
  const ws = wb.addWorksheet("指标", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 4 }],
  });
  ws.columns = [
    { key: "name", width: 26 },
    { key: "group", width: 12 },
    { key: "value", width: 14 },
    { key: "unit", width: 10 },
    { key: "numerator", width: 14 },
    { key: "denominator", width: 14 },
    { key: "definition", width: 70 },
  ];

  ws.mergeCells("A1:G1");
  const title = ws.getCell("A1");
  title.value = safeCell(`${reportSubject(report)}公共法律服务指标（${periodLabel(report.from, report.to)}）`);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 28;
  ws.mergeCells("A2:G2");
  ws.getCell("A2").value = safeCell(
    `地区：${report.region.name}（区划代码 ${report.region.code}）${report.organization ? `　服务网点：${report.organization.name}` : ""}` +
    `　统计期：${report.from} 至 ${report.to}（北京时间，含首尾两日）${filtersText(report) ? `　${filtersText(report)}` : ""}　导出时间：${shanghaiDate(exportedAt)}`,
  );
  ws.getCell("A2").font = { color: { argb: "FF475569" } };

  const header = ws.getRow(4);
  header.values = [...EXPORT_HEADERS];
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  header.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    c.border = { bottom: { style: "thin" } };
  });

  report.indicators.forEach((f, i) => {
    const row = ws.getRow(5 + i);
    // null (nothing to divide by) stays an empty cell: never 0, never the text "—"
    row.values = [f.name, f.group, f.value ?? null, f.unit, f.numerator, f.denominator ?? null, f.definition].map(safeCell);
    row.getCell(3).numFmt = numberFormat(indicatorById(f.id)?.formula, f.unit);
    row.getCell(7).alignment = { wrapText: true, vertical: "top" };
    for (const c of [1, 2, 3, 4, 5, 6]) row.getCell(c).alignment = { vertical: "top" };
  });
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4 + report.indicators.length, column: 7 } };

  // the breakdowns: one block per dimension, its values largest first
  const bs = wb.addWorksheet("分类统计", { views: [{ state: "frozen", ySplit: 1 }] });
  bs.columns = [{ key: "name", width: 40 }, { key: "label", width: 28 }, { key: "value", width: 14 }];
  bs.getRow(1).values = [...BREAKDOWN_HEADERS];
  bs.getRow(1).font = { bold: true };
  for (const row of breakdownRows(report)) bs.addRow(row.map(safeCell)).getCell(3).numFmt = "#,##0";

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF.
// Text that Excel would read as a formula is neutralised by safeCell (CSV injection); the report's
// text comes from the registry and region names, so this is a guard, not a case we expect.
export function csvField(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  const text = safeCell(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const BREAKDOWN_HEADERS = ["分类", "类别", "数量"] as const;
const breakdownRows = (report: IndicatorReportData): [string, string, number][] =>
  report.breakdowns.flatMap((b) => b.items.map((i): [string, string, number] => [b.name, i.label, i.value]));

/**
 * The indicator report as CSV, UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK):
 * the indicators, an empty line, then the breakdowns under their own header.
 */
export function indicatorCsv(report: IndicatorReportData): Uint8Array {
  const rows: (string | number | null)[][] = [
    [...EXPORT_HEADERS],
    ...report.indicators.map((f) => [f.name, f.group, f.value, f.unit, f.numerator, f.denominator, f.definition]),
    [],
    [...BREAKDOWN_HEADERS],
    ...breakdownRows(report),
  ];
  const text = rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
  return new TextEncoder().encode("\uFEFF" + text);
}

/** GET /api/v1/stats/export: the indicators of a region and period as .xlsx or .csv, audited. */
export const exportIndicators = defineUseCase({
  name: "stats.export",
  permission: "stats.read",
  write: false,
  input: ExportQuery,
  async run(ctx) {
    const { db, actor, meta, input } = ctx;
    const query = { format: input.format, region: input.region ?? null, from: input.from, to: input.to };
    let report: IndicatorReportData;
    try {
      report = await getIndicators.run({ ...ctx, input: { ...filtersOf(input), from: input.from, to: input.to } });
    } catch (error) {
      // execute() audits denied permissions but not a refused region; an export attempt outside
      // one's own region is worth a trace
      if (error instanceof AppError && error.code === "FORBIDDEN") {
        await recordAudit(db, actor, meta, { action: "stats.export", result: "DENIED", target: input.region ? { type: "Region", id: input.region } : null, detail: query });
      }
      throw error;
    }
    const bytes = input.format === "xlsx" ? await indicatorWorkbook(report) : indicatorCsv(report);
    await recordAudit(db, actor, meta, {
      action: "stats.export",
      result: "SUCCESS",
      target: { type: "Region", id: report.region.code },
      detail: { ...query, region: report.region.code },
    });
    const ext = input.format;
    return new FileDownload(bytes, CONTENT_TYPES[ext], `${exportBaseName(report)}.${ext}`, `indicators-${report.region.code}-${report.from}-${report.to}.${ext}`);
  },
});
