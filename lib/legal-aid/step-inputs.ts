import { z } from "zod";
import { isIsoDate, shanghaiDate } from "@/lib/calendar/working-days";

// Form inputs shared by the lawyer's and the officer's steps on a running case (承办、结案、回访、评估).


/** A YYYY-MM-DD Shanghai date that has already come (something that happened). */
export const pastDate = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `请填写${label}` })
      .min(1, { error: `请填写${label}`, abort: true })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为“年-月-日”，如 2026-11-30`, abort: true })
      .refine(isIsoDate, { error: `${label}不存在，请核对月份和日`, abort: true })
      .refine((d) => d <= shanghaiDate(new Date()), `${label}不能晚于今天`),
  );

/** 元, at least 0, at most 2 decimals; empty means 0. Kept as a string for the Decimal column. */
export const yuan = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "0" : typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().replace(/,/g, "") || "0" : v),
    z
      .string({ error: `${label}无效` })
      .regex(/^\d{1,12}(\.\d{1,2})?$/, `${label}应为不小于 0 的金额（元），最多两位小数`)
      .transform((s) => {
        const [whole, cents = ""] = s.split(".");
        return `${BigInt(whole)}.${cents.padEnd(2, "0")}`;
      }),
  );

/** A form's "true"/"false" (a submit button's value) or a JSON boolean. */
export const yesNo = (label: string) =>
  z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: `请选择${label}` }));

/** Checkbox lists arrive as one value or several; none at all is an empty list. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
