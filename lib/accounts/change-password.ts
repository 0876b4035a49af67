import bcrypt from "bcryptjs";
import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { hashPassword } from "@/lib/auth/credentials";
import { endUserSessions } from "@/lib/auth/sessions";
import { notFound, ruleViolation } from "@/lib/errors";
import { containedIdentifier, NewPassword, refineNewPassword } from "@/lib/accounts/password-policy";
import { assertVerifyAllowed, countVerifyFailure, ownUserId } from "@/lib/accounts/account-security";

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string({ error: "请输入当前密码" }).min(1, "请输入当前密码").max(128, "密码过长"),
    newPassword: NewPassword,
    confirmPassword: z.string({ error: "请再次输入新密码" }).min(1, "请再次输入新密码"),
  })
  .superRefine((v, ctx) => {
    // the account's identifiers are checked in the use case, which knows them
    refineNewPassword(ctx, { password: v.newPassword, confirm: v.confirmPassword, identifiers: [] }, { password: "newPassword", confirm: "confirmPassword" });
  });

/**
 * 修改密码: needs the current password; the new one must meet the policy and differ from the old.
 * Every other session of the account ends (PASSWORD_CHANGED): whoever knew the old password is out.
 */
export const changePassword = defineUseCase({
  name: "account.password.change",
  permission: "account.security",
  write: true,
  input: ChangePasswordInput,
  target: (_input, result: { userId: number; endedOthers: number }) => ({ type: "User", id: result.userId }),
  async run({ db, actor, input }) {
    const userId = ownUserId(actor);
    await assertVerifyAllowed(userId);
    const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, username: true, phone: true } });
    if (!user) throw notFound("账号");
    if (!(await bcrypt.compare(input.currentPassword, user.passwordHash))) {
      await countVerifyFailure(userId);
      throw ruleViolation("当前密码不正确", "currentPassword");
    }
    if (containedIdentifier(input.newPassword, [user.username, user.phone])) throw ruleViolation("密码不能包含手机号或用户名", "newPassword");
    if (input.newPassword === input.currentPassword) throw ruleViolation("新密码不能与当前密码相同", "newPassword");
    await db.user.update({
      where: { id: userId },
      data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date(), failedSignIns: 0, lockedUntil: null },
    });
    const endedOthers = await endUserSessions(db, userId, "PASSWORD_CHANGED", { keep: actor.session?.id });
    return { userId, endedOthers };
  },
});
