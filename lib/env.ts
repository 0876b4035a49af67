import { z } from "zod";

// Environment read once and validated, so a misconfigured server fails at start, not mid-request.
const Env = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL 必须是 PostgreSQL 连接串"),
  // 32 bytes, base64: AES-256-GCM key for sensitive fields and the HMAC key for look-up hashes.
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "DATA_ENCRYPTION_KEY 必须是 32 字节的 base64"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** the address residents reach the site at, for links in SMS messages */
  PUBLIC_BASE_URL: z.string().url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** optional external virus scanner reading the upload on stdin, e.g. "clamdscan --no-summary -" (exit 0 clean, 1 infected) */
  VIRUS_SCAN_COMMAND: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), z.string().optional()),
});

export type Env = z.infer<typeof Env>;

let cached: Env | undefined;
export function env(): Env {
  cached ??= Env.parse(process.env);
  return cached;
}
