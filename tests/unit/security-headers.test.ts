import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy, config as proxyConfig } from "@/proxy";
import nextConfig from "@/next.config";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/security/headers";

// Issue 9, web hardening: the header values themselves (tests/e2e/security-headers.spec.ts reads
// them off a running server, with a browser counting CSP violations).

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("Content-Security-Policy", () => {
  it("lets scripts run only with the response's nonce: no 'unsafe-inline' for scripts, eval only under next dev", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.get("img-src")).toBe("'self' data: blob:");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toMatch(/; upgrade-insecure-requests$/);
  });

  it("makes a new unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("proxy.ts puts the same fresh policy on the request (for Next's own scripts) and on the response", () => {
    const first = proxy(new NextRequest("http://portal.test/service-points"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    // NextResponse.next({ request: { headers } }) hands the request headers on as x-middleware-request-*
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(csp).not.toContain("upgrade-insecure-requests");

    const second = proxy(new NextRequest("http://portal.test/service-points", { headers: { "x-forwarded-proto": "https" } }));
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
    expect(second.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("runs on pages, server actions and REST paths with a '%', not on built assets or plain REST paths; the API gets no page policy", () => {
    const [matcher] = proxyConfig.matcher;
    const re = new RegExp(`^${matcher}$`);
    for (const p of ["/", "/service-points/12/poster", "/login", "/api/auth/session", "/api/v1/work-orders/%E0%A4%A"]) expect(re.test(p), p).toBe(true);
    // a plain API path cannot fail the decoding check, and skipping the proxy saves ~1.4 ms of CPU (issue 10)
    for (const p of ["/_next/static/chunks/a.js", "/favicon.ico", "/api/v1/health", "/api/v1/work-orders"]) expect(re.test(p), p).toBe(false);
    expect(proxy(new NextRequest("http://portal.test/api/v1/health")).headers.get("content-security-policy")).toBeNull();
  });

  it("answers a path with broken percent-encoding 400, not the router's 500", async () => {
    const api = proxy(new NextRequest("http://portal.test/api/v1/lawyers/%E0%A4%A"));
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { code: "VALIDATION", message: "请求地址的编码无效" } });
    const page = proxy(new NextRequest("http://portal.test/lawyers/%E0%A4%A"));
    expect(page.status).toBe(400);
    expect(proxy(new NextRequest("http://portal.test/lawyers/%E4%B8%AD")).status).toBe(200);
  });
});

describe("fixed headers (next.config.ts)", () => {
  it("sends nosniff, referrer and permissions policies, no framing, and HSTS only from a production server", () => {
    const dev = Object.fromEntries(securityHeaders({ production: false }).map((h) => [h.key, h.value]));
    expect(dev).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(dev["Strict-Transport-Security"]).toBeUndefined();
    // the service-point finder's "离我最近" asks this origin for the position; nothing else is allowed
    expect(dev["Permissions-Policy"]).toContain("geolocation=(self)");
    for (const feature of ["camera", "microphone", "payment", "usb"]) expect(dev["Permissions-Policy"]).toContain(`${feature}=()`);
    const prod = Object.fromEntries(securityHeaders({ production: true }).map((h) => [h.key, h.value]));
    expect(prod["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("applies them to every path and gives the REST API a policy that renders nothing", async () => {
    const rules = await nextConfig.headers!();
    expect(rules.find((r) => r.source === "/:path*")?.headers.map((h) => h.key)).toContain("X-Content-Type-Options");
    expect(rules.find((r) => r.source === "/api/v1/:path*")?.headers).toEqual([
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" },
    ]);
  });

  it("keeps Next's origin check on server actions: no extra allowed origins", () => {
    expect(nextConfig.experimental?.serverActions?.allowedOrigins).toBeUndefined();
  });
});
