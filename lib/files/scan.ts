import { spawn } from "node:child_process";
import { env } from "@/lib/env";
import { ruleViolation } from "@/lib/errors";
import { logger } from "@/lib/logger";

// Every upload is scanned before it is stored. Built in: the EICAR test signature, so the refusal
// path can be exercised anywhere. Optional: an external scanner (VIRUS_SCAN_COMMAND, e.g.
// "clamdscan --no-summary -") that reads the file on stdin; exit 0 = clean, 1 = infected (clamd's
// convention), anything else or no answer in time = the file is refused, never waved through.

export type ScanResult = { clean: true } | { clean: false; threat: string };

export const SCAN_UNAVAILABLE = "暂时无法检查文件安全，请稍后再试";
const DEFAULT_TIMEOUT_MS = 10_000;

// Assembled from two halves so this source file is not itself flagged by a scanner.
const EICAR = Buffer.from(["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"].join(""), "latin1");

/** The command line split into argv like a shell would split words (quotes group), with no shell: no expansion, no `;`, `|` or `$()`. */
export function splitCommand(command: string): string[] {
  const args: string[] = [];
  let current = "";
  let inWord = false;
  let quote: string | null = null;
  for (const ch of command) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) args.push(current);
      current = "";
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error("VIRUS_SCAN_COMMAND has an unbalanced quote");
  if (inWord) args.push(current);
  return args;
}

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; timedOut: boolean; error?: Error };

function run(argv: string[], bytes: Uint8Array, timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    let settled = false;
    let stdout = "";
    let timedOut = false;
    const child = spawn(argv[0], argv.slice(1), { stdio: ["pipe", "pipe", "ignore"], shell: false, windowsHide: true });
    const finish = (r: Omit<Run, "stdout" | "timedOut">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, stdout, timedOut });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      if (stdout.length < 4096) stdout += chunk.toString("utf8");
    });
    child.on("error", (error) => finish({ code: null, signal: null, error }));
    child.on("close", (code, signal) => finish({ code, signal }));
    // A scanner that exits without reading all of stdin (or never starts) breaks the pipe: its exit code decides.
    child.stdin.on("error", () => {});
    child.stdin.end(bytes);
  });
}

/** The signature name a scanner printed ("stream: Eicar-Signature FOUND"), if any. */
const threatIn = (stdout: string) => stdout.match(/:\s*(\S[^\n]*?)\s+FOUND/)?.[1] ?? "malware";

/**
 * Scans one file's bytes. Resolves clean / infected; throws a RULE_VIOLATION with SCAN_UNAVAILABLE
 * when the external scanner fails or times out (logged without the file's name or contents).
 */
export async function scanFile(
  bytes: Uint8Array,
  name: string,
  { command = env().VIRUS_SCAN_COMMAND, timeoutMs = DEFAULT_TIMEOUT_MS }: { command?: string; timeoutMs?: number } = {},
): Promise<ScanResult> {
  const extension = name.includes(".") ? name.split(".").pop()?.slice(0, 10) : undefined;
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(EICAR)) {
    logger.warn({ threat: "EICAR-Test-File", size: bytes.length, extension }, "upload refused by the virus scan");
    return { clean: false, threat: "EICAR-Test-File" };
  }
  if (!command?.trim()) return { clean: true };

  let argv: string[];
  try {
    argv = splitCommand(command.trim());
  } catch (err) {
    logger.error({ err }, "virus scan unavailable: bad VIRUS_SCAN_COMMAND");
    throw ruleViolation(SCAN_UNAVAILABLE);
  }
  const r = await run(argv, bytes, timeoutMs);
  if (!r.timedOut && !r.error && r.code === 0) return { clean: true };
  if (!r.timedOut && !r.error && r.code === 1) {
    const threat = threatIn(r.stdout);
    logger.warn({ threat, size: bytes.length, extension }, "upload refused by the virus scan");
    return { clean: false, threat };
  }
  logger.error(
    { scanner: argv[0], code: r.code, signal: r.signal, timedOut: r.timedOut, err: r.error, size: bytes.length },
    "virus scan unavailable: upload refused",
  );
  throw ruleViolation(SCAN_UNAVAILABLE);
}
