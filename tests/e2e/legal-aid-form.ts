import type { Page } from "@playwright/test";
import { DEMO_PLACES, DEMO_RESIDENT_ID_NUMBER } from "@/lib/seed/demo-accounts";

/**
 * Fills the demo resident's (王秀英) wage claim on the legal-aid application form, up to the
 * declaration; the caller adds uploads, lawyer choices and the consent, and submits.
 */
export async function fillWageClaim(page: Page, matter: { facts: string; opposingParty: string; monthlyIncome: string; householdSize: string }) {
  await page.getByLabel("身份证号码").fill(DEMO_RESIDENT_ID_NUMBER);
  await page.getByLabel(/^手机号/).fill("13800000001");
  await page.getByLabel("住址").fill("文昌街道文昌社区 5 组 9 号");
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township });
  await page.getByLabel("事项类别").selectOption("LABOUR");
  await page.getByLabel("简要经过").fill(matter.facts);
  await page.getByLabel("对方是谁").fill(matter.opposingParty);
  await page.getByLabel("希望得到的帮助").selectOption("LABOUR_ARBITRATION");
  await page.getByLabel("全家每月收入（元）").fill(matter.monthlyIncome);
  await page.getByLabel("家庭人口（人）").fill(matter.householdSize);
  await page.getByRole("checkbox", { name: /个人诚信承诺/ }).check();
}
