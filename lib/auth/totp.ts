import { Secret, TOTP } from "otpauth";
import { decryptField, encryptField } from "@/lib/crypto";

// The optional second factor: RFC 6238 TOTP as every authenticator app (微信/支付宝小程序, Google
// Authenticator, 阿里云 App …) reads it — SHA1, 6 digits, 30-second steps. A code from the step
// before or after is accepted too (phone clocks drift), but each step only once: the last accepted
// step is kept on the user (User.totpLastStep), so a code seen over a shoulder cannot be replayed.

export const TOTP_ISSUER = "云岭市公共法律服务网";
const PERIOD = 30;
const WINDOW = 1;

export const CODE_PATTERN = /^\d{6}$/;

function totp(secretBase32: string, label: string) {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A fresh 160-bit secret: its base32 form (shown to the user once) and its ciphertext (stored). */
export function newTotpSecret(): { base32: string; cipher: string } {
  const base32 = new Secret({ size: 20 }).base32;
  return { base32, cipher: encryptField(base32) };
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

/**
 * The time step a code is valid for, or null when it is not a current code. The caller must still
 * refuse a step at or before the last accepted one.
 */
export function totpStep(secretCipher: string, code: string, now = new Date()): number | null {
  const token = code.replace(/\s/g, "");
  if (!CODE_PATTERN.test(token)) return null;
  const t = totp(decryptField(secretCipher), "");
  const delta = t.validate({ token, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : t.counter({ timestamp: now.getTime() }) + delta;
}

/** The current code of a secret (tests and the e2e suite play the authenticator app with it). */
export function totpCode(secretBase32: string, now = new Date()): string {
  return totp(secretBase32, "").generate({ timestamp: now.getTime() });
}
