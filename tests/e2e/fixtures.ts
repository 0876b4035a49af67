import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_PASSWORD } from "@/lib/seed/demo-accounts";

// Every e2e test fails on a browser console error or an uncaught page error (epic-stack's rule),
// and can ask axe for WCAG 2.1 AA violations.

type Fixtures = { consoleErrors: string[] };

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        // A geolocation denial or a 4xx the test provoked on purpose is logged by the browser as
        // "Failed to load resource"; tests that expect one call allowResourceErrors().
        if (msg.type() === "error") errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      const unexpected = errors.filter((e) => !(allowed.get(page) ?? []).some((re) => re.test(e)));
      expect(unexpected, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});

const allowed = new WeakMap<Page, RegExp[]>();
/** For a test that provokes an HTTP error on purpose (e.g. an API 404). */
export function allowConsoleErrors(page: Page, ...patterns: RegExp[]) {
  allowed.set(page, [...(allowed.get(page) ?? []), ...patterns]);
}

/** axe's WCAG 2.1 A/AA violations on the page, one line each (rule, impact, first targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

export async function expectAccessible(page: Page) {
  expect(await axeViolations(page), "axe WCAG 2.1 AA violations").toEqual([]);
}

/** Signs in through the form; unless `expectRefusal`, waits until the browser has left the sign-in page. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD, { expectRefusal = false } = {}) {
  await page.goto("/login");
  await page.getByLabel("手机号或用户名").fill(login);
  await page.getByLabel(/^密码/).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  if (!expectRefusal) await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
}

export { expect };
