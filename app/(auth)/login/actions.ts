"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/next-auth";
import { SignInInput } from "@/lib/auth/credentials";
import { formDataToObject, type ActionState } from "@/lib/api/action";
import { fieldErrorsOf, type Result } from "@/lib/api/use-case";
import { safeCallbackUrl } from "./callback-url";

// Signing in is next-auth's own door, not a use case: the Credentials provider checks the password
// and audits the attempt (lib/auth/credentials.ts). This action only validates the form for
// friendly field errors and turns a refused sign-in into a form message.
export async function signInWithPassword(_previous: ActionState<never>, formData: FormData): Promise<Result<never>> {
  const parsed = SignInInput.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    return { ok: false, code: "VALIDATION", message: "请检查填写的内容", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl")) ?? "/home";
  try {
    // Throws Next's redirect on success; that must propagate, so only AuthError is caught.
    await signIn("credentials", { login: parsed.data.login, password: parsed.data.password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      return { ok: false, code: "UNAUTHENTICATED", message: "手机号/用户名或密码不正确" };
    }
    throw error;
  }
  redirect(redirectTo);
}
