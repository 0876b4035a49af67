import type { Page } from "@playwright/test";
import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { fillWageClaim } from "./legal-aid-form";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";

// The whole legal-aid journey in one browser, each person signing in in turn: a resident checks
// eligibility, applies with an upload and sees the due date; the officer asks once for materials;
// the resident supplies them; the officer approves and assigns; the lawyer closes; the resident
// rates. axe on every page of the way.

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

const next = (page: Page) => page.getByRole("button", { name: "下一步" }).click();
const choose = (page: Page, name: string | RegExp) => page.getByRole("radio", { name }).check();
/** Opens a step (a <details> disclosure) of a case page by its title. */
const openStep = (page: Page, title: string) => page.locator("summary", { hasText: title }).click();

test("check → apply with upload → materials once → supplement → approve → assign → lawyer closes → resident rates", async ({ page }) => {
  test.setTimeout(120_000);
  // 1. the resident checks whether she can get legal aid, then applies
  await signIn(page, "13800000001");
  await page.goto("/legal-aid/check");
  await choose(page, /^民事纠纷/);
  await next(page);
  await choose(page, /讨要工资/);
  await next(page);
  await choose(page, "都没有");
  await next(page);
  await next(page);
  await choose(page, /不急/);
  await next(page);
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township });
  await next(page);
  await page.getByLabel("全家每月收入合计（元）").fill("2400");
  await page.getByLabel("家里一起生活的人数（人）").fill("3");
  await next(page);
  await expect(page.getByRole("heading", { level: 2, name: "您很可能可以申请法律援助" })).toBeFocused();
  await expectAccessible(page);
  await page.getByTestId("apply-now").click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("法律援助");
  await fillWageClaim(page, { facts: "在建筑工地干了半年，包工头拖欠工资两万元，多次讨要未果。", opposingParty: "某建筑劳务有限公司", monthlyIncome: "2400", householdSize: "3" });
  await page.getByLabel(/^证明材料/).setInputFiles({ name: "工资欠条.png", mimeType: "image/png", buffer: png });
  await page.getByLabel(/我同意司法行政机关/).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  await expect(page.locator("main")).toContainText("作出决定的期限");
  const number = (await page.locator("main").textContent())?.match(/369901-\d{8}-\d{7}/)?.[0];
  expect(number).toBeTruthy();
  await expectAccessible(page);
  await page.goto(`/resident/legal-aid/${number}`);
  await expect(page.getByText("审查决定期限")).toBeVisible();
  await expect(page.getByRole("link", { name: "工资欠条.png" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // 2. the officer finds it in the queue and asks, once, for the missing materials
  await signIn(page, "officer");
  await page.goto("/staff/legal-aid");
  await expectAccessible(page);
  // by its number: the demo resident may have other cases from other tests
  await page.getByRole("listitem").filter({ hasText: number! }).getByRole("link", { name: /王秀英/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number!);
  await expectAccessible(page);
  await openStep(page, "一次性告知补充材料");
  await page.getByLabel(/^需补充的全部材料/).fill("劳动合同或工资条\n工友证人证言");
  await page.getByRole("button", { name: "发出一次性告知" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已一次性告知" })).toBeVisible();
  // the request can be made only once: its step is gone
  await expect(page.locator("summary", { hasText: "一次性告知补充材料" })).toHaveCount(0);
  await page.getByRole("link", { name: /一次性告知书/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("告知书");
  await expect(page.locator("main")).toContainText("工友证人证言");
  await expectAccessible(page);
  await signOut(page);

  // 3. the resident supplies them
  await signIn(page, "13800000001");
  await page.goto(`/resident/legal-aid/${number}`);
  await expect(page.locator("main")).toContainText("工友证人证言");
  await expectAccessible(page);
  await page.getByLabel("上传材料").setInputFiles({ name: "工资条.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "提交补充材料" }).click();
  await expect(page.getByRole("status").filter({ hasText: "材料已提交" })).toBeVisible();
  await signOut(page);

  // 4. the officer approves and assigns a lawyer
  await signIn(page, "officer");
  await page.goto(`/staff/legal-aid/${number}`);
  await page.getByRole("button", { name: "确认给予法律援助" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已决定给予法律援助" })).toBeVisible();
  await expect(page.getByText("指派律师期限")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: /陈立衡/ }).check();
  await page.getByRole("button", { name: "指派", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已指派律师" })).toBeVisible();
  await page.getByRole("link", { name: /指派通知书/ }).click();
  await expect(page.locator("main")).toContainText("陈立衡");
  await expectAccessible(page);
  await signOut(page);

  // 5. the lawyer closes the case
  await signIn(page, "lawyer1");
  await expectAccessible(page);
  // by its number: the demo resident may have other cases from other tests
  await page.getByRole("listitem").filter({ hasText: number! }).getByRole("link", { name: /王秀英/ }).click();
  await expect(page.locator("main")).toContainText("王秀英");
  await expectAccessible(page);
  await openStep(page, "结案并提交结案材料");
  // the Shanghai date: after 16:00 UTC the UTC date is the day before the application
  await page.getByLabel(/^办结日期/).fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  await page.getByLabel(/^办理结果/).selectOption("WON");
  await page.getByLabel(/^结案小结/).fill("劳动仲裁委裁决支持全部欠薪，已执行到位。");
  await page.getByLabel(/^挽回经济损失/).fill("20000");
  await page.getByLabel(/^结案材料/).setInputFiles({ name: "裁决书.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "结案", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "案件已结案" })).toBeVisible();
  await signOut(page);

  // 6. the resident rates the lawyer's service
  await signIn(page, "13800000001");
  await page.goto(`/resident/legal-aid/${number}`);
  await expect(page.locator("main")).toContainText("已结案");
  await expectAccessible(page);
  await page.getByRole("radio", { name: "满意", exact: true }).check();
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByRole("status").filter({ hasText: "感谢您的评价" })).toBeVisible();
  await expect(page.locator("main")).toContainText("20,000.00 元");
  await expectAccessible(page);
});
