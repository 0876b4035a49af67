import { test, expect, signIn, expectAccessible } from "./fixtures";

// 质量监督 (issue 5 item 6): the officer takes a lawyer off the public roster with a reason, and
// puts them back. The roster (page and API) follows at once.

test("an officer suspends a lawyer from the roster and reinstates them", async ({ page }) => {
  await signIn(page, "officer");
  await page.goto("/staff/lawyers");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("律师");
  await expectAccessible(page);
  // anyone but the demo lawyers, whom other tests choose
  const row = page
    .locator("article")
    .filter({ hasText: "在名录中" })
    .filter({ hasNot: page.getByRole("heading", { name: /陈立衡|胡雅琴/ }) })
    .first();
  const name = (await row.getByRole("heading", { level: 3 }).textContent())!.trim();
  const card = page.locator("article", { has: page.getByRole("heading", { level: 3, name, exact: true }) });
  const onRoster = async () => ((await (await page.request.get(`/api/v1/lawyers?q=${encodeURIComponent(name)}`)).json()).items as { name: string }[]).some((l) => l.name === name);
  expect(await onRoster()).toBe(true);

  await card.locator("summary", { hasText: "暂停" }).click();
  await card.getByLabel(/^暂停理由/).fill("差");
  await card.getByRole("button", { name: "确认暂停" }).click();
  await expect(card.getByLabel(/^暂停理由/)).toHaveAttribute("aria-invalid", "true");
  await card.getByLabel(/^暂停理由/).fill("质量评估不合格，暂停承办并整改");
  await card.getByRole("button", { name: "确认暂停" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已暂停${name}承办法律援助案件` })).toBeVisible();
  await expect(card).toContainText("已暂停");
  await expect(card).toContainText("质量评估不合格，暂停承办并整改");
  expect(await onRoster()).toBe(false);
  await expectAccessible(page);

  await card.locator("summary", { hasText: "恢复" }).click();
  await card.getByRole("button", { name: "确认恢复" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已恢复${name}承办法律援助案件` })).toBeVisible();
  expect(await onRoster()).toBe(true);
});
