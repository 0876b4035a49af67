import type { Page } from "@playwright/test";
import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { fillWageClaim } from "./legal-aid-form";

// 点援制 (issue 5) in the browser: the resident picks two lawyers from the roster while applying;
// the officer approves; the first choice declines on a phone; the second accepts; the resident
// sees who took the case. axe on the new pages.

const PHONE = { width: 390, height: 844 };

/** A card of the case page, by its heading. */
const card = (page: Page, title: string) => page.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) });

/** Picks the option whose text names the lawyer (option labels carry the firm and expertise too). */
async function pickLawyer(page: Page, selectId: string, name: string) {
  const value = await page.locator(`#${selectId} option`, { hasText: name }).first().getAttribute("value");
  await page.locator(`#${selectId}`).selectOption(value!);
}

test("the resident ranks two lawyers; the first declines on a phone, the second accepts; the resident sees who took it", async ({ page }) => {
  test.setTimeout(120_000);
  // the public roster, open to anyone
  await page.goto("/lawyers");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("律师名录");
  await expect(page.locator("main")).toContainText("陈立衡");
  await expectAccessible(page);

  // 1. the resident applies and ranks 陈立衡 then 胡雅琴
  await signIn(page, "13800000001");
  await page.goto("/legal-aid/apply");
  await fillWageClaim(page, { facts: "在物流公司做分拣员八个月，公司拖欠三个月工资一万二千元。", opposingParty: "某快递分拣有限公司", monthlyIncome: "2200", householdSize: "4" });
  await pickLawyer(page, "apply-lawyer-1", "陈立衡");
  await pickLawyer(page, "apply-lawyer-2", "胡雅琴");
  await page.getByLabel(/我同意司法行政机关/).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  const number = (await page.locator("main").textContent())?.match(/369901-\d{8}-\d{7}/)?.[0];
  expect(number).toBeTruthy();
  await page.goto(`/resident/legal-aid/${number}`);
  const chosen = card(page, "您选择的律师（点援）");
  await expect(chosen).toContainText("第 1 选择：陈立衡");
  await expect(chosen).toContainText("第 2 选择：胡雅琴");
  await expectAccessible(page);
  await signOut(page);

  // 2. the officer sees the choices and approves: the first choice gets the offer
  await signIn(page, "officer");
  await page.goto(`/staff/legal-aid/${number}`);
  await expect(card(page, "点援情况")).toContainText("第 1 选择：陈立衡");
  await page.getByRole("button", { name: "确认给予法律援助" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已决定给予法律援助" })).toBeVisible();
  await page.reload();
  await expect(card(page, "点援情况")).toContainText("等待律师接单");
  await signOut(page);

  // 3. 陈立衡, on a phone, declines with a reason (two taps and a sentence)
  await page.setViewportSize(PHONE);
  await signIn(page, "lawyer1");
  await page.goto("/lawyer");
  const offer = page.locator("#offers-pending li", { hasText: number! });
  await expect(offer).toContainText("王某");
  await expect(offer).toContainText("受援人的第 1 选择");
  await expect(offer).toContainText("剩余");
  await expectAccessible(page);
  await offer.getByRole("button", { name: "不能承办" }).click();
  await offer.getByLabel(/^不能承办的原因/).fill("近期连续开庭，无法保证办案时间");
  await offer.getByRole("button", { name: "确认不能承办" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已谢绝案件 ${number}` })).toBeVisible();
  await expect(page.locator("#offers-pending li", { hasText: number! })).toHaveCount(0);
  await signOut(page);

  // 4. 胡雅琴 now has the offer and accepts it
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "lawyer2");
  await page.goto("/lawyer");
  const second = page.locator("#offers-pending li", { hasText: number! });
  await expect(second).toContainText("受援人的第 2 选择");
  await second.getByRole("button", { name: "接受委托" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已接受委托" })).toBeVisible();
  await expect(page.getByRole("link", { name: /王秀英/ }).first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // 5. the resident sees who took the case, and how
  await signIn(page, "13800000001");
  await page.goto(`/resident/legal-aid/${number}`);
  await expect(page.locator("main")).toContainText("胡雅琴律师（青溪正源律师事务所）正在为您办理");
  const status = card(page, "您选择的律师（点援）");
  await expect(status).toContainText("律师婉拒");
  await expect(status).toContainText("已接单");
  await expect(status).toContainText("承办方式：受援人选择（点援）");
  await expect(page.locator("main")).toContainText("律师谢绝接单");
  await expectAccessible(page);
});
