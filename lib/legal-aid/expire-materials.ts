import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { closeCaseOrder, addCaseEvent, lockCase, notifyApplicant } from "@/lib/legal-aid/case";
import { chineseDate } from "@/lib/calendar/chinese-date";
import { settlePause } from "@/lib/legal-aid/review";

const BATCH = 100;
export const EXPIRED_REASON = "逾期未补充材料，视为撤回申请";

/**
 * The deciding centre itself, acting through the system: the job reads and locks each case through
 * the same scoped lockCase the officers use, as the centre that owns it; events and notices carry
 * no user ("系统").
 */
function centreSystemActor(organization: { id: number; path: string }): Actor {
  return {
    userId: null, apiClientId: null, name: "系统", role: "LEGAL_AID_OFFICER", membershipId: null,
    organizationId: organization.id, organizationPath: organization.path, regionId: null, regionPath: null,
  };
}

/**
 * 视为撤回 (法律援助法 Art. 43 ¶2): an application whose one-time materials request was not answered
 * by `materialsDueAt` counts as withdrawn; its work order closes and the applicant is told. Runs
 * every 30 minutes (lib/jobs/boss.ts). Each batch commits on its own and rows are claimed with
 * SKIP LOCKED, so two workers never withdraw the same case and an officer's step in progress wins.
 */
export async function withdrawExpiredApplications(db: Db, now: Date): Promise<{ withdrawn: number }> {
  let withdrawn = 0;
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ number: string; organizationId: number; path: string }[]>`
        SELECT w."number", o."id" AS "organizationId", o."path"
        FROM "LegalAidApplication" a
        JOIN "WorkOrder" w ON w."id" = a."workOrderId"
        JOIN "Organization" o ON o."id" = w."organizationId"
        WHERE a."status" = 'MATERIALS_REQUESTED' AND a."materialsDueAt" < ${now}
        ORDER BY a."materialsDueAt", a."id"
        LIMIT ${BATCH}
        FOR UPDATE OF w SKIP LOCKED`;
      for (const row of rows) {
        let c = await lockCase(tx, centreSystemActor({ id: row.organizationId, path: row.path }), row.number);
        c = await settlePause(tx, c, now);
        await tx.legalAidApplication.update({ where: { id: c.id }, data: { status: "WITHDRAWN", withdrawnAt: now } });
        await closeCaseOrder(tx, c, { userId: null }, EXPIRED_REASON, now);
        await addCaseEvent(tx, c, "WITHDRAWN", null, { reason: EXPIRED_REASON });
        await notifyApplicant(
          tx,
          c,
          `您的法律援助申请 ${c.workOrder.number} 未在 ${chineseDate(c.materialsDueAt ?? now)} 前补充材料，依照法律援助法第四十三条视为撤回申请。如仍需法律援助，可以重新申请。`,
        );
      }
      return rows.length;
    });
    withdrawn += done;
    if (done < BATCH) return { withdrawn };
  }
}
