import { z } from "zod";
import type { ConsentPurpose } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlInstant } from "@/lib/sql";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { defineUseCase, type UseCaseResult } from "@/lib/api/use-case";
import { legalAidScope, mediationScope, workOrderScope } from "@/lib/auth/scope";
import { notFound, ruleViolation } from "@/lib/errors";
import { idParam } from "@/lib/validation";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { addEvent } from "@/lib/work-orders/process";
import { CONSENT_NOTICES, SENSITIVE_CATEGORY_LABELS, type NoticeVersion, type SensitiveCategory } from "@/lib/personal-data/categories";

// 个人信息保护法: consent to processing is recorded per purpose (Art. 14), sensitive personal
// information gets its own, separate consent (Art. 29) naming its categories, and a consent can be
// withdrawn (Art. 15). Each record keeps the version of the notice the person saw, so what they
// agreed to can be shown later (decision 014).

type NewConsent = { userId: number | null; subjectName: string; purpose: ConsentPurpose; categories?: string[]; noticeVersion: NoticeVersion; givenAt: Date };

/**
 * recordConsents for an order being inserted in the same statement (lib/legal-aid/apply.ts): one
 * INSERT of every consent, for the order of the CTE `source` (columns id, requesterUserId) and
 * given by its requester's account.
 */
export function consentsInsertSql(consents: Omit<NewConsent, "userId">[], source: string): Prisma.Sql {
  const src = Prisma.raw(source);
  const rows = consents.map(
    (c) => Prisma.sql`(${c.subjectName.slice(0, 40)}, ${c.purpose}::"ConsentPurpose", ${c.categories ?? []}::text[], ${c.noticeVersion}, ${sqlInstant(c.givenAt)})`,
  );
  return Prisma.sql`INSERT INTO "ConsentRecord" ("workOrderId", "userId", "subjectName", "purpose", "categories", "noticeVersion", "givenAt")
    SELECT ${src}."id", ${src}."requesterUserId", v."subjectName", v."purpose", v."categories", v."noticeVersion", v."givenAt"
    FROM ${src} CROSS JOIN (VALUES ${Prisma.join(rows)}) AS v ("subjectName", "purpose", "categories", "noticeVersion", "givenAt")`;
}

/** Writes the consents given with one request, in the request's transaction. */
export async function recordConsents(db: Tx, workOrderId: number, consents: NewConsent[]) {
  if (!consents.length) return;
  await db.consentRecord.createMany({
    data: consents.map((c) => ({
      workOrderId,
      userId: c.userId,
      subjectName: c.subjectName.slice(0, 40),
      purpose: c.purpose,
      categories: c.categories ?? [],
      noticeVersion: c.noticeVersion,
      givenAt: c.givenAt,
    })),
  });
}

/**
 * The work orders whose consents the actor may read: the legal-aid or mediation case in the actor's
 * scope (as the case pages read it), or the plain work order in scope.
 */
function caseInScope(actor: Actor, number: string) {
  return {
    number,
    OR: [{ legalAid: legalAidScope(actor) }, { mediation: mediationScope(actor) }, workOrderScope(actor)],
  };
}

/**
 * The consents on record for one case: staff see everyone's (who gave which, for what, withdrawn or
 * not); a resident sees only their own. Lawyers and leaders do not read consents.
 */
export const listConsents = defineUseCase({
  name: "consent.list",
  permission: "consent.read",
  write: false,
  input: z.object({ number: WorkOrderNumber }),
  async run({ db, actor, input }) {
    const order = await db.workOrder.findFirst({ where: caseInScope(actor, input.number), select: { id: true } });
    if (!order) throw notFound("案件");
    const rows = await db.consentRecord.findMany({
      where: { workOrderId: order.id, ...(actor.role === "RESIDENT" ? { userId: actor.userId ?? -1 } : {}) },
      orderBy: { id: "asc" },
    });
    return rows.map((r) => {
      const notice = CONSENT_NOTICES[r.noticeVersion as NoticeVersion] as Record<ConsentPurpose, string> | undefined;
      return {
        id: r.id,
        subjectName: r.subjectName,
        purpose: r.purpose,
        categories: r.categories.map((c) => SENSITIVE_CATEGORY_LABELS[c as SensitiveCategory] ?? c),
        noticeVersion: r.noticeVersion,
        noticeText: notice?.[r.purpose] ?? null,
        givenAt: r.givenAt.toISOString(),
        withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
        /** a resident may withdraw their own sensitive-data consent while it stands */
        withdrawable: actor.role === "RESIDENT" && r.purpose === "SENSITIVE_INFO" && !r.withdrawnAt,
      };
    });
  },
});
export type ConsentView = UseCaseResult<typeof listConsents>[number];

/**
 * 撤回同意 (个人信息保护法 Art. 15): a resident withdraws their own consent to the processing of
 * sensitive personal information on one case. Withdrawal does not undo processing already done, and
 * the processing a statutory duty requires goes on (Art. 13(1)(3)) — decision 014; the page says so.
 * The legal-aid application's consent column follows, and the timeline tells the staff.
 */
export const withdrawConsent = defineUseCase({
  name: "consent.withdraw",
  permission: "consent.withdraw",
  write: true,
  input: z.object({ id: idParam("同意记录") }),
  target: (input) => ({ type: "ConsentRecord", id: input.id }),
  async run({ db, actor, input }) {
    const consent = await db.consentRecord.findFirst({
      where: { id: input.id, userId: actor.userId ?? -1, purpose: "SENSITIVE_INFO" },
      select: { id: true, withdrawnAt: true, workOrderId: true, categories: true },
    });
    if (!consent) throw notFound("同意记录");
    if (consent.withdrawnAt) throw ruleViolation("这项同意已经撤回", "_form");
    const now = new Date();
    await db.consentRecord.update({ where: { id: consent.id }, data: { withdrawnAt: now } });
    if (consent.workOrderId) {
      // The application's own column says whether a sensitive consent stands now.
      await db.legalAidApplication.updateMany({ where: { workOrderId: consent.workOrderId }, data: { sensitiveInfoConsentAt: null } });
      const what = consent.categories.map((c) => SENSITIVE_CATEGORY_LABELS[c as SensitiveCategory] ?? c).join("、");
      await addEvent(db, { id: consent.workOrderId }, "REQUESTER_MESSAGE", actor, {
        reason: "撤回敏感个人信息处理同意",
        body: `申请人撤回了对处理敏感个人信息${what ? `（${what}）` : ""}的同意。此前的处理不受影响；履行法定职责所必需的处理依法继续，其他用途停止。`,
      });
    }
    return { id: consent.id, withdrawnAt: now.toISOString() };
  },
});
