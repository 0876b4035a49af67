import { isIsoDate, startOfShanghaiDay, endOfShanghaiDay, type IsoDate } from "@/lib/calendar/working-days";
import { isValidIdNumber, MOBILE_PATTERN } from "@/lib/identity/id-number";

// One spreadsheet cell → one typed value, or a Chinese message. Pure: the parsers know nothing of
// the database or of which column they serve beyond the label they are given. A message never
// repeats the cell's content — the report must not carry personal data (row, column, message only).

/**
 * What a reader hands over: CSV gives text; XLSX also numbers, booleans and dates. An Excel date
 * arrives as a Date whose UTC fields are the wall clock typed into the sheet (Excel has no zone).
 */
export type Cell = string | number | boolean | Date | null;
export type FilledCell = Exclude<Cell, null>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
export type Parser<T> = (cell: FilledCell) => Parsed<T>;

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (message: string): Parsed<never> => ({ ok: false, message });

export const isBlank = (cell: Cell): cell is null => cell === null || (typeof cell === "string" && cell.trim() === "");

/** A cell as text: numbers without exponent or float noise (an integer typed in a text column). */
function asText(cell: FilledCell): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === "boolean") return cell ? "是" : "否";
  return cell.toISOString();
}

/** Whitespace (including full-width) removed, for codes and labels. */
export const squeeze = (s: string) => s.replace(/[\s\u3000]/g, "");

export const text =
  (max: number, label: string): Parser<string> =>
  (cell) => {
    if (cell instanceof Date) return fail(`${label}应为文字，不能是日期`);
    const v = asText(cell);
    return v.length > max ? fail(`${label}不能超过 ${max} 个字`) : ok(v);
  };

/** 来源编号: letters, digits and the usual marks of case numbers (〔2024〕12 号); no line breaks. */
export const sourceNumber =
  (label: string): Parser<string> =>
  (cell) => {
    if (cell instanceof Date || typeof cell === "boolean") return fail(`${label}应为文字或数字`);
    if (typeof cell === "number" && !Number.isSafeInteger(cell)) return fail(`${label}请以文本格式填写（数字格式会丢失位数）`);
    const v = asText(cell);
    if (/[\r\n\t]/.test(v)) return fail(`${label}不能包含换行`);
    return v.length > 60 ? fail(`${label}不能超过 60 个字`) : ok(v);
  };

export const regionCode: Parser<string> = (cell) => {
  const v = typeof cell === "number" && Number.isSafeInteger(cell) ? String(cell) : typeof cell === "string" ? squeeze(cell) : "";
  return /^\d{12}$/.test(v) ? ok(v) : fail("行政区划代码应为 12 位数字");
};

/** Long digit strings (ID, licence numbers) lose their last digits as Excel numbers: ask for text. */
const digitsAsText = (cell: FilledCell, label: string): Parsed<string> => {
  if (typeof cell === "number") return fail(`${label}请以文本格式填写（数字格式会丢失末位）`);
  if (typeof cell !== "string") return fail(`${label}格式不正确`);
  return ok(squeeze(cell).toUpperCase());
};

export const idNumber =
  (label: string): Parser<string> =>
  (cell) => {
    const v = digitsAsText(cell, label);
    if (!v.ok) return v;
    return isValidIdNumber(v.value) ? v : fail(`${label}校验未通过，请核对`);
  };

export const licenceNumber =
  (label: string): Parser<string> =>
  (cell) => {
    const v = digitsAsText(cell, label);
    if (!v.ok) return v;
    return /^[0-9A-Z]{5,20}$/.test(v.value) ? v : fail(`${label}应为 5 至 20 位数字或字母`);
  };

export const mobile =
  (label: string): Parser<string> =>
  (cell) => {
    const v = typeof cell === "number" && Number.isSafeInteger(cell) ? String(cell) : typeof cell === "string" ? squeeze(cell).replace(/-/g, "") : "";
    return MOBILE_PATTERN.test(v) ? ok(v) : fail(`${label}应为 11 位手机号`);
  };

const YES = new Set(["是", "有", "y", "yes", "true", "1", "√", "✓"]);
const NO = new Set(["否", "无", "n", "no", "false", "0", "×", "✗"]);

export const yesNo =
  (label: string): Parser<boolean> =>
  (cell) => {
    if (typeof cell === "boolean") return ok(cell);
    const v = squeeze(asText(cell)).toLowerCase();
    if (YES.has(v)) return ok(true);
    if (NO.has(v)) return ok(false);
    return fail(`${label}应填“是”或“否”`);
  };

const numberOf = (cell: FilledCell): number | null => {
  if (typeof cell === "number") return cell;
  if (typeof cell !== "string") return null;
  const v = squeeze(cell).replace(/,/g, "").replace(/元$/, "");
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
};

/** Yuan: ≥ 0, at most 2 decimals, within Decimal(14, 2). */
export const amount =
  (label: string): Parser<number> =>
  (cell) => {
    const n = numberOf(cell);
    if (n === null || !Number.isFinite(n)) return fail(`${label}应为数字（单位：元）`);
    if (n < 0) return fail(`${label}不能小于 0`);
    if (n >= 1e12) return fail(`${label}过大`);
    if (Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) return fail(`${label}最多保留 2 位小数`);
    return ok(Math.round(n * 100) / 100);
  };

export const wholeNumber =
  (label: string, min: number, max: number): Parser<number> =>
  (cell) => {
    const n = numberOf(cell);
    if (n === null || !Number.isInteger(n)) return fail(`${label}应为整数`);
    if (n < min || n > max) return fail(`${label}应在 ${min} 至 ${max} 之间`);
    return ok(n);
  };

/** A moment from the sheet, and whether only the day was given (then it means 00:00, Shanghai). */
export type When = { at: Date; dateOnly: boolean };

const DATE_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d+)?)?秒?)?$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Excel's day 0 (1899-12-30, the 1900 system with its leap-year quirk folded in) in Unix days. */
const EXCEL_EPOCH_DAYS = 25_569;
const EARLIEST = "2000-01-01";

/** Wall-clock fields read as Asia/Shanghai (UTC+8 all year). */
function shanghaiWall(y: number, m: number, d: number, h: number, min: number, s: number): Date | null {
  const day = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` as IsoDate;
  if (!isIsoDate(day) || h > 23 || min > 59 || s > 59) return null;
  return new Date(startOfShanghaiDay(day).getTime() + h * HOUR_MS + min * 60_000 + s * 1000);
}

function fromExcelWall(wall: Date): When | null {
  const at = shanghaiWall(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds());
  return at ? { at, dateOnly: wall.getUTCHours() === 0 && wall.getUTCMinutes() === 0 && wall.getUTCSeconds() === 0 } : null;
}

/** A date or date-time cell: "2024-03-05", "2024-03-05 14:30", "2024/3/5", an Excel date cell or serial. */
export function parseWhen(cell: FilledCell): When | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : fromExcelWall(cell);
  if (typeof cell === "number") {
    // a date typed into an unformatted cell is Excel's serial day number (fraction = time of day)
    if (!(cell > 36_000 && cell < 80_000)) return null;
    return fromExcelWall(new Date(Math.round((cell - EXCEL_EPOCH_DAYS) * DAY_MS / 1000) * 1000));
  }
  if (typeof cell !== "string") return null;
  const m = DATE_TIME.exec(cell.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const at = shanghaiWall(y, mo, d, h, mi, s);
  return at ? { at, dateOnly: m[4] === undefined } : null;
}

/**
 * A date column. `past`: the moment must not be later than now (registrations, decisions, closings);
 * deadlines may lie ahead. A deadline given as a day lasts until that day ends.
 */
export const when =
  (label: string, options: { past: boolean; deadline?: boolean }, now: () => Date = () => new Date()): Parser<When> =>
  (cell) => {
    const w = parseWhen(cell);
    if (!w) return fail(`${label}应为日期，格式如 2024-03-05 或 2024-03-05 14:30`);
    if (w.at < startOfShanghaiDay(EARLIEST)) return fail(`${label}不能早于 2000 年`);
    if (options.past && w.at > now()) return fail(`${label}不能晚于现在`);
    if (options.deadline && w.dateOnly) {
      const day = new Date(w.at.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
      return ok({ at: endOfShanghaiDay(day), dateOnly: true });
    }
    return ok(w);
  };

/** Label text as people type it: no spaces, full-width brackets as half-width, case-insensitive. */
const labelKey = (s: string) => squeeze(s).replace(/（/g, "(").replace(/）/g, ")").toLowerCase();

/**
 * A choice by its Chinese label (the label maps of each domain, so the words match the pages), the
 * label without its bracketed note ("主动调解（排查发现）" → "主动调解"), the enum key ("WALK_IN"), or
 * an extra alias. An alias two values share is not accepted. The message lists the labels.
 */
export function choice<K extends string>(
  labels: Record<K, string>,
  label: string,
  options: { only?: readonly K[]; aliases?: Record<string, K> } = {},
): Parser<K> & { accepted: string[] } {
  const keys = (Object.keys(labels) as K[]).filter((k) => !options.only || options.only.includes(k));
  const seen = new Map<string, K | null>();
  const add = (alias: string, k: K) => {
    const a = labelKey(alias);
    if (!a) return;
    const prior = seen.get(a);
    seen.set(a, prior === undefined || prior === k ? k : null);
  };
  for (const k of keys) {
    add(labels[k], k);
    add(k, k);
    const bare = labels[k].replace(/[（(][^）)]*[）)]$/, "");
    if (bare !== labels[k]) add(bare, k);
  }
  for (const [alias, k] of Object.entries(options.aliases ?? {}) as [string, K][]) if (keys.includes(k)) add(alias, k);
  const accepted = keys.map((k) => labels[k]);
  const parse: Parser<K> = (cell) => {
    const k = seen.get(labelKey(asText(cell)));
    return k ? ok(k) : fail(`${label}应为以下之一：${accepted.join("、")}`);
  };
  return Object.assign(parse, { accepted });
}

/** Several names in one cell ("张三、李四"), each at most `max` characters. */
export const names =
  (label: string, max: number, limit: number): Parser<string[]> =>
  (cell) => {
    if (cell instanceof Date || typeof cell === "boolean") return fail(`${label}应为姓名或单位名称`);
    const list = asText(cell).split(/[、，,;；\n]+/).map((s) => s.trim()).filter(Boolean);
    if (list.length === 0) return fail(`请填写${label}`);
    if (list.length > limit) return fail(`${label}最多 ${limit} 个，人数更多的请推选代表`);
    if (list.some((n) => n.length > max)) return fail(`${label}每个不能超过 ${max} 个字`);
    return ok(list);
  };
