import { test, expect, expectAccessible, allowConsoleErrors } from "./fixtures";
import { DEMO_PASSWORD, DEMO_PLACES } from "@/lib/seed/demo-accounts";

// 扫码能得 (issue 8): a service point's page and its printable QR poster, and a resident who comes
// in through the page (as the poster's code sends them) and asks that point — not the point routing
// would have picked for their village — online.

const station = `${DEMO_PLACES.county}${DEMO_PLACES.township}公共法律服务工作站`;
const villageRoom = `${DEMO_PLACES.township}${DEMO_PLACES.village}公共法律服务工作室`;

test("from the finder: the point's page, its poster with the QR code, and a consultation sent to that point", async ({ page }) => {
  await page.goto("/service-points");
  await page.getByLabel("关键词").fill(station);
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByRole("list", { name: "网点列表" }).getByRole("link", { name: station, exact: true }).click();
  await expect(page).toHaveURL(/\/service-points\/\d+$/);
  const pointUrl = new URL(page.url());
  const id = pointUrl.pathname.split("/").pop();

  await expect(page.getByRole("heading", { level: 1, name: station })).toBeVisible();
  const services = page.getByRole("list", { name: "可办服务" });
  for (const s of ["法律咨询", "法律援助", "人民调解", "投诉建议"]) await expect(services).toContainText(s);
  await expect(page.getByRole("main").locator('a[href="tel:12348"]')).toBeVisible();
  await expect(page.getByRole("link", { name: "在线咨询", exact: true })).toHaveAttribute("href", `/resident/new?org=${id}`);
  await expectAccessible(page);

  await page.getByRole("link", { name: "打印本网点的二维码海报" }).click();
  await expect(page).toHaveURL(new RegExp(`/service-points/${id}/poster$`));
  await expect(page.getByRole("heading", { level: 1, name: station })).toBeVisible();
  await expect(page.getByText("扫码能得：法律咨询、法律援助、人民调解")).toBeVisible();
  const qr = page.getByRole("img", { name: "扫码打开本网点页面" });
  await expect(qr).toBeVisible();
  // the address under the code is the one it encodes: PUBLIC_BASE_URL is not set here, so the origin the page was opened at
  await expect(page.getByText(`${pointUrl.origin}/service-points/${id}?from=qr`, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "打印海报" })).toBeVisible();
  await expectAccessible(page);
  // On paper the code is at least 4 cm wide (CSS: 96 px per inch) and the site's chrome is gone.
  await page.emulateMedia({ media: "print" });
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual((4 / 2.54) * 96);
  await expect(page.getByRole("button", { name: "打印海报" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // Scanning the code opens the page; the consultation asks to sign in first and comes back.
  await page.goto(`/service-points/${id}?from=qr`);
  await expect(page.getByText("这是您扫码打开的网点页面")).toBeVisible();
  await page.getByRole("link", { name: "在线咨询", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("手机号或用户名").fill("resident1");
  await page.getByLabel(/^密码/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/resident/new\\?org=${id}$`));
  await expect(page.getByRole("main")).toContainText(`办理网点：${station}`);
  // the place starts at the station's township; the resident narrows it to their village, whose
  // room routing alone would have chosen
  await expect(page.getByLabel("乡镇（街道）")).toHaveValue("369901001000");
  await page.getByLabel("村（社区）").selectOption({ label: DEMO_PLACES.village });
  await page.locator("#type-CONSULTATION").check();
  await page.getByLabel("标题").fill("扫码咨询：土地承包合同续签");
  await page.getByLabel("具体情况").fill("村里的承包合同明年到期，想问续签要注意什么。");
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByRole("heading", { name: "已提交" })).toBeVisible();
  const handler = page.locator("dt", { hasText: "办理网点" }).locator("xpath=following-sibling::dd[1]");
  await expect(handler).toHaveText(station);
  await expect(handler).not.toHaveText(villageRoom);
});

test("an unknown service point is a 404 page, for the page and its poster", async ({ page }) => {
  allowConsoleErrors(page, /Failed to load resource.*404/);
  for (const url of ["/service-points/99999999", "/service-points/99999999/poster", "/service-points/abc"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  }
});
