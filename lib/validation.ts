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

export const idParam = (label = "编号") =>
  z.coerce.number({ error: `${label}无效` }).int(`${label}无效`).positive(`${label}无效`);

/** HTML checkboxes send "on" or nothing. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
