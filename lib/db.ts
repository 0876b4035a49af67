import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process (kept on globalThis so dev reloads do not open new pools).
// Secrets are omitted by default: a query must ask for passwordHash / idNumberCipher explicitly.
function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, idNumberCipher: true, idNumberHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client or an interactive transaction: use cases accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { portalDb?: Db };
const client = () => (globalForDb.portalDb ??= createClient());

// Created on first use, not on import: `next build` imports every route without a database.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const c = client();
    const value = Reflect.get(c, property, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
