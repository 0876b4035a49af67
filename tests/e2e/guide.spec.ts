import { devices } from "@playwright/test";
import { test, expect, expectAccessible, allowConsoleErrors } from "./fixtures";
import { GUIDE, guideEntry } from "@/lib/guide/catalogue";
import { HOTLINE } from "@/components/site/hotline";

// 办事指南 (issue 8 item 1): a resident finds a service's guide from the home page, reads the seven
// answers, and starts from the guide's main button; every guide page passes axe; phones fit.

const SECTION_TITLES = ["谁可以办", "要带的材料", "去哪里办", "多长时间", "收费", "怎么开始", "常见问题"];
const legalAid = guideEntry("legal-aid")!;

test("a resident goes from the home page to the legal-aid guide and starts the self-check", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "查看指南：法律援助" })).toBeVisible();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "办事指南" }).click();
  await expect(page).toHaveURL(/\/guide$/);
  await expect(page.getByRole("heading", { level: 1, name: "办事指南" })).toBeVisible();
  await page.getByRole("link", { name: "查看指南：法律援助" }).click();
  await expect(page).toHaveURL(/\/guide\/legal-aid$/);

  const article = page.locator("article[data-read-aloud]");
  await expect(article.getByRole("heading", { level: 1, name: "法律援助" })).toBeVisible();
  // The seven sections, in the order residents ask.
  await expect(article.getByRole("heading", { level: 2 })).toHaveText(SECTION_TITLES);
  const section = (title: string) => article.getByRole("region", { name: title });
  await expect(section("谁可以办")).toContainText("第四十二条");
  await expect(section("要带的材料")).toContainText("经济困难状况说明表");
  await expect(section("去哪里办").getByRole("link", { name: "找村（社区）公共法律服务工作室" })).toHaveAttribute("href", "/service-points?tier=ROOM");
  for (const line of legalAid.timeLimits) await expect(section("多长时间")).toContainText(line);
  await expect(section("多长时间")).toContainText("7 个工作日内决定");
  await expect(section("收费")).toContainText("完全免费");
  await expect(page.getByRole("link", { name: `打电话问 ${HOTLINE}` })).toHaveAttribute("href", `tel:${HOTLINE}`);
  await expectAccessible(page);

  await page.getByRole("link", { name: legalAid.start.primary.label }).first().click();
  await expect(page).toHaveURL(/\/legal-aid\/check$/);
  await expect(page.getByRole("heading", { level: 1, name: "能不能申请法律援助？" })).toBeVisible();
});

test("the finder link of a guide opens the finder filtered to that tier", async ({ page }) => {
  await page.goto("/guide/notary");
  await page.getByRole("region", { name: "去哪里办" }).getByRole("link", { name: "找公共法律服务中心" }).click();
  await expect(page).toHaveURL(/\/service-points\?tier=CENTRE$/);
  await expect(page.getByLabel("网点类型")).toHaveValue("CENTRE");
  await expect(page.getByRole("list", { name: "网点列表" }).getByRole("listitem").first()).toContainText("公共法律服务中心");
});

test("an online start that needs an account says so, and sign-in brings the reader to the form", async ({ page }) => {
  await page.goto("/guide/mediation");
  await expect(page.getByRole("region", { name: "怎么开始" })).toContainText("需要先登录");
  await page.getByRole("link", { name: "网上申请人民调解" }).first().click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmediation%2Fapply/);
});

test("every guide page and the index pass axe and show the hotline; an unknown service is 404", async ({ page }) => {
  test.setTimeout(30_000 + GUIDE.length * 8_000);
  for (const url of ["/", "/guide", ...GUIDE.map((e) => `/guide/${e.slug}`)]) {
    const response = await page.goto(url);
    expect.soft(response?.status(), url).toBe(200);
    await expect(page.getByRole("main").locator(`a[href="tel:${HOTLINE}"]`).first(), url).toBeVisible();
    await expectAccessible(page);
  }
  allowConsoleErrors(page, /Failed to load resource.*404/);
  const missing = await page.goto("/guide/no-such-service");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
});

// The desktop project runs this file; the phone layout is checked here with the phone project's
// device (the browser type is the project's, so only the context options are taken).
const { defaultBrowserType: _browser, ...pixel7 } = devices["Pixel 7"];

test.describe("on a phone", () => {
  test.use(pixel7);

  test("the guide fits the screen, the start button is on the first screen, and axe passes", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "查看指南：法律援助" }).click();
    await expect(page).toHaveURL(/\/guide\/legal-aid$/);
    await expect(page.getByRole("link", { name: legalAid.start.primary.label }).first()).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    await page.goto("/guide");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
