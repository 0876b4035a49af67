import type { Browser, Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { DEMO_PASSWORD, SECURITY_DEMO_ACCOUNT } from "@/lib/seed/demo-accounts";

// 等保 accounts in the browser, on an account no other journey uses (staff.security): the sign-in
// history, a change of password, a forced sign-out by the admin, and the second factor. The tests
// run in order and each leaves the account as it found it (password Demo@2026, no second factor).

const LOGIN = SECURITY_DEMO_ACCOUNT.username;
const NAME = SECURITY_DEMO_ACCOUNT.name;

test.describe.configure({ mode: "serial" });

/** The authenticator app: the code of `secret` at now + offset (a step after the one just used). */
const code = (secret: string, offsetMs = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetMs });

/** The admin, in a browser of their own, on the account's row of 账号管理. */
async function adminOnAccount(browser: Browser, baseURL: string | undefined): Promise<{ admin: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const admin = await context.newPage();
  await signIn(admin, "admin");
  await admin.goto(`/admin/users?q=${LOGIN}`);
  await expect(admin.getByRole("row", { name: new RegExp(NAME) })).toBeVisible();
  admin.on("dialog", (d) => d.accept());
  return { admin, close: () => context.close() };
}

test("the user reads their sign-in history, changes the password, and the old one stops working", async ({ page }) => {
  await signIn(page, LOGIN);
  await page.getByRole("banner").getByRole("link", { name: "账号安全" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("账号安全");
  await expect(page.getByRole("table", { name: /最近 \d+ 次登录/ })).toContainText("成功");
  await expect(page.getByRole("table", { name: /已登录的设备/ })).toContainText("当前设备");
  await expectAccessible(page);

  // the policy speaks next to the field
  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await page.getByLabel(/^新密码/).fill("abcdefgh");
  await page.getByLabel("再次输入新密码").fill("abcdefgh");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("#field-newPassword-error")).toContainText("至少三类");
  await expect(page.getByLabel(/^新密码/)).toBeFocused();

  const newPassword = "Safer#2027x";
  await page.getByLabel(/^新密码/).fill(newPassword);
  await page.getByLabel("再次输入新密码").fill(newPassword);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("status").filter({ hasText: "密码已修改" })).toBeVisible();
  await signOut(page);

  await signIn(page, LOGIN, DEMO_PASSWORD, { expectRefusal: true });
  await expect(page.getByRole("alert").filter({ hasText: "手机号/用户名或密码不正确" })).toBeVisible();
  await signIn(page, LOGIN, newPassword);

  // back to the demo password, for the next tests and the next run
  await page.goto("/account/security");
  await page.getByLabel("当前密码").fill(newPassword);
  await page.getByLabel(/^新密码/).fill(DEMO_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("status").filter({ hasText: "密码已修改" })).toBeVisible();
  // the refused attempt is in the history too
  await page.reload();
  await expect(page.getByRole("table", { name: /最近 \d+ 次登录/ })).toContainText("密码错误");
});

test("the admin forces the user out; the user's next page is the sign-in page, which says why", async ({ page, browser, baseURL }) => {
  await signIn(page, LOGIN);
  await expect(page).toHaveURL(/\/staff$/);

  const { admin, close } = await adminOnAccount(browser, baseURL);
  await expectAccessible(admin);
  await admin.getByRole("button", { name: `强制下线：${NAME}` }).click();
  await expect(admin.getByRole("button", { name: `强制下线：${NAME}` })).toHaveCount(0);
  // the admin's own session goes on
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("账号管理");
  await close();

  await page.goto("/staff");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status").filter({ hasText: "强制下线" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
});

test("the user sets up the second factor with the key shown; signing in then asks for the code", async ({ page, browser, baseURL }) => {
  await signIn(page, LOGIN);
  await page.goto("/account/security");
  await page.getByRole("button", { name: "设置动态验证码" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole("img", { name: /动态验证码设置二维码/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "动态验证码" }).fill(code(secret));
  await page.getByRole("button", { name: "确认启用" }).click();
  await expect(page.getByText("动态验证码已启用")).toBeVisible();
  await signOut(page);

  // the password alone is not enough any more
  await signIn(page, LOGIN, DEMO_PASSWORD, { expectRefusal: true });
  await expect(page.getByRole("alert").filter({ hasText: "动态验证码" })).toBeVisible();
  const codeField = page.getByRole("textbox", { name: "动态验证码" });
  await expect(codeField).toBeFocused();
  await expectAccessible(page);
  // the confirmation spent the current step: the app's next code (still inside the window) signs in
  await codeField.fill(code(secret, 30_000));
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(page).toHaveURL(/\/staff$/);
  await signOut(page);

  // the admin resets it (a lost phone); the password alone signs in again
  const { admin, close } = await adminOnAccount(browser, baseURL);
  await admin.getByRole("button", { name: `重置动态验证码：${NAME}` }).click();
  await expect(admin.getByRole("button", { name: `重置动态验证码：${NAME}` })).toHaveCount(0);
  await close();
  await signIn(page, LOGIN);
  await expect(page).toHaveURL(/\/staff$/);
});

test("two minutes before the idle timeout a dialog warns; 继续使用 extends, and unanswered it signs out saying why", async ({ page }) => {
  // the browser's clock only: the server's session is fresh, so this checks the warning, not the timeout
  await page.clock.install();
  await signIn(page, LOGIN);
  await expect(page).toHaveURL(/\/staff$/);
  const dialog = page.getByRole("alertdialog", { name: "即将自动退出" });

  // staff: 30 minutes idle; the page ends a minute early (the server writes lastSeenAt once a minute)
  // and warns two minutes before that, i.e. after 27 minutes
  await page.clock.fastForward("26:30");
  await expect(dialog).toHaveCount(0);
  await page.clock.fastForward("01:00");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/将在 \d+ 秒后自动退出/);
  await expect(dialog.getByRole("button", { name: "继续使用" })).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "继续使用" }).click();
  await expect(dialog).toHaveCount(0);

  // this time nobody answers
  await page.clock.fastForward("27:30");
  await expect(dialog).toBeVisible();
  await page.clock.fastForward("02:00");
  await expect(page).toHaveURL(/\/login\?reason=idle$/);
  await expect(page.getByRole("status").filter({ hasText: "长时间未操作" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
});
