import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// Personal data on the case pages (decision 014): the officer sees the applicant's ID masked and
// reveals it on purpose (announced, then hidden again); the applicant sees her consents and
// withdraws the sensitive one, told first what that means. axe on each page.

test("the officer reveals a full ID number on purpose; the applicant withdraws her sensitive-data consent", async ({ page, request }) => {
  test.setTimeout(90_000);
  const id17 = `36990119720404${String(Date.now()).slice(-3)}`;
  const idNumber = id17 + idNumberCheckChar(id17);
  const created = await request.post("/api/v1/legal-aid/applications", {
    headers: { authorization: `Bearer ${DEMO_API_TOKEN}` },
    data: {
      applicant: { name: "李小军", idNumber, phone: "13800000002", address: "滨江街道幸福路 8 号", regionCode: "369901001001" },
      matter: { category: "ACCIDENT_INJURY", facts: "骑电动车被小轿车撞伤，落下残疾，对方保险公司拒赔。", opposingParty: "某财产保险公司" },
      aidForm: "CIVIL_REPRESENTATION",
      economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 900, householdSize: 2, signed: true } },
      greenChannel: "SEVERE_DISABILITY",
      consent: { personalInfo: true, sensitiveInfo: true },
    },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();
  const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;

  await signIn(page, "officer");
  await page.goto(`/staff/legal-aid/${number}`);
  const main = page.locator("main");
  await expect(main).toContainText(masked);
  await expect(main).not.toContainText(idNumber);
  await expect(page.getByRole("heading", { name: "个人信息授权" })).toBeVisible();
  await expect(main).toContainText("敏感个人信息处理（单独同意）");
  await page.getByRole("button", { name: "显示完整号码" }).click();
  await expect(page.getByRole("status").filter({ hasText: idNumber })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "隐藏完整号码" }).click();
  await expect(main).not.toContainText(idNumber);
  await signOut(page);

  await signIn(page, "13800000002");
  await page.goto(`/resident/legal-aid/${number}`);
  await expect(page.getByRole("heading", { name: "个人信息授权" })).toBeVisible();
  await expect(page.locator("main")).toContainText("撤回不会终止您的申请");
  await expect(page.getByRole("button", { name: "显示完整号码" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "撤回这项同意" }).click();
  await expect(page.locator("main").getByText("已撤回", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "撤回这项同意" })).toHaveCount(0);
  await signOut(page);
});
