import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { RequestMeta } from "@/lib/audit/record";

// Server-side sessions (等保 session control). The signed JWT cookie only carries the id of a
// UserSession row; the row decides whether the session is still alive. That is what lets an admin
// force a sign-out, a user end a session on another device, and the server apply an idle timeout
// and an absolute lifetime — none of which a bare JWT can do before it expires.

export type SessionLimits = {
  /** absolute lifetime from sign-in, whatever the activity */
  maxMs: number;
  /** idle timeout for staff roles (everyone who handles other people's data) */
  idleStaffMs: number;
  /** idle timeout for residents, who only see their own records */
  idleResidentMs: number;
};

export type SessionEndReason = "SIGN_OUT" | "IDLE" | "EXPIRED" | "FORCED" | "PASSWORD_CHANGED";

/** lastSeenAt is written at most this often: one UPDATE a minute per active session, not one per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function sessionLimits(): SessionLimits {
  const e = env();
  return {
    maxMs: e.SESSION_MAX_HOURS * 3_600_000,
    idleStaffMs: e.SESSION_IDLE_MINUTES * 60_000,
    idleResidentMs: e.SESSION_IDLE_MINUTES_RESIDENT * 60_000,
  };
}

/** A user with any role besides RESIDENT gets the staff idle timeout: the stricter one wins. */
export function idleLimitMs(roles: readonly Role[], limits: SessionLimits = sessionLimits()): number {
  return roles.some((r) => r !== "RESIDENT") ? limits.idleStaffMs : limits.idleResidentMs;
}

export const newSessionId = () => randomBytes(24).toString("base64url");

/** Opens a session row for a user who has just proved who they are; returns its id (goes into the JWT). */
export async function startSession(db: Tx, userId: number, meta: RequestMeta, now = new Date(), limits = sessionLimits()): Promise<string> {
  const id = newSessionId();
  await db.userSession.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + limits.maxMs),
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

export type LiveSession = {
  id: string;
  /** the idle timeout that applies to this user, in seconds */
  idleSeconds: number;
  /** the absolute end of the session */
  expiresAt: Date;
};

/**
 * Whether the session `id` of user `userId` is still alive at `now`. A session found idle or past
 * its lifetime is ended here (endReason IDLE / EXPIRED), so the user's list and the admin's count
 * agree with what the server enforces. A live session's lastSeenAt is refreshed (at most once a
 * minute): this request is activity.
 */
export async function checkSession(db: Tx, id: string, userId: number, now = new Date(), limits = sessionLimits()): Promise<LiveSession | null> {
  const row = await db.userSession.findUnique({
    where: { id },
    select: { userId: true, lastSeenAt: true, expiresAt: true, endedAt: true, user: { select: { memberships: { select: { role: true } } } } },
  });
  if (!row || row.userId !== userId || row.endedAt) return null;
  const idleMs = idleLimitMs(row.user.memberships.map((m) => m.role), limits);
  if (now >= row.expiresAt) {
    await endSession(db, id, "EXPIRED", now);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= idleMs) {
    await endSession(db, id, "IDLE", now);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.userSession.updateMany({ where: { id, endedAt: null }, data: { lastSeenAt: now } });
  }
  return { id, idleSeconds: Math.round(idleMs / 1000), expiresAt: row.expiresAt };
}

/** Marks the session as used now, whatever the minute throttle says ("继续使用" in the idle warning). */
export async function touchSession(db: Tx, id: string, userId: number, now = new Date()): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id, userId, endedAt: null, expiresAt: { gt: now } }, data: { lastSeenAt: now } });
  return count === 1;
}

/** Ends one session (no-op if it has ended already, so the first reason recorded stays). */
export async function endSession(db: Tx, id: string, reason: SessionEndReason, now = new Date()): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return count === 1;
}

/** Ends every open session of a user, except `keep` (the one making the request); returns how many. */
export async function endUserSessions(db: Tx, userId: number, reason: SessionEndReason, opts: { keep?: string; now?: Date } = {}): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(opts.keep ? { id: { not: opts.keep } } : {}) },
    data: { endedAt: opts.now ?? new Date(), endReason: reason },
  });
  return count;
}

/** Why a session ended (for the sign-in page's notice), or null if it is open or unknown. */
export async function sessionEndReason(db: Tx, id: string): Promise<string | null> {
  const row = await db.userSession.findUnique({ where: { id }, select: { endReason: true, endedAt: true } });
  return row?.endedAt ? row.endReason : null;
}

/**
 * Open sessions as the server would judge them at `now`: not ended, not past their lifetime, and
 * seen within the user's idle timeout (rows not yet marked are idle all the same).
 */
export function isOpen(s: { endedAt: Date | null; expiresAt: Date; lastSeenAt: Date }, idleMs: number, now = new Date()): boolean {
  return !s.endedAt && now < s.expiresAt && now.getTime() - s.lastSeenAt.getTime() < idleMs;
}
