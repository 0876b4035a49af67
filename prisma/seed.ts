import { db } from "@/lib/db";
import { formatSeedSummary, seedDemoCity } from "@/lib/seed/seed-demo-city";

// `tsx prisma/seed.ts` (also `prisma db seed`): seeds the demo city 云岭市 into an empty database.
// tsx resolves the "@/" alias through tsconfig paths. Needs DATABASE_URL and DATA_ENCRYPTION_KEY.

const started = performance.now();
try {
  const regions = await db.region.count();
  if (regions > 0) {
    console.log(`already seeded (${regions} regions); nothing to do`);
  } else {
    const summary = await seedDemoCity(db);
    console.log(formatSeedSummary(summary));
    console.log(`seeded the demo city in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
