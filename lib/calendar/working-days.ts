import type { CalendarDayKind } from "@/lib/generated/prisma/enums";

// The working-day calendar that legal deadlines are counted on (DOMAIN.md §3). Pure: no database,
// no framework. A calendar date is the date on a wall calendar in China (Asia/Shanghai, UTC+8 all
// year, no DST), written "YYYY-MM-DD". Instants (JS Date) become dates only through shanghaiDate(),
// so a deadline never depends on the server's time zone.
//
// Counting follows Chinese legal practice (期间开始的日，不计算在内): the day an application is
// received is day 0, and "within n working days" ends on the n-th working day after it.

/** A calendar date in China, "YYYY-MM-DD" (years 0000–9999). */
export type IsoDate = string;

export type CalendarException = { date: IsoDate; kind: CalendarDayKind };

export type WorkingCalendar = {
  /** the listed exceptions, by day number */
  readonly kinds: ReadonlyMap<number, CalendarDayKind>;
  // Only exceptions that change a day's status move counts: a holiday on a weekday (-1) or a
  // make-up day on a weekend (+1). Kept sorted with prefix sums so a count over any span is a
  // closed-form weekday count plus one binary search, however far apart the dates are.
  readonly shiftDays: readonly number[];
  /** shiftPrefix[i] = sum of the effects of shiftDays[0..i-1] */
  readonly shiftPrefix: readonly number[];
};

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Day numbers of 0000-01-01 and 9999-12-31, the range an IsoDate can spell.
const MIN_DAY = -719_528;
const MAX_DAY = 2_932_896;

// ── calendar-date arithmetic on day numbers (days since 1970-01-01), proleptic Gregorian ──
// Integer algorithms (H. Hinnant, "chrono-compatible low-level date algorithms"): Date.UTC
// silently maps years 0–99 to 1900–1999 and rolls 02-30 over to March.

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(n: number): [number, number, number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Is `value` a real calendar date spelled "YYYY-MM-DD" (2026-02-29 is not)? */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date "YYYY-MM-DD": ${String(date)}`);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function fromDayNumber(n: number): IsoDate {
  if (!Number.isInteger(n) || n < MIN_DAY || n > MAX_DAY) throw new RangeError(`Day number out of range: ${n}`);
  const [y, m, d] = civilFromDays(n);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Calendar days (not working days); n may be negative. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay(). */
export function dayOfWeek(date: IsoDate): number {
  return weekdayOf(dayNumber(date));
}

function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

// ── instants ↔ Shanghai calendar dates ──

/** The date on a Shanghai wall calendar at `instant`. */
export function shanghaiDate(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** 00:00:00.000 of `date` in Shanghai. */
export function startOfShanghaiDay(date: IsoDate): Date {
  return new Date(dayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 of `date` in Shanghai: a deadline "on" a day lasts until that day ends. */
export function endOfShanghaiDay(date: IsoDate): Date {
  return new Date((dayNumber(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

/** A Prisma `@db.Date` value arrives as UTC midnight of the stored date. */
export function fromDbDate(value: Date): IsoDate {
  return value.toISOString().slice(0, 10);
}

/** The value to hand Prisma for a `@db.Date` column. */
export function toDbDate(date: IsoDate): Date {
  return new Date(dayNumber(date) * DAY_MS);
}

// ── the calendar ──

function isDefaultWorkingDay(day: number): boolean {
  const dow = weekdayOf(day);
  return dow !== 0 && dow !== 6;
}

/**
 * A calendar from its exceptions to the Monday–Friday week. A HOLIDAY on a weekend is allowed (the
 * festival period lists it) and changes nothing; a WORKDAY on a weekday likewise. Listing one date
 * twice with different kinds is a bug in the caller and throws.
 */
export function createWorkingCalendar(exceptions: Iterable<CalendarException>): WorkingCalendar {
  const kinds = new Map<number, CalendarDayKind>();
  for (const { date, kind } of exceptions) {
    const day = dayNumber(date);
    const existing = kinds.get(day);
    if (existing && existing !== kind) throw new Error(`Calendar lists ${date} as both ${existing} and ${kind}`);
    kinds.set(day, kind);
  }
  const shifts: [number, number][] = [];
  for (const [day, kind] of kinds) {
    const usual = isDefaultWorkingDay(day);
    if (kind === "HOLIDAY" && usual) shifts.push([day, -1]);
    else if (kind === "WORKDAY" && !usual) shifts.push([day, 1]);
  }
  shifts.sort((a, b) => a[0] - b[0]);
  const shiftPrefix = [0];
  for (const [, effect] of shifts) shiftPrefix.push(shiftPrefix[shiftPrefix.length - 1] + effect);
  return { kinds, shiftDays: shifts.map(([day]) => day), shiftPrefix };
}

/** The exception listed for `date`, or null on an ordinary day. */
export function exceptionOn(cal: WorkingCalendar, date: IsoDate): CalendarDayKind | null {
  return cal.kinds.get(dayNumber(date)) ?? null;
}

function isWorking(cal: WorkingCalendar, day: number): boolean {
  const kind = cal.kinds.get(day);
  if (kind === "HOLIDAY") return false;
  if (kind === "WORKDAY") return true;
  return isDefaultWorkingDay(day);
}

export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  return isWorking(cal, dayNumber(date));
}

/** Mon–Fri days up to and including `day`, counted from a fixed Monday; only differences matter. */
function weekdaysThrough(day: number): number {
  // 1970-01-05 (day 4) was a Monday.
  const t = day - 4;
  const weeks = Math.floor(t / 7);
  return weeks * 5 + Math.min(t - weeks * 7 + 1, 5);
}

/** Net effect of the exceptions on days up to and including `day`. */
function shiftsThrough(cal: WorkingCalendar, day: number): number {
  let lo = 0;
  let hi = cal.shiftDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cal.shiftDays[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return cal.shiftPrefix[lo];
}

/** Working days in (a, b], for a ≤ b. */
function countWorking(cal: WorkingCalendar, a: number, b: number): number {
  return weekdaysThrough(b) - weekdaysThrough(a) + shiftsThrough(cal, b) - shiftsThrough(cal, a);
}

/**
 * The n-th working day after `date`; `date` itself is never counted (it is day 0).
 *
 * n = 0 means "the same day, if the office is open": `date` when it is a working day, otherwise
 * the next working day. So a 0-day limit (当天受理) received on a Saturday falls due on Monday, and
 * every result is a working day. For n ≥ 1, workingDaysBetween(date, result) === n.
 */
export function addWorkingDays(cal: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Working days must be a non-negative integer: ${n}`);
  const start = dayNumber(date);
  if (n === 0) return isWorking(cal, start) ? date : addWorkingDays(cal, date, 1);
  // The count over (start, x] rises by one exactly on each working day, so the smallest x where it
  // reaches n is the answer. Gallop out to a bound, then bisect: O(log n · log exceptions).
  let lo = start;
  let hi = Math.min(start + Math.ceil((n * 7) / 5), MAX_DAY);
  while (countWorking(cal, start, hi) < n) {
    if (hi >= MAX_DAY) throw new RangeError(`${n} working days after ${date} is beyond year 9999`);
    lo = hi;
    hi = Math.min(start + (hi - start) * 2, MAX_DAY);
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (countWorking(cal, start, mid) >= n) hi = mid;
    else lo = mid;
  }
  return fromDayNumber(hi);
}

/** The first working day after `date` (never `date` itself). */
export function nextWorkingDay(cal: WorkingCalendar, date: IsoDate): IsoDate {
  return addWorkingDays(cal, date, 1);
}

/**
 * Working days in (from, to]: how many working days have elapsed since `from` by the end of `to`.
 * Negative (minus the count over (to, from]) when `to` is before `from`.
 */
export function workingDaysBetween(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a <= b ? countWorking(cal, a, b) : -countWorking(cal, b, a);
}

/**
 * When a limit of n working days that started at `start` runs out: the end (23:59:59.999, Shanghai)
 * of the n-th working day after the Shanghai date of `start`.
 */
export function dueAt(cal: WorkingCalendar, start: Date, n: number): Date {
  return endOfShanghaiDay(addWorkingDays(cal, shanghaiDate(start), n));
}
