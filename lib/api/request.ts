import { headers } from "next/headers";
import { db } from "@/lib/db";
import { auth } from "@/lib/auth/next-auth";
import { actorForApiToken, actorForUser, type Actor } from "@/lib/auth/actor";
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

/** The signed-in user's actor, or null. */
export async function sessionActor(): Promise<Actor | null> {
  const session = (await auth()) as { userId?: number; membershipId?: number } | null;
  if (!session?.userId) return null;
  return actorForUser(db, session.userId, session.membershipId);
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
