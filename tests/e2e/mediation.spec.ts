import type { Page } from "@playwright/test";
import { test, expect, signIn, signOut, expectAccessible } from "./fixtures";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";

// People's mediation (issue 6): the three real cases of DOMAIN.md §6 as journeys — a village
// land-boundary dispute settled by the village mediator; a court-delegated debt case settled at the
// township station and reported back to the court; the bike-shed fire (23 owners, the property
// company, a battery shop) settled in a joint session, with the agreement printed. axe on the way.

type Party = { name: string; phone?: string; role?: "APPLICANT" | "RESPONDENT" | "THIRD_PARTY" };

/** Tomorrow (Asia/Shanghai) at the given time, as a datetime-local value. */
function tomorrowAt(time: string) {
  const d = new Date(Date.now() + 8 * 3_600_000 + 24 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const openStep = (page: Page, title: string | RegExp) => page.locator("summary", { hasText: title }).click();

async function registerCase(
  page: Page,
  c: { source: string; category: string; village?: string; summary: string; parties: Party[]; referral?: { authority: string; reference: string } },
) {
  await page.goto("/staff/mediation/new");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("调解");
  await page.getByLabel("来源").selectOption(c.source);
  await page.getByLabel("纠纷类别").selectOption(c.category);
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township });
  if (c.village) await page.getByLabel("村（社区）").selectOption({ label: c.village });
  await page.getByLabel("纠纷事实和争议事项").fill(c.summary);
  if (c.referral) {
    await page.getByLabel(/^委派（移送）机关/).fill(c.referral.authority);
    await page.getByLabel(/^委派（移送）文书编号/).fill(c.referral.reference);
  }
  // rows: 3 at first, "一次添加 5 行" and "添加当事人" for the rest
  let rows = 3;
  while (rows < c.parties.length) {
    if (c.parties.length - rows >= 5) {
      await page.getByRole("button", { name: "一次添加 5 行" }).click();
      rows += 5;
    } else {
      await page.getByRole("button", { name: "添加当事人" }).click();
      rows += 1;
    }
  }
  for (const [i, p] of c.parties.entries()) {
    if (p.role) await page.locator(`#register-party-${i}-role`).selectOption(p.role);
    await page.locator(`#register-party-${i}-name`).fill(p.name);
    if (p.phone) await page.locator(`#register-party-${i}-phone`).fill(p.phone);
  }
  const agreed = page.getByRole("checkbox", { name: /双方均同意调解/ });
  if (await agreed.count()) await agreed.check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "登记调解案件" }).click();
  await page.getByRole("link", { name: "打开案件" }).click();
  await page.waitForURL(/\/staff\/mediation\/\d{6}-\d{8}-\d{7}$/);
  const number = page.url().match(/\d{6}-\d{8}-\d{7}/)?.[0];
  expect(number).toBeTruthy();
  return number!;
}

/** Assign the mediator, schedule a session, record it. */
async function mediate(page: Page, mediator: string, minutes: string, placeKind: "ROOM" | "STATION") {
  await page.getByRole("radio", { name: new RegExp(mediator) }).check();
  await page.getByRole("button", { name: "确定调解员" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已确定调解员" })).toBeVisible();
  await page.getByLabel(/^调解时间/).fill(tomorrowAt("09:30"));
  await page.getByLabel(/^地点类型/).selectOption(placeKind);
  await page.getByRole("button", { name: "安排调解并通知当事人" }).click();
  await expect(page.getByLabel(/^哪一次调解/)).toBeVisible();
  await page.getByLabel(/^参加人员/).fill("各方当事人、调解员");
  await page.getByLabel(/^调解笔录/).fill(minutes);
  await page.getByRole("button", { name: "保存调解记录" }).click();
  await expect(page.locator("main")).toContainText("调解记录");
}

async function recordAgreement(page: Page, a: { facts: string; terms: string }) {
  await openStep(page, "调解成功，记录协议");
  await page.getByLabel(/^纠纷的主要事实/).fill(a.facts);
  await page.getByLabel(/^争议事项/).fill("赔偿数额及支付方式");
  await page.getByLabel(/^各方当事人的责任/).fill("各方按过错程度分担责任。");
  await page.getByLabel(/^协议内容/).fill(a.terms);
  await page.getByLabel(/^履行方式/).fill("银行转账");
  await page.getByLabel(/^履行期限/).fill(inDays(20));
  await page.getByLabel(/^协议生效日期/).fill(today());
  await page.getByRole("button", { name: "记录协议，调解成功" }).click();
  await expect(page.locator("main")).toContainText("调解成功");
}

test("a village land-boundary dispute is settled by the village mediator", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "mediator.room");
  const number = await registerCase(page, {
    source: "APPLICATION",
    category: "FOREST_LAND",
    village: DEMO_PLACES.village,
    summary: "两户因责任田地界（界桩被移动约半米）发生争执，多次口角。",
    parties: [{ name: "钟大伯", phone: "13700000011" }, { name: "温二婶", phone: "13700000012", role: "RESPONDENT" }],
  });
  await expect(page.locator("main")).toContainText(`${DEMO_PLACES.village}`);
  await expectAccessible(page);
  await mediate(page, "罗金根", "双方到现场察看界桩，对照承包合同附图，同意按原界线恢复界桩。", "ROOM");
  await recordAgreement(page, { facts: "两户责任田相邻，界桩被移动。", terms: "按承包合同附图恢复原界桩，温家三日内移回界桩。" });
  await expectAccessible(page);
  await page.getByRole("link", { name: /打印《人民调解协议书》/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("调解协议书");
  await expect(page.locator('section[aria-label="当事人签名"] li')).toHaveCount(2);
  await expect(page.getByRole("img", { name: "人民调解委员会印章处" })).toBeVisible();
  await expectAccessible(page);
});

test("a court-delegated debt case is settled at the township station and reported back to the court", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "mediator");
  const reference = `（2026）青溪诉前调字第 ${String(Date.now()).slice(-4)} 号`;
  const number = await registerCase(page, {
    source: "COURT",
    category: "CONTRACT",
    summary: "借款 3 万元到期未还，原告起诉后法院征得双方同意委派诉前调解。",
    parties: [{ name: "彭建国", phone: "13700000021" }, { name: "邓小兵", phone: "13700000022", role: "RESPONDENT" }],
    referral: { authority: "青溪区人民法院", reference },
  });
  await expect(page.locator("main")).toContainText(reference);
  await mediate(page, "赖德明", "被告承认借款，因经营困难请求分期，原告同意。", "STATION");
  await recordAgreement(page, { facts: "被告向原告借款 3 万元，到期未还。", terms: "被告分三期归还借款 3 万元，每月 20 日前支付 1 万元。" });
  // the step is open once the case has ended
  await page.getByRole("button", { name: "登记已向法院反馈" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已登记向青溪区人民法院反馈调解结果" })).toBeVisible();
  await page.getByRole("link", { name: /委派调解结果反馈函/ }).click();
  await expect(page.locator("main")).toContainText(reference);
  await expect(page.locator("main")).toContainText("调解成功");
  await expectAccessible(page);
});

test("the bike-shed fire: 23 owners, the property company and a battery shop settle in a joint session", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "mediator");
  const owners: Party[] = Array.from({ length: 23 }, (_, i) => ({ name: `业主${String(i + 1).padStart(2, "0")}` }));
  owners[0].phone = "13700000031";
  const number = await registerCase(page, {
    source: "APPLICATION",
    category: "DAMAGES",
    summary: "小区自行车棚起火，23 户业主的电动车烧毁，起火原因为电池店出售的电池故障，物业未及时处置。",
    parties: [...owners, { name: "某物业服务有限公司", role: "RESPONDENT" }, { name: "某电池商店", role: "RESPONDENT" }],
  });
  // a joint session: the judge stationed at the centre and the police
  await page.getByRole("radio", { name: /赖德明/ }).check();
  await page.getByRole("button", { name: "确定调解员" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已确定调解员" })).toBeVisible();
  await openStep(page, /参加调解人员/);
  await page.getByLabel(/^身份/).selectOption("JUDGE");
  await page.getByLabel(/^姓名$|^姓名\*/).first().fill("刘法官");
  await page.getByLabel(/^所在单位/).fill("青溪区人民法院");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.locator("main")).toContainText("刘法官");
  await page.getByLabel(/^调解时间/).fill(tomorrowAt("14:30"));
  await page.getByLabel(/^地点类型/).selectOption("STATION");
  await page.getByRole("button", { name: "安排调解并通知当事人" }).click();
  await page.getByLabel(/^参加人员/).fill("23 户业主代表、物业公司、电池店、刘法官、调解员");
  await page.getByLabel(/^调解笔录/).fill("联合调解：物业承担 40%，电池店承担 60%，每户按车辆价值赔偿。");
  await page.getByRole("button", { name: "保存调解记录" }).click();
  await recordAgreement(page, { facts: "车棚起火烧毁 23 辆电动车。", terms: "物业公司赔偿 40%，电池店赔偿 60%，按清单向每户支付。" });
  await page.getByRole("link", { name: /打印《人民调解协议书》/ }).click();
  await expect(page.locator('section[aria-label="当事人签名"] li')).toHaveCount(25);
  await expect(page.locator("main")).toContainText("一式二十六份");
  await expectAccessible(page);
  void number;
  await signOut(page);
});
