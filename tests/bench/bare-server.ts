import http from "node:http";
import pg from "pg";

// The intake bench's baseline (tests/bench/intake.bench.ts): the least a server can do per intake
// request on this machine — Node's http module reads the JSON body and pg runs one INSERT of it
// into a scratch table, then it answers 201. No framework, no validation, no transaction, no audit.
// `tsx tests/bench/bare-server.ts <port>`; DATABASE_URL names the bench database.

const BARE_TABLE = "bench_bare_intake"; // intake.bench.ts drops it after the run

const port = Number(process.argv[2] ?? 3301);
// the same pool size as the portal's (lib/db.ts), so both have the same number of connections
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS ${BARE_TABLE} (id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);

const server = http.createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(405).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      res.writeHead(400, { "content-type": "application/json" }).end('{"error":"invalid JSON"}');
      return;
    }
    pool.query<{ id: string }>(`INSERT INTO ${BARE_TABLE} (body) VALUES ($1) RETURNING id`, [body]).then(
      ({ rows: [row] }) => {
        res.writeHead(201, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify({ id: row.id }));
      },
      (error: Error) => {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: error.message }));
      },
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1");

const shutdown = () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
