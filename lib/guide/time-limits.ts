import type { DeadlineUnit, WorkOrderType } from "@/lib/generated/prisma/enums";

// The time limits the service guide quotes. They are the ones the system enforces when it is
// installed: the WorkOrderTypeRule rows the work-orders migration inserts and the LegalAidRule
// column defaults. Neither exists as a TypeScript constant elsewhere (they are data an administrator
// may change on /admin/work-order-rules and /admin/legal-aid-rules), so tests/unit/guide.test.ts
// reads the migration and the schema and fails when these drift from them. The catalogue takes the
// limits as a parameter, so a guide that reads the live rules only has to pass different ones.

export type TimeLimit = { value: number; unit: DeadlineUnit };

/** Work-order types the guide quotes a handling limit for. */
export type GuideWorkOrderType = Extract<WorkOrderType, "CONSULTATION" | "LEGAL_AID" | "MEDIATION" | "NOTARY_BOOKING" | "LAWYER_REFERRAL" | "COMPLAINT">;

export type GuideLimits = {
  /** WorkOrderTypeRule.limitValue / limitUnit: LEGAL_AID's is the 7-day decision (法律援助法 Art. 43) */
  workOrders: Record<GuideWorkOrderType, TimeLimit>;
  /** LegalAidRule: every limit after the application counts in `dayBasis` */
  legalAid: { dayBasis: DeadlineUnit; assignDays: number; materialsDays: number; objectionDays: number };
  /**
   * 先行援助 (Art. 44): a limitation period or procedural deadline fewer than this many days away.
   * Fixed by the statute, not configurable (lib/legal-aid/review.ts ADVANCE_AID_DAYS).
   */
  advanceAidDays: number;
};

/** As installed (prisma/migrations/20261122041750_work_orders, prisma/schema.prisma LegalAidRule). */
export const INSTALLED_LIMITS: GuideLimits = {
  workOrders: {
    CONSULTATION: { value: 1, unit: "WORKING_DAYS" },
    LEGAL_AID: { value: 7, unit: "WORKING_DAYS" },
    MEDIATION: { value: 20, unit: "WORKING_DAYS" },
    NOTARY_BOOKING: { value: 3, unit: "WORKING_DAYS" },
    LAWYER_REFERRAL: { value: 3, unit: "WORKING_DAYS" },
    COMPLAINT: { value: 3, unit: "WORKING_DAYS" },
  },
  legalAid: { dayBasis: "WORKING_DAYS", assignDays: 3, materialsDays: 15, objectionDays: 5 },
  advanceAidDays: 7,
};

/** "7 个工作日", "30 天", "24 小时": the wording every resident-facing notice uses. */
export function limitText({ value, unit }: TimeLimit): string {
  if (unit === "WORKING_DAYS") return `${value} 个工作日`;
  if (unit === "CALENDAR_DAYS") return `${value} 天`;
  return `${value} 小时`;
}
