import { bin, buildIfNeeded, databaseUrl, ensureDatabase, migrate, run, seed, startServer } from "./database";

// `npm test`: unit + integration (vitest, real PostgreSQL) then e2e (Playwright in Debian chromium
// against a production build). PostgreSQL: the server of DATABASE_URL if set, else an embedded one
// in .data/pg-test. Test databases are created beside it and the e2e one is re-seeded each run.

const server = await startServer({ folder: "pg-test", port: 54339 });
let failed = false;
try {
  const integrationUrl = databaseUrl(server, "portal_test");
  const e2eUrl = databaseUrl(server, "portal_e2e");
  const secrets = {
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  };
  await ensureDatabase(server, "portal_test");
  await ensureDatabase(server, "portal_e2e", { fresh: true });

  const only = process.argv[2];
  if (!only || only === "vitest") {
    run(bin("vitest"), ["run", "--project", "unit", "--project", "integration"], { ...process.env, ...secrets, TEST_DATABASE_URL: integrationUrl }, "单元与集成测试");
  }
  if (!only || only === "e2e") {
    migrate(e2eUrl);
    const env = { ...process.env, ...secrets, DATABASE_URL: e2eUrl, AUTH_TRUST_HOST: "true" };
    seed(env);
    buildIfNeeded(env);
    // The benchmark suite at toy scale, untimed, so its code keeps working (issue 10): on a copy of the
    // freshly seeded e2e database, against the production build.
    run(bin("tsx"), ["tests/bench/run-all.ts", "--smoke", "--template", "portal_e2e"], env, "基准测试冒烟");
    // Restarts its own embedded PostgreSQL under the production server (tests/fault): after the build.
    run(bin("vitest"), ["run", "--project", "fault"], env, "故障测试");
    run(bin("playwright"), ["test"], env, "端到端测试");
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  failed = true;
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
