import type { CalendarDayKind } from "@/lib/generated/prisma/enums";
import { dayOfWeek, isIsoDate, type IsoDate } from "@/lib/calendar/working-days";

// Reads the State Council holiday notices as transcribed in prisma/data/cn-public-holidays.json:
// { years: { "2026": { holidays: { 春节: [dates…] }, makeupWorkdays: [dates…] } } }.
// The file is hand-made, so a typo must fail loudly here rather than move a legal deadline.

export type OfficialException = { date: IsoDate; kind: CalendarDayKind; name: string };

/** Notices do not say which festival a make-up day belongs to, so none is guessed. */
export const MAKEUP_WORKDAY_NAME = "调休上班";

function fail(message: string): never {
  throw new Error(`Official holiday schedule: ${message}`);
}

function dates(value: unknown, where: string, year: string): IsoDate[] {
  if (!Array.isArray(value)) fail(`${where} is not a list of dates`);
  return value.map((d) => {
    if (!isIsoDate(d)) fail(`${where}: "${String(d)}" is not a YYYY-MM-DD date`);
    if (!d.startsWith(`${year}-`)) fail(`${where}: ${d} is not in ${year}`);
    return d;
  });
}

/**
 * Every day of every festival period as HOLIDAY with the festival's name (weekend days of the
 * period included, so the calendar can show them), and every make-up day as WORKDAY. Sorted by
 * date. Throws on a malformed file, a date listed twice, or a make-up day on a weekday.
 */
export function exceptionsFromOfficialSchedule(json: unknown): OfficialException[] {
  const years = (json as { years?: unknown } | null)?.years;
  if (!years || typeof years !== "object") fail("missing `years`");
  const out = new Map<IsoDate, OfficialException>();
  const add = (e: OfficialException) => {
    const seen = out.get(e.date);
    if (seen) fail(`${e.date} is listed twice (${seen.name}, ${e.name})`);
    out.set(e.date, e);
  };
  for (const [year, entry] of Object.entries(years)) {
    if (!/^\d{4}$/.test(year)) fail(`"${year}" is not a year`);
    const { holidays, makeupWorkdays } = (entry ?? {}) as { holidays?: unknown; makeupWorkdays?: unknown };
    if (!holidays || typeof holidays !== "object") fail(`${year}: missing \`holidays\``);
    for (const [name, list] of Object.entries(holidays)) {
      if (!name.trim() || name.length > 40) fail(`${year}: festival name "${name}" must be 1–40 characters`);
      for (const date of dates(list, `${year} ${name}`, year)) add({ date, kind: "HOLIDAY", name });
    }
    for (const date of dates(makeupWorkdays, `${year} makeupWorkdays`, year)) {
      const dow = dayOfWeek(date);
      if (dow !== 0 && dow !== 6) fail(`make-up working day ${date} is not a Saturday or Sunday`);
      add({ date, kind: "WORKDAY", name: MAKEUP_WORKDAY_NAME });
    }
  }
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
