import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/lib/system/backup";
import { testDatabaseUrl } from "./helpers/database-url";

// db:backup → db:restore round trip on a seeded demo city, in two databases of their own beside the
// test database: every table's row count and content checksum, every sequence and every trigger
// must come back equal, and the restored audit trail must still refuse changes.

const root = path.resolve(import.meta.dirname, "../..");
const urlOf = (name: string) => testDatabaseUrl().replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
const SOURCE = urlOf("portal_backup_source");
const TARGET = urlOf("portal_backup_target");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function recreate(url: string) {
  const name = new URL(url).pathname.slice(1);
  await sql(urlOf("postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await sql(urlOf("postgres"), `CREATE DATABASE "${name}"`);
}

/** table → "rows:md5 of every row's text, in order" */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await sql<{ t: string }>(url, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await sql<{ n: string; h: string }>(url, `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${t}" x`);
    out[t] = `${row.n}:${row.h}`;
  }
  const sequences = await sql<{ s: string; v: string | null }>(url, "SELECT sequencename AS s, last_value::text AS v FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
  for (const { s, v } of sequences) out[`sequence ${s}`] = String(v);
  const triggers = await sql<{ t: string }>(url, "SELECT tgrelid::regclass || '.' || tgname AS t FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1");
  out.triggers = triggers.map((r) => r.t).join(",");
  return out;
}

describe("db:backup and db:restore", () => {
  beforeAll(async () => {
    await recreate(SOURCE);
    await recreate(TARGET);
    const env = { ...process.env, DATABASE_URL: SOURCE };
    execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "pipe" });
    execFileSync(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { cwd: root, env, stdio: "pipe" });
  }, 180_000);

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await sql(urlOf("postgres"), `DROP DATABASE IF EXISTS "portal_backup_source" WITH (FORCE)`);
    await sql(urlOf("postgres"), `DROP DATABASE IF EXISTS "portal_backup_target" WITH (FORCE)`);
  });

  it("round-trips a seeded database: counts, checksums, sequences and triggers equal", async () => {
    await sql(SOURCE, `INSERT INTO "AuditEvent" (action, result, detail) VALUES ('backup.probe', 'SUCCESS', '{"n": 1}')`);
    const before = await fingerprint(SOURCE);
    for (const table of ["Region", "Organization", "User", "LawyerProfile", "CalendarDay"]) {
      expect(Number(before[table].split(":")[0]), table).toBeGreaterThan(0);
    }

    const backup = await backupDatabase({ url: SOURCE, dir, now: new Date("2026-12-03T12:15:30Z") });
    expect(path.basename(backup.file)).toBe("portal_backup_source-20261203-201530.dump");
    expect(fs.readFileSync(`${backup.file}.sha256`, "utf8")).toContain(backup.sha256);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".partial"))).toEqual([]);

    await restoreDatabase({ file: backup.file, url: TARGET });
    expect(await fingerprint(TARGET)).toEqual(before);

    // The restored audit trail is still append-only.
    await expect(sql(TARGET, `UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    // And the sequences continue: the next id is past every restored one.
    const [ids] = await sql<{ next: string; max: string }>(TARGET, `SELECT nextval(pg_get_serial_sequence('"User"', 'id')) AS next, (SELECT max(id) FROM "User") AS max`);
    expect(Number(ids.next)).toBeGreaterThan(Number(ids.max));
  }, 180_000);

  it("refuses an altered file and a restore over data without --replace", async () => {
    const backup = await backupDatabase({ url: SOURCE, dir, now: new Date("2026-12-03T12:16:00Z") });
    await expect(restoreDatabase({ file: backup.file, url: TARGET })).rejects.toThrow(/已有数据.*--replace/);

    const tampered = path.join(dir, "tampered.dump");
    fs.copyFileSync(backup.file, tampered);
    fs.copyFileSync(`${backup.file}.sha256`, `${tampered}.sha256`);
    const fd = fs.openSync(tampered, "r+");
    fs.writeSync(fd, Buffer.from("XX"), 0, 2, 100);
    fs.closeSync(fd);
    await expect(restoreDatabase({ file: tampered, url: TARGET, replace: true })).rejects.toThrow(/校验失败/);

    // --replace over the restored copy works and leaves it equal again.
    await restoreDatabase({ file: backup.file, url: TARGET, replace: true });
    expect(await fingerprint(TARGET)).toEqual(await fingerprint(SOURCE));
  }, 180_000);
});
