const BASE = "http://same-site.invalid";

/**
 * The path to return to after signing in, or null. Only a same-site path is accepted: it must start
 * with "/" but not "//" or "/\" (browsers read both as another host), and must not change origin
 * once parsed — so a crafted link cannot send a freshly signed-in user to a look-alike site.
 */
export function safeCallbackUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 512) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
