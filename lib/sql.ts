import { Prisma } from "@/lib/generated/prisma/client";

// Small helpers for the hand-written statements of the hot paths (issue 10, decision 018).

/** A JS Date as a `timestamp` column holds it (UTC, as Prisma stores it), or NULL. */
export function sqlInstant(d: Date | null | undefined): Prisma.Sql {
  return d ? Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')` : Prisma.sql`NULL::timestamp`;
}

/**
 * `INSERT INTO "table" (columns…) SELECT values… FROM source`: one row per row of the CTE `source`,
 * each value an SQL expression (parameters, or columns of `source`).
 */
export function insertSelectSql(table: string, values: Record<string, Prisma.Sql>, source: string): Prisma.Sql {
  const columns = Object.keys(values);
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(columns.map((c) => `"${c}"`).join(", "))})
    SELECT ${Prisma.join(columns.map((c) => values[c]))} FROM ${Prisma.raw(source)}`;
}

/** Text for LIKE that matches literally: `\`, `%` and `_` escaped (LIKE's default escape is `\`). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
