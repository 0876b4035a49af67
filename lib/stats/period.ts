import { z } from "zod";
import { isIsoDate, shanghaiDate, type IsoDate } from "@/lib/calendar/working-days";

// The reporting period every indicator takes, and a rate as its two counts: one definition for
// the legal-aid, mediation and (issue 7) dashboard figures.

const optionalDay = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z
      .string({ error: `${label}格式不正确` })
      .refine(isIsoDate, { error: `${label}应为有效日期，格式如 2026-01-01`, abort: true })
      // a bounded range keeps the day arithmetic (and the SQL timestamps) well inside their limits
      .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", `${label}应在 2000 年至 2099 年之间`)
      .optional(),
  );

/** The two fields of a period, for inputs that carry more (a region, a tier). */
export const PERIOD_FIELDS = { from: optionalDay("起始日期"), to: optionalDay("截止日期") };

/**
 * The period, as Shanghai calendar days (both ends included). Default: 1 January of the year of
 * `to` up to `to`, and `to` defaults to today — so no input means "this year so far". For a zod
 * `.transform`: reports a reversed period on the field the user set.
 */
export function resolvePeriod(v: { from?: string; to?: string }, ctx: z.RefinementCtx): { from: IsoDate; to: IsoDate } {
  const to = v.to ?? shanghaiDate(new Date());
  const from = v.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) {
    ctx.addIssue(
      v.to
        ? { code: "custom", path: ["to"], message: "截止日期不能早于起始日期" }
        : { code: "custom", path: ["from"], message: "起始日期不能晚于今天" },
    );
    return z.NEVER;
  }
  return { from: from as IsoDate, to: to as IsoDate };
}

export const PeriodInput = z.object(PERIOD_FIELDS).transform(resolvePeriod);
export type PeriodInput = z.input<typeof PeriodInput>;

/** A rate kept with its counts, so a figure can always be checked; null when there is nothing to divide by. */
export type Share = { numerator: number; denominator: number; rate: number | null };
export const share = (numerator: number, denominator: number): Share => ({ numerator, denominator, rate: denominator ? numerator / denominator : null });
