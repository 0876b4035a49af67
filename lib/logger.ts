import pino, { type DestinationStream, type Logger } from "pino";

// Structured logs to stdout; the deployment ships them. Never log personal data: pass ids, not rows.
// Two guards for when someone does anyway (decision 014):
//  1. `redact` blanks the fields that hold personal data by name, wherever a log object nests them
//     at the usual depths;
//  2. every string that reaches the line — messages, err.message, err.stack, a Prisma error's
//     query parameters and meta, any nested value — has Chinese ID numbers and mainland mobile
//     numbers replaced, whatever the field is called.

const CENSOR = "[Redacted]";

const PERSONAL_FIELDS = [
  "password", "passwordHash", "idNumber", "idCipher", "idNumberCipher", "applicantIdCipher", "agentIdCipher", "totpSecret", "totpSecretCipher",
  "phone", "applicantPhone", "requesterPhone", "agentPhone", "recipientPhone", "legalAdviserPhone",
  "name", "applicantName", "requesterName", "agentName", "subjectName", "applicantAddress", "address", "facts", "description",
];

/** The redact paths: each field at the top, one and two levels down (pino's `*` is one level). */
export const REDACT_PATHS = [
  ...PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
  "req.headers.authorization",
  "req.headers.cookie",
];

// 公民身份号码: 17 digits and a check character (digit or X), not inside a longer run of digits.
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![0-9A-Za-z])/g;
// Mainland mobile, with or without +86 / 86 in front, not inside a longer number.
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d{9}(?!\d)/g;

/** The string with every ID number and mobile number replaced. */
export function scrubText(text: string): string {
  return text.replace(ID_NUMBER, CENSOR).replace(MOBILE, CENSOR);
}

const MAX_DEPTH = 8;

/**
 * A copy of the value with every string scrubbed. Errors become pino's serialized form first
 * (type, message, stack, their own fields such as a Prisma error's meta, and the cause), because the
 * formatter runs before pino's serializers would turn them into text.
 */
export function scrubValue(value: unknown, seen = new WeakSet<object>(), depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (typeof value === "bigint") return scrubText(value.toString());
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value) || depth > MAX_DEPTH) return "[Circular]";
  seen.add(value);
  if (value instanceof Error) return scrubValue(pino.stdSerializers.err(value), seen, depth + 1);
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, seen, depth + 1));
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, seen, depth + 1);
  return out;
}

/**
 * The last guard, on the finished line: whatever reached it by a path the object scrub does not see
 * (a child logger's bindings) is scrubbed too. "[Redacted]" has no quote or backslash, so the line
 * stays valid JSON.
 */
function scrubbingStream(destination: DestinationStream): DestinationStream {
  return { write: (line: string) => destination.write(scrubText(line)) };
}

/** A logger with the guards, writing to `destination` (stdout by default; tests pass a memory stream). */
export function createLogger(destination: DestinationStream = pino.destination(1), level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "error" : "info")): Logger {
  return pino(
    {
      level,
      base: { service: "legal-services-portal" },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      hooks: {
        // The message and its interpolation values, and a bare Error passed first (pino would take
        // its message as the line's msg after this hook).
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          const head = first instanceof Error ? { err: first } : first;
          const msg = first instanceof Error && rest.length === 0 ? [first.message] : rest;
          return method.apply(this, [scrubValue(head), ...msg.map((a) => scrubValue(a))] as Parameters<typeof method>);
        },
      },
      formatters: {
        log: (object) => scrubValue(object) as Record<string, unknown>,
      },
      // Errors are already serialized (and scrubbed) by the formatter; pino's own err serializer
      // would re-read the plain object as an error of type "Object".
      serializers: { err: (e: unknown) => (e instanceof Error ? scrubValue(e) : e) },
    },
    scrubbingStream(destination),
  );
}

export const logger = createLogger();
