// The integration database: TEST_DATABASE_URL (set by scripts/test.ts), else a local default.
// Integration tests truncate every table, so they refuse anything but a local server.
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_test";
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Integration tests truncate tables: refusing non-local database host ${host}`);
  }
  return url;
}
