import fs from "node:fs/promises";
import { test, expect, signIn, expectAccessible, allowConsoleErrors } from "./fixtures";
import { demoAccount } from "@/lib/seed/demo-accounts";

// Issue 9 item 3: the admin finds a demo user's sign-ins (the good one and a refused one) in the
// audit trail, exports the search as CSV, and finds that export recorded too.

test("the admin finds a staff member's sign-ins in the audit trail and exports them as CSV", async ({ page, browser }) => {
  test.slow(); // two browser contexts, four sign-ins and a download: over 30 s on a busy 2-core machine
  const staff = demoAccount("staff.room");

  // the staff member signs in elsewhere: once with a wrong password, then properly
  const other = await browser.newContext();
  const staffPage = await other.newPage();
  allowConsoleErrors(staffPage, /Failed to load resource/);
  await signIn(staffPage, staff.username, "wrong-password-1", { expectRefusal: true });
  await expect(staffPage).toHaveURL(/\/login/);
  await signIn(staffPage, staff.username);
  await other.close();

  await signIn(page, "admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: /审计记录/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("审计记录");
  await expectAccessible(page);

  await page.getByLabel("操作人").fill(staff.username);
  await page.getByLabel("业务类别").selectOption("auth");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/actor=staff\.room/);

  const rows = page.getByRole("table").getByRole("row");
  const signedIn = rows.filter({ hasText: "成功" }).filter({ hasText: "auth.signIn" });
  await expect(signedIn.first()).toContainText("登录");
  await expect(signedIn.first()).toContainText(staff.name);
  await expect(rows.filter({ hasText: "拒绝" }).filter({ hasText: "auth.signIn" }).first()).toContainText(staff.name);
  await expectAccessible(page);

  // the detail of a refused sign-in says why
  const refused = rows.filter({ hasText: "拒绝" }).first();
  await refused.getByText("展开").click();
  await expect(refused).toContainText("bad-password");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /导出为 CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const text = await fs.readFile((await file.path())!, "utf8");
  expect(text.startsWith("\uFEFF时间（北京时间）,操作人")).toBe(true);
  expect(text).toContain("auth.signIn");
  expect(text).toContain(staff.name);

  // the export is on record, done by the admin
  await page.goto("/admin/audit?action=audit.export");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "导出审计记录" }).first()).toContainText(demoAccount("admin").name);
});

test("invalid search conditions are explained next to their fields", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/audit?from=2026-03-05&to=2026-03-01&action=work%25");
  await expect(page.getByRole("alert").first()).toContainText("查询条件有误");
  await expect(page.getByLabel("结束日期")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-to-error")).toContainText("结束日期不能早于开始日期");
  await expect(page.locator("#field-action-error")).toContainText("操作代码");
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page);
});

test("only administrators reach the audit trail", async ({ page, request }) => {
  await signIn(page, "leader.city");
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/forbidden/);
  allowConsoleErrors(page, /Failed to load resource/);
  expect((await request.get("/api/v1/audit/export")).status()).toBe(401);
});
