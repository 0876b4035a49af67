"use server";

import { cookies, headers } from "next/headers";
import { redirect, RedirectType } from "next/navigation";
import { serverAction } from "@/lib/api/action";
import type { Result } from "@/lib/api/use-case";
import { ELDER_COOKIE, ELDER_COOKIE_MAX_AGE, returnPathFrom, setElderMode } from "@/lib/preferences/elder-mode";

// The 关怀模式 switch (lib/preferences/elder-mode.ts): the use case validates the choice; this door
// then keeps it in a cookie of this browser, read by the root layout on the next render.
async function rememberElderMode(result: Result<{ elder: boolean }>) {
  if (result.ok) {
    const store = await cookies();
    // nothing in the browser needs to read it, so httpOnly
    if (result.data.elder) store.set(ELDER_COOKIE, "1", { path: "/", maxAge: ELDER_COOKIE_MAX_AGE, sameSite: "lax", httpOnly: true });
    else store.delete(ELDER_COOKIE);
  }
  // With JavaScript the form is posted by React (a `Next-Action` request): setting the cookie makes
  // Next re-render the current page in place, so half-filled forms on it keep their input. Without
  // JavaScript it is a plain form post, answered with a redirect back to the page it came from
  // (303, so a reload does not post again). A malformed post just lands back on the page unchanged.
  const h = await headers();
  if (!h.get("next-action")) redirect(returnPathFrom(h.get("referer")), RedirectType.replace);
}

export const setElderModeAction = serverAction(setElderMode, { after: rememberElderMode });
