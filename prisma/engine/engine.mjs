// Prisma's schema engine (migrations) as Wasm, driven through the pg driver adapter: no native
// schema-engine binary, nothing downloaded. Shared by migrate.mjs and schema-engine-shim.mjs.
// Pin @prisma/schema-engine-wasm to the exact @prisma/engines-version of the installed prisma
// (prisma 7.10.0 -> 7.10.0-4.0edf323efd1d98336f3f0a68684b56f689b900d3).
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse as parsePgUrl } from "pg-connection-string";
import * as wasmRuntime from "@prisma/schema-engine-wasm/schema_engine_bg";

// Four workarounds, all seen with prisma 7.10.0 + @prisma/adapter-pg 7.10.0 + pg 8.23.1 + Postgres 15:
// (a) The engine's Postgres describer reads catalog columns of type "char" (OID 18), which adapter-pg
//     rejects ("Column type 'char' could not be deserialized from the database"): report them as text.
//     The column indexes are remembered on the rows array so that (e) can type them as Character.
const charAsText = (res) => {
  for (const r of Array.isArray(res) ? res : [res]) {
    const charCols = [];
    r?.fields?.forEach((f, i) => { if (f.dataTypeID === 18) { f.dataTypeID = 25; charCols.push(i); } });
    if (charCols.length && Array.isArray(r.rows)) Object.defineProperty(r.rows, "charCols", { value: charCols });
  }
  return res;
};
// (e) Added in this project: the describer reads `constraint_type` (a "char") of CHECK constraints as a
//     Rust char, which fails on a Text value ("... as char failed"). Report those columns as Character.
function charColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const res = await queryRaw(query);
    for (const i of res.rows.charCols ?? []) res.columnTypes[i] = ColumnTypeEnum.Character;
    return res;
  };
  if (queryable.startTransaction) {
    const start = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => charColumns(await start(...args));
  }
  return queryable;
}
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") { callback = values; values = undefined; }
    if (typeof callback === "function") return super.query(config, values, (err, res) => callback(err, err ? res : charAsText(res)));
    const r = super.query(config, values);
    return r && typeof r.then === "function" ? r.then(charAsText) : r;
  }
}
// (b) PrismaPg.connectToShadowDb() does new Pool({...config, database: shadow}); in pg a connectionString
//     overrides `database`, so the "shadow" pool would hit the MAIN database. Use discrete fields.
export function pgConfig(url) {
  const { host, port, user, password, database, ssl, options } = parsePgUrl(url);
  return { host, port: port ? Number(port) : undefined, user, password, database, ssl, options, Client: CharAsTextClient };
}
export async function adminQuery(cfg, sql) {
  const c = new pg.Client(cfg);
  await c.connect();
  try { return await c.query(sql); } finally { await c.end(); }
}
// (c) PrismaPg.executeScript() splits migration.sql on every ";" (breaks $$ bodies, ';' in strings) and
//     runs the pieces one by one. Send the whole script as one simple query: Postgres runs it as one
//     implicit transaction, so a failing migration leaves nothing half-applied.
function wholeScript(adapter) {
  charColumns(adapter);
  adapter.executeScript = async (script) => {
    try { await adapter.underlyingDriver().query(script); } catch (e) { adapter.onError(e); }
  };
  return adapter;
}
// (d) PrismaPg's shadow-db release runs DROP DATABASE while its own pool still holds a connection
//     ("database ... is being accessed by other users") and leaves the database behind.
function adapterFactory(cfg) {
  const main = new PrismaPg(cfg);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => wholeScript(await main.connect()),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await adminQuery(cfg, `CREATE DATABASE "${name}"`);
      const shadow = wholeScript(await new PrismaPg({ ...cfg, database: name }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => { await dispose(); await adminQuery(cfg, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); };
      return shadow;
    },
  };
}

// The Wasm panic hook writes the panic message here (as @prisma/internals does); a panic then
// surfaces as a WebAssembly.RuntimeError, whose message we replace with the panic text.
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { message: "", set_message(m) { this.message = `RuntimeError: ${m}`; } };
export const lastPanicMessage = () => globalThis.PRISMA_WASM_PANIC_REGISTRY.message;

let SchemaEngine;
// Same loading as @prisma/internals' wasmSchemaEngineLoader (Prisma 6.19).
// datamodels: [[path, content], ...]; log: (line) => void
export async function startSchemaEngine(url, datamodels, log = () => {}) {
  if (!SchemaEngine) {
    const bgJs = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = await fs.readFile(path.join(path.dirname(bgJs), "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": wasmRuntime });
    wasmRuntime.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    SchemaEngine = wasmRuntime.SchemaEngine;
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(pgConfig(url)));
  // no schema (e.g. `migrate diff --from-empty`): undefined, not [] (an empty list panics in psl)
  return SchemaEngine.new({ datamodels: datamodels?.length ? datamodels : undefined }, log, adapter);
}
