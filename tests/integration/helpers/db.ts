import { db } from "@/lib/db";

// Reference data the migrations insert (routing and time-limit defaults) survives a reset.
const KEPT = ["_prisma_migrations", "WorkOrderTypeRule", "LegalAidRule"];

/** Empties every application table (fast, keeps the schema and reference data). Call in beforeEach. */
export async function resetDatabase() {
  const rows = await db.$queryRaw<{ tablename: string }[]>`
    select tablename from pg_tables where schemaname = 'public' and tablename <> ALL(${KEPT})`;
  if (rows.length) {
    await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  }
}

export { db };
