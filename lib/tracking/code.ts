import { randomInt, timingSafeEqual } from "node:crypto";
import { lookupHash } from "@/lib/crypto";

// The one-time SMS code of 查进度: six digits, ten minutes, five tries. Only keyed hashes are stored
// (lib/crypto lookupHash), so a copy of the table reveals neither the codes nor the phones.

export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;

/** Six random digits from the CSPRNG, leading zeros kept. */
export function newLookupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Bound to the number, so a code sent for one order is worthless for another. */
export function codeHash(number: string, code: string): string {
  return lookupHash(`progress-code:${number}:${code}`);
}

export function phoneHash(phone: string): string {
  return lookupHash(`progress-phone:${phone}`);
}

/** Compares two hex hashes in constant time (a wrong code must not leak how much of it matched). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function lookupSmsText(code: string): string {
  return `您正在查询办理进度，验证码 ${code}，${CODE_TTL_MINUTES} 分钟内有效。如非本人操作请忽略。`;
}
