import { test, expect, signIn, axeViolations } from "./fixtures";
import { ROUTES, type Visitor } from "./routes";
import { makeCrawlRecords, type CrawlRecords } from "./records";

// Issue 8: every page of the app (tests/e2e/routes.ts, kept complete by tests/unit/route-list.test.ts),
// read by every account that uses it, has zero axe WCAG 2.1 A/AA violations and loads without error.
// One test per account; each page's result is reported on its own (soft), so one run lists them all.

let records: CrawlRecords;
test.beforeAll(async () => {
  records = await makeCrawlRecords();
});

const visitors = [...new Set(Object.values(ROUTES).flatMap((r) => r.as))] as Visitor[];

for (const visitor of visitors) {
  test(`every page ${visitor === "anonymous" ? "the public" : visitor} reads is accessible`, async ({ page }) => {
    const pages = Object.entries(ROUTES).filter(([, r]) => r.as.includes(visitor));
    test.setTimeout(30_000 + pages.length * 8_000);
    if (visitor !== "anonymous") await signIn(page, visitor);
    for (const [file, route] of pages) {
      const url = typeof route.path === "function" ? route.path(records) : route.path;
      const response = await page.goto(url);
      expect.soft(response?.status() ?? 0, `${file}: ${url} answered`).toBeLessThan(400);
      await expect(page.locator("h1").first(), `${file}: ${url} has a heading`).toBeVisible();
      expect.soft(await axeViolations(page), `${file}: ${url} axe WCAG 2.1 AA violations`).toEqual([]);
    }
  });
}
