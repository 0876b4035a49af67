"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { serverAction, type ActionState } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import { signIn } from "@/lib/auth/next-auth";
import { registerResidentUseCase, type RegisteredResident } from "@/lib/accounts/register-resident";
import { safeCallbackUrl } from "../login/callback-url";

/** The plain door onto the use case (validation, permission, audit), like every other action. */
export const registerResident = serverAction(registerResidentUseCase);

/**
 * What the register form posts to: register, then sign the new resident straight in.
 *
 * Why one action and not "register, then let the browser submit a second sign-in": the password
 * never travels back to the browser or sits in client state, it is one round trip on a slow phone
 * connection, and it works without JavaScript. The sign-in goes through next-auth's Credentials
 * provider like any other (and is audited there); its redirect is thrown and must propagate.
 */
export async function registerAndSignIn(previous: ActionState<RegisteredResident>, formData: FormData): Promise<Result<RegisteredResident>> {
  const result = await registerResident(previous, formData);
  if (!result.ok) return result;
  // back to where they were heading (a service point's consultation, an application), else their home
  const next = safeCallbackUrl(formData.get("callbackUrl")) ?? "/resident";
  try {
    await signIn("credentials", { login: result.data.phone, password: String(formData.get("password")), redirectTo: next });
  } catch (error) {
    // The account exists; if signing in fails for any next-auth reason, send them to sign in by hand.
    if (error instanceof AuthError) redirect("/login?registered=1");
    throw error;
  }
  redirect(next);
}
