import { test, expect, signIn, expectAccessible } from "./fixtures";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// A real PNG header: the upload is checked by content, so the bytes must be an image.
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

test("a resident applies for legal aid online: told what is wrong in place, saves a draft and comes back to it, uploads, then gets a number and the decision due date", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "13800000002");
  await page.goto("/legal-aid/apply");
  // A draft left behind by an interrupted earlier run would prefill the form.
  const leftover = page.getByRole("button", { name: "清除草稿" });
  if (await leftover.isVisible()) {
    await leftover.click();
    await expect(leftover).toBeHidden();
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.locator("#field-applicant\\.idNumber-error, #field-applicant_idNumber-error").first()).toContainText("身份证号码");
  await expect(page.getByText("请同意为办理法律援助处理您的个人信息")).toBeVisible();

  const id17 = `36990119750505${String(Date.now()).slice(-3)}`;
  const idNumber = id17 + idNumberCheckChar(id17);
  const facts = "在物流公司干了八个月，被辞退后公司拖欠三个月工资。";
  await page.getByLabel("身份证号码").fill(idNumber);
  await page.getByLabel(/^手机号/).fill("13800000002");
  await page.getByLabel("住址").fill("滨江街道幸福路 8 号");
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township2 });
  await page.getByLabel("事项类别").selectOption("LABOUR");
  await page.getByLabel("简要经过").fill(facts);
  await page.getByLabel("对方是谁").fill("某物流有限公司");
  await page.getByLabel("希望得到的帮助").selectOption("LABOUR_ARBITRATION");
  await page.getByLabel("全家每月收入（元）").fill("2600");
  await page.getByLabel("家庭人口（人）").fill("3");
  await page.getByRole("checkbox", { name: /个人诚信承诺/ }).check();

  // half-way: save a draft (no required-field check), leave, come back to the filled-in form
  await page.getByRole("button", { name: "保存草稿，稍后继续" }).click();
  await expect(page.getByText(/草稿已保存（\d{2}:\d{2}）/)).toBeVisible();
  await page.goto("/legal-aid/apply");
  await expect(page.getByRole("heading", { name: "已恢复您上次保存的草稿" })).toBeVisible();
  await expect(page.getByLabel("身份证号码")).toHaveValue(idNumber);
  await expect(page.getByLabel("住址")).toHaveValue("滨江街道幸福路 8 号");
  await expect(page.getByLabel("乡镇（街道）").locator("option:checked")).toHaveText(DEMO_PLACES.township2);
  await expect(page.getByLabel("事项类别")).toHaveValue("LABOUR");
  await expect(page.getByLabel("简要经过")).toHaveValue(facts);
  await expect(page.getByLabel("希望得到的帮助")).toHaveValue("LABOUR_ARBITRATION");
  await expect(page.getByLabel("全家每月收入（元）")).toHaveValue("2600");
  await expect(page.getByRole("checkbox", { name: /个人诚信承诺/ })).toBeChecked();
  await expectAccessible(page);

  // a text file named like a PDF is refused, with the message next to the upload field
  const upload = page.getByLabel(/^证明材料/);
  await upload.setInputFiles({ name: "收入证明.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is only text") });
  await page.getByLabel(/我同意司法行政机关/).check();
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.locator("#field-attachments-error")).toContainText("「收入证明.pdf」不是图片或 PDF 文件，请重新选择");
  await expect(upload).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await upload.setInputFiles({ name: "工资欠条.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  await expect(page.locator("main")).toContainText(/369901-\d{8}-\d{7}/);
  await expect(page.locator("main")).toContainText("作出决定的期限");
  await expectAccessible(page);
  await page.getByRole("link", { name: "查看办理进度" }).click();
  await expect(page.locator("main")).toContainText("青溪区公共法律服务中心");

  // submitting spent the draft
  await page.goto("/legal-aid/apply");
  await expect(page.getByLabel("身份证号码")).toHaveValue("");
  await expect(page.getByRole("heading", { name: "已恢复您上次保存的草稿" })).toHaveCount(0);
});

test("a village room registers a walk-in legal-aid applicant; it goes to the county centre for review", async ({ page }) => {
  await signIn(page, "staff.room");
  await page.getByRole("link", { name: "代为登记法律援助申请" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("代为登记法律援助申请");
  await page.getByLabel("来源渠道").selectOption("WALK_IN");
  const id17 = `36990119500202${String(Date.now()).slice(-3)}`;
  await page.getByLabel("姓名", { exact: false }).first().fill("赖大伯");
  await page.getByLabel("身份证号码").fill(id17 + idNumberCheckChar(id17));
  await page.getByLabel(/^手机号/).fill(`136${String(Date.now()).slice(-8)}`);
  await page.getByLabel("住址").fill("文昌社区 2 栋");
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township });
  await page.getByLabel("村（社区）").selectOption({ label: DEMO_PLACES.village });
  await page.getByLabel("事项类别").selectOption("MAINTENANCE");
  await page.getByLabel("简要经过").fill("子女不支付赡养费。");
  await page.getByLabel("对方是谁").fill("赖某");
  await page.getByLabel("希望得到的帮助").selectOption("CIVIL_REPRESENTATION");
  await page.getByRole("radio", { name: /免予核查经济状况/ }).check();
  await page.getByLabel("属于哪一类").selectOption("ELDERLY_NO_INCOME");
  await page.getByLabel(/我同意司法行政机关/).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  await expect(page.locator("main")).toContainText("县级公共法律服务中心审查");
});
