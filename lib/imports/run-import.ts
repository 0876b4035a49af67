import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ImportKind, ImportStatus } from "@/lib/generated/prisma/enums";
import { defineUseCase } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { notFound, ruleViolation } from "@/lib/errors";
import { requireCityWideAdmin } from "@/lib/auth/scope";
import { cleanFileName } from "@/lib/files/sniff";
import { idParam } from "@/lib/validation";
import { refreshRollups } from "@/lib/stats/rollup";
import { FileDownload } from "@/lib/api/file-download";
import { KINDS, KIND_LABELS } from "@/lib/imports/columns";
import { MAX_FILE_BYTES, readSheet, UnreadableFile } from "@/lib/imports/read-file";
import { validateSheet, type RowReport } from "@/lib/imports/validate";
import { placeRows, writeRows } from "@/lib/imports/write";
import { TEMPLATE_FORMATS, templateCsv, templateFileName, templateWorkbook } from "@/lib/imports/templates";

// 历史数据导入 (issue 7 item 6): an administrator uploads a CSV or XLSX of work orders, legal-aid
// cases or mediation cases. Every row is checked; one bad row rejects the whole file (nothing is
// written, the batch is kept with its row-by-row report); a good file is written in the use case's
// one transaction, rows already imported (same kind, region and source number) skipped. The same
// use case serves the admin page (server action) and POST /api/v1/imports.

/** "legal-aid", "LEGAL_AID", "legal_aid" → LEGAL_AID: the API path and forms may spell it either way. */
const kindInput = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase().replace(/-/g, "_") : v),
  z.enum(ImportKind, { error: `导入类型应为 ${Object.keys(KIND_LABELS).join("、")} 之一` }),
);

export const ImportInput = z.object({
  kind: kindInput.meta({ description: "WORK_ORDER（工单）、LEGAL_AID（法律援助案件）或 MEDIATION（人民调解案件）" }),
  file: z
    .instanceof(File, { error: "请选择要导入的文件" })
    .refine((f) => f.size > 0, { error: "请选择要导入的文件", abort: true })
    .refine((f) => f.size <= MAX_FILE_BYTES, "文件不能超过 10 MB，请分批导入")
    .meta({ type: "string", format: "binary", description: "UTF-8 编码的 CSV 或 .xlsx 文件（第一张工作表），表头见 README“历史数据导入”" }),
});

export type ImportResult = {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  importedRows: number;
  skippedRows: number;
  rejectedRows: number;
  /** headers that are no column of this kind and were left out */
  ignoredColumns: string[];
  report: RowReport[];
};

export const ImportResultSchema = z.object({
  id: z.number(),
  kind: z.enum(ImportKind),
  status: z.enum(ImportStatus),
  fileName: z.string(),
  totalRows: z.number(),
  importedRows: z.number(),
  skippedRows: z.number(),
  rejectedRows: z.number(),
  ignoredColumns: z.array(z.string()),
  report: z.array(z.object({ row: z.number(), errors: z.array(z.object({ column: z.string(), message: z.string() })) })),
});

/**
 * Who the batch is recorded against. An API client acts for the administrator who created it
 * (ImportBatch.createdById is a user).
 */
async function recorder(db: Tx, actor: Actor): Promise<number> {
  if (actor.userId) return actor.userId;
  const client = actor.apiClientId ? await db.apiClient.findUnique({ where: { id: actor.apiClientId }, select: { createdById: true } }) : null;
  if (client?.createdById) return client.createdById;
  throw ruleViolation("该 API 客户端没有创建人，无法记录导入批次，请由管理员登录后导入", "_form");
}

export const runImport = defineUseCase({
  name: "imports.run",
  permission: "imports.run",
  write: true,
  input: ImportInput,
  target: (_i, r: ImportResult) => ({ type: "ImportBatch", id: r.id }),
  async run({ db, actor, input }): Promise<ImportResult> {
    // the rows may belong to any county, and the batches list is the whole city's
    requireCityWideAdmin(actor);
    const spec = KINDS[input.kind];
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const fileName = cleanFileName(input.file.name || "导入文件").slice(0, 200);
    let sheet;
    try {
      sheet = await readSheet(bytes);
    } catch (error) {
      if (error instanceof UnreadableFile) throw ruleViolation(error.message, "file");
      throw error;
    }
    const { map, parsed, rejected: invalid } = validateSheet(spec, sheet);
    // the rows that passed the sheet checks meet the records too, so one report lists every problem
    const { placed, rejected: unplaced } = await placeRows(db, spec, parsed);
    const report = [...invalid, ...unplaced].sort((a, b) => a.row - b.row);
    const totalRows = sheet.rows.length;
    const base = {
      kind: input.kind,
      fileName,
      fileSha256: createHash("sha256").update(bytes).digest("hex"),
      totalRows,
      createdById: await recorder(db, actor),
    };
    if (report.length) {
      // a header problem rejects every row, though only the header row is reported
      const rejectedRows = map.issues.length ? totalRows : report.length;
      const batch = await db.importBatch.create({
        data: { ...base, status: "REJECTED", importedRows: 0, skippedRows: 0, rejectedRows, report: report as unknown as Prisma.InputJsonValue },
        select: { id: true },
      });
      return { id: batch.id, kind: input.kind, status: "REJECTED", fileName, totalRows, importedRows: 0, skippedRows: 0, rejectedRows, ignoredColumns: map.ignored, report };
    }
    const batch = await db.importBatch.create({
      data: { ...base, status: "APPLIED", importedRows: 0, skippedRows: 0, rejectedRows: 0, report: [] },
      select: { id: true },
    });
    const { imported, skipped } = await writeRows(db, input.kind, placed, batch.id);
    await db.importBatch.update({ where: { id: batch.id }, data: { importedRows: imported, skippedRows: skipped } });
    return { id: batch.id, kind: input.kind, status: "APPLIED", fileName, totalRows, importedRows: imported, skippedRows: skipped, rejectedRows: 0, ignoredColumns: map.ignored, report: [] };
  },
  // Decision 010: the import marked many days dirty; recompute them now, so the first leader to open
  // the dashboard does not wait for it.
  async afterCommit(result, db) {
    if (result.importedRows > 0) await refreshRollups(db);
  },
});

export type ImportBatchSummary = Omit<ImportResult, "report" | "ignoredColumns"> & { createdAt: string; createdBy: string };

const summarySelect = {
  id: true, kind: true, status: true, fileName: true, totalRows: true, importedRows: true, skippedRows: true, rejectedRows: true, createdAt: true,
  createdBy: { select: { name: true } },
} as const;

type SummaryRow = Prisma.ImportBatchGetPayload<{ select: typeof summarySelect }>;
const summary = (b: SummaryRow): ImportBatchSummary => ({
  id: b.id, kind: b.kind, status: b.status, fileName: b.fileName, totalRows: b.totalRows, importedRows: b.importedRows,
  skippedRows: b.skippedRows, rejectedRows: b.rejectedRows, createdAt: b.createdAt.toISOString(), createdBy: b.createdBy.name,
});

/** The latest batches, newest first (the admin page's history). */
export const listImportBatches = defineUseCase({
  name: "imports.list",
  permission: "imports.run",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    requireCityWideAdmin(actor);
    const rows = await db.importBatch.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50, select: summarySelect });
    return rows.map(summary);
  },
});

/** One batch with its report (a rejected file's rows and reasons). */
export const getImportBatch = defineUseCase({
  name: "imports.read",
  permission: "imports.run",
  write: false,
  input: z.object({ id: idParam("导入批次") }),
  async run({ db, input, actor }) {
    requireCityWideAdmin(actor);
    const b = await db.importBatch.findUnique({ where: { id: input.id }, select: { ...summarySelect, report: true } });
    if (!b) throw notFound("导入批次");
    return { ...summary(b), report: b.report as unknown as RowReport[] };
  },
});

export const TemplateInput = z.object({
  kind: kindInput,
  format: z.preprocess((v) => (v === undefined || v === "" ? "xlsx" : v), z.enum(TEMPLATE_FORMATS, { error: "模板格式应为 xlsx 或 csv" })),
});

/** GET /api/v1/imports/templates/{kind}: the empty template (Chinese headers, one example row). */
export const downloadImportTemplate = defineUseCase({
  name: "imports.template",
  permission: "imports.run",
  write: false,
  input: TemplateInput,
  async run({ input }) {
    const bytes = input.format === "xlsx" ? await templateWorkbook(input.kind) : templateCsv(input.kind);
    const type = input.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
    return new FileDownload(bytes, type, templateFileName(input.kind, input.format), `import-template-${input.kind.toLowerCase()}.${input.format}`);
  },
});
