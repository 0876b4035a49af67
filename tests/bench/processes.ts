import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";

// The servers a benchmark measures run as their own processes (never in the process that drives
// the load), each in its own process group so that stopping it stops whatever it started, with its
// output in a log file that is printed when it fails to come up.

export const root = path.resolve(import.meta.dirname, "..", "..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type BenchServer = {
  name: string;
  baseUrl: string;
  pid: number;
  /** CPU time (user + system, ms) used so far by every live process of the server's group */
  cpuMs: () => number;
  logTail: (lines?: number) => string;
  stop: () => Promise<void>;
};

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;

/** utime + stime of every process whose process group is `pgid` (Linux /proc), in ms. */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // the command name (field 2) may contain spaces: the fields after it start past the last ")"
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue; // field 5: pgrp
    ticks += Number(fields[11]) + Number(fields[12]); // fields 14, 15: utime, stime
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

/**
 * Starts `command args` and waits until `readyPath` answers over HTTP (any status: a route that
 * only takes POST answers a GET with 405, which still means the server is up).
 */
export async function startServer(opts: {
  name: string;
  command: string;
  args: string[];
  port: number;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  readyPath: string;
  timeoutMs?: number;
}): Promise<BenchServer> {
  const logFile = path.join(os.tmpdir(), `bench-${opts.name.replace(/\W+/g, "-")}-${opts.port}.log`);
  const logFd = fs.openSync(logFile, "w");
  const child = spawn(opts.command, opts.args, { cwd: opts.cwd ?? root, env: opts.env, stdio: ["ignore", logFd, logFd], detached: true });
  let exited = false;
  child.on("exit", () => (exited = true));
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const logTail = (lines = 40) => fs.readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n");
  const stop = async () => {
    if (!exited && child.pid) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      // a server writing a CPU profile (--cpu-prof) needs a moment after SIGTERM
      let timer: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([gone.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), 20_000)))]);
      clearTimeout(timer);
      if (!stopped && !exited) process.kill(-child.pid, "SIGKILL");
    }
    fs.closeSync(logFd);
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`${opts.name} exited before it was ready:\n${logTail()}`);
    }
    const up = await fetch(`${baseUrl}${opts.readyPath}`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.body?.cancel().then(() => true) ?? true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.name} did not come up in ${(opts.timeoutMs ?? 90_000) / 1000} s:\n${logTail()}`);
    }
    await sleep(250);
  }
  return { name: opts.name, baseUrl, pid: child.pid!, cpuMs: () => groupCpuMs(child.pid!), logTail, stop };
}

/**
 * `next start` of the portal's production build in `distDir` (NEXT_DIST_DIR), jobs off. With
 * `cpuProfileDir`, node writes a V8 CPU profile there when the server stops (next start serves in
 * its own process; node refuses --cpu-prof in NODE_OPTIONS, so next's script is run by node here).
 */
export function startPortal(opts: { port: number; distDir: string; env?: Record<string, string>; cpuProfileDir?: string }) {
  if (!fs.existsSync(path.join(root, opts.distDir, "BUILD_ID"))) {
    throw new Error(`no production build in ${opts.distDir}: run \`NEXT_DIST_DIR=${opts.distDir} npx next build\` first`);
  }
  return startServer({
    name: "portal",
    command: opts.cpuProfileDir ? process.execPath : bin("next"),
    args: [
      ...(opts.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfileDir}`, path.join(root, "node_modules", "next", "dist", "bin", "next")] : []),
      "start", "-p", String(opts.port), "-H", "127.0.0.1",
    ],
    port: opts.port,
    readyPath: "/api/v1/health",
    env: {
      ...process.env,
      ...opts.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: opts.distDir,
      JOBS_DISABLED: "1",
      AUTH_TRUST_HOST: "true",
    },
  });
}

const ceilingDir = path.join(import.meta.dirname, "ceiling-app");

/**
 * Builds tests/bench/ceiling-app — the framework's ceiling: a plain Next 16 app whose routes
 * validate with zod and answer without a database — unless its build is newer than its source.
 */
export function buildCeilingApp(): { built: boolean; ms: number } {
  const stamp = path.join(ceilingDir, ".next", "BUILD_ID");
  const sources = ["next.config.mjs", "app/api/intake/route.js", "app/api/inbox/route.js"].map((f) => fs.statSync(path.join(ceilingDir, f)).mtimeMs);
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > Math.max(...sources)) return { built: false, ms: 0 };
  const t = performance.now();
  const r = spawnSync(bin("next"), ["build"], { cwd: ceilingDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`building tests/bench/ceiling-app failed:\n${r.stdout}\n${r.stderr}`);
  return { built: true, ms: Math.round(performance.now() - t) };
}

/** `next start` of the ceiling app (build it first with buildCeilingApp). */
export function startCeilingApp(port: number) {
  return startServer({
    name: "ceiling",
    command: bin("next"),
    args: ["start", "-p", String(port), "-H", "127.0.0.1"],
    cwd: ceilingDir,
    port,
    readyPath: "/api/inbox",
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: ".next", NEXT_TELEMETRY_DISABLED: "1" },
  });
}
