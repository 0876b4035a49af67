import { createHash } from "node:crypto";
import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { AppError, forbidden, notFound, ruleViolation } from "@/lib/errors";
import { endSession, idleLimitMs, isOpen, touchSession } from "@/lib/auth/sessions";
import { rateLimiter, waitText } from "@/lib/rate-limit";
import { describeDevice } from "@/lib/accounts/user-agent";

// 账号安全 (/account/security): a signed-in user's own sessions, sign-in history and second
// factor. Every use case here acts on the actor's own account only: there is no user id in any input.

export const HISTORY_LENGTH = 30;

/**
 * Wrong current passwords and wrong authenticator codes on this page, per account: 5 per 15
 * minutes. The page is behind a session, but a session left open on a shared computer must not
 * become a way to guess the password or brute-force the second factor.
 */
export const VERIFY_LIMIT = { name: "account-verify-fail", points: 5, durationSeconds: 15 * 60 } as const;
const verifyLimiter = rateLimiter(VERIFY_LIMIT);

/** Refuses at once when the account's wrong answers are used up. */
export async function assertVerifyAllowed(userId: number) {
  const state = await verifyLimiter.consume(String(userId), 0);
  if (!state.ok || state.remaining <= 0) {
    throw new AppError("RATE_LIMITED", `验证失败次数过多，${waitText(state.ok ? VERIFY_LIMIT.durationSeconds : state.retryAfterSeconds)}。`);
  }
}

/** Counts one wrong answer (outside the use case's transaction, so the rollback does not undo it). */
export async function countVerifyFailure(userId: number) {
  await verifyLimiter.consume(String(userId));
}

/** The signed-in user's id; API clients (no user) have no account here. */
export function ownUserId(actor: Actor): number {
  if (!actor.userId) throw forbidden();
  return actor.userId;
}

/**
 * A session's id is the key the cookie points at; the page gets a digest of it instead, enough to
 * say "end that one" without ever putting the id itself in HTML.
 */
export const sessionHandle = (id: string) => createHash("sha256").update(`session:${id}`).digest("hex").slice(0, 20);

export type SignInHistoryEntry = {
  at: Date;
  outcome: "成功" | "失败" | "锁定";
  detail: string | null;
  ip: string | null;
  device: string;
};

const DENIAL_TEXT: Record<string, string> = {
  "bad-password": "密码错误",
  "bad-totp": "动态验证码错误",
  "reused-totp": "动态验证码已使用过",
  inactive: "账号已停用",
  locked: "账号锁定期间尝试登录",
  throttled: "登录过于频繁",
};

/** The user's roles decide the idle timeout and whether the second factor is offered (staff roles, not residents). */
async function ownAccount(db: Tx, userId: number) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { username: true, phone: true, passwordChangedAt: true, totpEnabledAt: true, totpSecretCipher: true, memberships: { select: { role: true } } },
  });
  if (!user) throw notFound("账号");
  return user;
}

export const getAccountSecurity = defineUseCase({
  name: "account.security.read",
  permission: "account.security",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const userId = ownUserId(actor);
    const now = new Date();
    const user = await ownAccount(db, userId);
    const roles = user.memberships.map((m) => m.role);
    const idleMs = idleLimitMs(roles);
    const [sessions, events] = await Promise.all([
      db.userSession.findMany({
        where: { userId, endedAt: null, expiresAt: { gt: now } },
        select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, endedAt: true, ip: true, userAgent: true },
        orderBy: { lastSeenAt: "desc" },
      }),
      // This account's sign-in attempts: the events point at it (targetType User), whoever made them.
      db.auditEvent.findMany({
        where: { action: "auth.signIn", targetType: "User", targetId: String(userId) },
        select: { at: true, result: true, ip: true, userAgent: true, detail: true },
        orderBy: { at: "desc" },
        take: HISTORY_LENGTH,
      }),
    ]);
    const history: SignInHistoryEntry[] = events.map((e) => {
      const detail = (e.detail ?? {}) as { reason?: string; locked?: boolean };
      const outcome = e.result === "SUCCESS" ? "成功" : detail.locked || detail.reason === "locked" ? "锁定" : "失败";
      const text = detail.reason ? (DENIAL_TEXT[detail.reason] ?? null) : null;
      return { at: e.at, outcome, detail: detail.locked ? `${text ?? "登录失败"}，账号已锁定` : text, ip: e.ip, device: describeDevice(e.userAgent) };
    });
    return {
      login: user.username ?? user.phone ?? "",
      passwordChangedAt: user.passwordChangedAt,
      idleMinutes: Math.round(idleMs / 60_000),
      sessions: sessions
        .filter((s) => isOpen(s, idleMs, now))
        .map((s) => ({
          handle: sessionHandle(s.id),
          current: s.id === actor.session?.id,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          ip: s.ip,
          device: describeDevice(s.userAgent),
        })),
      history,
      totp: {
        /** offered to staff roles, leaders and admins; residents sign in with the password only */
        available: roles.some((r) => r !== "RESIDENT"),
        enabled: !!user.totpEnabledAt,
        enabledAt: user.totpEnabledAt,
        pending: !!user.totpSecretCipher && !user.totpEnabledAt,
      },
    };
  },
});

export const EndSessionInput = z.object({ handle: z.string({ error: "请选择要退出的设备" }).regex(/^[0-9a-f]{20}$/, "请选择要退出的设备") });

/** 退出此设备: ends one of the user's own other sessions (the current one signs out through 退出登录). */
export const endOwnSession = defineUseCase({
  name: "account.session.end",
  permission: "account.security",
  write: true,
  input: EndSessionInput,
  target: (_input, result: { userId: number }) => ({ type: "User", id: result.userId }),
  async run({ db, actor, input }) {
    const userId = ownUserId(actor);
    const open = await db.userSession.findMany({ where: { userId, endedAt: null }, select: { id: true } });
    const session = open.find((s) => sessionHandle(s.id) === input.handle);
    if (!session) throw notFound("登录设备");
    if (session.id === actor.session?.id) throw ruleViolation("这是您正在使用的设备，请用页面顶部的“退出登录”", "handle");
    await endSession(db, session.id, "SIGN_OUT");
    return { userId };
  },
});

/**
 * 继续使用 in the idle warning: marks the session used now and tells the page how long it has
 * again. A heartbeat, not a change to any record, so it is not audited.
 */
export const keepSessionAlive = defineUseCase({
  name: "account.session.touch",
  permission: "account.security",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const userId = ownUserId(actor);
    if (!actor.session || !(await touchSession(db, actor.session.id, userId))) throw new AppError("UNAUTHENTICATED", "登录已失效，请重新登录");
    return { idleSeconds: actor.session.idleSeconds, expiresAt: actor.session.expiresAt };
  },
});
