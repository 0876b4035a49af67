import type { DeadlineUnit } from "@/lib/generated/prisma/enums";
import {
  addDays, addWorkingDays, dayNumber, dueAt as workingDueAt, endOfShanghaiDay, shanghaiDate, workingDaysBetween, type WorkingCalendar,
} from "@/lib/calendar/working-days";

// 限时办结: when a work order is due, and how a pause (waiting on the requester) moves that time.
// Pure functions over the working-day calendar, unit-tested across holidays and make-up days.

export type TimeLimit = { limitValue: number; limitUnit: DeadlineUnit };

const HOUR = 3_600_000;

/**
 * Day limits end at the close of the n-th (working or natural) day after receipt — the day of
 * receipt does not count; hour limits run from the instant of receipt.
 */
export function computeDueAt(cal: WorkingCalendar, receivedAt: Date, limit: TimeLimit): Date {
  switch (limit.limitUnit) {
    case "HOURS":
      return new Date(receivedAt.getTime() + limit.limitValue * HOUR);
    case "CALENDAR_DAYS":
      return endOfShanghaiDay(addDays(shanghaiDate(receivedAt), limit.limitValue));
    default:
      return workingDueAt(cal, receivedAt, limit.limitValue);
  }
}

/**
 * The due time after a pause from `pausedAt` to `resumedAt`. Working-day limits move by the working
 * days the pause covered (a pause within one day moves nothing; one over a weekend moves only by
 * working days), natural-day limits by the days it covered, hour limits by the elapsed time.
 */
export function extendForPause(cal: WorkingCalendar, due: Date, pausedAt: Date, resumedAt: Date, unit: DeadlineUnit): Date {
  if (resumedAt <= pausedAt) return due;
  if (unit === "HOURS") return new Date(due.getTime() + (resumedAt.getTime() - pausedAt.getTime()));
  if (unit === "CALENDAR_DAYS") {
    const days = dayNumber(shanghaiDate(resumedAt)) - dayNumber(shanghaiDate(pausedAt));
    return days > 0 ? endOfShanghaiDay(addDays(shanghaiDate(due), days)) : due;
  }
  const days = workingDaysBetween(cal, shanghaiDate(pausedAt), shanghaiDate(resumedAt));
  return days > 0 ? endOfShanghaiDay(addWorkingDays(cal, shanghaiDate(due), days)) : due;
}

export type DueState = "overdue" | "soon" | "ok";

export function dueState(due: Date, now: Date, dueSoonHours: number): DueState {
  if (due.getTime() < now.getTime()) return "overdue";
  return due.getTime() - now.getTime() <= dueSoonHours * HOUR ? "soon" : "ok";
}
