import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Prisma client, pg and pino run on the server only; bundling them gains nothing.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "bcryptjs", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // Residents attach photos and PDFs (up to 5 × 10 MB, checked again in lib/work-orders/attachments.ts).
  experimental: { serverActions: { bodySizeLimit: "52mb" } },
};

export default nextConfig;
