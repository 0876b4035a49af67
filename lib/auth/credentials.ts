import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { MOBILE_PATTERN } from "@/lib/identity/id-number";
import { recordAudit, type RequestMeta } from "@/lib/audit/record";
import { rateLimiter } from "@/lib/rate-limit";
import { startSession, sessionLimits, type SessionLimits } from "@/lib/auth/sessions";
import { totpStep } from "@/lib/auth/totp";

export const SignInInput = z.object({
  login: z.string().trim().min(1, "请输入手机号或用户名").max(40, "手机号或用户名过长"),
  password: z.string().min(1, "请输入密码").max(128, "密码过长"),
  /** the authenticator code, asked for only when the account has a second factor */
  totp: z.preprocess((v) => (typeof v === "string" ? v.replace(/\s/g, "") || undefined : v), z.string().max(10).optional()),
});

export const BCRYPT_COST = 10;
export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

// A hash to compare against when the account does not exist, so timing does not reveal which
// logins exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.jmTGJ2UZbmCHn1E0vLdsG1mKxQwO";

/** 等保: five consecutive failures lock the account for fifteen minutes. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export const SIGN_IN_LIMITS = {
  /**
   * Failures per IP address (all logins together), 30 per 15 minutes. Only failures count: the
   * e2e suite and a busy service hall behind one NAT sign in correctly many times from one address.
   */
  failuresPerIp: { name: "signin-fail-ip", points: 30, durationSeconds: 15 * 60 },
  /**
   * Logins that match no account get the same lock-out as real ones, so the answers cannot tell
   * which logins exist: the 5th failure is refused as "locked", for 15 minutes (points 4 + block).
   */
  failuresPerUnknownLogin: {
    name: "signin-fail-login",
    points: MAX_FAILED_SIGN_INS - 1,
    durationSeconds: LOCK_MINUTES * 60,
    blockSeconds: LOCK_MINUTES * 60,
  },
} as const;

const limiters = {
  ip: rateLimiter(SIGN_IN_LIMITS.failuresPerIp),
  unknownLogin: rateLimiter(SIGN_IN_LIMITS.failuresPerUnknownLogin),
};

/**
 * Why a sign-in was refused, as the form needs to know it. "invalid" covers a wrong password, an
 * unknown login and a deactivated account alike; "totp_required" means the password was right and
 * the account asks for its second factor.
 */
export type SignInRefusal = "invalid" | "locked" | "throttled" | "totp_required" | "totp_invalid";

export type SignInOutcome =
  | { ok: true; user: { id: number; name: string }; sessionId: string }
  | { ok: false; refusal: SignInRefusal; retryAfterSeconds?: number };

type Deps = { now?: Date; limits?: SessionLimits };

/**
 * One sign-in attempt: throttling per IP, lock-out per account, password, second factor, then a
 * session row. Every outcome but "totp_required" is audited as auth.signIn, targeting the account
 * when there is one (the account's sign-in history reads these events).
 */
export async function attemptSignIn(db: Tx, raw: unknown, meta: RequestMeta, deps: Deps = {}): Promise<SignInOutcome> {
  const now = deps.now ?? new Date();
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, refusal: "invalid" };
  const { login, password, totp } = parsed.data;

  // A peek (0 points) at this address's failures: once they are used up, nothing is even checked.
  if (meta.ip) {
    const ipState = await limiters.ip.consume(meta.ip, 0);
    if (!ipState.ok || ipState.remaining <= 0) {
      const retryAfterSeconds = ipState.ok ? SIGN_IN_LIMITS.failuresPerIp.durationSeconds : ipState.retryAfterSeconds;
      await audit(db, meta, null, "DENIED", { reason: "throttled" });
      return { ok: false, refusal: "throttled", retryAfterSeconds };
    }
  }

  const user = await db.user.findFirst({
    where: MOBILE_PATTERN.test(login) ? { phone: login } : { username: login },
    select: { id: true, name: true, active: true, passwordHash: true, lockedUntil: true, totpSecretCipher: true, totpEnabledAt: true, totpLastStep: true },
  });
  // Always one bcrypt comparison, so an unknown or locked login answers as slowly as a real one.
  const passwordOk = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);

  if (!user) {
    const countedIp = meta.ip ? limiters.ip.consume(meta.ip) : null;
    const state = await limiters.unknownLogin.consume(login.toLowerCase());
    await countedIp;
    await audit(db, meta, null, "DENIED", { reason: state.ok ? "unknown-login" : "locked" });
    return state.ok ? { ok: false, refusal: "invalid" } : { ok: false, refusal: "locked", retryAfterSeconds: state.retryAfterSeconds };
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    if (meta.ip) await limiters.ip.consume(meta.ip);
    await audit(db, meta, user.id, "DENIED", { reason: "locked" });
    return { ok: false, refusal: "locked", retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000) };
  }

  if (!passwordOk || !user.active) {
    return failure(db, meta, user.id, user.active ? "bad-password" : "inactive", now);
  }

  if (user.totpEnabledAt && user.totpSecretCipher) {
    if (!totp) return { ok: false, refusal: "totp_required" };
    const step = totpStep(user.totpSecretCipher, totp, now);
    // The step is claimed atomically: of two sign-ins racing with one code, only one gets it.
    const claimed =
      step !== null &&
      (await db.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } }))
        .count === 1;
    if (!claimed) return failure(db, meta, user.id, step === null ? "bad-totp" : "reused-totp", now);
  }

  await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
  const sessionId = await startSession(db, user.id, meta, now, deps.limits ?? sessionLimits());
  await audit(db, meta, user.id, "SUCCESS");
  return { ok: true, user: { id: user.id, name: user.name }, sessionId };
}

/** A failed attempt on a real account: one more on its counter; the fifth locks it. */
async function failure(db: Tx, meta: RequestMeta, userId: number, reason: string, now: Date): Promise<SignInOutcome> {
  if (meta.ip) await limiters.ip.consume(meta.ip);
  // The increment is one atomic UPDATE, so concurrent failures are all counted.
  const { failedSignIns } = await db.user.update({ where: { id: userId }, data: { failedSignIns: { increment: 1 } }, select: { failedSignIns: true } });
  if (failedSignIns < MAX_FAILED_SIGN_INS) {
    await audit(db, meta, userId, "DENIED", { reason });
    return { ok: false, refusal: reason === "bad-totp" || reason === "reused-totp" ? "totp_invalid" : "invalid" };
  }
  // The lock is the state from here on; the counter starts again for after it.
  const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  await db.user.update({ where: { id: userId }, data: { lockedUntil, failedSignIns: 0 } });
  await audit(db, meta, userId, "DENIED", { reason, locked: true });
  await recordAudit(db, null, meta, { action: "auth.lockout", result: "SUCCESS", target: { type: "User", id: userId }, detail: { until: lockedUntil.toISOString(), failures: failedSignIns } });
  return { ok: false, refusal: "locked", retryAfterSeconds: LOCK_MINUTES * 60 };
}

function audit(db: Tx, meta: RequestMeta, userId: number | null, result: "SUCCESS" | "DENIED", detail?: Record<string, string | boolean>) {
  return recordAudit(db, null, meta, { action: "auth.signIn", result, target: userId ? { type: "User", id: userId } : null, detail });
}
