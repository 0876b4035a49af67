import pg from "pg";
import { startServer, databaseUrl } from "@/scripts/database";
const server = await startServer({ folder: "pg-fault", port: 54341, embedded: true });
const c = new pg.Client({ connectionString: databaseUrl(server, "portal_fault") });
await c.connect();
for (const q of process.argv.slice(2)) { const r = await c.query(q); console.table(r.rows); }
await c.end(); await server.stop();
