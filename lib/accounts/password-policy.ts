import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/password-rules";

// 等保 password complexity, in one place for every form that sets a password (registration, change
// of password): 8–128 characters, at least three of four character classes, and not built around
// the account's own phone number or user name (the first thing a guesser tries).

export { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE_TEXT } from "@/lib/accounts/password-rules";

const CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/];

/** How many of the four classes (lower case, upper case, digit, symbol) the password uses. */
export const characterClasses = (password: string) => CLASSES.filter((c) => c.test(password)).length;


/** A new password on its own: length and character classes. */
export const NewPassword = z
  .string({ error: "请设置密码" })
  .min(1, { error: "请设置密码", abort: true })
  .min(PASSWORD_MIN, { error: `密码至少 ${PASSWORD_MIN} 位`, abort: true })
  .max(PASSWORD_MAX, { error: `密码不能超过 ${PASSWORD_MAX} 位`, abort: true })
  .refine((v) => characterClasses(v) >= 3, "密码须包含大写字母、小写字母、数字、符号中的至少三类");

/** The identifier (phone, user name) the password contains, case-insensitively, or null. Short ones are ignored. */
export function containedIdentifier(password: string, identifiers: readonly (string | null | undefined)[]): string | null {
  const lower = password.toLowerCase();
  return identifiers.find((id): id is string => !!id && id.length >= 3 && lower.includes(id.toLowerCase())) ?? null;
}

/**
 * For the superRefine of a form with a new password: adds an issue on `path` when the password
 * contains one of the account's identifiers, and on `confirmPath` when the confirmation differs.
 */
export function refineNewPassword(
  ctx: z.RefinementCtx,
  v: { password: string; confirm: string; identifiers: readonly (string | null | undefined)[] },
  paths: { password: string; confirm: string },
) {
  if (containedIdentifier(v.password, v.identifiers)) {
    ctx.addIssue({ code: "custom", path: [paths.password], message: "密码不能包含手机号或用户名" });
  }
  if (v.password !== v.confirm) {
    ctx.addIssue({ code: "custom", path: [paths.confirm], message: "两次输入的密码不一致" });
  }
}
