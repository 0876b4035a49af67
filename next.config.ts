import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // The Prisma client, pg and pino run on the server only; bundling them gains nothing.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "bcryptjs", "pg-boss"],
  poweredByHeader: false,
  // A second production build beside the first (e.g. a test server while another build is served).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Residents attach photos and PDFs (up to 5 × 10 MB, checked again in lib/work-orders/attachments.ts).
  // No allowedOrigins: a server action is refused unless its Origin is this host (Next's CSRF check).
  experimental: { serverActions: { bodySizeLimit: "52mb" } },
  // Pages get their nonce-based Content-Security-Policy from proxy.ts (docs/decisions/015-web-hardening.md).
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) },
      { source: "/api/v1/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
