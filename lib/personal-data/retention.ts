import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LegalAidStatus } from "@/lib/generated/prisma/enums";
import { encryptField } from "@/lib/crypto";
import { recordAudit } from "@/lib/audit/record";
import { storage as defaultStorage, type FileStorage } from "@/lib/files/storage";
import { OPEN_MEDIATION_STATUSES } from "@/lib/mediation/labels";
import { logger } from "@/lib/logger";

// 个人信息保护法 Art. 19, 47: personal information is kept no longer than the purpose needs. A closed
// record past the retention period (env DATA_RETENTION_YEARS, decision 014) keeps what the
// indicators count — dates, statuses, types, tiers, regions, channels, outcomes, amounts, ratings'
// scores and the applicant's keyed ID hash for distinct recipients — and loses everything that
// names or describes a person: names, phones, ID numbers, addresses, free texts, signatures and the
// uploaded files. The timeline (WorkOrderEvent) is append-only in the database; its trigger lets
// the texts of an anonymised order's events (and the name of an actor without an account) be
// blanked, nothing else (migration 20261203140000_timeline_anonymise).

export const ANONYMISED = "（已匿名）";
const BATCH = 100;

/** Legal-aid statuses after which nothing more happens on the case (in process: submitted … assigned). */
const LEGAL_AID_DONE: LegalAidStatus[] = ["ARCHIVED", "REFUSED", "WITHDRAWN", "CLOSED", "TERMINATED"];

export type RetentionCounts = { workOrders: number; legalAid: number; mediation: number; parties: number; attachments: number };

/** The cut-off: `years` calendar years before `now`. */
export function retentionCutoff(now: Date, years: number): Date {
  const cut = new Date(now);
  cut.setUTCFullYear(cut.getUTCFullYear() - years);
  return cut;
}

/**
 * Closed work orders, not yet anonymised, closed before the cut-off, with nothing still open on
 * them (a follow-up, an objection, a request) and whose legal-aid or mediation case is finished and
 * untouched since before the cut-off (a case goes on after its order closes: lawyer, closing, aftercare).
 */
function expiredWhere(cutoff: Date): Prisma.WorkOrderWhereInput {
  return {
    anonymisedAt: null,
    status: "CLOSED",
    closedAt: { lt: cutoff },
    followUps: { none: { doneAt: null } },
    AND: [
      {
        OR: [
          { legalAid: { is: null } },
          {
            legalAid: {
              is: {
                status: { in: LEGAL_AID_DONE },
                updatedAt: { lt: cutoff },
                objections: { none: { decidedAt: null } },
                requests: { none: { decidedAt: null } },
              },
            },
          },
        ],
      },
      { OR: [{ mediation: { is: null } }, { mediation: { is: { status: { notIn: OPEN_MEDIATION_STATUSES }, updatedAt: { lt: cutoff } } } }] },
    ],
  };
}

/** `"col" = placeholder` where the column holds text, NULL stays NULL ($2 is the placeholder). */
const blank = (...columns: string[]) => columns.map((c) => `"${c}" = CASE WHEN "${c}" IS NULL THEN NULL ELSE $2 END`).join(", ");

/** One batch of work orders and everything personal hanging off them, in the caller's transaction. */
async function anonymiseBatch(tx: Tx, ids: number[], now: Date, files: string[]): Promise<RetentionCounts> {
  // $1 the ids, $2 the placeholder (typed once here: PostgreSQL deduces a parameter's type from its first use)
  const run = (sql: string, ...params: unknown[]) => tx.$executeRawUnsafe(sql.replaceAll("$2", "$2::text"), ids, ANONYMISED, ...params);

  // The work order: who asked and what they wrote. requesterPhone is NOT NULL: "" is the import's
  // "no phone", which no lookup or SMS matches. The account link goes, so the case leaves the
  // resident's own lists.
  const workOrders = await run(
    `UPDATE "WorkOrder" SET "requesterName" = $2, "requesterPhone" = '', "requesterUserId" = NULL, "subject" = $2, "description" = $2,
       ${blank("resultSummary")} WHERE id = ANY($1::int[])`,
  );
  await tx.workOrder.updateMany({ where: { id: { in: ids } }, data: { anonymisedAt: now } });
  // After anonymisedAt: the timeline's trigger checks it. Names of those who acted in office (any
  // membership but RESIDENT) stay; a resident's, a party's or an unnamed actor's go.
  await run(
    `UPDATE "WorkOrderEvent" e SET ${blank("reason", "body")},
       "actorName" = CASE WHEN "actorName" IS NOT NULL AND ("actorUserId" IS NULL OR NOT EXISTS (
         SELECT 1 FROM "Membership" m WHERE m."userId" = e."actorUserId" AND m.role <> 'RESIDENT')) THEN $2 ELSE "actorName" END
     WHERE "workOrderId" = ANY($1::int[])`,
  );
  await run(`UPDATE "WorkOrderRating" SET ${blank("comment")} WHERE "workOrderId" = ANY($1::int[])`);
  await run(`UPDATE "WorkOrderFollowUp" SET ${blank("result")} WHERE "workOrderId" = ANY($1::int[])`);
  await run(`UPDATE "WorkOrderPause" SET "reason" = $2 WHERE "workOrderId" = ANY($1::int[])`);
  await run(`UPDATE "Notification" SET "recipientPhone" = NULL, "body" = $2 WHERE "workOrderId" = ANY($1::int[])`);
  await run(`UPDATE "ConsentRecord" SET "subjectName" = $2, "userId" = NULL WHERE "workOrderId" = ANY($1::int[])`);

  // 法律援助: the applicant and agent, the matter's free texts, the declared household and any text
  // written about the person. applicantIdHash stays (the distinct-recipient count, decision 014);
  // the ID cipher becomes the placeholder's, so every page that decrypts it still works.
  const legalAid = await run(
    `UPDATE "LegalAidApplication" SET "applicantName" = $2, "applicantIdCipher" = $3::text, "applicantPhone" = '', "applicantAddress" = $2,
       "applicantUserId" = NULL, "agentName" = NULL, "agentRelation" = NULL, "agentPhone" = NULL, "agentIdCipher" = NULL,
       "facts" = $2, "opposingParty" = $2, "economicDetail" = '{}'::jsonb, "greenChannelReason" = NULL, "materialsList" = '{}',
       ${blank("decisionReason", "advanceAidReason", "outcomeSummary", "satisfactionComment", "qualityNote")}
     WHERE "workOrderId" = ANY($1::int[])`,
    encryptField(ANONYMISED),
  );
  const apps = `SELECT id FROM "LegalAidApplication" WHERE "workOrderId" = ANY($1::int[])`;
  await run(`UPDATE "LegalAidObjection" SET "reason" = $2, ${blank("decisionNote")} WHERE "applicationId" IN (${apps})`);
  await run(`UPDATE "LegalAidRequest" SET "detail" = $2, ${blank("decisionNote")} WHERE "applicationId" IN (${apps})`);
  await run(`UPDATE "LegalAidOffer" SET ${blank("declineReason")} WHERE "applicationId" IN (${apps})`);

  // 人民调解: the parties, the sessions' places, attendees and minutes, the agreement's texts and signatures.
  const mediation = await run(
    `UPDATE "MediationCase" SET "signatures" = NULL,
       ${blank("screeningNote", "failureReason", "withdrawalReason", "refusalNote", "agreementFacts", "agreementDisputes",
         "agreementResponsibilities", "agreementTerms", "performanceManner", "performanceNote", "confirmationNote")}
     WHERE "workOrderId" = ANY($1::int[])`,
  );
  const cases = `SELECT id FROM "MediationCase" WHERE "workOrderId" = ANY($1::int[])`;
  const parties = await run(
    `UPDATE "MediationParty" SET "name" = $2, "phone" = NULL, "idCipher" = NULL, "address" = NULL, "agentName" = NULL, "agentPhone" = NULL, "userId" = NULL
     WHERE "caseId" IN (${cases})`,
  );
  await run(`UPDATE "MediationSession" SET "place" = $2, "videoLink" = NULL, ${blank("attendees", "minutes")} WHERE "caseId" IN (${cases})`);

  // Uploaded materials (ID cards, medical certificates …): the files go after the rows.
  const attachments = await tx.workOrderAttachment.findMany({ where: { workOrderId: { in: ids } }, select: { storageKey: true } });
  await tx.workOrderAttachment.deleteMany({ where: { workOrderId: { in: ids } } });
  files.push(...attachments.map((a) => a.storageKey));

  return { workOrders, legalAid, mediation, parties, attachments: attachments.length };
}

/**
 * The retention job: anonymises every expired record in batches of 100, each batch one transaction
 * with one audit event (a system action: no actor; counts only, never a name). Idempotent — an
 * anonymised order is never selected again. Returns the totals.
 */
export async function anonymiseExpired(
  db: Db,
  { now, retention, storage = defaultStorage }: { now: Date; retention: number; storage?: FileStorage },
): Promise<RetentionCounts> {
  const cutoff = retentionCutoff(now, retention);
  const total: RetentionCounts = { workOrders: 0, legalAid: 0, mediation: 0, parties: 0, attachments: 0 };
  for (;;) {
    const files: string[] = [];
    const counts = await db.$transaction(
      async (tx) => {
        // SKIP LOCKED: a case being worked on right now (e.g. a late rating) waits for the next run.
        const rows = await tx.workOrder.findMany({ where: expiredWhere(cutoff), select: { id: true }, orderBy: { id: "asc" }, take: BATCH });
        const ids = rows.length
          ? (await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "WorkOrder" WHERE id = ANY(${rows.map((r) => r.id)}::int[]) FOR UPDATE SKIP LOCKED`).map((r) => r.id)
          : [];
        if (!ids.length) return null;
        const c = await anonymiseBatch(tx, ids, now, files);
        await recordAudit(tx, null, { ip: null, userAgent: null }, {
          action: "retention.anonymise",
          result: "SUCCESS",
          detail: { ...c, retentionYears: retention, cutoff: cutoff.toISOString() },
        });
        return { counts: c, selected: rows.length };
      },
      { timeout: 120_000 },
    );
    if (!counts) break;
    // After the commit, so a rolled-back batch never loses its files. A failed removal leaves a file
    // no page can reach (its row is gone); it is logged by key for the operator to delete.
    for (const key of files) {
      await storage.remove(key).catch((err: unknown) => logger.warn({ err, storageKey: key }, "retention: file not removed"));
    }
    for (const k of Object.keys(total) as (keyof RetentionCounts)[]) total[k] += counts.counts[k];
    if (counts.selected < BATCH) break;
  }
  return total;
}
