import { test, expect, signIn, expectAccessible } from "./fixtures";
import { DEMO_ACCOUNTS, DEMO_PLACES } from "@/lib/seed/demo-accounts";
import { ROLE_HOME } from "@/lib/auth/permissions";

// Each demo role signs in, lands on its own home, and sees real data of its own place.
const SEES: Record<string, RegExp> = {
  admin: /管理后台/,
  "leader.city": new RegExp(`${DEMO_PLACES.city}公共法律服务网络`),
  "leader.county": new RegExp(`${DEMO_PLACES.county}公共法律服务网络`),
  "staff.centre": new RegExp(`${DEMO_PLACES.county}公共法律服务中心`),
  officer: new RegExp(`${DEMO_PLACES.county}公共法律服务中心`),
  "staff.station": new RegExp(`${DEMO_PLACES.township}公共法律服务工作站`),
  "staff.station2": new RegExp(`${DEMO_PLACES.township2}公共法律服务工作站`),
  "staff.room": new RegExp(`${DEMO_PLACES.village}公共法律服务工作室`),
  mediator: new RegExp(`${DEMO_PLACES.township}公共法律服务工作站`),
  "mediator.room": new RegExp(`${DEMO_PLACES.village}公共法律服务工作室`),
  lawyer1: new RegExp(DEMO_PLACES.lawyer1Firm),
  lawyer2: new RegExp(DEMO_PLACES.lawyer2Firm),
  resident1: /王秀英，您好/,
  resident2: /李小军，您好/,
};

for (const account of DEMO_ACCOUNTS) {
  test(`${account.label} ${account.username} signs in and lands on ${ROLE_HOME[account.role]}`, async ({ page }) => {
    await signIn(page, account.phone ?? account.username);
    await expect(page).toHaveURL(new RegExp(`${ROLE_HOME[account.role]}$`));
    await expect(page.locator("main")).toContainText(SEES[account.username]);
    await expect(page.getByRole("banner")).toContainText(account.name);
    await expectAccessible(page);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "staff.station", "wrong-password-1", { expectRefusal: true });
  await expect(page.getByRole("alert").filter({ hasText: "手机号/用户名或密码不正确" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("the resident sees the ID number masked, never in full", async ({ page }) => {
  await signIn(page, "13800000001");
  await expect(page).toHaveURL(/\/resident$/);
  await expect(page.locator("main")).toContainText("3699**********");
  await expect(page.locator("main")).toContainText("138****0001");
  expect(await page.content()).not.toContain("369901196804150024");
});

test("a county leader drills down from the county to a township and back", async ({ page }) => {
  await signIn(page, "leader.county");
  await expect(page).toHaveURL(/\/leader$/);
  await expect(page.getByRole("heading", { level: 2, name: /按乡镇（街道）分/ })).toBeVisible();
  await page.getByRole("link", { name: DEMO_PLACES.township, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${DEMO_PLACES.township}公共法律服务网络`);
  await expect(page.getByRole("table", { name: `${DEMO_PLACES.township}下级区划的服务网点数据` })).toContainText(DEMO_PLACES.village);
  await page.getByRole("link", { name: `返回${DEMO_PLACES.county}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${DEMO_PLACES.county}公共法律服务网络`);
  // The county leader cannot climb to the city.
  await expect(page.getByRole("link", { name: /返回/ })).toHaveCount(0);
});

test("a leader reads work orders as aggregated counts only", async ({ page }) => {
  await signIn(page, "leader.city");
  await expect(page.getByRole("table", { name: "按状态" })).toBeVisible();
  await expect(page.getByRole("table", { name: "按类型" })).toContainText("法律咨询");
  const r = await page.request.get("/api/v1/work-orders/369901-20260101-0000001");
  expect([403, 404]).toContain(r.status());
});
