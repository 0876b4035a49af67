import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { MOBILE_PATTERN } from "@/lib/identity/id-number";
import { recordAudit, type RequestMeta } from "@/lib/audit/record";

export const SignInInput = z.object({
  login: z.string().trim().min(1, "请输入手机号或用户名").max(40, "手机号或用户名过长"),
  password: z.string().min(1, "请输入密码").max(128, "密码过长"),
});

export const BCRYPT_COST = 10;
export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

// A hash to compare against when the account does not exist, so timing does not reveal which
// logins exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.jmTGJ2UZbmCHn1E0vLdsG1mKxQwO";

/** Checks a phone-or-username and password; audits success and failure. Returns the user id. */
export async function verifyCredentials(db: Tx, raw: unknown, meta: RequestMeta): Promise<{ id: number; name: string } | null> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { login, password } = parsed.data;
  const user = await db.user.findFirst({
    where: MOBILE_PATTERN.test(login) ? { phone: login } : { username: login },
    select: { id: true, name: true, active: true, passwordHash: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  const success = !!user && user.active && ok;
  await recordAudit(db, null, meta, {
    action: "auth.signIn",
    result: success ? "SUCCESS" : "DENIED",
    target: user ? { type: "User", id: user.id } : null,
    detail: success ? undefined : { reason: user ? (user.active ? "bad-password" : "inactive") : "unknown-login" },
  });
  if (!success) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, name: user.name };
}
