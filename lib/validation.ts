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

export const idParam = (label = "编号") =>
  z.coerce.number({ error: `${label}无效` }).int(`${label}无效`).positive(`${label}无效`);

/** HTML checkboxes send "on" or nothing. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
