import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";

// Scope lives inside the query: a row outside the actor's reach is never read. Each builder fails
// closed — a role it does not know gets a filter that matches nothing.
const NOTHING = { id: { in: [] as number[] } };

const ORGANIZATION_ROLES = new Set(["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"]);

/** Organizations the actor may see: its organization's subtree, or every one in its region subtree. */
export function organizationScope(actor: Actor): Prisma.OrganizationWhereInput {
  if (ORGANIZATION_ROLES.has(actor.role) && actor.organizationPath) {
    return { path: { startsWith: actor.organizationPath } };
  }
  if (actor.role === "LEADER" && actor.regionPath) return { region: { path: { startsWith: actor.regionPath } } };
  if (actor.role === "ADMIN") return actor.regionPath ? { region: { path: { startsWith: actor.regionPath } } } : {};
  return NOTHING;
}

/** Regions the actor may see: the region subtree its organization or membership sits on. */
export function regionScope(actor: Actor): Prisma.RegionWhereInput {
  if ((ORGANIZATION_ROLES.has(actor.role) || actor.role === "LEADER") && actor.regionPath) {
    return { path: { startsWith: actor.regionPath } };
  }
  if (actor.role === "ADMIN") return actor.regionPath ? { path: { startsWith: actor.regionPath } } : {};
  return NOTHING;
}

/** Users the actor may see: admins their scope; everyone else only themselves. */
export function userScope(actor: Actor): Prisma.UserWhereInput {
  if (actor.role === "ADMIN" && !actor.regionPath) return {};
  if (actor.role === "ADMIN" && actor.regionPath) {
    return {
      memberships: {
        some: {
          OR: [
            { organization: { region: { path: { startsWith: actor.regionPath } } } },
            { region: { path: { startsWith: actor.regionPath } } },
          ],
        },
      },
    };
  }
  return actor.userId ? { id: actor.userId } : NOTHING;
}

/**
 * Work orders the actor may see: staff roles (and API clients acting as them) those owned by their
 * organization's subtree; residents their own. Leaders read aggregates only, never single orders.
 */
export function workOrderScope(actor: Actor): Prisma.WorkOrderWhereInput {
  if (ORGANIZATION_ROLES.has(actor.role) && actor.organizationPath) {
    return { organization: { path: { startsWith: actor.organizationPath } } };
  }
  if (actor.role === "RESIDENT" && actor.userId) return { requesterUserId: actor.userId };
  return NOTHING;
}

/**
 * Legal-aid cases the actor may see: staff roles those whose work order sits in their subtree (the
 * deciding centre keeps it after the order closes); residents their own applications; lawyers the
 * cases assigned to them; leaders the cases of their region (they decide objections, Art. 49).
 */
export function legalAidScope(actor: Actor): Prisma.LegalAidApplicationWhereInput {
  if (ORGANIZATION_ROLES.has(actor.role) && actor.organizationPath) {
    return { workOrder: { organization: { path: { startsWith: actor.organizationPath } } } };
  }
  if (actor.role === "RESIDENT" && actor.userId) {
    return { OR: [{ applicantUserId: actor.userId }, { workOrder: { requesterUserId: actor.userId } }] };
  }
  if (actor.role === "LAWYER" && actor.userId) return { lawyerUserId: actor.userId };
  if (actor.role === "LEADER" && actor.regionPath) return { workOrder: { region: { path: { startsWith: actor.regionPath } } } };
  return NOTHING;
}

/**
 * Mediation cases the actor may see: staff roles those whose work order sits in their subtree (a
 * case escalated upward leaves the lower tier's view); residents the cases they are a party to or
 * applied for. Leaders read aggregates only.
 */
export function mediationScope(actor: Actor): Prisma.MediationCaseWhereInput {
  if (ORGANIZATION_ROLES.has(actor.role) && actor.organizationPath) {
    return { workOrder: { organization: { path: { startsWith: actor.organizationPath } } } };
  }
  if (actor.role === "RESIDENT" && actor.userId) {
    return { OR: [{ parties: { some: { userId: actor.userId } } }, { workOrder: { requesterUserId: actor.userId } }] };
  }
  return NOTHING;
}

/**
 * For the admin's city-wide operations — the working-day calendar, the time-limit rules, historical
 * imports (records of any county), the overdue job: an admin user scoped to a region is refused (fail
 * closed), since the change reaches every county, not only theirs. An API client acting as ADMIN is
 * provisioned by operations (the admin page creates only staff roles) and acts for the admin who
 * created it; its region is merely where it is registered.
 */
export function requireCityWideAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN" || (actor.apiClientId === null && actor.regionPath)) throw forbidden();
}
