import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES } from "../e2e/routes";

// Issue 8: the accessibility crawl (tests/e2e/all-routes.spec.ts) covers every page. A page added
// under app/ without an entry in tests/e2e/routes.ts fails here, before any browser starts.

function pageFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : pageFiles(full);
    return e.name === "page.tsx" ? [full] : [];
  });
}

describe("the accessibility crawl's route list", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const pages = pageFiles(path.join(root, "app")).map((f) => path.relative(root, f).split(path.sep).join("/")).sort();

  it("has an entry for every page of the app", () => {
    expect(pages.filter((p) => !ROUTES[p]), "pages missing from tests/e2e/routes.ts").toEqual([]);
  });

  it("names no page that no longer exists, and reads each with at least one account", () => {
    expect(Object.keys(ROUTES).filter((p) => !pages.includes(p)), "stale entries in tests/e2e/routes.ts").toEqual([]);
    expect(Object.entries(ROUTES).filter(([, r]) => r.as.length === 0).map(([p]) => p)).toEqual([]);
  });
});
