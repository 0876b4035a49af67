import path from "node:path";

// The framework's ceiling for the intake bench (tests/bench/intake.bench.ts): a plain Next 16 app
// with one route that validates a work-order body with zod and answers, with no database. It is
// its own app so the product carries no bench route; it resolves next and zod from the repository.
/** @type {import("next").NextConfig} */
const config = {
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // the packages live in the repository's node_modules, two folders up
  turbopack: { root: path.resolve(import.meta.dirname, "../../..") },
};

export default config;
