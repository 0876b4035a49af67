import { env } from "@/lib/env";

// The absolute address printed into a QR code must be the one residents' phones can open, not the
// server's own idea of itself behind a proxy. PUBLIC_BASE_URL (lib/env.ts) says it when set; a
// deployment that has not set it falls back to the host the poster page was opened at, which is
// the address the staff member printing it used.

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The origin a request was made to, from Host / X-Forwarded-Host and X-Forwarded-Proto; null if absent or malformed. */
export function requestOrigin(h: { get(name: string): string | null }): string | null {
  const host = (h.get("x-forwarded-host") ?? h.get("host"))?.split(",")[0]?.trim();
  if (!host || !HOST.test(host)) return null;
  const forwarded = h.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwarded === "https" || forwarded === "http" ? forwarded : "http";
  return `${proto}://${host}`;
}

/** PUBLIC_BASE_URL if the deployment set it (validated by lib/env.ts); null when only its development default applies. */
export function configuredPublicBaseUrl(): string | null {
  return process.env.PUBLIC_BASE_URL?.trim() ? env().PUBLIC_BASE_URL : null;
}

/**
 * The base URL for links that leave the site (QR codes): `configured` (PUBLIC_BASE_URL) when the
 * deployment set it, else the request's origin, else `fallback`. Never ends with "/".
 */
export function publicBaseUrl(opts: { configured?: string | null; requestOrigin?: string | null; fallback: string }): string {
  const base = opts.configured || opts.requestOrigin || opts.fallback;
  return base.replace(/\/+$/, "");
}

/** What a service point's poster encodes: its public page, marked as reached by the code. */
export function servicePointQrUrl(baseUrl: string, id: number): string {
  return `${baseUrl.replace(/\/+$/, "")}/service-points/${id}?from=qr`;
}
