import type { Tx } from "@/lib/db";
import { cachedReference } from "@/lib/system/reference-cache";
import { createWorkingCalendar, fromDbDate, type WorkingCalendar } from "@/lib/calendar/working-days";

/**
 * The working calendar as administrators have set it. Reads every row: there are a few dozen a
 * year, and a deadline may run across a year boundary, so filtering by year would be wrong.
 * Kept in memory between changes (lib/system/reference-cache.ts).
 */
export async function loadWorkingCalendar(db: Tx): Promise<WorkingCalendar> {
  return cachedReference("calendar", async () => {
    const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
    return createWorkingCalendar(rows.map((r) => ({ date: fromDbDate(r.date), kind: r.kind })));
  });
}
