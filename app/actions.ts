"use server";

import { signOut } from "@/lib/auth/next-auth";

// Signing out is next-auth's own door (it clears the session cookie); there is no use case to run.
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
