import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { bin, root } from "@/scripts/database";

// The production server for the fault test: `next start` on the existing build (NEXT_DIST_DIR),
// jobs enabled, its log in a file the test prints when something fails.

export type AppServer = {
  baseUrl: string;
  logFile: string;
  stop: () => Promise<void>;
  /** the server's output so far (stdout and stderr) */
  log: () => string;
  logTail: (lines?: number) => string;
  exited: () => boolean;
};

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

export function assertBuilt() {
  const dir = path.join(root, distDir());
  if (!fs.existsSync(path.join(dir, "BUILD_ID"))) {
    throw new Error(`没有找到生产构建 ${dir}：请先运行 NEXT_DIST_DIR=${distDir()} npx next build`);
  }
}

export async function startApp(env: NodeJS.ProcessEnv, port: number): Promise<AppServer> {
  const logFile = path.join(os.tmpdir(), `portal-fault-server-${port}.log`);
  const logFd = fs.openSync(logFile, "w");
  // Own process group (detached), so stopping it stops whatever `next start` started too.
  const child: ChildProcess = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", logFd, logFd],
    detached: true,
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = () => fs.readFileSync(logFile, "utf8");
  const logTail = (lines = 60) => log().split("\n").slice(-lines).join("\n");

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`next start 已退出：\n${logTail()}`);
    const ok = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`服务器 60 秒内未就绪：\n${logTail()}`);
    await sleep(300);
  }

  return {
    baseUrl,
    logFile,
    log,
    logTail,
    exited: () => exited,
    stop: async () => {
      if (exited || !child.pid) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      const killed = await Promise.race([gone.then(() => true), sleep(15_000).then(() => false)]);
      if (!killed && !exited) process.kill(-child.pid, "SIGKILL");
      fs.closeSync(logFd);
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
}
