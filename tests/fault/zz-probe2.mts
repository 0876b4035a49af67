import pg from "pg";
import util from "node:util";
import { startServer, databaseUrl, ensureDatabase, migrate } from "@/scripts/database";

const origEmit = pg.Client.prototype.emit;
pg.Client.prototype.emit = function (this: any, event: string, ...args: any[]) {
  if (event === "error" && this.listenerCount("error") === 0) {
    console.log("!!! UNHANDLED client error", (args[0] as Error)?.message, "app:", this.connectionParameters?.application_name, "\n", new Error("emit site").stack);
  }
  return origEmit.call(this, event, ...args);
} as any;
process.on("uncaughtException", (e) => console.log("UNCAUGHT", (e as Error).message));
process.on("unhandledRejection", (e) => console.log("UNHANDLED REJECTION", (e as Error)?.message, (e as Error)?.stack));

const server = await startServer({ folder: "pg-fault", port: 54341, embedded: true });
await ensureDatabase(server, "probe2", { fresh: true });
const url = databaseUrl(server, "probe2");
migrate(url);
process.env.DATABASE_URL = url;
process.env.JOBS_CRON_MONITOR_SECONDS = "1";
process.env.LOG_LEVEL = "warn";
delete process.env.JOBS_DISABLED;
const { db } = await import("@/lib/db");
const { startJobs, stopJobs } = await import("@/lib/jobs/boss");
await startJobs({ stopOnSignals: false });
let stop = false;
const loops = Array.from({ length: 8 }, async (_, i) => {
  while (!stop) {
    try {
      if (i % 2) await db.$transaction(async (tx) => { await tx.region.findMany({ take: 1 }); await tx.$queryRaw`SELECT pg_sleep(0.05)`; await tx.organization.findMany({ take: 1 }); }, { maxWait: 5000 });
      else await db.region.findMany({ take: 1 });
    } catch (e) { await new Promise((r) => setTimeout(r, 50)); }
  }
});
await new Promise((r) => setTimeout(r, 3000));
console.log("DOWN"); await server.down!();
await new Promise((r) => setTimeout(r, 2000));
console.log("UP"); await server.up!();
await new Promise((r) => setTimeout(r, 4000));
stop = true; await Promise.all(loops);
await stopJobs();
await db.$disconnect();
await server.stop();
console.log("done");
