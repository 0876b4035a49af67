import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { testDatabaseUrl } from "./tests/integration/helpers/database-url";

// Unit tests: pure logic. Integration tests: lib use cases against a real PostgreSQL (never mocked),
// one file at a time because they share one database that each test truncates.
const alias = { "@": path.resolve(import.meta.dirname) };
const testEnv = {
  NODE_ENV: "test" as const,
  DATABASE_URL: testDatabaseUrl(),
  DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? Buffer.alloc(32, 7).toString("base64"),
  AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-test-secret-test-secret",
  STORAGE_DIR: path.join(os.tmpdir(), "portal-test-uploads"),
  JOBS_DISABLED: "1",
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", env: testEnv } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          env: testEnv,
          globalSetup: ["tests/integration/helpers/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Faults (tests/fault): restarts its own embedded PostgreSQL under a production server
        // (`next start` on the build in NEXT_DIST_DIR, default .next): run after the build.
        resolve: { alias },
        test: {
          name: "fault",
          include: ["tests/fault/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
