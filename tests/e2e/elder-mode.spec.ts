import type { Page } from "@playwright/test";
import { test, expect, expectAccessible } from "./fixtures";

// Issue 8 item 3: 关怀模式 (MIIT 互联网网站适老化通用设计规范) — one switch in the header, remembered
// for a year in a cookie, rendered by the server (no flash, works without JavaScript): text ≥ 18px
// and ≥ 1.3×, controls ≥ 56px, text contrast ≥ 4.5:1, one column, no non-essential parts.

const toggle = (page: Page) => page.getByRole("banner").getByRole("button", { name: "关怀模式" });
/** A body-text paragraph present on every page (the footer's), measured before and after. */
const footerText = (page: Page) => page.getByRole("contentinfo").getByText("云岭市司法局", { exact: true });

const fontSize = (page: Page) => footerText(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

type TextCheck = { text: string; fontSize: number; contrast: number };

/** Every visible element in main, header and footer that holds text itself: its size and contrast. */
function textChecks(page: Page): Promise<TextCheck[]> {
  return page.evaluate(() => {
    // Computed colours may be oklch() (Tailwind 4's palette): let a canvas turn any colour into sRGB.
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgba = (c: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return { r, g, b, a: a / 255 };
    };
    const over = (top: ReturnType<typeof rgba>, bottom: ReturnType<typeof rgba>) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const background = (el: Element | null): ReturnType<typeof rgba> => {
      if (!el) return { r: 255, g: 255, b: 255, a: 1 };
      const own = rgba(getComputedStyle(el).backgroundColor);
      return own.a >= 1 ? own : over(own, background(el.parentElement));
    };
    const luminance = ({ r, g, b }: ReturnType<typeof rgba>) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const out: { text: string; fontSize: number; contrast: number }[] = [];
    for (const el of document.querySelectorAll("header *, main *, footer *")) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("").trim();
      if (!own || !el.checkVisibility({ visibilityProperty: true }) || el.closest(".sr-only, [aria-hidden=true]")) continue;
      const style = getComputedStyle(el);
      const bg = background(el);
      const fg = over(rgba(style.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      out.push({ text: own.slice(0, 30), fontSize: parseFloat(style.fontSize), contrast: (hi + 0.05) / (lo + 0.05) });
    }
    return out;
  });
}

/** Heights of every visible control (buttons, fields, links drawn as buttons). */
function controlHeights(page: Page): Promise<{ name: string; height: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("button, select, input:not([type=checkbox]):not([type=radio]):not([type=hidden]), a.inline-flex.rounded-md")]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest(".sr-only"))
      .map((el) => ({ name: (el.textContent ?? el.getAttribute("name") ?? "").trim().slice(0, 20), height: el.getBoundingClientRect().height })),
  );
}

test("关怀模式: one switch enlarges text and controls, deepens contrast and hides the extras, and is remembered", async ({ page, context }) => {
  await page.goto("/");
  await expect(page.locator("html")).not.toHaveClass(/elder/);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");
  const normalSize = await fontSize(page);
  const nonEssential = page.locator("[data-nonessential]");
  expect(await nonEssential.count()).toBeGreaterThan(0);
  await expect(nonEssential.first()).toBeVisible();

  await toggle(page).click();
  await expect(page.locator("html")).toHaveClass(/\belder\b/);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");

  // text: ≥ 18px everywhere and ≥ 1.3× what it was
  const elderSize = await fontSize(page);
  expect(elderSize).toBeGreaterThanOrEqual(18);
  expect(elderSize).toBeGreaterThanOrEqual(normalSize * 1.3 - 0.05);
  const texts = await textChecks(page);
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.filter((t) => t.fontSize < 18), "text smaller than 18px").toEqual([]);

  // contrast: every text ≥ 4.5:1 (computed from the page's colours); body text near-black, ≥ 7:1
  expect(texts.filter((t) => t.contrast < 4.5), "text below 4.5:1").toEqual([]);
  const footer = texts.find((t) => t.text === "云岭市司法局");
  expect(footer?.contrast).toBeGreaterThanOrEqual(7);

  // controls ≥ 56px high, the switch among them
  const toggleBox = await toggle(page).boundingBox();
  expect(toggleBox?.height).toBeGreaterThanOrEqual(56);
  const controls = await controlHeights(page);
  expect(controls.length).toBeGreaterThan(3);
  expect(controls.filter((c) => c.height < 55.5), "controls lower than 56px").toEqual([]);

  // simpler: the non-essential parts are gone, grids are one column
  await expect(nonEssential.first()).toBeHidden();
  const columns = await page.locator("main .grid").evaluateAll((grids) => grids.map((g) => getComputedStyle(g).gridTemplateColumns.split(" ").length));
  expect(columns.every((n) => n === 1)).toBe(true);

  // 12348 stays in the header, a tel: link
  await expect(page.getByRole("banner").getByRole("link", { name: /12348/ })).toHaveAttribute("href", "tel:12348");

  await expectAccessible(page);

  // remembered: across navigation, a reload, and for a year
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "找服务网点" }).click();
  await expect(page).toHaveURL(/\/service-points/);
  await expect(page.locator("html")).toHaveClass(/\belder\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\belder\b/);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  const cookie = (await context.cookies()).find((c) => c.name === "elder_mode");
  expect(cookie?.value).toBe("1");
  expect(cookie?.sameSite).toBe("Lax");
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(360 * 24 * 3600);

  // off again: the normal page, same place
  await toggle(page).click();
  await expect(page.locator("html")).not.toHaveClass(/elder/);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");
  await expect(page).toHaveURL(/\/service-points/);
  expect(await fontSize(page)).toBeCloseTo(normalSize, 1);
  await expect(page.locator("[data-nonessential]").first()).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "elder_mode")).toBeUndefined();
});

test("关怀模式 keeps what was typed on the page when switched on", async ({ page }) => {
  // With JavaScript the switch re-renders the page in place (no reload), so a half-filled form survives.
  await page.goto("/register");
  // Hydrated once the read-aloud island has looked for speech support (its status leaves "pending");
  // before that the switch would still be a plain form post, which reloads the page.
  await expect(page.locator("[data-speech-status]")).not.toHaveAttribute("data-speech-status", "pending");
  const field = page.locator("main").getByRole("textbox").first();
  await field.fill("保留的内容");
  await toggle(page).click();
  await expect(page.locator("html")).toHaveClass(/\belder\b/);
  await expect(field).toHaveValue("保留的内容");
  await toggle(page).click();
  await expect(page.locator("html")).not.toHaveClass(/elder/);
});

test("关怀模式 works without JavaScript: the switch is a form post and the server renders the mode", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  try {
    await page.goto("/service-points");
    await expect(page.locator("html")).not.toHaveClass(/elder/);
    await toggle(page).click();
    // back on the same page after the post (303), now rendered large
    await expect(page.locator("html")).toHaveClass(/\belder\b/);
    await expect(page).toHaveURL(/\/service-points$/);
    await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("[data-nonessential]").first()).toBeHidden();

    await page.goto("/");
    await expect(page.locator("html")).toHaveClass(/\belder\b/);
    await toggle(page).click();
    await expect(page.locator("html")).not.toHaveClass(/elder/);
    await expect(page).toHaveURL(/\/$/);
    // no JavaScript, no read-aloud control (it needs the browser's speech API)
    await expect(page.getByRole("button", { name: "朗读" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
