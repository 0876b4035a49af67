import { z } from "zod";

// Environment read once and validated, so a misconfigured server fails at start, not mid-request.
const blankAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
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
  /** 等保 session limits (lib/auth/sessions.ts): absolute lifetime in hours, idle timeouts in minutes for staff roles and for residents */
  SESSION_MAX_HOURS: z.preprocess(blankAsUnset, z.coerce.number().positive().max(24 * 30).default(12)),
  SESSION_IDLE_MINUTES: z.preprocess(blankAsUnset, z.coerce.number().int().min(5).max(24 * 60).default(30)),
  SESSION_IDLE_MINUTES_RESIDENT: z.preprocess(blankAsUnset, z.coerce.number().int().min(5).max(24 * 60).default(120)),
  /**
   * 个人信息保存期限: closed cases whose last activity is older than this many years have their
   * personal data replaced by placeholders (lib/personal-data/retention.ts, decision 014); the
   * counted fields stay, so the indicators do not change.
   */
  DATA_RETENTION_YEARS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: "DATA_RETENTION_YEARS 必须是整数（年）" }).int("DATA_RETENTION_YEARS 必须是整数（年）").min(1, "DATA_RETENTION_YEARS 至少为 1 年").max(100, "DATA_RETENTION_YEARS 过大").default(5),
  ),
  /** optional external virus scanner reading the upload on stdin, e.g. "clamdscan --no-summary -" (exit 0 clean, 1 infected) */
  VIRUS_SCAN_COMMAND: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), z.string().optional()),
  /**
   * How long audit events stay in AuditEvent before the daily job moves them to AuditEventArchive
   * (lib/audit/archive.ts). Never below 6: 网络安全法 Art. 21 requires logs kept at least six months,
   * and the database refuses to let a younger row leave anyway.
   */
  AUDIT_RETENTION_MONTHS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: "AUDIT_RETENTION_MONTHS 必须是整数（月）" })
      .int("AUDIT_RETENTION_MONTHS 必须是整数（月）")
      .min(6, "AUDIT_RETENTION_MONTHS 不能少于 6：审计日志至少留存六个月（网络安全法第二十一条）")
      .max(1200, "AUDIT_RETENTION_MONTHS 过大")
      .default(12),
  ),
});

export type Env = z.infer<typeof Env>;

let cached: Env | undefined;
export function env(): Env {
  cached ??= Env.parse(process.env);
  return cached;
}
