import autocannon, { type Request } from "autocannon";
import type { BenchServer } from "./processes";
import { sleep } from "./processes";

// One HTTP load measurement: autocannon at a fixed concurrency for a bounded time, after an
// untimed warm-up run. Autocannon reports p50/p97.5/p99 but no p95, so every response time is
// kept and the percentiles are computed here. The server's CPU time (its whole process group)
// over the timed run gives the CPU cost of one request.

export type LoadOptions = {
  url: string;
  connections: number;
  /** seconds, timed */
  duration: number;
  /** seconds, untimed, before the timed run */
  warmup: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** a fresh body for each request (n counts every request built, warm-up included) */
  body?: (n: number) => string;
  /** extra headers for each request, e.g. a unique Idempotency-Key */
  headersFor?: (n: number) => Record<string, string>;
  server?: BenchServer;
};

export type LoadFigures = {
  connections: number;
  durationS: number;
  warmupS: number;
  /** completed responses per second over the timed run */
  requestsPerSec: number;
  responses: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  status: Record<string, number>;
  /** socket errors + timeouts + responses outside 2xx, timed run and warm-up together */
  errors: number;
  non2xx: number;
  timeouts: number;
  /** server CPU (all its processes) per response of the timed run, ms */
  serverCpuMsPerRequest: number | null;
  /** 2xx answers of the warm-up run */
  warmup2xx: number;
  /** requests built (sent or about to be), warm-up included: the counter bodies and keys used */
  built: number;
};

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN);
const r2 = (x: number) => Math.round(x * 100) / 100;

export async function measureLoad(o: LoadOptions): Promise<LoadFigures> {
  let built = 0;
  const request: Request = {
    method: o.method ?? "POST",
    headers: { "content-type": "application/json", ...o.headers },
    ...(o.body || o.headersFor
      ? {
          setupRequest: (req: Request) => {
            const n = built++;
            return { ...req, ...(o.body ? { body: o.body(n) } : {}), headers: { ...req.headers, ...o.headersFor?.(n) } };
          },
        }
      : {}),
  };
  const run = (duration: number, onResponse?: (status: number, ms: number) => void) => {
    const instance = autocannon({ url: o.url, connections: o.connections, duration, timeout: 30, requests: [request] });
    if (onResponse) instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => onResponse(status, ms));
    return instance;
  };

  let warmupErrors = 0;
  let warmup2xx = 0;
  if (o.warmup > 0) {
    const w = await run(o.warmup, (code) => (warmup2xx += code >= 200 && code < 300 ? 1 : 0));
    warmupErrors = w.errors + w.timeouts + w.non2xx;
    await sleep(300); // let the requests cut at the warm-up's end finish before the timed run
  }
  const times: number[] = [];
  const status: Record<string, number> = {};
  const cpuBefore = o.server?.cpuMs() ?? 0;
  const started = performance.now();
  const result = await run(o.duration, (code, ms) => {
    times.push(ms);
    status[code] = (status[code] ?? 0) + 1;
  });
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = o.server ? o.server.cpuMs() - cpuBefore : null;
  times.sort((a, b) => a - b);
  return {
    connections: o.connections,
    durationS: r2(elapsedS),
    warmupS: o.warmup,
    requestsPerSec: r2(times.length / elapsedS),
    responses: times.length,
    latencyMs: {
      p50: r2(percentile(times, 0.5)),
      p95: r2(percentile(times, 0.95)),
      p99: r2(percentile(times, 0.99)),
      max: r2(times.at(-1) ?? NaN),
      mean: r2(times.reduce((a, b) => a + b, 0) / (times.length || 1)),
    },
    status,
    errors: result.errors + result.timeouts + result.non2xx + warmupErrors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    serverCpuMsPerRequest: cpu === null || !times.length ? null : r2(cpu / times.length),
    warmup2xx,
    built,
  };
}
