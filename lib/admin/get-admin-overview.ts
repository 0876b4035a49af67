import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { organizationScope, regionScope, userScope } from "@/lib/auth/scope";
import { recentAuditEvents } from "@/lib/audit/search";

/** The admin console's front page: the size of what the admin maintains, and the latest audit events. */
export const getAdminOverview = defineUseCase({
  name: "admin.overview",
  permission: "admin.console",
  write: false,
  input: z.object({}),
  async run({ db, actor }) {
    const [regions, organizations, roles, apiClients, calendarDays, recentAudit] = await Promise.all([
      db.region.groupBy({ by: ["level"], where: regionScope(actor), _count: { _all: true } }),
      db.organization.groupBy({ by: ["tier"], where: organizationScope(actor), _count: { _all: true } }),
      db.membership.groupBy({ by: ["role"], where: { user: userScope(actor) }, _count: { _all: true } }),
      db.apiClient.count({ where: { revokedAt: null, organization: organizationScope(actor) } }),
      db.calendarDay.count(),
      // the same scope as the audit search: a region admin sees only their region's events
      recentAuditEvents(db, actor, 15),
    ]);
    return {
      regions: Object.fromEntries(regions.map((r) => [r.level, r._count._all])),
      organizations: Object.fromEntries(organizations.map((o) => [o.tier, o._count._all])),
      roles: Object.fromEntries(roles.map((r) => [r.role, r._count._all])),
      apiClients,
      calendarDays,
      recentAudit,
    };
  },
});
