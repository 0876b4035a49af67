import type { Role } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import { hashToken } from "@/lib/crypto";
import { cachedReference } from "@/lib/system/reference-cache";
import { checkSession, sessionLimits, type LiveSession, type SessionLimits } from "@/lib/auth/sessions";

/**
 * Who is acting: a user in one of their roles (a membership), or an API client acting in the role
 * an admin gave it. Scope comes from the membership: an organization subtree (staff, officers,
 * mediators), a region subtree (leaders, region admins), or the actor's own records (residents,
 * lawyers). Paths are the materialized tree paths of Region/Organization.
 */
export type Actor = {
  userId: number | null;
  apiClientId: number | null;
  name: string;
  role: Role;
  membershipId: number | null;
  organizationId: number | null;
  organizationPath: string | null;
  /** the region the actor may see: its organization's region, or its membership region */
  regionId: number | null;
  regionPath: string | null;
  /** a signed-in user's server-side session (lib/auth/sessions.ts); absent for API clients */
  session?: LiveSession;
};

// Staff roles before leaders before residents: a user with several memberships starts in the first.
const ROLE_ORDER: Role[] = ["ADMIN", "LEADER", "LEGAL_AID_OFFICER", "STAFF", "MEDIATOR", "LAWYER", "RESIDENT"];

const membershipSelect = {
  id: true,
  role: true,
  organization: { select: { id: true, path: true, region: { select: { id: true, path: true } } } },
  region: { select: { id: true, path: true } },
} as const;

/** The actor of a signed-in user; null when the user or the chosen membership no longer exists. */
export async function actorForUser(db: Tx, userId: number, membershipId?: number | null): Promise<Actor | null> {
  const user = await db.user.findFirst({
    where: { id: userId, active: true },
    select: { id: true, name: true, memberships: { select: membershipSelect } },
  });
  if (!user || user.memberships.length === 0) return null;
  const membership =
    user.memberships.find((m) => m.id === membershipId) ??
    [...user.memberships].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))[0];
  const region = membership.organization?.region ?? membership.region;
  return {
    userId: user.id,
    apiClientId: null,
    name: user.name,
    role: membership.role,
    membershipId: membership.id,
    organizationId: membership.organization?.id ?? null,
    organizationPath: membership.organization?.path ?? null,
    regionId: region?.id ?? null,
    regionPath: region?.path ?? null,
  };
}

/**
 * The actor of a browser session: the JWT names the user and the session row; the row must still be
 * alive (not ended, not idle, not past its lifetime) or the request is treated as signed out.
 */
export async function actorForSession(
  db: Tx,
  token: { userId: number; sessionId: string; membershipId?: number | null },
  now = new Date(),
  limits: SessionLimits = sessionLimits(),
): Promise<Actor | null> {
  const session = await checkSession(db, token.sessionId, token.userId, now, limits);
  if (!session) return null;
  const actor = await actorForUser(db, token.userId, token.membershipId);
  return actor ? { ...actor, session } : null;
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor of an API bearer token; null when unknown or revoked. */
export async function actorForApiToken(db: Tx, token: string): Promise<Actor | null> {
  // Kept in memory between changes to API clients, organizations and regions: revoking a token
  // clears every instance's copy when it commits (lib/system/reference-cache.ts).
  const tokenHash = hashToken(token);
  const client = await cachedReference(`apiClient:${tokenHash}`, async () => {
    const found = await db.apiClient.findFirst({
      where: { tokenHash, revokedAt: null },
      select: { id: true, name: true, role: true, lastUsedAt: true, organization: { select: { id: true, path: true, region: { select: { id: true, path: true } } } } },
    });
    return found && { ...found, lastUsedMs: found.lastUsedAt?.getTime() ?? null };
  });
  if (!client) return null;
  // "Last used" to the minute is all the admin page shows. Writing it on every call made every
  // request of a busy client (the 12348 hotline) queue on one row lock; now it is one write a minute
  // (per instance at most: the cached copy remembers this instance's last write).
  const now = new Date();
  if (client.lastUsedMs === null || now.getTime() - client.lastUsedMs >= LAST_USED_RESOLUTION_MS) {
    client.lastUsedMs = now.getTime();
    await db.apiClient.updateMany({ where: { id: client.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] }, data: { lastUsedAt: now } });
  }
  return {
    userId: null,
    apiClientId: client.id,
    name: client.name,
    role: client.role,
    membershipId: null,
    organizationId: client.organization.id,
    organizationPath: client.organization.path,
    regionId: client.organization.region.id,
    regionPath: client.organization.region.path,
  };
}
