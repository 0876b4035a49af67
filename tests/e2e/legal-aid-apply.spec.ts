import { test, expect, signIn, expectAccessible } from "./fixtures";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";
import { idNumberCheckChar } from "@/lib/identity/id-number";

test("a resident applies for legal aid online, is told what is wrong in place, then gets a number and the decision due date", async ({ page }) => {
  await signIn(page, "13800000002");
  await page.goto("/legal-aid/apply");
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.locator("#field-applicant\\.idNumber-error, #field-applicant_idNumber-error").first()).toContainText("身份证号码");
  await expect(page.getByText("请同意为办理法律援助处理您的个人信息")).toBeVisible();

  const id17 = `36990119750505${String(Date.now()).slice(-3)}`;
  await page.getByLabel("身份证号码").fill(id17 + idNumberCheckChar(id17));
  await page.getByLabel(/^手机号/).fill("13800000002");
  await page.getByLabel("住址").fill("滨江街道幸福路 8 号");
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township2 });
  await page.getByLabel("事项类别").selectOption("LABOUR");
  await page.getByLabel("简要经过").fill("在物流公司干了八个月，被辞退后公司拖欠三个月工资。");
  await page.getByLabel("对方是谁").fill("某物流有限公司");
  await page.getByLabel("希望得到的帮助").selectOption("LABOUR_ARBITRATION");
  await page.getByLabel("全家每月收入（元）").fill("2600");
  await page.getByLabel("家庭人口（人）").fill("3");
  await page.getByRole("checkbox", { name: /个人诚信承诺/ }).check();
  await page.getByLabel(/我同意司法行政机关/).check();
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  await expect(page.locator("main")).toContainText(/369901-\d{8}-\d{7}/);
  await expect(page.locator("main")).toContainText("作出决定的期限");
  await expectAccessible(page);
  await page.getByRole("link", { name: "查看办理进度" }).click();
  await expect(page.locator("main")).toContainText("青溪区公共法律服务中心");
});
