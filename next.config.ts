import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Prisma client, pg and pino run on the server only; bundling them gains nothing.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "bcryptjs", "pg-boss"],
  poweredByHeader: false,
  // A second production build beside the first (e.g. a test server while another build is served).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Residents attach photos and PDFs (up to 5 × 10 MB, checked again in lib/work-orders/attachments.ts).
  experimental: { serverActions: { bodySizeLimit: "52mb" } },
};

export default nextConfig;
