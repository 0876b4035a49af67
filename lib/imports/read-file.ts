import ExcelJS from "exceljs";
import { isBlank, type Cell } from "@/lib/imports/cells";

// Reading an uploaded file into rows of cells, before any column is known: XLSX by exceljs, CSV by
// the small RFC 4180 parser below (quoted fields, doubled quotes, line breaks inside quotes, CRLF
// or LF, UTF-8 with or without a byte-order mark). Row numbers are the ones the person sees in
// Excel: the header is row 1 when it is the first line, and blank rows keep their number.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;

export type SheetRow = { row: number; cells: Cell[] };
export type Sheet = { header: SheetRow; rows: SheetRow[] };

/** A file the reader cannot use at all: the message goes next to the file field. */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFile";
  }
}

export const UTF8_MESSAGE = "文件不是 UTF-8 编码：请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”，或将文件另存为 UTF-8 编码的 CSV 后再导入";

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** UTF-8 text of a CSV file, without its byte-order mark; anything else is refused with a clear message. */
export function decodeCsv(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) throw new UnreadableFile(UTF8_MESSAGE);
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    // fatal: GBK bytes (what Excel's plain "CSV" writes on Chinese Windows) are not valid UTF-8
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new UnreadableFile(UTF8_MESSAGE);
  }
}

/** RFC 4180 records. A quote opens a quoted field only at the start of a field, as Excel writes them. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let quoteStartRecord = 0;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      quoteStartRecord = records.length + 1;
      i += 1;
    } else if (c === ",") {
      endField();
      i += 1;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new UnreadableFile(`第 ${quoteStartRecord} 行有未闭合的引号，请检查该行`);
  // the last line usually ends with a line break; a final record without one still counts
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

/** exceljs cell values → plain cells: rich text joined, formulas by their result, links by their text. */
function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("result" in value) return cellOf(value.result as ExcelJS.CellValue);
    if ("formula" in value || "sharedFormula" in value) return null;
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile("无法读取这个 Excel 文件，请确认它是 .xlsx 格式且没有加密");
  }
  // the first sheet holds the records (the templates put their notes on a later sheet)
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > MAX_ROWS + 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellOf(values[c]));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * The file's rows: the first non-blank row is the header, blank rows are dropped (they keep their
 * numbers). The format is told by the bytes, not by the name: a zip is an .xlsx, anything else is
 * read as CSV text.
 */
export async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.length === 0) throw new UnreadableFile("文件是空的");
  if (bytes.length > MAX_FILE_BYTES) throw new UnreadableFile("文件不能超过 10 MB，请分批导入");
  if (startsWith(bytes, OLE)) throw new UnreadableFile("不支持 Excel 97-2003（.xls）格式，请另存为 .xlsx 或 UTF-8 编码的 CSV");
  let rows: SheetRow[];
  if (startsWith(bytes, ZIP)) rows = await readXlsx(bytes);
  else rows = parseCsv(decodeCsv(bytes)).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c as Cell) }));
  const filled = rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  const [header, ...data] = filled;
  if (!header) throw new UnreadableFile("文件中没有内容");
  if (data.length === 0) throw new UnreadableFile("文件只有表头，没有数据行");
  if (data.length > MAX_ROWS) throw new UnreadableFile(`一次最多导入 ${MAX_ROWS.toLocaleString("en-US")} 行，请分成几个文件导入`);
  return { header, rows: data };
}
