import type { Page } from "@playwright/test";
import { test, expect, expectAccessible } from "./fixtures";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";

// 法律援助自助评估 (/legal-aid/check): one question per screen, focus on each question, axe on
// every step. The seed sets 云岭市 at 1,650 元 from 2025-01-01 and 青溪区 at 1,800 元 from 2026-01-01.

/** Checks the step counter and that focus landed on the question, then runs axe. */
async function atStep(page: Page, n: number, total: number, question: string) {
  await expect(page.getByText(`第 ${n} 步，共 ${total} 步`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: question })).toBeFocused();
  await expectAccessible(page);
}

// Every test walks up to seven steps, each checked with axe: over 30 s on a busy 2-core machine.
test.beforeEach(() => test.slow());

const next = (page: Page) => page.getByRole("button", { name: "下一步" }).click();
const choose = (page: Page, name: string | RegExp) => page.getByRole("radio", { name }).check();

async function chooseRegion(page: Page, township?: string) {
  const townships = page.getByLabel("乡镇（街道）");
  // A choice made before the page has hydrated changes the select but calls no handler; on a busy
  // machine that can happen, so choose again until the townships load.
  await expect(async () => {
    await page.getByLabel("县（市、区）").selectOption("");
    await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
    await expect(townships).toBeEnabled({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  if (township) await townships.selectOption({ label: township });
}

test("a wage claim under the 青溪区 standard is likely eligible, with the materials to bring", async ({ page }) => {
  await page.goto("/legal-aid/check");
  await expect(page.getByRole("heading", { level: 1, name: "能不能申请法律援助？" })).toBeVisible();
  await expect(page.getByText("第 1 步，共 7 步")).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: the question says so, and nothing moves on.
  await next(page);
  await expect(page.getByRole("alert").filter({ hasText: "请选择一项" })).toBeVisible();
  await expect(page.getByText("第 1 步，共 7 步")).toBeVisible();
  await expectAccessible(page);

  await choose(page, /^民事纠纷/);
  await next(page);
  await atStep(page, 2, 7, "具体是什么事情？");
  await choose(page, /讨要工资/);
  await next(page);

  await atStep(page, 3, 7, "有没有下面这些特殊情况？");
  // Back and forth keeps the answers.
  await page.getByRole("button", { name: "上一步" }).click();
  await atStep(page, 2, 7, "具体是什么事情？");
  await expect(page.getByRole("radio", { name: /讨要工资/ })).toBeChecked();
  await next(page);
  await atStep(page, 3, 7, "有没有下面这些特殊情况？");
  await choose(page, "都没有");
  await next(page);

  await atStep(page, 4, 7, "您是不是下面这些人？");
  await next(page);

  await atStep(page, 5, 7, "事情急不急？");
  await choose(page, /不急/);
  await next(page);

  await atStep(page, 6, 7, "您住在哪里？");
  await chooseRegion(page, DEMO_PLACES.township);
  await expectAccessible(page);
  await next(page);

  await atStep(page, 7, 7, "您家里每月收入大概多少？");
  await page.getByLabel("全家每月收入合计（元）").fill("3000");
  await page.getByLabel("家里一起生活的人数（人）").fill("2");
  await next(page);

  const outcome = page.getByRole("heading", { level: 2, name: "您很可能可以申请法律援助" });
  await expect(outcome).toBeFocused();
  const reasons = page.getByRole("list", { name: "评估理由" });
  await expect(reasons).toContainText("第三十一条第（五）项");
  await expect(reasons).toContainText("1,500 元");
  await expect(reasons).toContainText("1,800 元");
  const materials = page.getByRole("list", { name: "需要带的材料" });
  await expect(materials).toContainText("身份证");
  await expect(materials).toContainText("劳动合同");
  await expect(materials).toContainText("个人诚信承诺");
  await expect(page.getByTestId("standard-used")).toContainText(`${DEMO_PLACES.county}：每人每月 1,800 元，2026年1月1日起执行`);
  await expect(page.getByTestId("apply-now")).toHaveAttribute("href", "/legal-aid/apply");
  await expect(page.getByRole("link", { name: "找身边的服务网点" })).toHaveAttribute("href", "/service-points");
  await expect(page.getByRole("link", { name: "拨打 12348 法律服务热线" })).toHaveAttribute("href", "tel:12348");
  await expectAccessible(page);
});

test("a civil matter outside Art. 31 with a high income is not likely, and says why", async ({ page }) => {
  await page.goto("/legal-aid/check");
  await choose(page, /^民事纠纷/);
  await next(page);
  await atStep(page, 2, 7, "具体是什么事情？");
  await choose(page, /我的事情不在上面/);
  await next(page);
  await atStep(page, 3, 7, "有没有下面这些特殊情况？");
  await choose(page, "都没有");
  await next(page);
  await atStep(page, 4, 7, "您是不是下面这些人？");
  await next(page);
  await atStep(page, 5, 7, "事情急不急？");
  await choose(page, /不急/);
  await next(page);
  await atStep(page, 6, 7, "您住在哪里？");
  // No region chosen: the select carries the error.
  await next(page);
  await expect(page.getByRole("alert").filter({ hasText: "请选择县（市、区）" })).toBeVisible();
  await expectAccessible(page);
  await chooseRegion(page);
  await next(page);
  await atStep(page, 7, 7, "您家里每月收入大概多少？");
  await page.getByLabel("全家每月收入合计（元）").fill("20000");
  await page.getByLabel("家里一起生活的人数（人）").fill("2");
  await next(page);

  await expect(page.getByRole("heading", { level: 2, name: "您可能不符合法律援助的条件" })).toBeFocused();
  const reasons = page.getByRole("list", { name: "评估理由" });
  await expect(reasons).toContainText("不在法律援助法第三十一条");
  await expect(reasons).toContainText("高于标准");
  await expect(reasons).toContainText("12348");
  await expectAccessible(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("an elderly person living alone skips the income question (green channel)", async ({ page }) => {
    await page.goto("/legal-aid/check");
    const first = page.locator("label").filter({ has: page.getByRole("radio") }).first();
    expect((await first.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await choose(page, /^民事纠纷/);
    await next(page);
    await choose(page, /赡养费/);
    await next(page);
    await choose(page, "都没有");
    await next(page);
    await atStep(page, 4, 7, "您是不是下面这些人？");
    await page.getByRole("checkbox", { name: "独自居住的老人" }).check();
    // The income question drops out once it cannot matter.
    await expect(page.getByText("第 4 步，共 6 步")).toBeVisible();
    await next(page);
    await choose(page, /期限不到 7 天/);
    await next(page);
    await atStep(page, 6, 6, "您住在哪里？");
    await chooseRegion(page);
    await next(page);

    await expect(page.getByRole("heading", { level: 2, name: "您很可能可以申请法律援助" })).toBeFocused();
    await expect(page.getByText("绿色通道：优先办理")).toBeVisible();
    await expect(page.getByRole("note")).toContainText("先行提供法律援助");
    await expect(page.getByRole("list", { name: "需要带的材料" })).toContainText("独居说明");
    await expect(page.getByRole("list", { name: "需要带的材料" })).not.toContainText("个人诚信承诺");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
