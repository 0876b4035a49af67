"use server";

import { serverAction } from "@/lib/api/action";
import { removeCalendarDay, setCalendarDay } from "@/lib/calendar/manage-calendar";

const revalidate = ["/admin/calendar", "/admin"];

export const setCalendarDayAction = serverAction(setCalendarDay, { revalidate });
export const removeCalendarDayAction = serverAction(removeCalendarDay, { revalidate });
