// Next's start-up hook: runs once when a server process starts. The Node.js server starts the
// background jobs (lib/jobs/boss.ts); the edge runtime and `next build` do not.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { startJobs } = await import("@/lib/jobs/boss");
    const { logger } = await import("@/lib/logger");
    try {
      await startJobs();
    } catch (err) {
      // Pages keep working without the job runner (messages wait in the outbox), so the server
      // still starts; this line is what an operator must alert on.
      logger.error({ err }, "background jobs NOT running: pg-boss failed to start");
    }
  }
}
