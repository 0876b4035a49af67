import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline: Prisma's schema engine runs as Wasm through prisma/engine (no binary download).
// Set PRISMA_SCHEMA_ENGINE_BINARY yourself to use the native engine. See docs/decisions/002.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/schema-engine-shim.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  // `prisma generate` needs no database; migrate commands read DATABASE_URL.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
