import { test, expect, signIn, signOut } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// 点援制 through /api/v1 (issue 5 item 7): the public roster, the applicant's choices (the signed-in
// resident's session), and the chosen lawyer answering the offer (the lawyer's session).

const desk = { authorization: `Bearer ${DEMO_API_TOKEN}` };

test("roster, choices and offers through the API", async ({ page, request }) => {
  test.setTimeout(90_000);
  // the public roster: no sign-in, filters, no private contact data
  const roster = await request.get("/api/v1/lawyers?category=LABOUR&sort=load&limit=50");
  expect(roster.status()).toBe(200);
  const list = await roster.json();
  expect(list.items.length).toBeGreaterThan(0);
  expect(list.items.every((l: { expertise: string[] }) => l.expertise.includes("LABOUR"))).toBe(true);
  expect(JSON.stringify(list)).not.toMatch(/licenceNumber|"phone"/);
  expect((await request.get("/api/v1/lawyers?sort=best")).status()).toBe(400);
  const idOf = async (name: string) => (await (await request.get(`/api/v1/lawyers?q=${encodeURIComponent(name)}`)).json()).items[0].userId as number;
  const chen = await idOf("陈立衡");
  const hu = await idOf("胡雅琴");

  // the hotline desk registers an application for the demo resident, who then ranks lawyers
  const id17 = `36990119790101${String(Date.now()).slice(-3)}`;
  const created = await request.post("/api/v1/legal-aid/applications", {
    headers: desk,
    data: {
      applicant: { name: "王秀英", idNumber: id17 + idNumberCheckChar(id17), phone: "13800000001", address: "文昌社区 5 组 9 号", regionCode: "369901001001" },
      matter: { category: "LABOUR", facts: "装修队拖欠工资八千元。", opposingParty: "某装饰工程队" },
      aidForm: "LABOUR_ARBITRATION",
      economic: { basis: "HARDSHIP_DECLARATION", declaration: { monthlyIncome: 2000, householdSize: 3, signed: true } },
      consent: { personalInfo: true },
    },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();

  // someone else's session (or none) cannot choose for the applicant
  expect((await request.post(`/api/v1/legal-aid/applications/${number}/choices`, { data: { lawyerChoices: [chen] } })).status()).toBe(401);

  await signIn(page, "13800000001");
  const twice = await page.request.post(`/api/v1/legal-aid/applications/${number}/choices`, { data: { lawyerChoices: [chen, chen] } });
  expect(twice.status()).toBe(422);
  expect((await twice.json()).error.fields.lawyerChoices).toEqual(["同一名律师只能选择一次"]);
  const chosen = await page.request.post(`/api/v1/legal-aid/applications/${number}/choices`, { data: { lawyerChoices: [hu, chen] } });
  expect(chosen.status()).toBe(200);
  expect(await chosen.json()).toMatchObject({ number, choices: "1. 胡雅琴；2. 陈立衡", next: null });
  await signOut(page);

  // the officer approves: the first choice gets the offer
  await signIn(page, "officer");
  await page.goto(`/staff/legal-aid/${number}`);
  await page.getByRole("button", { name: "确认给予法律援助" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已决定给予法律援助" })).toBeVisible();
  await signOut(page);

  await signIn(page, "lawyer2");
  const offers = await (await page.request.get("/api/v1/offers")).json();
  const offer = offers.pending.find((o: { number: string }) => o.number === number);
  expect(offer).toMatchObject({ applicant: "王某", rank: 1, status: "PENDING" });
  const noReason = await page.request.post(`/api/v1/offers/${offer.id}/decline`, { data: {} });
  expect(noReason.status()).toBe(422);
  expect((await noReason.json()).error.fields.reason).toBeTruthy();
  const accepted = await page.request.post(`/api/v1/offers/${offer.id}/accept`);
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toMatchObject({ number, lawyerName: "胡雅琴", via: "CHOICE" });
  // answered once; and another lawyer's session cannot touch it
  expect((await page.request.post(`/api/v1/offers/${offer.id}/accept`)).status()).toBe(422);
  await signOut(page);
  await signIn(page, "lawyer1");
  expect((await page.request.post(`/api/v1/offers/${offer.id}/decline`, { data: { reason: "不方便" } })).status()).toBe(404);
  const pool = await page.request.get("/api/v1/legal-aid/pool");
  expect(pool.status()).toBe(200);
  expect((await pool.json()).items.map((i: { number: string }) => i.number)).not.toContain(number);

  // the OpenAPI document lists the new doors
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/v1/lawyers", "/api/v1/legal-aid/applications/{number}/choices", "/api/v1/offers/{id}/accept", "/api/v1/offers/{id}/decline", "/api/v1/legal-aid/pool"]),
  );
});
