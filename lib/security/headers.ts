// The HTTP security headers of every response (issue 9, web hardening). Plain functions without
// framework imports: proxy.ts sets the per-request Content-Security-Policy, next.config.ts the fixed
// headers, and tests/unit/security-headers.test.ts reads the same values. docs/decisions/015-web-hardening.md
// says why each value is what it is.

/** A fresh CSP nonce: 128 random bits, base64 (unguessable, never reused). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export type CspOptions = {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks in the browser with eval */
  dev?: boolean;
  /** the page was requested over https (directly or behind a TLS-terminating proxy) */
  https?: boolean;
};

/**
 * The policy for HTML pages. Scripts run only with this response's nonce (Next puts it on its own
 * scripts, read from the request's CSP header); 'strict-dynamic' lets those scripts load the chunks
 * they need. Styles keep 'unsafe-inline' because React renders `style={{…}}` as style attributes,
 * which a nonce cannot cover; styles cannot run code.
 */
export function contentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // On plain http (localhost, an intranet test box) upgrading would break every asset.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** API answers (JSON and file downloads) are never documents to render: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Powerful browser features no page uses are switched off, also for anything a page might embed.
 * Geolocation stays on for this origin: the service-point finder's "离我最近" asks for the position.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=(self)",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** One year, subdomains too; sent only by a production server (browsers ignore it over http anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** The headers every response carries, pages, API and static files alike. */
export function securityHeaders({ production }: { production: boolean }): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Cross-origin links get the origin only, never a path: rating links (/rate/{token}) and look-up
    // pages also say no-referrer themselves. Same-origin requests keep the full referrer.
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    // For browsers without CSP frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(production ? [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] : []),
  ];
}
