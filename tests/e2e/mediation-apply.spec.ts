import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { DEMO_API_TOKEN, DEMO_PLACES } from "@/lib/seed/demo-accounts";

// A resident applies for mediation online naming the other side; the other side, who has an
// account, agrees online; the village committee sees it accepted in its workspace. And the police
// system refers a case through the API.

test("a resident applies online, the other party agrees online, the committee sees it accepted", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "13800000001");
  await page.goto("/mediation/apply");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("调解");
  await page.getByLabel("纠纷类别").selectOption("NEIGHBOUR");
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township });
  await page.getByLabel("村（社区）").selectOption({ label: DEMO_PLACES.village });
  await page.getByLabel(/^发生了什么/).fill("楼上邻居空调外机滴水到我家阳台，多次沟通无果。");
  await page.locator("#apply-party-0-name").fill("李小军");
  await page.locator("#apply-party-0-phone").fill("13800000002");
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交调解申请" }).click();
  await expect(page.getByRole("heading", { name: "调解申请已提交" })).toBeFocused();
  const number = (await page.locator("main").textContent())?.match(/\d{6}-\d{8}-\d{7}/)?.[0];
  expect(number).toBeTruthy();
  await page.getByRole("link", { name: "查看调解进度" }).click();
  await expect(page.locator("main")).toContainText("等待对方同意调解");
  await expectAccessible(page);
  await signOut(page);

  // the other side answers from their own account
  await signIn(page, "13800000002");
  await page.goto(`/resident/mediation/${number}`);
  await expectAccessible(page);
  await page.getByRole("radio", { name: "同意调解", exact: true }).check();
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByRole("status").filter({ hasText: "您同意调解" })).toBeVisible();
  await signOut(page);

  // the village committee: accepted, waiting for a mediator
  await signIn(page, "mediator.room");
  await page.goto("/staff/mediation?view=committee");
  await expectAccessible(page);
  await page.getByRole("listitem").filter({ hasText: number! }).getByRole("link", { name: /王秀英、李小军/ }).click();
  await expect(page.locator("main")).toContainText("已受理");
  await expectAccessible(page);
});

test("the police system refers a dispute through the API: 201 with the committee and the deadline, 422 with fields", async ({ request }) => {
  const auth = { authorization: `Bearer ${DEMO_API_TOKEN}` };
  const body = {
    source: "POLICE",
    category: "NEIGHBOUR",
    regionCode: "369901001001",
    summary: "两户因停车位发生推搡，派出所出警后移送调解。",
    parties: [{ role: "APPLICANT", name: "甲某", phone: "13700000041" }, { role: "RESPONDENT", name: "乙某", phone: "13700000042" }],
    referral: { authority: "文昌派出所", reference: `文公移调〔2026〕${String(Date.now()).slice(-3)}号` },
  };
  const bad = await request.post("/api/v1/mediation/cases", { headers: auth, data: { ...body, parties: [body.parties[0]], referral: undefined } });
  expect(bad.status()).toBe(422);
  const err = await bad.json();
  expect(err.error.code).toBe("VALIDATION");
  expect(Object.keys(err.error.fields).length).toBeGreaterThan(0);

  const key = `med-e2e-${Date.now()}`;
  const created = await request.post("/api/v1/mediation/cases", { headers: { ...auth, "idempotency-key": key }, data: body });
  expect(created.status()).toBe(201);
  const c = await created.json();
  expect(c).toMatchObject({ number: expect.stringMatching(/^369901-/), status: "ACCEPTED", committee: { name: expect.stringContaining("工作室") }, dueAt: expect.any(String) });
  const again = await request.post("/api/v1/mediation/cases", { headers: { ...auth, "idempotency-key": key }, data: body });
  expect((await again.json()).number).toBe(c.number);
  const read = await request.get(`/api/v1/mediation/cases/${c.number}`, { headers: auth });
  expect(read.status()).toBe(200);
  expect((await request.get(`/api/v1/mediation/cases/${c.number}`)).status()).toBe(401);
});
