import { defineUseCase } from "@/lib/api/use-case";
import { notFound, ruleViolation } from "@/lib/errors";
import { requireCityWideAdmin } from "@/lib/auth/scope";
import { dayOfWeek, fromDbDate, isWeekend, toDbDate } from "@/lib/calendar/working-days";
import {
  CalendarYearInput,
  RemoveCalendarDayInput,
  SetCalendarDayInput,
  type CalendarDayItem,
} from "@/lib/calendar/schemas";

// Administrators keep the calendar: the State Council publishes each year's holidays and make-up
// days (调休) in a notice, usually in November, and someone has to enter it before deadlines in
// the new year can be trusted.

const WEEKDAY_LABELS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

/** Marks one date as a holiday or a make-up working day, replacing what was there. */
export const setCalendarDay = defineUseCase({
  name: "calendar.setDay",
  permission: "calendar.manage",
  input: SetCalendarDayInput,
  write: true,
  target: (input) => ({ type: "CalendarDay", id: input.date }),
  run: async ({ input, db, actor }): Promise<CalendarDayItem> => {
    requireCityWideAdmin(actor);
    // A make-up day on a weekday would change nothing and almost always means a mistyped date.
    // Holidays may fall on any day: the weekend days of a festival period are listed too.
    if (input.kind === "WORKDAY" && !isWeekend(input.date)) {
      throw ruleViolation(
        `调休上班日只能设在星期六或星期日，${input.date} 是${WEEKDAY_LABELS[dayOfWeek(input.date)]}`,
        "date",
      );
    }
    const date = toDbDate(input.date);
    const row = await db.calendarDay.upsert({
      where: { date },
      create: { date, kind: input.kind, name: input.name },
      update: { kind: input.kind, name: input.name },
      select: { date: true, kind: true, name: true },
    });
    return { date: fromDbDate(row.date), kind: row.kind, name: row.name };
  },
});

/** Returns a date to the ordinary Monday–Friday rule. */
export const removeCalendarDay = defineUseCase({
  name: "calendar.removeDay",
  permission: "calendar.manage",
  input: RemoveCalendarDayInput,
  write: true,
  target: (input) => ({ type: "CalendarDay", id: input.date }),
  run: async ({ input, db, actor }): Promise<{ date: string }> => {
    requireCityWideAdmin(actor);
    const { count } = await db.calendarDay.deleteMany({ where: { date: toDbDate(input.date) } });
    if (count === 0) throw notFound(`${input.date} 的节假日设置`);
    return { date: input.date };
  },
});

/** One year's holidays and make-up days, in date order. */
export const listCalendarYear = defineUseCase({
  name: "calendar.listYear",
  permission: "calendar.manage",
  input: CalendarYearInput,
  write: false,
  run: async ({ input, db }): Promise<CalendarDayItem[]> => {
    const rows = await db.calendarDay.findMany({
      where: { date: { gte: toDbDate(`${input.year}-01-01`), lt: toDbDate(`${input.year + 1}-01-01`) } },
      select: { date: true, kind: true, name: true },
      orderBy: { date: "asc" },
    });
    return rows.map((r) => ({ date: fromDbDate(r.date), kind: r.kind, name: r.name }));
  },
});
