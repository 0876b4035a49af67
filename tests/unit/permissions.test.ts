import { describe, expect, it } from "vitest";
import { can, isPublic, PERMISSIONS, PUBLIC, ROLE_HOME, type Permission } from "@/lib/auth/permissions";
import { Role } from "@/lib/generated/prisma/enums";

const roles = Object.values(Role);

// The whole table, written out once more by hand: a change to who may do what must change both.
const EXPECTED: Record<Permission, (Role | "PUBLIC")[]> = {
  "health.read": ["PUBLIC"],
  "api.describe": ["PUBLIC"],
  "servicePoint.search": ["PUBLIC"],
  "account.register": ["PUBLIC"],
  "account.security": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "LAWYER", "MEDIATOR", "LEADER", "ADMIN"],
  "me.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "LAWYER", "MEDIATOR", "LEADER", "ADMIN"],
  "resident.home": ["RESIDENT"],
  "workbench.view": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "lawyer.workspace": ["LAWYER"],
  "dashboard.view": ["LEADER", "ADMIN"],
  "admin.console": ["ADMIN"],
  "organization.read": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR", "LEADER", "ADMIN"],
  "organization.updateContact": ["STAFF", "ADMIN"],
  "organization.manage": ["ADMIN"],
  "region.read": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR", "LEADER", "ADMIN"],
  "region.manage": ["ADMIN"],
  "calendar.manage": ["ADMIN"],
  "apiClient.manage": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "user.manage": ["ADMIN"],
  "workOrder.intake": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "workOrder.submit": ["RESIDENT"],
  "workOrder.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "workOrder.inbox": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "workOrder.process": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "workOrder.rate": ["RESIDENT"],
  "workOrder.rateByLink": ["PUBLIC"],
  "workOrder.stats": ["LEADER", "ADMIN"],
  "workOrder.rules": ["ADMIN"],
  "legalAid.eligibility": ["PUBLIC"],
  "legalAid.standards": ["ADMIN"],
  "legalAid.apply": ["RESIDENT"],
  "legalAid.intake": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "legalAid.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "legalAid.draft": ["RESIDENT"],
  "legalAid.review": ["LEGAL_AID_OFFICER"],
  "legalAid.supplement": ["RESIDENT"],
  "legalAid.withdraw": ["RESIDENT"],
  "legalAid.object": ["RESIDENT"],
  "legalAid.decideObjection": ["LEADER"],
  "legalAid.requestLawyerChange": ["RESIDENT"],
  "legalAid.rate": ["RESIDENT"],
  "legalAid.handle": ["LAWYER"],
  "legalAid.document": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "LAWYER"],
  "legalAid.rules": ["ADMIN"],
  "lawyer.roster": ["PUBLIC"],
  "legalAid.choose": ["RESIDENT"],
  "legalAid.offer": ["LAWYER"],
  "lawyer.suspend": ["LEGAL_AID_OFFICER"],
  "legalAid.indicators": ["LEADER", "ADMIN"],
  "mediation.apply": ["RESIDENT"],
  "mediation.intake": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "mediation.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "mediation.respond": ["RESIDENT"],
  "mediation.process": ["STAFF", "MEDIATOR"],
  "mediation.indicators": ["LEADER", "ADMIN"],
  "stats.read": ["LEADER", "ADMIN"],
  "stats.targets": ["ADMIN"],
  "imports.run": ["ADMIN"],
  "progress.lookup": ["PUBLIC"],
  "guide.read": ["PUBLIC"],
  "preference.set": ["PUBLIC"],
  "personalData.reveal": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR", "LAWYER"],
  "consent.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "consent.withdraw": ["RESIDENT"],
  "notification.mine": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "LAWYER", "MEDIATOR", "LEADER", "ADMIN"],
  "notification.outbox": ["ADMIN"],
};

describe("permission table", () => {
  it("lists exactly the expected permissions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of roles) {
      const allowed = EXPECTED[permission].includes(PUBLIC) || EXPECTED[permission].includes(role);
      it(`${permission} × ${role} → ${allowed ? "allow" : "deny"}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
    it(`${permission} × anonymous → ${isPublic(permission) ? "allow" : "deny"}`, () => {
      expect(can(null, permission)).toBe(EXPECTED[permission].includes(PUBLIC));
    });
  }

  it("fails closed for unknown permissions and roles", () => {
    expect(can("ADMIN", "no.such.permission" as Permission)).toBe(false);
    expect(can("GHOST" as Role, "organization.manage")).toBe(false);
  });

  it("gives every role a home", () => {
    for (const role of roles) expect(ROLE_HOME[role]).toMatch(/^\/[a-z]+$/);
  });
});
