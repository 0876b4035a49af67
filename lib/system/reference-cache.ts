import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Reference data — the working calendar, the type rules, regions, organizations, API clients — is
// read by every intake and changes a few times a year. Reading it from PostgreSQL on each request
// was 11 of the 23 statements of one work-order intake (issue 10). It is kept in process memory
// here, and PostgreSQL says when to forget it: statement-level triggers on those tables send
// NOTIFY reference_changed (migration 20261203160000_reference_notify), delivered to every
// instance when the change commits. So N web instances stay exact without sharing memory.
//
// The rules that keep a cached value never staler than a request that started a moment earlier:
// - no listener, no cache: until LISTEN is confirmed (start-up, after a lost connection) every read
//   goes to the database. Integration tests never start the listener and so always read through.
// - a notice clears everything and bumps the generation; a value loaded across a notice (its
//   query may have read the old rows) is returned to its caller but not kept.
// - reconnecting clears everything too: notices sent while the connection was down are lost.

const CHANNEL = "reference_changed";
const RECONNECT_MS = [250, 1_000, 5_000];

type State = {
  client: pg.Client | null;
  live: boolean;
  generation: number;
  values: Map<string, unknown>;
  attempt: number;
  stopped: boolean;
};

// On globalThis like the Prisma client: dev reloads must not open a second listener.
const globalState = globalThis as unknown as { portalReferenceCache?: State };
const state = (globalState.portalReferenceCache ??= {
  client: null, live: false, generation: 0, values: new Map(), attempt: 0, stopped: true,
});

function forgetAll() {
  state.generation += 1;
  state.values.clear();
}

/**
 * The cached value under `key`, loaded with `load` when missing. Without a live listener this is
 * just `load()`. Absence (null or undefined) is never kept: anyone can ask for a missing key, and
 * the memory must stay bounded by the reference data itself. Callers must not mutate the value.
 */
export async function cachedReference<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!state.live) return load();
  if (state.values.has(key)) return state.values.get(key) as T;
  const generation = state.generation;
  const value = await load();
  if (value != null && state.live && state.generation === generation) state.values.set(key, value);
  return value;
}

/** Whether reads are being served from memory (the listener is connected). */
export function referenceCacheLive() {
  return state.live;
}

async function connect() {
  if (state.stopped) return;
  const client = new pg.Client({ connectionString: env().DATABASE_URL, keepAlive: true });
  state.client = client;
  const lost = (err?: unknown) => {
    if (state.client !== client) return;
    state.client = null;
    state.live = false;
    forgetAll();
    client.end().catch(() => {});
    if (state.stopped) return;
    const delay = RECONNECT_MS[Math.min(state.attempt, RECONNECT_MS.length - 1)];
    state.attempt += 1;
    logger.warn({ err, retryInMs: delay }, "reference cache: listener lost, reading through until it is back");
    setTimeout(() => void connect(), delay).unref();
  };
  client.on("error", lost);
  client.on("end", () => lost());
  client.on("notification", (message) => {
    if (message.channel === CHANNEL) forgetAll();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    if (state.client !== client) return;
    // Anything cached before this point may have missed a notice.
    forgetAll();
    state.live = true;
    state.attempt = 0;
  } catch (err) {
    lost(err);
  }
}

/** Starts the listener (the server's start-up hook calls this once). */
export async function startReferenceCache() {
  if (!state.stopped) return;
  state.stopped = false;
  await connect();
}

/** Stops the listener and empties the cache (tests; a server shutting down). */
export async function stopReferenceCache() {
  state.stopped = true;
  state.live = false;
  forgetAll();
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => {});
}
