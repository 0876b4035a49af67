import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

// Next 16's request proxy (formerly middleware): a nonce-based Content-Security-Policy for every
// page. The policy goes on the request too, because Next reads the nonce from there and puts it on
// its own <script> tags while rendering; so every page must render per request (the root layout
// reads the 关怀模式 cookie, which makes them all dynamic). The fixed headers (nosniff, HSTS, …) come
// from next.config.ts; /api/v1 answers get their own policy there.

export function proxy(request: NextRequest) {
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
  // Built assets and the REST API carry no page scripts; everything else (pages, server actions,
  // next-auth's routes) gets a fresh nonce.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/v1/).*)"],
};
