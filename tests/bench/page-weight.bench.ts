import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { localDatabaseUrl } from "./local-database";

// `tsx tests/bench/page-weight.bench.ts` (npm run bench:pages, after `npm run build`): starts the
// production server on the local database, then for each public route
//   - first-load JS: the <script src> files the route's HTML asks for (not the nomodule polyfills),
//     fetched and measured raw and gzipped (what a phone downloads before the page is interactive);
//   - Lighthouse (mobile emulation, simulated slow 4G and a 4× slower CPU — Lighthouse's defaults)
//     on the home page, the service-point finder and the legal-aid start page: category scores and
//     the main metrics, in Debian's chromium.
// Writes tests/bench/results/page-weight-<YYYY-MM-DD>.json and prints a table. Nothing fails on a
// figure; people compare runs. Needs DATABASE_URL (local), AUTH_SECRET and DATA_ENCRYPTION_KEY.

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3210" },
    /** measure a server that is already running instead of starting one */
    "base-url": { type: "string" },
    "skip-lighthouse": { type: "boolean", default: false },
  },
});

const PUBLIC_ROUTES = ["/", "/guide", "/service-points", "/legal-aid/check", "/lawyers", "/track", "/login", "/register"];
const LIGHTHOUSE_ROUTES = ["/", "/service-points", "/legal-aid/check"];
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

localDatabaseUrl(); // refuse a non-local database before starting anything
const base = args["base-url"] ?? `http://127.0.0.1:${args.port}`;

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up in ${ms / 1000} s`);
}

const server = args["base-url"]
  ? null
  : spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", args.port], {
      env: { ...process.env, NODE_ENV: "production", JOBS_DISABLED: "1", AUTH_TRUST_HOST: "true" },
      stdio: ["ignore", "ignore", "inherit"],
    });
try {
  await waitFor(`${base}/api/v1/health`, 60_000);

  type Weight = { route: string; status: number; scripts: number; jsBytes: number; jsGzipBytes: number; htmlGzipBytes: number };
  const weights: Weight[] = [];
  const seen = new Map<string, { raw: number; gzip: number }>();
  for (const route of PUBLIC_ROUTES) {
    const res = await fetch(`${base}${route}`, { redirect: "manual" });
    const html = await res.text();
    // nomodule scripts (Next's polyfills) are skipped by every browser that runs modules: not counted
    const srcs = [...new Set([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag))
      .map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]).filter((src): src is string => !!src))];
    let raw = 0;
    let gzip = 0;
    for (const src of srcs) {
      if (!seen.has(src)) {
        const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
        seen.set(src, { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
      }
      raw += seen.get(src)!.raw;
      gzip += seen.get(src)!.gzip;
    }
    weights.push({ route, status: res.status, scripts: srcs.length, jsBytes: raw, jsGzipBytes: gzip, htmlGzipBytes: zlib.gzipSync(html).length });
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log("first-load JS per public route (HTML's <script src>, gzip -9)");
  for (const w of weights) console.log(`  ${w.route.padEnd(18)} ${String(w.status).padEnd(4)} ${String(w.scripts).padStart(2)} files  ${kb(w.jsBytes).padStart(10)} raw  ${kb(w.jsGzipBytes).padStart(9)} gzip   HTML ${kb(w.htmlGzipBytes)} gzip`);

  type Audit = { route: string; scores: Record<string, number | null>; metrics: Record<string, number | null> };
  const audits: Audit[] = [];
  if (!args["skip-lighthouse"]) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    try {
      for (const route of LIGHTHOUSE_ROUTES) {
        const result = await lighthouse(`${base}${route}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
          locale: "zh",
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${route}`);
        const lhr = result.lhr;
        const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
        audits.push({
          route,
          scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score === null ? null : Math.round(c.score * 100)])),
          metrics: {
            firstContentfulPaintMs: metric("first-contentful-paint"),
            largestContentfulPaintMs: metric("largest-contentful-paint"),
            totalBlockingTimeMs: metric("total-blocking-time"),
            cumulativeLayoutShift: metric("cumulative-layout-shift"),
            speedIndexMs: metric("speed-index"),
            totalByteWeight: metric("total-byte-weight"),
          },
        });
        const a = audits.at(-1)!;
        console.log(
          `lighthouse ${route.padEnd(18)} perf ${a.scores.performance} · a11y ${a.scores.accessibility} · best ${a.scores["best-practices"]} · seo ${a.scores.seo}` +
            ` · LCP ${Math.round(a.metrics.largestContentfulPaintMs ?? 0)} ms · TBT ${Math.round(a.metrics.totalBlockingTimeMs ?? 0)} ms · CLS ${(a.metrics.cumulativeLayoutShift ?? 0).toFixed(3)}`,
        );
      }
    } finally {
      await chrome.kill();
    }
  }

  const dir = process.env.BENCH_RESULTS_DIR ?? path.join(import.meta.dirname, "results"); // run-all --smoke writes elsewhere
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `page-weight-${new Date().toISOString().slice(0, 10)}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, firstLoadJs: weights, lighthouse: audits }, null, 2) + "\n",
  );
  console.log(`written to ${path.relative(process.cwd(), file)}`);
} finally {
  server?.kill("SIGTERM");
}
