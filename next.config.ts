import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Prisma client, pg and pino run on the server only; bundling them gains nothing.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "bcryptjs", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
