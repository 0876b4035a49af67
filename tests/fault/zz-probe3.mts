import { startServer, databaseUrl } from "@/scripts/database";
import { startApp, sleep } from "./helpers";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";
const server = await startServer({ folder: "pg-fault", port: 54341, embedded: true });
const url = databaseUrl(server, "portal_fault");
const { JOBS_DISABLED: _j, DATABASE_URL: _d, ...inherited } = process.env;
const app = await startApp({ ...inherited, NODE_ENV: "production", DATABASE_URL: url, AUTH_SECRET: "fault-secret-fault-secret-fault-secret", DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), AUTH_TRUST_HOST: "true", NEXT_DIST_DIR: ".next-fault", LOG_LEVEL: "error", NODE_OPTIONS: "--require /tmp/faultprobe/trace.cjs", JOBS_CRON_MONITOR_SECONDS: "2" }, 3302);
let stop = false; let n = 0; const counts: Record<string, number> = {};
const loops = Array.from({ length: 16 }, async () => {
  while (!stop) {
    const k = `p3-${Date.now()}-${n++}`;
    const r = await fetch(`${app.baseUrl}/api/v1/work-orders`, { method: "POST", headers: { authorization: `Bearer ${DEMO_API_TOKEN}`, "idempotency-key": k, "content-type": "application/json" }, body: JSON.stringify({ channel: "HOTLINE_12348", type: "CONSULTATION", regionCode: "369901001001", requester: { name: "探针", phone: "13900000000" }, subject: k, description: "x" }) }).then((r) => String(r.status), (e) => "net:" + String(e.cause ?? e));
    counts[r] = (counts[r] ?? 0) + 1;
  }
});
await sleep(3000);
await server.down!(); await sleep(2000); await server.up!();
await sleep(4000);
stop = true; await Promise.all(loops);
console.log(counts);
await app.stop(); await server.stop();
console.log(app.logTail(400).split("\n").filter((l) => !l.startsWith("{")).join("\n"));
