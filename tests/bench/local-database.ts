// Benchmarks fill and time a database: they read DATABASE_URL and refuse anything but a local server.

const LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"];

export function localDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/portal_bench)");
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.includes(host)) throw new Error(`Benchmarks fill and time a database: refusing non-local host ${host}`);
  return url;
}

/** The database name of a connection string, for the report. */
export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
