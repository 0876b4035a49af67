import { test, expect, expectAccessible } from "./fixtures";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";

test("a resident finds the service points of a township", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "找身边的服务网点" }).click();
  await expect(page).toHaveURL(/\/service-points/);
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await expect(page).toHaveURL(/county=369901000000/);
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township });
  await expect(page).toHaveURL(/township=369901001000/);
  const list = page.getByRole("list", { name: "网点列表" });
  await expect(list).toContainText(`${DEMO_PLACES.county}${DEMO_PLACES.township}公共法律服务工作站`);
  await expect(list).toContainText(`${DEMO_PLACES.township}${DEMO_PLACES.village}公共法律服务工作室`);
  await expect(list).not.toContainText(DEMO_PLACES.township2);
  // Every listed point lies in the township, and the count matches the API's total.
  const items = list.getByRole("listitem");
  const count = await items.count();
  for (let i = 0; i < count; i++) await expect(items.nth(i)).toContainText(DEMO_PLACES.township);
  const api = await page.request.get("/api/v1/service-points?township=369901001000&limit=100");
  const body = await api.json();
  await expect(page.getByRole("status").filter({ hasText: "共找到" })).toContainText(`共找到 ${body.total} 个网点`);
  await expectAccessible(page);

  await page.getByLabel("网点类型").selectOption({ label: "工作站" });
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByRole("status").filter({ hasText: "共找到" })).toContainText("共找到 1 个网点");
});

test("a keyword search works and shows an empty state when nothing matches", async ({ page }) => {
  await page.goto("/service-points");
  await page.getByLabel("关键词").fill(DEMO_PLACES.village);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByRole("list", { name: "网点列表" })).toContainText(`${DEMO_PLACES.village}公共法律服务工作室`);
  await page.getByLabel("关键词").fill("不存在的地方名");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByRole("heading", { name: "没有找到符合条件的网点" })).toBeVisible();
});

test.describe("near me", () => {
  test.use({ geolocation: { latitude: 26.6451, longitude: 115.2911 }, permissions: ["geolocation"] });
  test("sorts by distance from the browser's position, nearest first", async ({ page }) => {
    await page.goto("/service-points");
    await page.getByRole("button", { name: "离我最近" }).click();
    await expect(page).toHaveURL(/lat=26\.645/);
    await expect(page.getByRole("status").filter({ hasText: "共找到" })).toContainText("按离您的距离排序");
    const distances = await page.getByText(/^约 [\d.]+ 公里$/).allInnerTexts();
    expect(distances.length).toBe(20);
    const km = distances.map((d) => Number(d.replace(/[^\d.]/g, "")));
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    expect(km[0]).toBeLessThan(2);
    // The next page continues where the first stopped.
    await page.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(page.getByRole("link", { name: "回到第一页" })).toBeVisible();
    const next = (await page.getByText(/^约 [\d.]+ 公里$/).allInnerTexts()).map((d) => Number(d.replace(/[^\d.]/g, "")));
    expect(next[0]).toBeGreaterThanOrEqual(km[km.length - 1]);
  });
});

test("the township station's staff update their contact details and residents see them", async ({ page }) => {
  const { signIn } = await import("./fixtures");
  await signIn(page, "staff.station2");
  await expect(page).toHaveURL(/\/staff$/);
  const hours = `周一至周五 8:30-17:30（更新于 ${Date.now() % 100000}）`;
  await page.getByLabel("办公时间").fill(hours);
  await page.getByLabel("联系电话").fill("电话");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#field-phone-error")).toHaveText(/联系电话格式不正确/);
  await page.getByLabel("联系电话").fill("0797-6668888");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await page.goto(`/service-points?township=369901002000&tier=STATION`);
  await expect(page.getByRole("list", { name: "网点列表" })).toContainText(hours);
  await expect(page.getByRole("list", { name: "网点列表" })).toContainText("0797-6668888");
});
