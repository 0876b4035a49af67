import { test, expect, expectAccessible, signIn } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";
import { idNumberCheckChar } from "@/lib/identity/id-number";

// Runs in the "phone" project (Pixel 7 viewport and touch): the resident's main path on a phone.
test("on a phone: home, hotline, finder and sign-in all work and pass axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: /拨打热线 12348/ })).toHaveAttribute("href", "tel:12348");
  await expectAccessible(page);
  await page.getByRole("link", { name: "找身边的服务网点" }).click();
  await expect(page.getByRole("list", { name: "网点列表" }).getByRole("listitem").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await signIn(page, "13800000002");
  await expect(page).toHaveURL(/\/resident$/);
  await expectAccessible(page);
});

test("on a phone: the legal-aid form and the applicant's case page fit the screen and pass axe", async ({ page, request }) => {
  const id17 = `36990119550505${String(Date.now()).slice(-3)}`;
  const created = await request.post("/api/v1/legal-aid/applications", {
    headers: { authorization: `Bearer ${DEMO_API_TOKEN}` },
    data: {
      applicant: { name: "李小军", idNumber: id17 + idNumberCheckChar(id17), phone: "13800000002", address: "滨江街道幸福路 8 号", regionCode: "369901001001" },
      matter: { category: "MAINTENANCE", facts: "子女不付赡养费。", opposingParty: "李某" },
      aidForm: "CIVIL_REPRESENTATION",
      economic: { basis: "EXEMPT_GROUP", group: "ELDERLY_NO_INCOME" },
      consent: { personalInfo: true },
    },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();
  const noSideways = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  await signIn(page, "13800000002");
  await page.goto("/legal-aid/apply");
  await noSideways();
  await expectAccessible(page);
  await page.goto(`/resident/legal-aid/${number}`);
  await expect(page.getByText("审查决定期限")).toBeVisible();
  await noSideways();
  await expectAccessible(page);
});
