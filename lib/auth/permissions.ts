import type { Role } from "@/lib/generated/prisma/enums";

/** Anyone, signed in or not. */
export const PUBLIC = "PUBLIC" as const;
type Grantee = Role | typeof PUBLIC;

// The permission table: every action a door (server action or API route) can perform, and who may.
// Being listed here is necessary, not sufficient: the use case still scopes its query to the actor
// (lib/auth/scope.ts). Anything not listed is refused (fail closed).
export const PERMISSIONS = {
  "health.read": [PUBLIC],
  "api.describe": [PUBLIC],
  "servicePoint.search": [PUBLIC],
  "account.register": [PUBLIC],

  /** 账号安全: one's own password, sessions, sign-in history and second factor */
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
  /** 账号管理: force sign-out, unlock, deactivate, reset the second factor (users in the admin's scope) */
  "user.manage": ["ADMIN"],

  // work orders (工单)
  "workOrder.intake": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "workOrder.submit": ["RESIDENT"],
  "workOrder.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "workOrder.inbox": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "workOrder.process": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "workOrder.rate": ["RESIDENT"],
  "workOrder.rateByLink": [PUBLIC],
  "workOrder.stats": ["LEADER", "ADMIN"],
  "workOrder.rules": ["ADMIN"],

  // legal aid (法律援助)
  "legalAid.eligibility": [PUBLIC],
  "legalAid.standards": ["ADMIN"],
  "legalAid.apply": ["RESIDENT"],
  "legalAid.intake": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "legalAid.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "legalAid.draft": ["RESIDENT"],
  /** the deciding centre's review, assignment, requests, follow-up, quality and archive */
  "legalAid.review": ["LEGAL_AID_OFFICER"],
  "legalAid.supplement": ["RESIDENT"],
  "legalAid.withdraw": ["RESIDENT"],
  "legalAid.object": ["RESIDENT"],
  /** the justice bureau decides objections (Art. 49) */
  "legalAid.decideObjection": ["LEADER"],
  "legalAid.requestLawyerChange": ["RESIDENT"],
  "legalAid.rate": ["RESIDENT"],
  /** the assigned lawyer's side: progress, termination request, closing */
  "legalAid.handle": ["LAWYER"],
  "legalAid.document": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "LAWYER"],
  "legalAid.rules": ["ADMIN"],

  // 点援制: the roster, the applicant's choice, offers and the pool, supervision
  "lawyer.roster": [PUBLIC],
  "legalAid.choose": ["RESIDENT"],
  "legalAid.offer": ["LAWYER"],
  "lawyer.suspend": ["LEGAL_AID_OFFICER"],
  "legalAid.indicators": ["LEADER", "ADMIN"],

  // people's mediation (人民调解)
  /** a party applies online */
  "mediation.apply": ["RESIDENT"],
  /** walk-ins, proactive cases (主动排查), referrals; API clients of courts and police act as STAFF */
  "mediation.intake": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  "mediation.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  /** a party answers online whether they agree to mediation (Art. 17) */
  "mediation.respond": ["RESIDENT"],
  /** the committee's work: consent, assignment, sessions, outcome, agreement, confirmation, follow-up, escalation */
  "mediation.process": ["STAFF", "MEDIATOR"],
  "mediation.indicators": ["LEADER", "ADMIN"],

  // indicators (指标): the registry evaluated for a region subtree
  "stats.read": ["LEADER", "ADMIN"],
  /** plan targets (规划指标) and the figures the system cannot count */
  "stats.targets": ["ADMIN"],
  /** 历史数据导入: historical records from spreadsheets, written as ordinary records */
  "imports.run": ["ADMIN"],

  /** 查进度: anyone with the number, the phone on record and the SMS code sees that one timeline */
  "progress.lookup": [PUBLIC],
  /** 办事指南 over the time limits in force */
  "guide.read": [PUBLIC],
  /** this browser's display preferences (关怀模式): a cookie, no record */
  "preference.set": [PUBLIC],

  // personal data (个人信息保护法, decision 014)
  /** 显示完整号码: one full ID number, audited — for the roles whose work needs it, within the record's own scope */
  "personalData.reveal": ["STAFF", "LEGAL_AID_OFFICER", "MEDIATOR", "LAWYER"],
  /** the consents on record for a case: staff all of them, a resident their own */
  "consent.read": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "MEDIATOR"],
  /** a resident withdraws their own sensitive-data consent (Art. 15) */
  "consent.withdraw": ["RESIDENT"],

  "notification.mine": ["RESIDENT", "STAFF", "LEGAL_AID_OFFICER", "LAWYER", "MEDIATOR", "LEADER", "ADMIN"],
  "notification.outbox": ["ADMIN"],
} as const satisfies Record<string, readonly Grantee[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPublic(permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Grantee[]).includes(PUBLIC);
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  const grantees = PERMISSIONS[permission] as readonly Grantee[] | undefined;
  if (!grantees) return false;
  return grantees.includes(PUBLIC) || (!!role && grantees.includes(role));
}

export const ROLE_LABELS: Record<Role, string> = {
  RESIDENT: "群众",
  STAFF: "窗口工作人员",
  LEGAL_AID_OFFICER: "法律援助审查人员",
  LAWYER: "律师",
  MEDIATOR: "人民调解员",
  LEADER: "司法局领导",
  ADMIN: "系统管理员",
};

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  RESIDENT: "/resident",
  STAFF: "/staff",
  LEGAL_AID_OFFICER: "/staff",
  MEDIATOR: "/staff",
  LAWYER: "/lawyer",
  LEADER: "/leader",
  ADMIN: "/admin",
};
