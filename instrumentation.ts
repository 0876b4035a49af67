// Next's start-up hook: runs once when a server process starts. The Node.js server starts the
// reference-data listener (lib/system/reference-cache.ts) and the background jobs
// (lib/jobs/boss.ts); the edge runtime and `next build` do not.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { startJobs } = await import("@/lib/jobs/boss");
    const { logger } = await import("@/lib/logger");
    const { startReferenceCache } = await import("@/lib/system/reference-cache");
    // Never throws: until it listens, reference data is read from the database as before.
    await startReferenceCache();
    try {
      await startJobs();
    } catch (err) {
      // Pages keep working without the job runner (messages wait in the outbox), so the server
      // still starts; this line is what an operator must alert on.
      logger.error({ err }, "background jobs NOT running: pg-boss failed to start");
    }
  }
}
