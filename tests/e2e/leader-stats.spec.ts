import ExcelJS from "exceljs";
import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";

// Issue 7: a leader drills from the city to a township, changes the period, and exports Excel whose
// numbers are the screen's; the wall display and the monthly print page; the admin's plan targets.

const cardValue = async (page: import("@playwright/test").Page, name: string) => {
  const text = await page.locator("li", { has: page.locator("p", { hasText: new RegExp(`^${name}$`) }) }).first().locator("p.text-2xl").textContent();
  return Number((text ?? "").replace(/[^\d.]/g, ""));
};

test("a leader drills city → county → township → service point, changes the period and filters, and exports Excel with the same numbers", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "leader.city");
  await page.goto("/leader");
  await page.getByRole("link", { name: /指标驾驶舱/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${DEMO_PLACES.city}公共法律服务指标`);
  await expectAccessible(page);

  await page.locator("#ranking").locator("..").getByRole("link", { name: DEMO_PLACES.county, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${DEMO_PLACES.county}公共法律服务指标`);
  await page.locator("#ranking").locator("..").getByRole("link", { name: DEMO_PLACES.township, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${DEMO_PLACES.township}公共法律服务指标`);
  await expect(page.getByRole("navigation", { name: "地区层级" })).toContainText(DEMO_PLACES.county);

  await page.getByLabel("时间范围").selectOption("custom");
  await page.getByLabel(/^起始日期/).fill("2026-01-01");
  await page.getByLabel(/^截止日期/).fill("2026-12-31");
  await page.getByLabel("网点层级").selectOption("ROOM");
  await page.getByLabel("业务类别").selectOption("CONSULTATION");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO_PLACES.township);
  await expect(page).toHaveURL(/tier=ROOM/);
  await expect(page).toHaveURL(/type=CONSULTATION/);
  await expect(page.getByRole("link", { name: "导出 Excel" })).toHaveAttribute("href", /tier=ROOM/);
  await expect(page.locator("main")).toContainText("统计期 2026-01-01 至 2026-12-31");
  await expect(page.getByRole("heading", { name: "分类统计" })).toBeVisible();

  // inside a township the ranking lists its service points (here its rooms): drill into one
  const ranking = page.locator("section", { has: page.locator("#ranking") });
  await expect(page.locator("#ranking")).toContainText("各服务网点");
  const point = ranking.getByRole("table").getByRole("link").first();
  const pointName = ((await point.textContent()) ?? "").trim();
  expect(pointName).toMatch(/工作室$/);
  await point.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${pointName}公共法律服务指标`);
  await expect(page).toHaveURL(/org=\d+/);
  await expect(page).toHaveURL(/type=CONSULTATION/);
  await expect(page.getByRole("navigation", { name: "地区层级" })).toContainText(DEMO_PLACES.township);
  await expect(page.getByRole("link", { name: "导出 Excel" })).toHaveAttribute("href", /org=\d+/);
  await expectAccessible(page);

  const accepted = await cardValue(page, "受理工单");
  const closed = await cardValue(page, "办结工单");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  const valueOf = (name: string) => {
    let found: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === name) found = row.getCell(3).value;
    });
    return found;
  };
  expect(String(sheet.getCell("A1").value)).toContain(pointName);
  expect(valueOf("受理工单")).toBe(accepted);
  expect(valueOf("办结工单")).toBe(closed);
  expect(typeof valueOf("受理工单")).toBe("number");

  await page.getByRole("link", { name: "大屏" }).click();
  await expect(page.getByRole("button", { name: "暂停自动刷新" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/leader/stats/print?month=2026-11");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("月报");
  await expectAccessible(page);
});

test("the admin sets a plan target and the leader sees progress against it", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "admin");
  await page.goto("/admin/targets");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("规划指标");
  await expectAccessible(page);
  await page.getByLabel(/^指标/).selectOption("mediation.successRate");
  await page.locator("#new-target-value").fill("95");
  await page.getByRole("button", { name: "保存目标" }).click();
  await expect(page.locator("main")).toContainText("调解成功率");
  await signOut(page);

  await signIn(page, "leader.city");
  await page.goto("/leader/stats");
  const targets = page.locator("section", { has: page.getByRole("heading", { name: /规划指标完成情况/ }) });
  await expect(targets).toContainText("调解成功率");
  await expect(targets).toContainText("95");
});
