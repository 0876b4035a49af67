import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import type { Tx } from "@/lib/db";
import { ruleViolation } from "@/lib/errors";
import { newTotpSecret, totpStep, totpUri } from "@/lib/auth/totp";
import { qrSvg } from "@/lib/qr/svg";
import { assertVerifyAllowed, countVerifyFailure, ownUserId } from "@/lib/accounts/account-security";

// 动态验证码 (TOTP) for one's own account: start (a new secret, stored encrypted and pending), confirm
// with a code (the app is set up right: enabled from now on), disable with a current code.

export const TotpCodeInput = z.object({
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.normalize("NFKC").replace(/\s/g, "") : v),
    z.string({ error: "请输入 6 位动态验证码" }).regex(/^\d{6}$/, "请输入 6 位动态验证码"),
  ),
});

async function totpState(db: Tx, userId: number) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { username: true, phone: true, totpSecretCipher: true, totpEnabledAt: true, totpLastStep: true, memberships: { select: { role: true } } },
  });
}

/** Starts (or restarts) enrolment: the secret is shown this once, as a QR code and as text. */
export const startTotpEnrolment = defineUseCase({
  name: "account.totp.start",
  permission: "account.security",
  write: true,
  input: z.object({}),
  target: (_input, result: { userId: number; secret: string; qr: string }) => ({ type: "User", id: result.userId }),
  async run({ db, actor }) {
    const userId = ownUserId(actor);
    const user = await totpState(db, userId);
    // Residents sign in with their phone and password only; the second factor is for staff roles.
    if (user.memberships.every((m) => m.role === "RESIDENT")) throw ruleViolation("动态验证码仅供工作人员、领导和管理员账号使用");
    if (user.totpEnabledAt) throw ruleViolation("已启用动态验证码；如需更换，请先停用再重新设置");
    const secret = newTotpSecret();
    await db.user.update({ where: { id: userId }, data: { totpSecretCipher: secret.cipher, totpEnabledAt: null, totpLastStep: null } });
    const uri = totpUri(secret.base32, user.username ?? user.phone ?? String(userId));
    return { userId, secret: secret.base32, qr: await qrSvg(uri, "动态验证码设置二维码，请用验证器应用扫描") };
  },
});

/** Confirms enrolment with a code from the app; from then on signing in asks for a code. */
export const confirmTotp = defineUseCase({
  name: "account.totp.enable",
  permission: "account.security",
  write: true,
  input: TotpCodeInput,
  target: (_input, result: { userId: number }) => ({ type: "User", id: result.userId }),
  async run({ db, actor, input }) {
    const userId = ownUserId(actor);
    await assertVerifyAllowed(userId);
    const user = await totpState(db, userId);
    if (user.totpEnabledAt) throw ruleViolation("动态验证码已启用");
    if (!user.totpSecretCipher) throw ruleViolation("请先点击“设置动态验证码”");
    const step = totpStep(user.totpSecretCipher, input.code);
    if (step === null) {
      await countVerifyFailure(userId);
      throw ruleViolation("验证码不正确，请核对手机时间是否准确后，输入验证器中当前显示的数字", "code");
    }
    await db.user.update({ where: { id: userId }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    return { userId };
  },
});

/** Turns the second factor off; needs a current code, so a session left open cannot do it alone. */
export const disableTotp = defineUseCase({
  name: "account.totp.disable",
  permission: "account.security",
  write: true,
  input: TotpCodeInput,
  target: (_input, result: { userId: number }) => ({ type: "User", id: result.userId }),
  async run({ db, actor, input }) {
    const userId = ownUserId(actor);
    await assertVerifyAllowed(userId);
    const user = await totpState(db, userId);
    if (!user.totpEnabledAt || !user.totpSecretCipher) throw ruleViolation("尚未启用动态验证码");
    const step = totpStep(user.totpSecretCipher, input.code);
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
      await countVerifyFailure(userId);
      throw ruleViolation("验证码不正确或已使用过，请输入验证器中当前显示的数字", "code");
    }
    await db.user.update({ where: { id: userId }, data: { totpSecretCipher: null, totpEnabledAt: null, totpLastStep: null } });
    return { userId };
  },
});
