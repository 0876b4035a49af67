import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

// Next 16's request proxy (formerly middleware): a nonce-based Content-Security-Policy for every
// page. The policy goes on the request too, because Next reads the nonce from there and puts it on
// its own <script> tags while rendering; so every page must render per request (the root layout
// reads the 关怀模式 cookie, which makes them all dynamic). The fixed headers (nosniff, HSTS, …) come
// from next.config.ts; /api/v1 answers get their own policy there.

/** A path whose percent-encoding is broken ("%E0%A4%A"): Next's router would throw decoding it (500). */
function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (malformedPath(pathname)) {
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: { code: "VALIDATION", message: "请求地址的编码无效" } }, { status: 400 })
      : new NextResponse("请求地址的编码无效", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (pathname.startsWith("/api/v1/")) return NextResponse.next();
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || forwardedProto === "https",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Built assets carry no page scripts. The REST API needs only the decodable-path check, and only a
  // path with a "%" can fail it, so an API path without one skips the proxy altogether: running it
  // cost about 1.4 ms of CPU per API request, a quarter of an intake (issue 10). Everything else
  // (pages, server actions, next-auth's routes) gets a fresh nonce.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/v1/[^%]*$).*)"],
};
