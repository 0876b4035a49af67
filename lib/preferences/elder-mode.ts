import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";

// 关怀模式 (elder mode, MIIT 互联网网站适老化通用设计规范) is a display preference of the device, not
// of the account: an older resident often borrows a relative's phone or uses the shared computer of a
// village room, and the setting has to hold before anyone signs in. So it lives in a cookie the
// server reads while rendering the first byte (no flash of small text), and nothing else stores it.

export const ELDER_COOKIE = "elder_mode";
/** one year, in seconds */
export const ELDER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** Only the exact value "1" turns the mode on: a stale or tampered cookie means the normal page. */
export function parseElderCookie(value: string | null | undefined): boolean {
  return value === "1";
}

/** The toggle form posts the state it wants (not "flip"), so a double submit cannot undo itself. */
export const ElderModeInput = z.object({
  elder: z.enum(["1", "0"], { error: "请选择开启或关闭关怀模式" }),
});
export type ElderModeInput = z.infer<typeof ElderModeInput>;

/**
 * The switch's door (app/settings/actions.ts sets the cookie from its result): anyone may set it,
 * nothing is stored or audited — it is this browser's display, not a record.
 */
export const setElderMode = defineUseCase({
  name: "preference.elderMode",
  permission: "preference.set",
  write: false,
  input: ElderModeInput,
  run: async ({ input }) => ({ elder: input.elder === "1" }),
});

/**
 * Where to send the browser back after the toggle: the path and query of the page it was on (the
 * Referer of the form post), never another site. Only the path is kept, leading slashes collapsed
 * so "//evil.example" cannot become a protocol-relative redirect.
 */
export function returnPathFrom(referer: string | null | undefined, fallback = "/"): string {
  if (!referer) return fallback;
  let url: URL;
  try {
    url = new URL(referer, "http://local.invalid");
  } catch {
    return fallback;
  }
  const path = url.pathname.replace(/\\/g, "/").replace(/^\/+/, "/");
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path + url.search;
}
