import { isBlank, squeeze, type Cell } from "@/lib/imports/cells";
import type { AnyKindSpec, RowOf } from "@/lib/imports/columns";
import type { Sheet, SheetRow } from "@/lib/imports/read-file";

// From rows of cells to typed records, with every problem of every row: the header matched to the
// kind's columns, each cell through its column's parser, then the kind's rules across columns.
// Pure — the database checks (regions, service points, lawyers, earlier imports) come after.

/** One problem: the column by its Chinese header, and a message without the cell's content. */
export type RowIssue = { column: string; message: string };
/** What ImportBatch.report holds: the rejected rows, in order. */
export type RowReport = { row: number; errors: RowIssue[] };

/** A header as people type it: spaces, a required mark and a trailing note in brackets do not matter. */
export function headerKey(h: string): string {
  return squeeze(h)
    .replace(/[*＊]/g, "")
    .replace(/[（(](必填|选填|可选|可不填)[）)]$/, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .toLowerCase();
}

export type HeaderMap = {
  /** field → index of its cell in each row */
  index: Map<string, number>;
  /** headers that are no column of this kind (left out, reported to the person) */
  ignored: string[];
  issues: RowIssue[];
};

/** Matches the file's header to the kind's columns by header, alias or English field name. */
export function mapHeader(spec: AnyKindSpec, header: Cell[]): HeaderMap {
  const byName = new Map<string, string>();
  for (const [field, c] of Object.entries(spec.columns)) {
    for (const name of [c.header, field, ...c.aliases]) byName.set(headerKey(name), field);
  }
  const index = new Map<string, number>();
  const ignored: string[] = [];
  const issues: RowIssue[] = [];
  header.forEach((cell, i) => {
    if (isBlank(cell)) return;
    const name = String(cell).trim();
    const field = byName.get(headerKey(name));
    if (!field) {
      ignored.push(name);
      return;
    }
    if (index.has(field)) {
      issues.push({ column: spec.columns[field].header, message: `“${spec.columns[field].header}”列出现了不止一次` });
      return;
    }
    index.set(field, i);
  });
  for (const [field, c] of Object.entries(spec.columns)) {
    if (c.required && !index.has(field)) issues.push({ column: c.header, message: `缺少必填列“${c.header}”` });
  }
  return { index, ignored, issues };
}

export type ParsedRow<C extends AnyKindSpec["columns"]> = { row: number; value: RowOf<C> };

/** Every row through the column parsers and the kind's checks: the good rows and the problems. */
export function parseRows<S extends AnyKindSpec>(spec: S, map: HeaderMap, rows: SheetRow[]): { parsed: ParsedRow<S["columns"]>[]; rejected: RowReport[] } {
  const parsed: ParsedRow<S["columns"]>[] = [];
  const rejected: RowReport[] = [];
  for (const r of rows) {
    const errors: RowIssue[] = [];
    const value: Record<string, unknown> = {};
    for (const [field, c] of Object.entries(spec.columns)) {
      const i = map.index.get(field);
      const cell = i === undefined ? null : (r.cells[i] ?? null);
      if (isBlank(cell)) {
        if (c.required) errors.push({ column: c.header, message: `请填写${c.header}` });
        continue;
      }
      const result = c.parse(cell);
      if (result.ok) value[field] = result.value;
      else errors.push({ column: c.header, message: result.message });
    }
    // the rules between columns need every column they read; a row with cell errors is reported as is
    if (errors.length === 0) {
      spec.check(value as RowOf<S["columns"]>, (field, message) => errors.push({ column: spec.columns[field].header, message }));
    }
    if (errors.length) rejected.push({ row: r.row, errors });
    else parsed.push({ row: r.row, value: value as RowOf<S["columns"]> });
  }
  return { parsed, rejected };
}

/** Sheet → header map and parsed rows, in one call (what the use case and the tests run). */
export function validateSheet<S extends AnyKindSpec>(spec: S, sheet: Sheet) {
  const map = mapHeader(spec, sheet.header.cells);
  if (map.issues.length) {
    return { map, parsed: [] as ParsedRow<S["columns"]>[], rejected: [{ row: sheet.header.row, errors: map.issues }] };
  }
  return { map, ...parseRows(spec, map, sheet.rows) };
}
