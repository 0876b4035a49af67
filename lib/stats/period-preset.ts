import { addDays, isIsoDate, type IsoDate } from "@/lib/calendar/working-days";

// The periods a leader picks on the dashboards (本月 / 上月 / 本季度 / 本年 / 自定义), as Shanghai
// calendar days, both ends included — the same days lib/stats/period.ts and the counts use. Pure, so
// the page (a GET form that works without JavaScript) and the tests share one reading of the query.

export const PERIOD_KINDS = ["month", "lastMonth", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type PresetKind = Exclude<PeriodKind, "custom">;

export const PERIOD_LABELS: Record<PeriodKind, string> = {
  month: "本月",
  lastMonth: "上月",
  quarter: "本季度",
  year: "本年",
  custom: "自定义",
};

export type Period = { from: IsoDate; to: IsoDate };

const pad = (n: number) => String(n).padStart(2, "0");
const firstOfMonth = (year: number, month: number): IsoDate => `${year}-${pad(month)}-01`;

/**
 * The preset period around `anchor` (normally today, Shanghai): the month, quarter or year so far
 * (up to and including the anchor, since later days have no records yet), or the whole previous month
 * — the one a monthly report covers.
 */
export function periodPreset(kind: PresetKind, anchor: IsoDate): Period {
  if (!isIsoDate(anchor)) throw new Error(`not a date: ${anchor}`);
  const year = Number(anchor.slice(0, 4));
  const month = Number(anchor.slice(5, 7));
  switch (kind) {
    case "month":
      return { from: firstOfMonth(year, month), to: anchor };
    case "lastMonth": {
      const first = firstOfMonth(year, month);
      const to = addDays(first, -1);
      return { from: `${to.slice(0, 7)}-01`, to };
    }
    case "quarter":
      return { from: firstOfMonth(year, Math.floor((month - 1) / 3) * 3 + 1), to: anchor };
    case "year":
      return { from: `${year}-01-01`, to: anchor };
  }
}

/** One month of a period: "2026-03" with the days of the period that fall in it. */
export type MonthSlice = Period & { month: string };

/**
 * The Shanghai months a period touches, each clipped to the period: 2026-01-15 … 2026-03-10 gives
 * 01-15…01-31, 02-01…02-28, 03-01…03-10. A trend point is then exactly the period's own figure for
 * those days, so the points of a count add up to the period's total.
 */
export function monthSlices(p: Period): MonthSlice[] {
  const out: MonthSlice[] = [];
  let from = p.from;
  while (from <= p.to) {
    const y = Number(from.slice(0, 4));
    const m = Number(from.slice(5, 7));
    const next = m === 12 ? firstOfMonth(y + 1, 1) : firstOfMonth(y, m + 1);
    const end = addDays(next, -1);
    out.push({ month: from.slice(0, 7), from, to: end < p.to ? end : p.to });
    from = next;
  }
  return out;
}

/** Months from the first of one to the last of another, counted inclusively ("2026-01" → "2026-03" is 3). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** Longest trend, in months: each month is one recount, so an unbounded range would be a denial of service. */
export const MAX_TREND_MONTHS = 60;

/**
 * The months the dashboard's trend shows for a period: the period itself when it spans 2 to 60
 * months; the 12 months up to its end when it is shorter (one point is not a trend); the last 60
 * when it is longer. `months` is what the heading says.
 */
export function trendPeriod(p: Period): Period & { months: number; same: boolean } {
  const months = monthsBetween(p.from, p.to);
  if (months >= 2 && months <= MAX_TREND_MONTHS) return { ...p, months, same: true };
  const span = months < 2 ? 12 : MAX_TREND_MONTHS;
  const y = Number(p.to.slice(0, 4));
  const m = Number(p.to.slice(5, 7)) - (span - 1);
  const year = y + Math.floor((m - 1) / 12);
  const month = ((m - 1) % 12 + 12) % 12 + 1;
  return { from: firstOfMonth(year, month), to: p.to, months: span, same: false };
}

export type DashboardSearch = { period?: string; from?: string; to?: string };
export type DashboardPeriod = Period & {
  kind: PeriodKind;
  /** a message per field the reader set wrongly; the preset "本年" is shown instead */
  errors: Partial<Record<"from" | "to", string>>;
};

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/**
 * The period of a dashboard query string. A known preset wins; "custom" (or dates without a preset,
 * as links from elsewhere send them) reads the two dates; a missing one defaults like the API does
 * (from 1 January of the end's year, to today). Wrong dates come back as field messages with "本年"
 * in their place, so the page can say what was wrong instead of answering 404.
 */
export function dashboardPeriod(search: DashboardSearch, today: IsoDate): DashboardPeriod {
  const asked = text(search.period);
  const from = text(search.from);
  const to = text(search.to);
  const kind: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(asked)
    ? (asked as PeriodKind)
    : from || to
      ? "custom"
      : "year";
  if (kind !== "custom") return { kind, ...periodPreset(kind, today), errors: {} };

  const errors: DashboardPeriod["errors"] = {};
  const valid = (d: string) => isIsoDate(d) && d >= "2000-01-01" && d <= "2099-12-31";
  if (from && !valid(from)) errors.from = "起始日期应为有效日期，格式如 2026-01-01";
  if (to && !valid(to)) errors.to = "截止日期应为有效日期，格式如 2026-01-01";
  const end = to && !errors.to ? to : today;
  const start = from && !errors.from ? from : `${end.slice(0, 4)}-01-01`;
  if (!errors.from && !errors.to && start > end) errors[to ? "to" : "from"] = to ? "截止日期不能早于起始日期" : "起始日期不能晚于今天";
  if (errors.from || errors.to) return { kind, ...periodPreset("year", today), errors };
  return { kind, from: start, to: end, errors };
}
