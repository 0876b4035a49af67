import { spawn } from "node:child_process";
import { APP_EMBEDDED, bin, buildIfNeeded, databaseUrl, ensureDatabase, localSecrets, migrate, root, seed, startServer } from "./database";

// `npm start`: PostgreSQL (DATABASE_URL, or embedded in .data/pg) → migrate → seed an empty database
// → build if the code changed → serve on PORT (3000). Ctrl-C stops the server and the database.

const port = process.env.PORT ?? "3000";
const server = await startServer(APP_EMBEDDED);
let child: ReturnType<typeof spawn> | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
  }
  await server.stop();
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void shutdown(0));

try {
  let url = process.env.DATABASE_URL;
  if (!url) {
    await ensureDatabase(server, "portal");
    url = databaseUrl(server, "portal");
  }
  const env = { ...process.env, ...localSecrets(), DATABASE_URL: url, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" };
  migrate(url);
  seed(env);
  buildIfNeeded(env);
  console.log(`\n云岭市公共法律服务网： http://localhost:${port}  （Ctrl-C 停止）\n`);
  // Next exits on SIGTERM without waiting for a running job; that is safe: a job's work is
  // transactional (rolled back) and pg-boss retries it after expiry (docs/decisions/004).
  child = spawn(bin("next"), ["start", "-p", port], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
  child.on("exit", (code) => void shutdown(code ?? 0));
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  await shutdown(1);
}
