import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// Refusal with written reasons → the applicant objects online → the county justice bureau's
// leader orders a correction → the application is back in the centre's review queue. axe on each page.

test("refused, objected to, corrected by the bureau: the application returns to review", async ({ page, request }) => {
  test.setTimeout(90_000);
  // the hotline desk registers resident2's call through the API; it lands in her account by phone
  const id17 = `36990119700303${String(Date.now()).slice(-3)}`;
  const created = await request.post("/api/v1/legal-aid/applications", {
    headers: { authorization: `Bearer ${DEMO_API_TOKEN}` },
    data: {
      applicant: { name: "李小军", idNumber: id17 + idNumberCheckChar(id17), phone: "13800000002", address: "滨江街道幸福路 8 号", regionCode: "369901001001" },
      matter: { category: "ACCIDENT_INJURY", facts: "骑电动车被小轿车撞伤，对方保险公司拒赔。", opposingParty: "某财产保险公司" },
      aidForm: "CIVIL_REPRESENTATION",
      economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 9000, householdSize: 2, signed: true } },
      consent: { personalInfo: true },
    },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();

  await signIn(page, "officer");
  await page.goto(`/staff/legal-aid/${number}`);
  await page.locator("summary", { hasText: "决定不予法律援助" }).click();
  await page.getByRole("button", { name: "确认不予法律援助" }).click();
  await expect(page.getByText("请写明不予法律援助的理由（至少 10 个字）")).toBeVisible();
  await page.getByLabel(/^不予法律援助的理由/).fill("家庭人均月收入 4,500 元，高于本区经济困难标准 1,800 元。");
  await page.getByRole("button", { name: "确认不予法律援助" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已决定不予法律援助" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "13800000002");
  await page.goto(`/resident/legal-aid/${number}`);
  await expect(page.locator("main")).toContainText("决定不予法律援助");
  await page.getByRole("link", { name: /不予法律援助决定书/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("不予法律援助决定书");
  await expect(page.locator("main")).toContainText("高于本区经济困难标准");
  await expectAccessible(page);
  await page.goto(`/resident/legal-aid/${number}`);
  await page.locator("summary", { hasText: "提出异议" }).click();
  await page.getByLabel(/^异议理由/).fill("我家两口人，收入里有一半是给老人看病的钱，实际生活很困难。");
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByRole("status").filter({ hasText: "异议已提交" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "leader.county");
  await page.goto("/leader/legal-aid");
  await expectAccessible(page);
  const objection = page.getByRole("article").filter({ hasText: number });
  await objection.getByRole("radio", { name: /责令法律援助机构改正/ }).check();
  await objection.getByLabel(/^审查意见/).fill("应当核实医疗支出后重新审查。");
  await objection.getByRole("button", { name: "作出决定" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已责令法律援助中心改正" })).toBeVisible();
  await signOut(page);

  await signIn(page, "officer");
  await page.goto("/staff/legal-aid?view=review");
  await expect(page.getByRole("link", { name: /李小军/ }).first()).toBeVisible();
  await page.goto(`/staff/legal-aid/${number}`);
  await expect(page.locator("main")).toContainText("待审查");
});

test("the administrator sets the legal-aid time limits; bad values are refused next to the field", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/legal-aid-rules");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("法律援助时限设置");
  await expectAccessible(page);
  await page.getByLabel(/^指派律师的期限/).fill("0");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("main")).toContainText("1");
  await expect(page.getByLabel(/^指派律师的期限/)).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel(/^指派律师的期限/).fill("3");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByLabel(/^指派律师的期限/)).not.toHaveAttribute("aria-invalid", "true");
});
