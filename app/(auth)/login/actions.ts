"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, SignInRefused } from "@/lib/auth/next-auth";
import { SignInInput, LOCK_MINUTES } from "@/lib/auth/credentials";
import { formDataToObject, type ActionState } from "@/lib/api/action";
import { fieldErrorsOf, type Result } from "@/lib/api/use-case";
import { waitText } from "@/lib/rate-limit";
import { safeCallbackUrl } from "./callback-url";

// Signing in is next-auth's own door, not a use case: the Credentials provider checks the password,
// the lock-out, the throttling and the second factor, and audits the attempt
// (lib/auth/credentials.ts). This action only validates the form for friendly field errors and
// turns a refusal into a form message — or into the 动态验证码 field when the account has one.
export async function signInWithPassword(_previous: ActionState<never>, formData: FormData): Promise<Result<never>> {
  const parsed = SignInInput.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    return { ok: false, code: "VALIDATION", message: "请检查填写的内容", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl")) ?? "/home";
  try {
    // Throws Next's redirect on success; that must propagate, so only AuthError is caught.
    await signIn("credentials", { ...parsed.data, totp: parsed.data.totp ?? "", redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return refusal(error);
    throw error;
  }
  redirect(redirectTo);
}

function refusal(error: AuthError): Result<never> {
  const reason = error instanceof SignInRefused ? error.refusal : "invalid";
  switch (reason) {
    case "totp_required":
      return { ok: false, code: "UNAUTHENTICATED", message: "该账号已启用动态验证码，请输入验证器中的 6 位数字", fieldErrors: { totp: ["请输入动态验证码"] } };
    case "totp_invalid":
      return { ok: false, code: "UNAUTHENTICATED", message: "动态验证码不正确或已使用过", fieldErrors: { totp: ["请输入验证器中当前显示的 6 位数字"] } };
    case "locked":
      // One wording for real and unknown logins alike, so the message reveals nothing.
      return { ok: false, code: "RATE_LIMITED", message: `连续登录失败次数过多，该账号已锁定 ${LOCK_MINUTES} 分钟，请稍后再试；如需立即解锁，请联系系统管理员。` };
    case "throttled": {
      const seconds = error instanceof SignInRefused ? (error.retryAfterSeconds ?? LOCK_MINUTES * 60) : LOCK_MINUTES * 60;
      return { ok: false, code: "RATE_LIMITED", message: `本网络登录失败次数过多，${waitText(seconds)}。` };
    }
    default:
      return { ok: false, code: "UNAUTHENTICATED", message: "手机号/用户名或密码不正确" };
  }
}
