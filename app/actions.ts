"use server";

import { db } from "@/lib/db";
import { signOut } from "@/lib/auth/next-auth";
import { cookieSessionId, requestMeta, sessionActor } from "@/lib/api/request";
import { endSession } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { serverAction } from "@/lib/api/action";
import { keepSessionAlive } from "@/lib/accounts/account-security";

/** 继续使用 in the idle warning (components/site/idle-warning.tsx). */
export const keepSessionAliveAction = serverAction(keepSessionAlive);

/**
 * Signing out is next-auth's own door (it clears the cookie); there is no use case to run. The
 * session row is ended too, so the cookie would be worthless even if a copy of it survived.
 * The idle warning posts reason=idle (nobody answered it) or reason=expired (the session reached
 * its lifetime): the row records why, and the sign-in page says why the user was signed out.
 */
export async function signOutAction(formData?: FormData) {
  const reason = formData?.get("reason");
  const why = reason === "idle" ? "IDLE" : reason === "expired" ? "EXPIRED" : "SIGN_OUT";
  const [actor, sessionId] = await Promise.all([sessionActor(), cookieSessionId()]);
  if (sessionId && (await endSession(db, sessionId, why))) {
    await recordAudit(db, actor, await requestMeta(), {
      action: "auth.signOut",
      result: "SUCCESS",
      target: actor?.userId ? { type: "User", id: actor.userId } : null,
      detail: { reason: why },
    });
  }
  await signOut({ redirectTo: why === "SIGN_OUT" ? "/" : `/login?reason=${why === "IDLE" ? "idle" : "expired"}` });
}
