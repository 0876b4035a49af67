import { createHmac, timingSafeEqual } from "node:crypto";

// After the SMS code checks out, the browser holds a short-lived grant for that one number: a
// signed httpOnly cookie, not a session. It carries the number, the masked phone to show, and its
// expiry; nothing a copy of it could reveal beyond what the person typed.

export const GRANT_COOKIE = "progress_grant";
export const GRANT_MINUTES = 30;

export type Grant = {
  number: string;
  /** 138****0001: what the page shows as "the phone you used" */
  maskedPhone: string;
  expiresAt: Date;
};

type Payload = { n: string; p: string; e: number };

// AUTH_SECRET signs the sign-in sessions too; a derived key keeps a grant from ever verifying as
// anything else signed with it.
function grantKey(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret || secret.length < 16) throw new Error("AUTH_SECRET is not set (needed to sign progress look-up grants)");
  return createHmac("sha256", secret).update("progress-lookup-grant/v1").digest();
}

const mac = (body: string) => createHmac("sha256", grantKey()).update(body).digest();

export function signGrant(number: string, maskedPhone: string, now = new Date()): { token: string; grant: Grant } {
  const expiresAt = new Date(now.getTime() + GRANT_MINUTES * 60_000);
  const body = Buffer.from(JSON.stringify({ n: number, p: maskedPhone, e: Math.floor(expiresAt.getTime() / 1000) } satisfies Payload)).toString("base64url");
  return { token: `${body}.${mac(body).toString("base64url")}`, grant: { number, maskedPhone, expiresAt } };
}

/** The grant if the token is intact, unexpired and for this number; else null. */
export function verifyGrant(token: string | null | undefined, number: string, now = new Date()): Grant | null {
  if (!token) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
  } catch {
    return null;
  }
  if (typeof payload?.n !== "string" || typeof payload.p !== "string" || typeof payload.e !== "number") return null;
  if (payload.n !== number || payload.e * 1000 <= now.getTime()) return null;
  return { number: payload.n, maskedPhone: payload.p, expiresAt: new Date(payload.e * 1000) };
}
