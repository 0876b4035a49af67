import pino from "pino";

// Structured logs to stdout; the deployment ships them. Never log personal data: pass ids, not rows.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "error" : "info"),
  base: { service: "legal-services-portal" },
  redact: ["password", "*.password", "idNumber", "*.idNumber", "req.headers.authorization", "req.headers.cookie"],
});
