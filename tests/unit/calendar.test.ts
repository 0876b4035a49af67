import { describe, expect, it } from "vitest";
import officialJson from "@/prisma/data/cn-public-holidays.json";
import { exceptionsFromOfficialSchedule, MAKEUP_WORKDAY_NAME } from "@/lib/calendar/official-schedule";
import {
  addDays,
  addWorkingDays,
  createWorkingCalendar,
  dayNumber,
  dayOfWeek,
  dueAt,
  endOfShanghaiDay,
  exceptionOn,
  fromDayNumber,
  fromDbDate,
  isIsoDate,
  isWeekend,
  isWorkingDay,
  nextWorkingDay,
  shanghaiDate,
  startOfShanghaiDay,
  toDbDate,
  workingDaysBetween,
  type CalendarException,
  type IsoDate,
  type WorkingCalendar,
} from "@/lib/calendar/working-days";
import { CalendarYearInput, RemoveCalendarDayInput, SetCalendarDayInput } from "@/lib/calendar/schemas";

const official = exceptionsFromOfficialSchedule(officialJson);
const cal = createWorkingCalendar(official);

// What an administrator would enter once the 2027 notice appears. Hypothetical dates: the real
// notice is not in our data (DOMAIN.md §3).
const admin2027: CalendarException[] = [
  { date: "2027-01-01", kind: "HOLIDAY" },
  ...["06", "07", "08", "09", "10", "11", "12"].map((d) => ({ date: `2027-02-${d}`, kind: "HOLIDAY" as const })),
  { date: "2027-01-31", kind: "WORKDAY" },
  { date: "2027-02-20", kind: "WORKDAY" },
];
const cal2027 = createWorkingCalendar([...official, ...admin2027]);

/** The obvious day-by-day definition, to check the fast one against. */
function referenceAdd(c: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  let d = date;
  if (n === 0) {
    if (isWorkingDay(c, d)) return d;
    n = 1;
  }
  while (n > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(c, d)) n--;
  }
  return d;
}

function everyDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe("calendar dates", () => {
  it("accepts only real dates spelled YYYY-MM-DD", () => {
    expect(isIsoDate("2026-02-13")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2100-02-29")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-2-13")).toBe(false);
    expect(isIsoDate("2026-02-13T00:00:00Z")).toBe(false);
    expect(isIsoDate(20260213)).toBe(false);
    expect(() => dayNumber("2026-02-30")).toThrow(RangeError);
  });

  it("numbers days like Date.UTC across leap years and centuries", () => {
    for (let n = dayNumber("1899-12-25"); n <= dayNumber("2101-01-05"); n += 13) {
      const iso = fromDayNumber(n);
      expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
      expect(dayNumber(iso)).toBe(n);
    }
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(fromDayNumber(-1)).toBe("1969-12-31");
  });

  it("steps calendar days over month, leap-day and year ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek("2026-02-13")).toBe(5);
    expect(dayOfWeek("2026-02-14")).toBe(6);
    expect(dayOfWeek("2026-09-20")).toBe(0);
    expect(isWeekend("2026-02-14")).toBe(true);
    expect(isWeekend("2026-02-13")).toBe(false);
  });

  it("round-trips Prisma @db.Date values (UTC midnight)", () => {
    expect(toDbDate("2027-02-06").toISOString()).toBe("2027-02-06T00:00:00.000Z");
    expect(fromDbDate(new Date("2027-02-06T00:00:00.000Z"))).toBe("2027-02-06");
  });
});

describe("Shanghai time", () => {
  it("takes the date on a Shanghai wall calendar, whatever the server's zone", () => {
    expect(shanghaiDate(new Date("2026-09-30T15:59:59.999Z"))).toBe("2026-09-30");
    expect(shanghaiDate(new Date("2026-09-30T16:00:00.000Z"))).toBe("2026-10-01");
    expect(shanghaiDate(new Date("2026-09-30T17:00:00Z"))).toBe("2026-10-01");
    expect(shanghaiDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
    expect(() => shanghaiDate(new Date("nope"))).toThrow(RangeError);
  });

  it("gives the first and last instant of a Shanghai day", () => {
    expect(startOfShanghaiDay("2026-10-01").toISOString()).toBe("2026-09-30T16:00:00.000Z");
    expect(endOfShanghaiDay("2026-10-01").toISOString()).toBe("2026-10-01T15:59:59.999Z");
    expect(shanghaiDate(startOfShanghaiDay("2026-02-14"))).toBe("2026-02-14");
    expect(shanghaiDate(endOfShanghaiDay("2026-02-14"))).toBe("2026-02-14");
  });
});

describe("the official schedule file", () => {
  it("lists every festival day as HOLIDAY with its name, weekend days included", () => {
    expect(official.find((e) => e.date === "2026-02-15")).toEqual({ date: "2026-02-15", kind: "HOLIDAY", name: "春节" });
    expect(official.find((e) => e.date === "2026-10-03")).toEqual({ date: "2026-10-03", kind: "HOLIDAY", name: "国庆节" });
    expect(official.find((e) => e.date === "2025-10-08")?.name).toBe("国庆节、中秋节");
    expect(official.find((e) => e.date === "2026-02-14")).toEqual({ date: "2026-02-14", kind: "WORKDAY", name: MAKEUP_WORKDAY_NAME });
  });

  it("holds the 2025 and 2026 notices in full, sorted", () => {
    const count = (year: string, kind: string) => official.filter((e) => e.date.startsWith(year) && e.kind === kind).length;
    expect(count("2025", "HOLIDAY")).toBe(28);
    expect(count("2025", "WORKDAY")).toBe(5);
    expect(count("2026", "HOLIDAY")).toBe(33);
    expect(count("2026", "WORKDAY")).toBe(6);
    expect(official.map((e) => e.date)).toEqual([...official.map((e) => e.date)].sort());
  });

  it("yields 248 working days in each of 2025 and 2026", () => {
    expect(workingDaysBetween(cal, "2024-12-31", "2025-12-31")).toBe(248);
    expect(workingDaysBetween(cal, "2025-12-31", "2026-12-31")).toBe(248);
  });

  it("refuses a malformed file rather than move a deadline", () => {
    const year = (holidays: Record<string, string[]>, makeupWorkdays: string[]) => ({ years: { "2026": { holidays, makeupWorkdays } } });
    expect(() => exceptionsFromOfficialSchedule({})).toThrow(/years/);
    expect(() => exceptionsFromOfficialSchedule(year({ 春节: ["2026-02-30"] }, []))).toThrow(/2026-02-30/);
    expect(() => exceptionsFromOfficialSchedule(year({ 春节: ["2027-02-06"] }, []))).toThrow(/not in 2026/);
    expect(() => exceptionsFromOfficialSchedule(year({}, ["2026-02-13"]))).toThrow(/not a Saturday or Sunday/);
    expect(() => exceptionsFromOfficialSchedule(year({ 春节: ["2026-02-14"] }, ["2026-02-14"]))).toThrow(/twice/);
    expect(() => exceptionsFromOfficialSchedule(year({ 春节: "2026-02-14" as unknown as string[] }, []))).toThrow(/list/);
  });
});

describe("building a calendar", () => {
  it("refuses one date listed as both kinds", () => {
    expect(() =>
      createWorkingCalendar([
        { date: "2026-02-14", kind: "WORKDAY" },
        { date: "2026-02-14", kind: "HOLIDAY" },
      ]),
    ).toThrow(/both/);
  });

  it("lets a weekend holiday or a weekday make-up day change nothing", () => {
    const odd = createWorkingCalendar([
      { date: "2026-03-07", kind: "HOLIDAY" }, // Saturday
      { date: "2026-03-04", kind: "WORKDAY" }, // Wednesday
    ]);
    const plain = createWorkingCalendar([]);
    expect(isWorkingDay(odd, "2026-03-07")).toBe(false);
    expect(isWorkingDay(odd, "2026-03-04")).toBe(true);
    expect(exceptionOn(odd, "2026-03-07")).toBe("HOLIDAY");
    expect(exceptionOn(odd, "2026-03-09")).toBeNull();
    expect(workingDaysBetween(odd, "2026-03-01", "2026-03-31")).toBe(workingDaysBetween(plain, "2026-03-01", "2026-03-31"));
  });

  it("is Monday to Friday with no exceptions", () => {
    const plain = createWorkingCalendar([]);
    expect(addWorkingDays(plain, "2026-03-06", 1)).toBe("2026-03-09");
    expect(workingDaysBetween(plain, "2026-03-01", "2026-03-08")).toBe(5);
  });
});

describe("2026 Spring Festival", () => {
  it("rests 02-15..23 and works the make-up Saturdays 02-14 and 02-28", () => {
    for (const d of everyDay("2026-02-15", "2026-02-23")) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, "2026-02-14")).toBe(true);
    expect(isWorkingDay(cal, "2026-02-28")).toBe(true);
    expect(isWorkingDay(cal, "2026-02-13")).toBe(true);
    expect(isWorkingDay(cal, "2026-02-24")).toBe(true);
    expect(isWorkingDay(cal, "2026-03-01")).toBe(false);
    expect(isWorkingDay(cal, "2026-02-07")).toBe(false);
  });

  it("decides a legal-aid application received Fri 02-13 within 7 working days: by Mon 03-02", () => {
    // 02-14 (make-up Sat) 1, 02-24..27 2–5, 02-28 (make-up Sat) 6, 03-02 7
    expect(addWorkingDays(cal, "2026-02-13", 7)).toBe("2026-03-02");
    expect(workingDaysBetween(cal, "2026-02-13", "2026-03-02")).toBe(7);
  });

  it("assigns a lawyer approved on Fri 02-13 within 3 working days: by Wed 02-25", () => {
    expect(addWorkingDays(cal, "2026-02-13", 1)).toBe("2026-02-14");
    expect(addWorkingDays(cal, "2026-02-13", 3)).toBe("2026-02-25");
  });

  it("skips the whole festival from its make-up Saturday", () => {
    expect(nextWorkingDay(cal, "2026-02-14")).toBe("2026-02-24");
    expect(workingDaysBetween(cal, "2026-02-14", "2026-02-23")).toBe(0);
  });
});

describe("2026 National Day", () => {
  it("rests 10-01..07 and works Sun 09-20 and Sat 10-10", () => {
    for (const d of everyDay("2026-10-01", "2026-10-07")) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, "2026-09-20")).toBe(true);
    expect(isWorkingDay(cal, "2026-10-10")).toBe(true);
    expect(isWorkingDay(cal, "2026-10-11")).toBe(false);
    expect(isWorkingDay(cal, "2026-09-25")).toBe(false); // 中秋节, a Friday
  });

  it("counts the make-up Sunday before and the make-up Saturday after", () => {
    expect(addWorkingDays(cal, "2026-09-18", 1)).toBe("2026-09-20");
    expect(addWorkingDays(cal, "2026-09-18", 3)).toBe("2026-09-22");
    expect(addWorkingDays(cal, "2026-09-30", 1)).toBe("2026-10-08");
    expect(addWorkingDays(cal, "2026-09-30", 3)).toBe("2026-10-10");
    expect(addWorkingDays(cal, "2026-09-30", 7)).toBe("2026-10-15");
  });

  it("starts counting after a start day that is itself a holiday", () => {
    expect(addWorkingDays(cal, "2026-10-01", 7)).toBe("2026-10-15");
    expect(addWorkingDays(cal, "2026-10-03", 1)).toBe("2026-10-08");
  });
});

describe("2026 New Year and the 2025→2026 boundary", () => {
  it("rests 01-01..03 and works Sun 01-04", () => {
    for (const d of ["2026-01-01", "2026-01-02", "2026-01-03"]) expect(isWorkingDay(cal, d), d).toBe(false);
    expect(isWorkingDay(cal, "2026-01-04")).toBe(true);
    expect(isWorkingDay(cal, "2025-12-31")).toBe(true);
  });

  it("carries a deadline from the last day of 2025 into 2026", () => {
    expect(addWorkingDays(cal, "2025-12-30", 1)).toBe("2025-12-31");
    expect(addWorkingDays(cal, "2025-12-31", 1)).toBe("2026-01-04");
    expect(addWorkingDays(cal, "2025-12-31", 7)).toBe("2026-01-12");
    expect(workingDaysBetween(cal, "2025-12-31", "2026-01-04")).toBe(1);
    expect(workingDaysBetween(cal, "2025-12-26", "2026-01-05")).toBe(5);
  });

  it("counts backwards as a negative number", () => {
    expect(workingDaysBetween(cal, "2026-01-12", "2025-12-31")).toBe(-7);
    expect(workingDaysBetween(cal, "2026-03-02", "2026-02-13")).toBe(-7);
    expect(workingDaysBetween(cal, "2026-02-13", "2026-02-13")).toBe(0);
  });
});

describe("n = 0", () => {
  it("is the start day when it is a working day, else the next working day", () => {
    expect(addWorkingDays(cal, "2026-02-13", 0)).toBe("2026-02-13");
    expect(addWorkingDays(cal, "2026-02-14", 0)).toBe("2026-02-14"); // make-up Saturday
    expect(addWorkingDays(cal, "2026-02-15", 0)).toBe("2026-02-24");
    expect(addWorkingDays(cal, "2026-03-07", 0)).toBe("2026-03-09");
  });
});

describe("bad arguments", () => {
  it("refuses a negative, fractional or non-finite number of days, and a non-date", () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays(cal, "2026-02-13", n), String(n)).toThrow(RangeError);
    }
    expect(() => addWorkingDays(cal, "2026/02/13", 1)).toThrow(RangeError);
    expect(() => workingDaysBetween(cal, "2026-02-13", "2026-02-30")).toThrow(RangeError);
  });
});

describe("consistency over every day of 2025–2026", () => {
  const days = everyDay("2025-01-01", "2026-12-31");

  it("addWorkingDays and workingDaysBetween agree with each other and the day-by-day definition", () => {
    for (const d of days) {
      for (let n = 0; n <= 30; n++) {
        const due = addWorkingDays(cal, d, n);
        expect(isWorkingDay(cal, due), `${d}+${n}`).toBe(true);
        if (n === 0) {
          expect(due).toBe(isWorkingDay(cal, d) ? d : nextWorkingDay(cal, d));
          continue;
        }
        expect(workingDaysBetween(cal, d, due), `${d}+${n}`).toBe(n);
        expect(workingDaysBetween(cal, due, d), `${d}+${n}`).toBe(-n);
        // the first day reaching n, not merely some day
        expect(workingDaysBetween(cal, d, addDays(due, -1)), `${d}+${n}`).toBe(n - 1);
      }
      expect(addWorkingDays(cal, d, 30)).toBe(referenceAdd(cal, d, 30));
      expect(addWorkingDays(cal, d, 0)).toBe(referenceAdd(cal, d, 0));
    }
  });

  it("counts a span as the sum of its days", () => {
    let running = 0;
    for (const d of days.slice(1)) {
      running += isWorkingDay(cal, d) ? 1 : 0;
      expect(workingDaysBetween(cal, days[0], d), d).toBe(running);
    }
  });

  it("handles limits far larger than a year without walking day by day", () => {
    for (const n of [250, 1_000, 100_000]) {
      const due = addWorkingDays(cal, "2025-06-15", n);
      expect(workingDaysBetween(cal, "2025-06-15", due)).toBe(n);
      expect(isWorkingDay(cal, due)).toBe(true);
    }
    expect(addWorkingDays(cal, "2025-06-15", 1_000)).toBe(referenceAdd(cal, "2025-06-15", 1_000));
  });
});

describe("2027, from dates an administrator entered", () => {
  it("treats 2027 as an ordinary year until the administrator enters it", () => {
    expect(isWorkingDay(cal, "2027-02-08")).toBe(true);
    expect(isWorkingDay(cal, "2027-01-31")).toBe(false);
    expect(addWorkingDays(cal, "2026-12-31", 1)).toBe("2027-01-01");
  });

  it("rests the entered Spring Festival and works the entered make-up days", () => {
    for (const d of everyDay("2027-02-06", "2027-02-12")) expect(isWorkingDay(cal2027, d), d).toBe(false);
    expect(isWorkingDay(cal2027, "2027-01-31")).toBe(true); // Sunday
    expect(isWorkingDay(cal2027, "2027-02-20")).toBe(true); // Saturday
    expect(isWorkingDay(cal2027, "2027-01-01")).toBe(false);
  });

  it("runs a deadline from 2026-12-31 into the entered 2027 dates", () => {
    expect(addWorkingDays(cal2027, "2026-12-31", 1)).toBe("2027-01-04");
    expect(addWorkingDays(cal2027, "2026-12-31", 7)).toBe("2027-01-12");
    // January: 20 weekdays after 元旦, plus make-up Sun 01-31 = 21; Feb 1–5 = 26; after the festival 02-15..19 = 31
    expect(workingDaysBetween(cal2027, "2026-12-31", "2027-02-19")).toBe(31);
    expect(addWorkingDays(cal2027, "2026-12-31", 31)).toBe("2027-02-19");
  });

  it("counts 3- and 7-day limits around the entered festival", () => {
    expect(addWorkingDays(cal2027, "2027-01-29", 3)).toBe("2027-02-02");
    expect(addWorkingDays(cal2027, "2027-02-03", 7)).toBe("2027-02-19");
    expect(addWorkingDays(cal2027, "2027-02-05", 7)).toBe("2027-02-22");
  });

  it("stays consistent with the day-by-day definition across the boundary", () => {
    for (const d of everyDay("2026-11-01", "2027-03-31")) {
      for (const n of [1, 3, 7, 15]) {
        const due = addWorkingDays(cal2027, d, n);
        expect(due, `${d}+${n}`).toBe(referenceAdd(cal2027, d, n));
        expect(workingDaysBetween(cal2027, d, due)).toBe(n);
      }
    }
  });
});

describe("dueAt", () => {
  it("starts from the Shanghai date: 2026-09-30T17:00Z is already National Day", () => {
    const due = dueAt(cal, new Date("2026-09-30T17:00:00Z"), 7);
    expect(due.toISOString()).toBe("2026-10-15T15:59:59.999Z");
    expect(shanghaiDate(due)).toBe("2026-10-15");
  });

  it("moves with the Shanghai midnight, not the UTC one", () => {
    // 09-29 23:00 Shanghai (a Tuesday) vs 09-30 01:00 Shanghai
    expect(dueAt(cal, new Date("2026-09-29T15:00:00Z"), 1).toISOString()).toBe("2026-09-30T15:59:59.999Z");
    expect(dueAt(cal, new Date("2026-09-29T17:00:00Z"), 1).toISOString()).toBe("2026-10-08T15:59:59.999Z");
  });

  it("gives the end of the 7th working day for an application on Fri 2026-02-13 at 10:00", () => {
    expect(dueAt(cal, new Date("2026-02-13T02:00:00Z"), 7).toISOString()).toBe("2026-03-02T15:59:59.999Z");
  });

  it("gives the end of the next working day for n = 0 on a rest day", () => {
    expect(dueAt(cal, new Date("2026-03-07T04:00:00Z"), 0).toISOString()).toBe("2026-03-09T15:59:59.999Z");
    expect(dueAt(cal, new Date("2026-03-06T04:00:00Z"), 0).toISOString()).toBe("2026-03-06T15:59:59.999Z");
  });
});

describe("administrator input", () => {
  const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("accepts a date, a kind and a trimmed name", () => {
    expect(SetCalendarDayInput.parse({ date: " 2027-02-06 ", kind: "HOLIDAY", name: " 春节 " })).toEqual({
      date: "2027-02-06",
      kind: "HOLIDAY",
      name: "春节",
    });
  });

  it("explains each mistake in Chinese, once per field", () => {
    const bad = SetCalendarDayInput.safeParse({ date: "2027-02-30", kind: "OTHER", name: "" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues).toHaveLength(3);
    expect(errorsOf(bad)).toEqual({ date: "日期不存在，请核对月份和日", kind: "请选择放假或调休上班", name: "请填写名称" });
    expect(errorsOf(SetCalendarDayInput.safeParse({ date: "2027/2/6", kind: "HOLIDAY", name: "春节" })).date).toMatch(/格式/);
    expect(errorsOf(SetCalendarDayInput.safeParse({ kind: "HOLIDAY", name: "春节" })).date).toBe("请填写日期");
    expect(errorsOf(SetCalendarDayInput.safeParse({ date: "1927-02-06", kind: "HOLIDAY", name: "春节" })).date).toMatch(/年份/);
    expect(errorsOf(SetCalendarDayInput.safeParse({ date: "2027-02-06", kind: "HOLIDAY", name: "春".repeat(41) })).name).toBe(
      "名称不能超过 40 个字",
    );
  });

  it("parses a date to remove and a year to list", () => {
    expect(RemoveCalendarDayInput.parse({ date: "2027-01-31" })).toEqual({ date: "2027-01-31" });
    expect(CalendarYearInput.parse({ year: "2027" })).toEqual({ year: 2027 });
    expect(CalendarYearInput.safeParse({ year: "二〇二七" }).success).toBe(false);
    expect(CalendarYearInput.safeParse({ year: 1999 }).success).toBe(false);
  });
});
