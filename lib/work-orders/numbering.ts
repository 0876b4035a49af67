import { Prisma } from "@/lib/generated/prisma/client";
import { shanghaiDate } from "@/lib/calendar/working-days";

/**
 * 工单编号: the county code of the matter's region + the Shanghai date of intake + a number from the
 * `work_order_number` sequence, e.g. 369901-20261122-0000017. A sequence never hands out a number
 * twice (a rolled-back intake's number is skipped, not reused) and, unlike a counter row, never
 * makes concurrent intakes wait on each other. An SQL expression, so that the statement inserting
 * the order draws its number itself (one round trip, not two).
 */
export function workOrderNumberSql(regionCode: string, now: Date): Prisma.Sql {
  const prefix = `${regionCode.slice(0, 6)}-${shanghaiDate(now).replaceAll("-", "")}-`;
  return Prisma.sql`(${prefix} || lpad(nextval('work_order_number')::text, 7, '0'))`;
}
