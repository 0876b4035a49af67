import { test, expect, signIn, expectAccessible } from "./fixtures";

// 点援制 indicators for the bureau (issue 5 "indicator hooks"): the county leader reads the page,
// with the definition next to the figure and a table per lawyer.

test("the county leader reads the 点援制 indicators with their definition", async ({ page }) => {
  await signIn(page, "leader.county");
  await page.goto("/leader/legal-aid");
  await page.getByRole("link", { name: /点援/ }).first().click();
  await expect(page).toHaveURL(/\/leader\/legal-aid\/choice/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("点援");
  await expect(page.locator("main")).toContainText("点援率");
  await page.locator("summary", { hasText: "口径" }).first().click();
  await expect(page.locator("main")).toContainText("自主接单");
  await expectAccessible(page);
  // a bad period is told next to the field, not a crash
  await page.goto("/leader/legal-aid/choice?from=2026-13-40");
  await expect(page.locator("main")).toContainText("日期");
  await expectAccessible(page);
});

test("the indicators API: the county leader reads their county and is refused another (403)", async ({ page }) => {
  await signIn(page, "leader.county");
  const own = await page.request.get("/api/v1/stats/indicators?from=2026-01-01&to=2026-12-31");
  expect(own.status()).toBe(200);
  const body = await own.json();
  expect(body.region.code).toBe("369901000000");
  const rate = body.indicators.find((i: { id: string }) => i.id === "legalAid.aidRate");
  expect(rate).toMatchObject({ name: "常住人口受援率", unit: "人/万人", denominator: expect.any(Number) });
  expect((await page.request.get("/api/v1/stats/indicators?region=369902000000")).status()).toBe(403);
  expect((await page.request.get("/api/v1/stats/indicators?from=2026-13-01")).status()).toBe(400);
});
