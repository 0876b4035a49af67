import pg from "pg";
import { test, expect, expectAccessible } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";

// 查进度 without an account: a caller registered by the 12348 hotline looks their request up with
// the number, their phone and the SMS code (read here from the outbox, as the dev SMS gateway only
// records it), and sees the steps without any personal details.

const REQUESTER = "查进度测试大娘";

async function registerCall(request: import("@playwright/test").APIRequestContext, phone: string): Promise<string> {
  const response = await request.post("/api/v1/work-orders", {
    headers: { authorization: `Bearer ${DEMO_API_TOKEN}` },
    data: {
      channel: "HOTLINE_12348", type: "CONSULTATION", regionCode: "369901001001",
      requester: { name: REQUESTER, phone }, subject: "土地承包合同到期怎么办", description: `${REQUESTER}家的承包地合同到期，想问能不能续签。`,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).number;
}

/** The newest look-up code texted to a phone: the outbox row is what the dev SMS gateway "sends". */
async function codeTextedTo(phone: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ body: string }>(
      `SELECT body FROM "Notification" WHERE channel = 'SMS' AND "recipientPhone" = $1 AND body LIKE '您正在查询办理进度%' ORDER BY id DESC LIMIT 1`,
      [phone],
    );
    return rows[0] ? /验证码 (\d{6})/.exec(rows[0].body)![1] : null;
  } finally {
    await client.end();
  }
}

const uniquePhone = (prefix: string) => `${prefix}${String(Date.now()).slice(-8)}`;

test("a caller without an account looks up their request with the SMS code and sees only the steps", async ({ page, request }) => {
  const phone = uniquePhone("137");
  const number = await registerCall(request, phone);

  // step 1: number and phone
  await page.goto("/track");
  await expect(page.getByRole("heading", { level: 1, name: "查询办理进度" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("申请编号或工单编号").fill(number);
  await page.getByRole("textbox", { name: "手机号", exact: true }).fill(phone);
  await page.getByRole("button", { name: "发送验证码" }).click();

  // step 2: the code, with focus already on its field
  const codeField = page.getByRole("textbox", { name: "短信验证码", exact: true });
  await expect(codeField).toBeFocused();
  await expect(page.getByText(`验证码已发送到 ${phone.slice(0, 3)}****${phone.slice(7)}`).first()).toBeVisible();
  await expectAccessible(page);
  const code = await codeTextedTo(phone);
  expect(code).toMatch(/^\d{6}$/);

  // a wrong code is refused next to the field, with the tries left
  await codeField.fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "查看办理进度" }).click();
  await expect(page.locator("#field-code-error")).toHaveText(/验证码不对，还可以再试 4 次。/);
  await expect(codeField).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await codeField.fill(code!);
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/track/${number}`);

  // the timeline: status, service point, steps; nothing personal
  await expect(page.getByRole("heading", { level: 1, name: "办理进度" })).toBeVisible();
  const main = page.locator("main");
  await expect(main).toContainText(number);
  await expect(main).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  await expect(main).toContainText("待受理");
  await expect(main).toContainText("文昌社区");
  await expect(page.getByRole("heading", { name: "办理记录" })).toBeVisible();
  await expect(page.locator("[data-read-aloud]")).toContainText("登记");
  await expect(main).not.toContainText(REQUESTER);
  await expect(main).not.toContainText("承包地");
  await expect(main).not.toContainText(phone);
  await expectAccessible(page);
});

test("a wrong phone gets the same answer and no SMS; the timeline needs the code first", async ({ page, request }) => {
  const phone = uniquePhone("136");
  const number = await registerCall(request, phone);
  const wrong = uniquePhone("135");

  await page.goto("/track");
  await page.getByLabel("申请编号或工单编号").fill(number);
  await page.getByRole("textbox", { name: "手机号", exact: true }).fill(wrong);
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByText(`如果编号和手机号正确，验证码已发送到 ${wrong.slice(0, 3)}****${wrong.slice(7)}`)).toBeVisible();
  expect(await codeTextedTo(wrong)).toBeNull();
  expect(await codeTextedTo(phone)).toBeNull();

  // going back keeps what was typed
  await page.getByRole("button", { name: "修改编号或手机号" }).click();
  await expect(page.getByLabel("申请编号或工单编号")).toBeFocused();
  await expect(page.getByLabel("申请编号或工单编号")).toHaveValue(number);

  // a bad number is explained next to its field
  await page.getByLabel("申请编号或工单编号").fill("12345");
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByText(/编号格式不对/)).toBeVisible();
  await expectAccessible(page);

  // the timeline's address alone opens nothing
  await page.goto(`/track/${number}`);
  await page.waitForURL(/\/track\?number=/);
  await expect(page.getByText("查看办理进度前需要先验证手机号")).toBeVisible();
  await expect(page.getByLabel("申请编号或工单编号")).toHaveValue(number);
  await expectAccessible(page);
});
