import type { Db, Tx } from "@/lib/db";
import { addDays, shanghaiDate } from "@/lib/calendar/working-days";
import { chineseDate } from "@/lib/calendar/chinese-date";
import { lockMediationById, notifyCommittee, notifyParties } from "@/lib/mediation/case";
import { CONFIRMATION_WARNING_DAYS } from "@/lib/mediation/aftercare-rules";

// The daily reminders after a successful mediation (lib/jobs/boss.ts, 08:00 Asia/Shanghai):
// (a) the 30-day court-confirmation window (Art. 33) is about to close and the parties have not
//     applied: the committee and the parties are told once (confirmationWarnedAt);
// (b) the agreed performance date has come and no 履行回访 is recorded: the committee is reminded
//     to check (Art. 31). It matches only on the day itself, so one daily run reminds once.
// Each batch commits on its own and claims its rows with SKIP LOCKED, so two workers never send
// the same reminder and a committee's step in progress wins (like lib/legal-aid/expire-materials.ts).

const BATCH = 100;

type Claimed = { id: number };

async function inBatches(db: Db, claim: (tx: Tx, afterId: number) => Promise<Claimed[]>, each: (tx: Tx, caseId: number) => Promise<boolean>) {
  let count = 0;
  // Keyset paging: a row skipped because it was locked, or left as it was, is not claimed again in this run.
  let afterId = 0;
  for (;;) {
    const rows = await db.$transaction(async (tx) => {
      const claimed = await claim(tx, afterId);
      for (const row of claimed) if (await each(tx, row.id)) count += 1;
      return claimed;
    });
    if (rows.length) afterId = rows[rows.length - 1].id;
    if (rows.length < BATCH) return count;
  }
}

export async function sendMediationReminders(db: Db, now: Date): Promise<{ confirmationWarned: number; performanceReminded: number }> {
  const today = shanghaiDate(now);
  // Dates go to SQL as 'YYYY-MM-DD' text cast to date: independent of the connection's TimeZone.
  const warnFrom = today;
  const warnUntil = addDays(today, CONFIRMATION_WARNING_DAYS);

  const confirmationWarned = await inBatches(
    db,
    (tx, afterId) => tx.$queryRaw<Claimed[]>`
      SELECT m."id"
      FROM "MediationCase" m
      JOIN "WorkOrder" w ON w."id" = m."workOrderId"
      WHERE m."status" = 'SUCCEEDED' AND m."confirmationDueOn" IS NOT NULL
        AND m."confirmationDueOn" >= ${warnFrom}::date AND m."confirmationDueOn" <= ${warnUntil}::date
        AND m."confirmationAppliedOn" IS NULL AND m."confirmationWarnedAt" IS NULL
        AND m."id" > ${afterId}
      ORDER BY m."id"
      LIMIT ${BATCH}
      FOR UPDATE OF w SKIP LOCKED`,
    async (tx, caseId) => {
      const c = await lockMediationById(tx, caseId);
      if (!c?.confirmationDueOn) return false;
      const due = chineseDate(c.confirmationDueOn);
      await tx.mediationCase.update({ where: { id: c.id }, data: { confirmationWarnedAt: now } });
      await notifyParties(
        tx,
        c,
        `人民调解案件 ${c.workOrder.number} 的调解协议申请司法确认的期限将于 ${due} 届满。如需申请，请双方当事人在期限内共同向人民法院申请（人民调解法第三十三条）；不申请的无需处理。`,
      );
      await notifyCommittee(tx, c, `调解案件 ${c.workOrder.number} 的司法确认申请期限将于 ${due} 届满，当事人尚未申请，请提醒当事人。`);
      return true;
    },
  );

  const performanceReminded = await inBatches(
    db,
    (tx, afterId) => tx.$queryRaw<Claimed[]>`
      SELECT m."id"
      FROM "MediationCase" m
      JOIN "WorkOrder" w ON w."id" = m."workOrderId"
      WHERE m."status" = 'SUCCEEDED' AND m."performanceDueOn" = ${warnFrom}::date AND m."performance" IS NULL
        AND m."id" > ${afterId}
      ORDER BY m."id"
      LIMIT ${BATCH}
      FOR UPDATE OF w SKIP LOCKED`,
    async (tx, caseId) => {
      const c = await lockMediationById(tx, caseId);
      if (!c) return false;
      await notifyCommittee(
        tx,
        c,
        `调解案件 ${c.workOrder.number} 的调解协议今日（${chineseDate(now)}）到履行期限，请进行履行回访并登记履行情况（人民调解法第三十一条）。`,
      );
      return true;
    },
  );

  return { confirmationWarned, performanceReminded };
}
