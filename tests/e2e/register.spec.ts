import { test, expect, expectAccessible, signOut } from "./fixtures";
import { idNumberCheckChar } from "@/lib/identity/id-number";

test("a resident registers, sees field errors first, then lands signed in on their home", async ({ page }) => {
  // The e2e database is re-seeded every run, so a fixed number is free; still, vary it per project.
  const phone = `139${String(Date.now()).slice(-8)}`;
  await page.goto("/register");
  await expectAccessible(page);
  await page.getByLabel("姓名").fill("张桂兰");
  await page.getByLabel("手机号").fill("12345");
  await page.getByLabel("设置密码").fill("abc");
  await page.getByLabel("再次输入密码").fill("abd");
  await page.getByLabel("身份证号码").fill("110105194912310021");
  await page.getByRole("button", { name: /注册/ }).click();
  await expect(page.locator("#field-phone-error")).toHaveText(/请输入正确的11位手机号/);
  await expect(page.locator("#field-idNumber-error")).toHaveText(/身份证号码校验未通过，请核对/);
  await expect(page.getByLabel("手机号")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("手机号")).toBeFocused();
  await expectAccessible(page);

  // region 369901 + birth 1955-03-01 + a 3-digit sequence that varies between runs
  const first17 = `36990119550301${String(Date.now()).slice(-3)}`;
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("设置密码").fill("Zhang2026pass");
  await page.getByLabel("再次输入密码").fill("Zhang2026pass");
  await page.getByLabel("身份证号码").fill(first17 + idNumberCheckChar(first17));
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole("button", { name: /注册/ }).click();
  await expect(page).toHaveURL(/\/resident$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("张桂兰，您好");
  await expect(page.locator("main")).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  await expect(page.locator("main")).toContainText("3699**********");

  // The same phone cannot register twice.
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "注册" })).toBeVisible();
  await page.goto("/register");
  await page.getByLabel("姓名").fill("张桂兰");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("设置密码").fill("Zhang2026pass");
  await page.getByLabel("再次输入密码").fill("Zhang2026pass");
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole("button", { name: /注册/ }).click();
  await expect(page.locator("#field-phone-error")).toHaveText(/该手机号已注册，请直接登录/);
  await expect(page.getByLabel("手机号")).toHaveAttribute("aria-invalid", "true");
});

test("registering from a service point's page comes back to its consultation form (and never to another site)", async ({ page }) => {
  const phone = `137${String(Date.now()).slice(-8)}`;
  await page.goto("/register?callbackUrl=%2Fresident%2Fnew%3Forg%3D1");
  await page.getByLabel("姓名").fill("赵春梅");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("设置密码").fill("Zhao2026pass");
  await page.getByLabel("再次输入密码").fill("Zhao2026pass");
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole("button", { name: /注册/ }).click();
  await expect(page).toHaveURL(/\/resident\/new\?org=1$/);

  // a crafted link to another host is ignored: the form carries no callback
  await signOut(page);
  await page.goto("/register?callbackUrl=%2F%2Fevil.example%2F");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("注册账号");
  await expect(page.locator('input[name="callbackUrl"]')).toHaveCount(0);
});
