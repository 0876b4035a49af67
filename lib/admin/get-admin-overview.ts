import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { organizationScope, regionScope, userScope } from "@/lib/auth/scope";

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
      db.auditEvent.findMany({
        orderBy: { id: "desc" },
        take: 15,
        select: { id: true, at: true, action: true, result: true, actorRole: true, targetType: true, targetId: true, ip: true },
      }),
    ]);
    return {
      regions: Object.fromEntries(regions.map((r) => [r.level, r._count._all])),
      organizations: Object.fromEntries(organizations.map((o) => [o.tier, o._count._all])),
      roles: Object.fromEntries(roles.map((r) => [r.role, r._count._all])),
      apiClients,
      calendarDays,
      recentAudit: recentAudit.map((e) => ({ ...e, id: e.id.toString() })),
    };
  },
});
