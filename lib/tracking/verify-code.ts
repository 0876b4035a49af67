import { defineUseCase } from "@/lib/api/use-case";
import { recordAudit } from "@/lib/audit/record";
import { AppError, ruleViolation } from "@/lib/errors";
import { maskPhone } from "@/lib/identity/id-number";
import { enforceRateLimits } from "@/lib/rate-limit";
import { codeHash, MAX_CODE_ATTEMPTS, phoneHash, sameHash } from "@/lib/tracking/code";
import { signGrant } from "@/lib/tracking/grant";
import { lookupLimiters as L } from "@/lib/tracking/limits";
import { VerifyCodeInput } from "@/lib/tracking/schemas";

const RETIRED = "验证码已失效，请点“重新获取验证码”。";
const LOCKED = "验证码输错的次数太多，已经失效。请点“重新获取验证码”。";

/**
 * 查进度, step 2: checks the SMS code and hands back a signed grant for that one number.
 *
 * Not a `write` use case on purpose: a wrong try must stay counted although the check fails, and a
 * failing write use case rolls back. Each write here is one atomic statement; the outcome
 * (verified, wrong, expired, locked, too frequent) is audited explicitly, without the phone.
 */
export const verifyLookupCode = defineUseCase({
  name: "progress.verifyCode",
  permission: "progress.lookup",
  write: false,
  input: VerifyCodeInput,
  async run({ db, actor, input, meta }) {
    const target = { type: "WorkOrder", id: input.number };
    const refuse = async (reason: string, error: AppError) => {
      await recordAudit(db, actor, meta, { action: "progress.verifyCode", result: "DENIED", target, detail: { reason } });
      return error;
    };

    try {
      await enforceRateLimits([[L.verifyPerNumber, input.number], [L.verifyPerIp, meta.ip]], "验证");
    } catch (error) {
      throw error instanceof AppError ? await refuse("rate-limited", error) : error;
    }

    const now = new Date();
    const row = await db.progressLookupCode.findFirst({
      where: { number: input.number, phoneHash: phoneHash(input.phone) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, codeHash: true, expiresAt: true, usedAt: true },
    });
    if (!row || row.usedAt || row.expiresAt <= now) throw await refuse(row ? "expired" : "no-code", ruleViolation(RETIRED, "code"));

    // Count the try first, in one statement, so parallel tries cannot get past the limit.
    const counted = await db.$queryRaw<{ attempts: number }[]>`
      UPDATE "ProgressLookupCode" SET "attempts" = "attempts" + 1
      WHERE "id" = ${row.id} AND "attempts" < ${MAX_CODE_ATTEMPTS} AND "usedAt" IS NULL
      RETURNING "attempts"`;
    if (counted.length === 0) throw await refuse("locked", ruleViolation(LOCKED, "code"));

    if (!sameHash(row.codeHash, codeHash(input.number, input.code))) {
      const left = MAX_CODE_ATTEMPTS - counted[0].attempts;
      throw await refuse("wrong-code", ruleViolation(left > 0 ? `验证码不对，还可以再试 ${left} 次。` : LOCKED, "code"));
    }

    // Claim it: a replay or a double tap finds it used.
    const claimed = await db.progressLookupCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw await refuse("used", ruleViolation(RETIRED, "code"));

    await recordAudit(db, actor, meta, { action: "progress.verifyCode", result: "SUCCESS", target });
    const { token, grant } = signGrant(input.number, maskPhone(input.phone), now);
    return { number: input.number, maskedPhone: grant.maskedPhone, expiresAt: grant.expiresAt.toISOString(), token };
  },
});
