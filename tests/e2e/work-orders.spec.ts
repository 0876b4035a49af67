import pg from "pg";
import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { DEMO_API_TOKEN, DEMO_PLACES } from "@/lib/seed/demo-accounts";

test("a hotline operator registers a call, the village room replies and closes it, the resident rates it from their account", async ({ page }) => {
  // 1. the county centre's hotline desk registers the call of resident1 (王秀英, 13800000001)
  await signIn(page, "staff.centre");
  await page.goto("/staff/intake");
  await page.getByLabel("来源渠道").selectOption("HOTLINE_12348");
  await page.getByLabel("事项类型").selectOption("CONSULTATION");
  await page.getByLabel("群众姓名").fill("王秀英");
  await page.getByLabel("手机号").fill("13800000001");
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township });
  await page.getByLabel("村（社区）").selectOption({ label: DEMO_PLACES.village });
  const subject = `宅基地边界纠纷咨询 ${Date.now() % 100000}`;
  await page.getByLabel("事项标题").fill(subject);
  await page.getByLabel("事项描述").fill("邻居新建围墙占了我家宅基地约半米，想咨询怎么办。");
  await expectAccessible(page);
  await page.getByRole("button", { name: /登记/ }).last().click();
  // A re-run finds resident1's earlier open consultation: the desk confirms it is a new matter.
  const done = page.getByRole("heading", { name: "已登记" });
  await expect(done.or(page.getByLabel("仍然登记"))).toBeVisible();
  if (!(await done.isVisible())) {
    await page.getByLabel("仍然登记").check();
    await page.getByRole("button", { name: /登记/ }).last().click();
  }
  await expect(done).toBeVisible();
  const number = (await page.getByRole("link", { name: /^\d{6}-\d{8}-\d{7}$/ }).first().innerText()).trim();
  await expect(page.getByText(`${DEMO_PLACES.township}${DEMO_PLACES.village}公共法律服务工作室`)).toBeVisible();
  await signOut(page);

  // 2. the village room finds it in its inbox, accepts, replies and closes it
  await signIn(page, "staff.room");
  await page.goto("/staff/work-orders");
  await expect(page.getByRole("table", { name: "工单列表" })).toContainText(number);
  await expectAccessible(page);
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await page.getByRole("button", { name: "受理（由我承办）" }).click();
  await expect(page.getByText("答复群众")).toBeVisible();
  await page.getByLabel("答复内容").fill("宅基地边界以确权登记为准，可先请村调委会调解，调解不成可申请乡镇政府处理。");
  await page.getByRole("button", { name: "发送答复" }).click();
  await expect(page.getByRole("region", { name: "办理记录" }).or(page.locator("section", { hasText: "办理记录" })).first()).toContainText("答复");
  await page.locator("details", { has: page.getByLabel("办理结果") }).locator("summary").click();
  await page.getByLabel("办理结果").fill("已电话答复处理途径，群众表示明白。");
  await page.getByRole("button", { name: "办结", exact: true }).click();
  await expect(page.getByText("已办结").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // 3. the resident sees it closed in their account and rates it
  await signIn(page, "13800000001");
  await expect(page.locator("main")).toContainText(subject);
  await page.getByRole("link", { name: new RegExp(subject) }).first().click();
  await expect(page.locator("main")).toContainText("宅基地边界以确权登记为准");
  await page.getByLabel("满意", { exact: true }).check();
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("感谢您的评价")).toBeVisible();
  await expectAccessible(page);
});

test("an overdue order is escalated by the overdue check and shows flagged in the parent station's inbox", async ({ page, request }) => {
  const response = await request.post("/api/v1/work-orders", {
    headers: { authorization: `Bearer ${DEMO_API_TOKEN}` },
    data: { channel: "HOTLINE_12348", type: "CONSULTATION", regionCode: "369901001001", requester: { name: "超期测试", phone: `139${String(Date.now()).slice(-8)}` }, subject: "超期工单测试", description: "用于检查超期自动上报。" },
  });
  expect(response.status()).toBe(201);
  const created = await response.json();
  // Make it overdue the way time would: its due time is now in the past.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`UPDATE "WorkOrder" SET "dueAt" = now() - interval '2 hours' WHERE "number" = $1`, [created.number]);
  await client.end();

  await signIn(page, "admin");
  await page.goto("/admin/work-order-rules");
  await page.getByRole("button", { name: "立即检查超期工单" }).click();
  await expect(page.getByText(/已上报 \d+ 个超期工单/)).toBeVisible();
  await signOut(page);

  await signIn(page, "staff.station");
  await page.goto("/staff/work-orders?due=overdue");
  const row = page.getByRole("table", { name: "工单列表" }).getByRole("row", { name: new RegExp(created.number) });
  await expect(row).toContainText("已超期");
  await row.getByRole("link", { name: created.number }).click();
  await expect(page.locator("main")).toContainText("超过办理时限，系统自动上报");
});

test("a resident asks online with a photo attached, and can open the attachment from the order", async ({ page }) => {
  await signIn(page, "13800000002");
  await page.goto("/resident/new");
  await page.locator("#type-CONSULTATION").check();
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township2 });
  await page.getByLabel("标题").fill("工地拖欠工资怎么办");
  await page.getByLabel("具体情况").fill("在镇上工地干了三个月，老板一直拖着不给工资。");
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  await page.getByLabel("附件").setInputFiles({ name: "工资条.png", mimeType: "image/png", buffer: png });
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByRole("heading", { name: "已提交" })).toBeVisible();
  await page.getByRole("link", { name: "查看办理进度" }).click();
  const link = page.getByRole("link", { name: "工资条.png" });
  await expect(link).toBeVisible();
  const file = await page.request.get((await link.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await file.body()).subarray(0, 8)).toEqual(png.subarray(0, 8));
});
