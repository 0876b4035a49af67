import type { CrawlRecords } from "./records";

// Every page of the app, each with the accounts that read it and a URL to read (issue 8: axe over
// every route, as every role). tests/unit/route-list.test.ts fails when a page file under app/ has
// no entry here, so a new page cannot ship unchecked; tests/e2e/all-routes.spec.ts visits them all.

/** A demo account (lib/seed/demo-accounts.ts), or nobody signed in. */
export type Visitor =
  | "anonymous" | "resident1" | "staff.station" | "staff.room" | "officer" | "mediator.room" | "lawyer1" | "leader.county" | "leader.city" | "admin";

export const EVERY_ROLE: Visitor[] = ["anonymous", "resident1", "staff.station", "officer", "mediator.room", "lawyer1", "leader.city", "admin"];

export type RouteCheck = {
  /** who reads the page */
  as: Visitor[];
  /** the URL to read, from the crawl's records for dynamic segments */
  path: string | ((r: CrawlRecords) => string);
};

/** Keyed by the page file, relative to the project root. */
export const ROUTES: Record<string, RouteCheck> = {
  // public
  "app/page.tsx": { as: EVERY_ROLE, path: "/" },
  "app/(auth)/login/page.tsx": { as: ["anonymous"], path: "/login" },
  "app/(auth)/register/page.tsx": { as: ["anonymous"], path: "/register" },
  "app/service-points/page.tsx": { as: ["anonymous", "resident1"], path: "/service-points" },
  "app/service-points/[id]/page.tsx": { as: ["anonymous", "resident1"], path: (r) => `/service-points/${r.organizationId}` },
  "app/service-points/[id]/poster/page.tsx": { as: ["anonymous", "staff.room"], path: (r) => `/service-points/${r.organizationId}/poster` },
  "app/guide/page.tsx": { as: ["anonymous", "resident1"], path: "/guide" },
  "app/guide/[service]/page.tsx": { as: ["anonymous"], path: "/guide/legal-aid" },
  "app/track/page.tsx": { as: ["anonymous"], path: "/track" },
  // without a verified code the timeline sends the reader back to the lookup form (tests/e2e/track.spec.ts reads it verified)
  "app/track/[number]/page.tsx": { as: ["anonymous"], path: (r) => `/track/${r.workOrder}` },
  "app/lawyers/page.tsx": { as: ["anonymous", "resident1"], path: "/lawyers" },
  "app/lawyers/[id]/page.tsx": { as: ["anonymous"], path: (r) => `/lawyers/${r.lawyerUserId}` },
  "app/legal-aid/check/page.tsx": { as: ["anonymous"], path: "/legal-aid/check" },
  "app/rate/[token]/page.tsx": { as: ["anonymous"], path: (r) => `/rate/${r.ratingToken}` },
  "app/forbidden/page.tsx": { as: ["resident1"], path: "/forbidden" },
  // "我的首页" redirects every role to its workspace (each checked under its own entry)
  "app/home/page.tsx": { as: ["resident1"], path: "/home" },
  // resident
  "app/resident/page.tsx": { as: ["resident1"], path: "/resident" },
  "app/resident/new/page.tsx": { as: ["resident1"], path: "/resident/new" },
  "app/resident/work-orders/[number]/page.tsx": { as: ["resident1"], path: (r) => `/resident/work-orders/${r.workOrder}` },
  "app/resident/legal-aid/[number]/page.tsx": { as: ["resident1"], path: (r) => `/resident/legal-aid/${r.legalAid}` },
  "app/resident/mediation/[number]/page.tsx": { as: ["resident1"], path: (r) => `/resident/mediation/${r.mediation}` },
  "app/legal-aid/apply/page.tsx": { as: ["resident1"], path: "/legal-aid/apply" },
  "app/mediation/apply/page.tsx": { as: ["resident1"], path: "/mediation/apply" },
  // 账号安全: every signed-in role has one
  "app/account/security/page.tsx": { as: ["resident1", "staff.station", "admin"], path: "/account/security" },
  "app/notifications/page.tsx": { as: ["resident1", "staff.room"], path: "/notifications" },
  "app/legal-aid/documents/[number]/[kind]/page.tsx": { as: ["resident1", "officer"], path: (r) => `/legal-aid/documents/${r.legalAid}/decision` },
  "app/mediation/documents/[number]/[kind]/page.tsx": { as: ["mediator.room"], path: (r) => `/mediation/documents/${r.mediation}/agreement` },
  // staff
  "app/staff/page.tsx": { as: ["staff.station", "officer", "mediator.room"], path: "/staff" },
  "app/staff/intake/page.tsx": { as: ["staff.station"], path: "/staff/intake" },
  "app/staff/work-orders/page.tsx": { as: ["staff.room"], path: "/staff/work-orders" },
  "app/staff/work-orders/[number]/page.tsx": { as: ["staff.room"], path: (r) => `/staff/work-orders/${r.workOrder}` },
  "app/staff/legal-aid/page.tsx": { as: ["officer"], path: "/staff/legal-aid" },
  "app/staff/legal-aid/new/page.tsx": { as: ["staff.station"], path: "/staff/legal-aid/new" },
  "app/staff/legal-aid/[number]/page.tsx": { as: ["officer"], path: (r) => `/staff/legal-aid/${r.legalAid}` },
  "app/staff/lawyers/page.tsx": { as: ["officer"], path: "/staff/lawyers" },
  "app/staff/mediation/page.tsx": { as: ["mediator.room"], path: "/staff/mediation" },
  "app/staff/mediation/new/page.tsx": { as: ["mediator.room"], path: "/staff/mediation/new" },
  "app/staff/mediation/[number]/page.tsx": { as: ["mediator.room"], path: (r) => `/staff/mediation/${r.mediation}` },
  // lawyer
  "app/lawyer/page.tsx": { as: ["lawyer1"], path: "/lawyer" },
  "app/lawyer/legal-aid/[number]/page.tsx": { as: ["lawyer1"], path: (r) => `/lawyer/legal-aid/${r.legalAid}` },
  // leader
  "app/leader/page.tsx": { as: ["leader.county", "leader.city"], path: "/leader" },
  "app/leader/legal-aid/page.tsx": { as: ["leader.county"], path: "/leader/legal-aid" },
  "app/leader/legal-aid/choice/page.tsx": { as: ["leader.county"], path: "/leader/legal-aid/choice" },
  "app/leader/stats/page.tsx": { as: ["leader.county", "leader.city"], path: "/leader/stats" },
  "app/leader/stats/print/page.tsx": { as: ["leader.city"], path: "/leader/stats/print" },
  "app/leader/stats/wall/page.tsx": { as: ["leader.city"], path: "/leader/stats/wall" },
  // admin
  "app/admin/page.tsx": { as: ["admin"], path: "/admin" },
  "app/admin/users/page.tsx": { as: ["admin"], path: "/admin/users" },
  "app/admin/api-clients/page.tsx": { as: ["admin"], path: "/admin/api-clients" },
  "app/admin/audit/page.tsx": { as: ["admin"], path: "/admin/audit" },
  "app/admin/calendar/page.tsx": { as: ["admin"], path: "/admin/calendar" },
  "app/admin/hardship-standards/page.tsx": { as: ["admin"], path: "/admin/hardship-standards" },
  "app/admin/imports/page.tsx": { as: ["admin"], path: "/admin/imports" },
  "app/admin/legal-aid-rules/page.tsx": { as: ["admin"], path: "/admin/legal-aid-rules" },
  "app/admin/notifications/page.tsx": { as: ["admin"], path: "/admin/notifications" },
  "app/admin/organizations/page.tsx": { as: ["admin"], path: "/admin/organizations" },
  "app/admin/organizations/new/page.tsx": { as: ["admin"], path: "/admin/organizations/new" },
  "app/admin/organizations/[id]/page.tsx": { as: ["admin"], path: (r) => `/admin/organizations/${r.organizationId}` },
  "app/admin/regions/page.tsx": { as: ["admin"], path: "/admin/regions" },
  "app/admin/targets/page.tsx": { as: ["admin"], path: "/admin/targets" },
  "app/admin/work-order-rules/page.tsx": { as: ["admin"], path: "/admin/work-order-rules" },
};
