import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { DEMO_PASSWORD, DEMO_PLACES, DEMO_RESIDENT_ID_NUMBER } from "@/lib/seed/demo-accounts";

// Issue 8: a resident who cannot use a mouse signs in, asks a question and applies for legal aid
// with the keyboard alone — Tab to move, typing into fields, arrow keys in lists and radio
// groups, Space for check boxes, Enter to submit. No click, no fill: if focus order, labels or a
// control break keyboard use, these fail.

/** The accessible name of the focused element, as a reader would hear it (label, aria, text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    const byIds = el.getAttribute("aria-labelledby")?.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    const labels = "labels" in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? "").join(" ") : "";
    return [el.getAttribute("aria-label"), byIds, labels, el.tagName === "BUTTON" || el.tagName === "A" || el.tagName === "SUMMARY" ? el.textContent : ""]
      .filter(Boolean)
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
  });

/** Tab (forward) until the focused control's name matches; a focus order that never gets there fails. */
async function tabTo(page: Page, name: RegExp, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached a control named ${name}`);
}

async function typeInto(page: Page, name: RegExp, text: string) {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

/** In the focused <select>, ArrowDown until the chosen option's text matches (a closed select changes in place). */
async function chooseInList(page: Page, name: RegExp, option: RegExp) {
  await tabTo(page, name);
  for (let i = 0; i < 60; i++) {
    const chosen = await page.evaluate(() => {
      const s = document.activeElement as HTMLSelectElement;
      return s.selectedOptions[0]?.textContent ?? "";
    });
    if (option.test(chosen)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option ${option} in ${name}`);
}

async function signInByKeyboard(page: Page, login: string) {
  await page.goto("/login");
  await typeInto(page, /手机号或用户名/, login);
  await typeInto(page, /^密码/, DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("a resident asks a question with the keyboard alone", async ({ page }) => {
  await signInByKeyboard(page, "13800000002");
  await page.goto("/resident/new");
  // the first type in the radio group is focused by Tab; arrows move within the group
  await tabTo(page, /法律咨询/);
  await page.keyboard.press("Space");
  await chooseInList(page, /县（市、区）/, new RegExp(DEMO_PLACES.county));
  await chooseInList(page, /乡镇（街道）/, new RegExp(DEMO_PLACES.township2));
  await typeInto(page, /^标题/, "键盘提问：邻居占道");
  await typeInto(page, /具体情况/, "邻居在村道上堆放建材，影响通行，想问问怎么处理。");
  await tabTo(page, /^提交$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "已提交" })).toBeVisible();
  await expect(page.locator("main")).toContainText(/\d{6}-\d{8}-\d{7}/);
});

test("a resident applies for legal aid with the keyboard alone", async ({ page }) => {
  test.setTimeout(90_000);
  await signInByKeyboard(page, "13800000001");
  await page.goto("/legal-aid/apply");
  await typeInto(page, /身份证号码/, DEMO_RESIDENT_ID_NUMBER);
  await typeInto(page, /^手机号/, "13800000001");
  await typeInto(page, /住址/, "文昌街道文昌社区 5 组 9 号");
  await chooseInList(page, /县（市、区）/, new RegExp(DEMO_PLACES.county));
  await chooseInList(page, /乡镇（街道）/, new RegExp(DEMO_PLACES.township));
  await chooseInList(page, /事项类别/, /劳动|工资|报酬/);
  await typeInto(page, /简要经过/, "在小区做保洁一年，物业公司拖欠四个月工资八千元。");
  await typeInto(page, /对方是谁/, "某物业服务有限公司（键盘）");
  await chooseInList(page, /希望得到的帮助/, /劳动争议调解与仲裁/);
  await typeInto(page, /全家每月收入/, "1900");
  await typeInto(page, /家庭人口/, "3");
  await tabTo(page, /个人诚信承诺/);
  await page.keyboard.press("Space");
  await tabTo(page, /我同意司法行政机关/);
  await page.keyboard.press("Space");
  await tabTo(page, /^提交申请$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  await expect(page.locator("main")).toContainText("作出决定的期限");
});
