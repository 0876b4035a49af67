import { test, expect, expectAccessible, signIn } from "./fixtures";

// Runs in the "phone" project (Pixel 7 viewport and touch): the resident's main path on a phone.
test("on a phone: home, hotline, finder and sign-in all work and pass axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: /拨打热线 12348/ })).toHaveAttribute("href", "tel:12348");
  await expectAccessible(page);
  await page.getByRole("link", { name: "找身边的服务网点" }).click();
  await expect(page.getByRole("list", { name: "网点列表" }).getByRole("listitem").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await signIn(page, "13800000002");
  await expect(page).toHaveURL(/\/resident$/);
  await expectAccessible(page);
});
