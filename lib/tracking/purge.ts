import type { Tx } from "@/lib/db";

// Look-up codes live 10 minutes; a day later nothing can use them, so the rows go (job
// "progress.purgeCodes"). Audit events keep the record of each request.
export async function purgeLookupCodes(db: Tx, now: Date): Promise<{ deleted: number }> {
  const { count } = await db.progressLookupCode.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return { deleted: count };
}
