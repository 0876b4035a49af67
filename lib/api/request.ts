import { cache } from "react";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { auth } from "@/lib/auth/next-auth";
import { actorForApiToken, actorForSession, type Actor } from "@/lib/auth/actor";
import { sessionEndReason } from "@/lib/auth/sessions";
import type { RequestMeta } from "@/lib/audit/record";

// Framework glue: reads the session and request headers. Domain code receives the results.

export function metaFromHeaders(h: Headers): RequestMeta {
  return {
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent"),
  };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}

type SessionToken = { userId?: number; sessionId?: string; membershipId?: number } | null;

/**
 * The signed-in user's actor, or null — also when the session row has ended (signed out, idle,
 * past its lifetime, forced out by an admin). A cookie from before server-side sessions names no
 * row and so signs in again. Memoised per request: the header and the page share one check.
 */
export const sessionActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as SessionToken;
  if (!session?.userId || !session.sessionId) return null;
  return actorForSession(db, { userId: session.userId, sessionId: session.sessionId, membershipId: session.membershipId });
});

/** The id of the session row the browser's cookie names (open or ended), or null. */
export async function cookieSessionId(): Promise<string | null> {
  const session = (await auth()) as SessionToken;
  return session?.sessionId ?? null;
}

/** Why the browser's last session ended (IDLE, EXPIRED, FORCED …), for the sign-in page; null if none did. */
export async function endedSessionReason(): Promise<string | null> {
  const id = await cookieSessionId();
  return id ? sessionEndReason(db, id) : null;
}

/** API callers: a bearer token of an API client, else the session. `invalid` when a token was sent but is not valid. */
export async function apiActor(h: Headers): Promise<Actor | null | "invalid"> {
  const authz = h.get("authorization");
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    if (!m) return "invalid";
    return (await actorForApiToken(db, m[1])) ?? "invalid";
  }
  return sessionActor();
}
