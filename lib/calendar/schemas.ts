import { z } from "zod";
import { CalendarDayKind } from "@/lib/generated/prisma/enums";
import { requiredText } from "@/lib/validation";
import { isIsoDate } from "@/lib/calendar/working-days";

// Years an administrator may edit or list: a guard against typos such as "0226-02-14", which
// would be a real date and silently never matter.
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

const calendarDate = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "请填写日期" })
    .min(1, { error: "请填写日期", abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式应为“年-月-日”，如 2027-02-06", abort: true })
    .refine(isIsoDate, { error: "日期不存在，请核对月份和日", abort: true })
    .refine((d) => {
      const year = Number(d.slice(0, 4));
      return year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
    }, `年份应在 ${CALENDAR_MIN_YEAR} 至 ${CALENDAR_MAX_YEAR} 之间`),
);

export const SetCalendarDayInput = z.object({
  date: calendarDate,
  kind: z.enum(CalendarDayKind, { error: "请选择放假或调休上班" }),
  name: requiredText(40, "名称"),
});
export type SetCalendarDayInput = z.output<typeof SetCalendarDayInput>;

export const RemoveCalendarDayInput = z.object({ date: calendarDate });
export type RemoveCalendarDayInput = z.output<typeof RemoveCalendarDayInput>;

export const CalendarYearInput = z.object({
  year: z.coerce
    .number({ error: "年份必须是数字" })
    .int("年份必须是整数")
    .min(CALENDAR_MIN_YEAR, `年份应在 ${CALENDAR_MIN_YEAR} 至 ${CALENDAR_MAX_YEAR} 之间`)
    .max(CALENDAR_MAX_YEAR, `年份应在 ${CALENDAR_MIN_YEAR} 至 ${CALENDAR_MAX_YEAR} 之间`),
});
export type CalendarYearInput = z.output<typeof CalendarYearInput>;

export const CalendarDayItem = z.object({
  date: z.string(),
  kind: z.enum(CalendarDayKind),
  name: z.string(),
});
export type CalendarDayItem = z.output<typeof CalendarDayItem>;

export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = {
  HOLIDAY: "放假",
  WORKDAY: "调休上班",
};
