import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

// `npm run db:backup` / `npm run db:restore <file>`: PostgreSQL's own tools (pg_dump custom format,
// pg_restore), so a backup is restorable without this application. A backup is written under a
// temporary name and renamed when pg_dump succeeded, with a sha256 beside it, so a half-written or
// altered file is never restored. The connection's password goes in the environment, not argv,
// where every local user could read it.

const run = promisify(execFile);

/** PG* variables for the tools, from a connection URL. */
function toolEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username || "postgres"),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
}

/** The tool's directory: PG_BIN if set, else PATH. */
const tool = (name: string) => (process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name);

export async function toolMajor(name: "pg_dump" | "pg_restore"): Promise<number> {
  let out: string;
  try {
    out = (await run(tool(name), ["--version"])).stdout;
  } catch {
    throw new Error(`找不到 ${name}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client），或用 PG_BIN 指定其目录`);
  }
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(out);
  if (!m) throw new Error(`无法识别 ${name} 的版本：${out.trim()}`);
  return Number(m[1]);
}

export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0].v) / 10000);
  } finally {
    await client.end();
  }
}

/** pg_dump refuses a newer server; say so before it starts, with what to do. */
async function checkVersions(name: "pg_dump" | "pg_restore", url: string) {
  const [t, s] = await Promise.all([toolMajor(name), serverMajor(url)]);
  if (t < s) throw new Error(`${name} 版本 ${t} 低于数据库服务器版本 ${s}：请安装 ${s} 或更高版本的客户端工具（PG_BIN 指定目录）`);
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** 20261203-201530 in Asia/Shanghai: the bureau's own clock names the file. */
function stamp(now: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
}

export type Backup = { file: string; bytes: number; sha256: string };

export async function backupDatabase(opts: { url: string; dir: string; now?: Date }): Promise<Backup> {
  await checkVersions("pg_dump", opts.url);
  fs.mkdirSync(opts.dir, { recursive: true });
  const name = decodeURIComponent(new URL(opts.url).pathname.slice(1)) || "postgres";
  const file = path.join(opts.dir, `${name}-${stamp(opts.now ?? new Date())}.dump`);
  if (fs.existsSync(file)) throw new Error(`备份文件已存在：${file}`);
  const partial = `${file}.partial`;
  try {
    // --no-owner/--no-privileges: restorable into a server whose role names differ.
    await run(tool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], { env: toolEnv(opts.url), maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new Error(`pg_dump 失败：${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
  }
  fs.renameSync(partial, file);
  const sha256 = await sha256File(file);
  fs.writeFileSync(`${file}.sha256`, `${sha256}  ${path.basename(file)}\n`);
  return { file, bytes: fs.statSync(file).size, sha256 };
}

/** Tables in the target's public schema: a restore over live data must be asked for. */
async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'");
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

export async function restoreDatabase(opts: { file: string; url: string; replace?: boolean }): Promise<void> {
  if (!fs.existsSync(opts.file)) throw new Error(`找不到备份文件：${opts.file}`);
  const sidecar = `${opts.file}.sha256`;
  if (fs.existsSync(sidecar)) {
    const expected = fs.readFileSync(sidecar, "utf8").split(/\s+/)[0];
    if ((await sha256File(opts.file)) !== expected) throw new Error(`备份文件校验失败（sha256 不符）：${opts.file}`);
  }
  await checkVersions("pg_restore", opts.url);
  if (!opts.replace && (await tableCount(opts.url)) > 0) {
    throw new Error("目标数据库已有数据：确认要用备份覆盖时加 --replace");
  }
  try {
    // One transaction: a failed restore leaves the target as it was.
    await run(tool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", toolEnv(opts.url).PGDATABASE!, opts.file], {
      env: toolEnv(opts.url),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`pg_restore 失败：${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
  }
}
