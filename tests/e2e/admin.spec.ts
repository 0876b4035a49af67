import { test, expect, signIn, expectAccessible, allowConsoleErrors } from "./fixtures";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";

test("the admin enters the 2027 Spring Festival into the working-day calendar; a make-up day on a Wednesday is refused", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/calendar?year=2027");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "日期" }).fill("2027-02-06");
  await page.getByRole("combobox", { name: "类别" }).selectOption("HOLIDAY");
  await page.getByRole("textbox", { name: "名称" }).fill("春节");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("table")).toContainText("2027-02-06");
  // the form empties itself after a save; filling before that would be wiped
  await expect(page.getByRole("textbox", { name: "日期" })).toHaveValue("");

  await page.getByRole("textbox", { name: "日期" }).fill("2027-02-10");
  await page.getByRole("combobox", { name: "类别" }).selectOption("WORKDAY");
  await page.getByRole("textbox", { name: "名称" }).fill("调休上班");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#day-date-error")).toContainText("星期六或星期日");
  await expect(page.getByRole("table")).not.toContainText("2027-02-10");
});

test("the admin creates an API client, the token works once shown, and stops working when revoked", async ({ page, request }) => {
  allowConsoleErrors(page, /Failed to load resource/);
  await signIn(page, "admin");
  const station = (await (await request.get("/api/v1/service-points?township=369901001000&tier=STATION")).json()).items[0];
  await page.goto("/admin/api-clients");
  await page.getByLabel("客户端名称").fill("文昌街道微信服务号");
  await page.getByLabel("以何种角色访问").selectOption("STAFF");
  await page.getByLabel("所属网点编号").fill(String(station.id));
  await page.getByRole("button", { name: "创建客户端" }).click();
  const token = (await page.getByTestId("new-api-token").innerText()).trim();
  expect(token).toMatch(/^lsp_/);

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ role: "STAFF", organization: { id: station.id } });

  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "吊销 文昌街道微信服务号" }).click();
  await expect(page.getByRole("button", { name: "吊销 文昌街道微信服务号" })).toHaveCount(0);
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("the admin opens a new village room under a station and residents can find it", async ({ page }) => {
  await signIn(page, "admin");
  const station = `${DEMO_PLACES.county}${DEMO_PLACES.township}公共法律服务工作站`;
  await page.goto(`/admin/organizations?q=${encodeURIComponent(station)}`);
  await page.getByRole("link", { name: /新建下级/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/organizations\/new\?parent=\d+/);
  await expectAccessible(page);

  const name = `${DEMO_PLACES.village}第二公共法律服务工作室`;
  await page.getByLabel("网点名称").fill(name);
  await page.getByLabel("网点层级").selectOption("ROOM");
  await page.getByLabel("所在区划").selectOption({ index: 1 });
  await page.getByLabel("地址").fill("文昌街道站前路 88 号");
  await page.getByLabel("联系电话").fill("0797-3880000");
  await page.getByLabel("办公时间").fill("每周二、四上午坐班");
  await page.getByRole("button", { name: "新建网点" }).click();
  await expect(page.getByText(/已新建|网点已新建/).first()).toBeVisible();

  await page.goto(`/service-points?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("list", { name: "网点列表" })).toContainText(name);
});
