import { z } from "zod";

// Default zod messages in Simplified Chinese; schemas still give their own where a field needs one.
z.config(z.locales.zhCN());

/** Trims, and turns "" into undefined so optional form fields stay optional. */
export const optionalText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z.string().max(max, `${label}不能超过 ${max} 个字`).optional(),
  );

export const requiredText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `请填写${label}` }).min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`),
  );

/**
 * Trimmed text of min–max characters, with messages naming the field; `short` replaces the
 * "at least n characters" message where the field wants its own (e.g. 写明理由).
 */
export const textBetween = (min: number, max: number, label: string, short?: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: short ?? `请填写${label}` })
      .min(1, { error: short ?? `请填写${label}`, abort: true })
      .min(min, short ?? `${label}至少 ${min} 个字`)
      .max(max, `${label}不能超过 ${max} 个字`),
  );

/**
 * The largest id an `Int` column holds (PostgreSQL integer). A bigger number cannot name a row, and
 * reaching the database it would fail the query ("out of range for type integer") as an internal error.
 */
export const MAX_ID = 2_147_483_647;

export const idParam = (label = "编号") =>
  z.coerce.number({ error: `${label}无效` }).int(`${label}无效`).positive(`${label}无效`).max(MAX_ID, `${label}无效`);

/** HTML checkboxes send "on" or nothing. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const NUL_MESSAGE = "不能包含空字符（\\0）";
const NUL_SCAN_DEPTH = 32;

/**
 * Where the raw input holds a string with the NUL character (U+0000), as field errors; null when
 * none does. PostgreSQL text cannot store NUL — such a value would fail the write as an internal
 * error — and no field has a use for it, so `execute` refuses it up front for every door at once
 * (file names count: they are stored). Only plain objects and arrays are walked, and only as deep
 * as a form goes; a deeper value is no field of any schema.
 */
export function nulCharacterErrors(raw: unknown): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  const stack: { value: unknown; path: string[] }[] = [{ value: raw, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    const text = typeof value === "string" ? value : typeof File !== "undefined" && value instanceof File ? value.name : null;
    if (text !== null) {
      if (text.includes("\u0000")) errors[path.join(".") || "_form"] = [NUL_MESSAGE];
    } else if (path.length < NUL_SCAN_DEPTH && value && typeof value === "object") {
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value) || proto === Object.prototype || proto === null) {
        for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return Object.keys(errors).length ? errors : null;
}
