import type { Tx } from "@/lib/db";
import { defineUseCase } from "@/lib/api/use-case";
import { recordAudit } from "@/lib/audit/record";
import { maskPhone } from "@/lib/identity/id-number";
import { enqueueNotification } from "@/lib/notify/enqueue";
import { enforceRateLimits } from "@/lib/rate-limit";
import { CODE_TTL_MINUTES, codeHash, lookupSmsText, newLookupCode, phoneHash } from "@/lib/tracking/code";
import { lookupLimiters as L } from "@/lib/tracking/limits";
import { RequestCodeInput } from "@/lib/tracking/schemas";

const digits = (phone: string | null | undefined) => (phone ?? "").replace(/\D/g, "");

/**
 * The order of that number if the phone is one recorded on it: the requester's, or for legal aid
 * the applicant's or their agent's, or for mediation an applying party's or their agent's (the
 * people who asked for it; the other side follows a case through their own account).
 */
export async function orderForPhone(db: Tx, number: string, phone: string): Promise<{ id: number } | null> {
  const order = await db.workOrder.findUnique({
    where: { number },
    select: {
      id: true,
      requesterPhone: true,
      legalAid: { select: { applicantPhone: true, agentPhone: true } },
      mediation: { select: { parties: { where: { role: "APPLICANT" }, select: { phone: true, agentPhone: true } } } },
    },
  });
  if (!order) return null;
  const phones = [
    order.requesterPhone,
    order.legalAid?.applicantPhone,
    order.legalAid?.agentPhone,
    ...(order.mediation?.parties.flatMap((p) => [p.phone, p.agentPhone]) ?? []),
  ].map(digits);
  return phones.includes(phone) ? { id: order.id } : null;
}

/**
 * 查进度, step 1: texts a one-time code to the phone if it is on record for that number. The
 * answer is the same either way, so the form cannot tell anyone which numbers exist or whose
 * phone is whose; only the audit trail records that the pair did not match.
 */
export const requestLookupCode = defineUseCase({
  name: "progress.requestCode",
  permission: "progress.lookup",
  write: true,
  input: RequestCodeInput,
  target: (input) => ({ type: "WorkOrder", id: input.number }),
  async run({ db, actor, input, meta }) {
    // Counted before the look-up, matching or not, so probing costs the same as asking.
    await enforceRateLimits(
      [
        [L.sendPerPhone, input.phone],
        [L.sendPerPhoneDay, input.phone],
        [L.sendPerNumber, input.number],
        [L.sendPerIp, meta.ip],
      ],
      "获取验证码",
    );
    const order = await orderForPhone(db, input.number, input.phone);
    if (order) {
      const now = new Date();
      const code = newLookupCode();
      const ph = phoneHash(input.phone);
      // Only the newest code works: an earlier one still in an SMS inbox is retired.
      await db.progressLookupCode.updateMany({ where: { number: input.number, phoneHash: ph, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
      await db.progressLookupCode.create({
        data: { number: input.number, phoneHash: ph, codeHash: codeHash(input.number, code), expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000) },
      });
      await enqueueNotification(db, { channel: "SMS", recipientPhone: input.phone, body: lookupSmsText(code), workOrderId: order.id });
    } else {
      await recordAudit(db, actor, meta, { action: "progress.requestCode.unmatched", result: "DENIED", target: { type: "WorkOrder", id: input.number } });
    }
    return { number: input.number, maskedPhone: maskPhone(input.phone), validMinutes: CODE_TTL_MINUTES };
  },
});
