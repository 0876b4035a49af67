import { z } from "zod";
import { isIsoDate, shanghaiDate, type IsoDate } from "@/lib/calendar/working-days";

// Form inputs shared by the steps after a successful mediation (agreement, 司法确认, 履行回访).

const blankToUndefined = (v: unknown) => (typeof v === "string" ? v.trim() || undefined : v);

/** A YYYY-MM-DD calendar date, checked to exist; `when` says whether it may lie in the past or the future (Shanghai today). */
export function day(label: string, when: "any" | "notFuture" | "notPast" = "any") {
  const base = z
    .string({ error: `请填写${label}` })
    .min(1, { error: `请填写${label}`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为“年-月-日”，如 2026-12-03`, abort: true })
    .refine(isIsoDate, { error: `${label}不存在，请核对月份和日`, abort: true })
    .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", { error: `${label}应在 2000 年至 2099 年之间`, abort: true });
  const checked =
    when === "notFuture"
      ? base.refine((d) => d <= shanghaiDate(new Date()), `${label}不能晚于今天`)
      : when === "notPast"
        ? base.refine((d) => d >= shanghaiDate(new Date()), `${label}不能早于今天`)
        : base;
  return z.preprocess((v) => (typeof v === "string" ? v.trim() : v), checked).transform((d) => d as IsoDate);
}

/** The same, optional: a blank field is undefined. */
export function optionalDay(label: string, when: "any" | "notFuture" | "notPast" = "any") {
  return z.preprocess(blankToUndefined, day(label, when).optional());
}

/** A select's value or nothing (a blank option is "not chosen"). */
export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.preprocess(blankToUndefined, z.enum(values, { error: `请选择有效的${label}` }).optional());
}

/** A yes/no radio pair ("true"/"false") that may be left unanswered. */
export const optionalYesNo = (label: string) =>
  z.preprocess(
    // "yes"/"no" as well, the words the consent form (lib/mediation/schemas.ts) sends
    (v) => (v === "true" || v === "yes" || v === true ? true : v === "false" || v === "no" || v === false ? false : v === "" || v === undefined || v === null ? undefined : v),
    z.boolean({ error: `请选择${label}` }).optional(),
  );
