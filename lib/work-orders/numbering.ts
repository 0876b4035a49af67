import type { Tx } from "@/lib/db";
import { shanghaiDate } from "@/lib/calendar/working-days";

/**
 * 工单编号: the county code of the matter's region + the Shanghai date of intake + a number from the
 * `work_order_number` sequence, e.g. 369901-20261122-0000017. A sequence never hands out a number
 * twice (a rolled-back intake's number is skipped, not reused) and, unlike a counter row, never
 * makes concurrent intakes wait on each other.
 */
export async function nextWorkOrderNumber(db: Tx, regionCode: string, now: Date): Promise<string> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`SELECT nextval('work_order_number') AS n`;
  return `${regionCode.slice(0, 6)}-${shanghaiDate(now).replaceAll("-", "")}-${String(row.n).padStart(7, "0")}`;
}
