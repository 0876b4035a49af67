import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Sensitive fields (ID numbers ...) are stored as AES-256-GCM "v1.<iv>.<tag>.<ciphertext>" (base64url)
// and looked up by an HMAC-SHA256 of the normalized value, so equality search never decrypts.
const key = () => Buffer.from(env().DATA_ENCRYPTION_KEY, "base64");

export function encryptField(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptField(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unknown ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function lookupHash(value: string): string {
  return createHmac("sha256", key()).update(value.trim().toUpperCase()).digest("hex");
}

/** API tokens are random and long, so a plain SHA-256 is enough to store them. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newApiToken(): string {
  return `lsp_${randomBytes(24).toString("base64url")}`;
}
