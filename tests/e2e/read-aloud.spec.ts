import type { Page } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";

// Issue 8 item 4: 朗读 on every public page and on one's own case page, with the browser's own speech
// synthesis (nothing sent anywhere), pause/continue/stop, and no control (and no error) where the
// browser cannot speak Chinese. Headless Chromium has no voices, so a recording fake stands in for
// window.speechSynthesis; the component cannot tell the difference.

type Voice = { name: string; lang: string; localService: boolean };
type Spoken = { text: string; lang: string; voice: string | null };
type SpeechLog = { spoken: Spoken[]; calls: string[]; finish: () => void };

function installFakeSpeech(voices: Voice[]) {
  type Utterance = { text: string; lang: string; voice: { name: string } | null; onend: ((e: unknown) => void) | null };
  const queue: Utterance[] = [];
  const log = {
    spoken: [] as { text: string; lang: string; voice: string | null }[],
    calls: [] as string[],
    finish: () => queue.splice(0).forEach((u) => u.onend?.({})),
  };
  class FakeUtterance {
    text: string;
    lang = "";
    voice: { name: string } | null = null;
    rate = 1;
    onend: ((e: unknown) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const synth = {
    paused: false,
    speaking: false,
    pending: false,
    getVoices: () => voices.map((v) => ({ ...v, default: true, voiceURI: v.name })),
    speak(u: Utterance) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
      queue.push(u);
    },
    pause() {
      log.calls.push("pause");
      synth.paused = true;
    },
    resume() {
      log.calls.push("resume");
      synth.paused = false;
    },
    cancel() {
      log.calls.push("cancel");
      queue.length = 0;
    },
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true, writable: true });
  (window as unknown as { __speech: typeof log }).__speech = log;
}

const MANDARIN: Voice = { name: "测试普通话", lang: "zh-CN", localService: true };

const speech = (page: Page) => page.evaluate(() => {
  const { spoken, calls } = (window as unknown as { __speech: SpeechLog }).__speech;
  return { spoken: [...spoken], calls: [...calls] };
});
const control = (page: Page) => page.getByRole("banner").locator("[data-speech-status]");
const normalise = (s: string) => s.replace(/\s+/g, "");

test("朗读 reads the page's main content in Mandarin, sentence by sentence, and can pause, continue and stop", async ({ page }) => {
  await page.addInitScript(installFakeSpeech, [{ name: "English", lang: "en-US", localService: true }, MANDARIN]);
  await page.goto("/");
  await expect(control(page)).toHaveAttribute("data-speech-status", "idle");

  // keyboard: reached with Tab from the top of the page, started with Enter
  const read = page.getByRole("button", { name: "朗读" });
  for (let i = 0; i < 10 && !(await read.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(read).toBeFocused();
  await page.keyboard.press("Enter");

  const pause = page.getByRole("button", { name: "暂停" });
  await expect(pause).toBeVisible();
  await expect(pause).toBeFocused();
  const { spoken } = await speech(page);
  expect(spoken.length).toBeGreaterThan(3);
  for (const u of spoken) {
    expect(u.lang).toBe("zh-CN");
    expect(u.voice).toBe("测试普通话");
    expect(u.text.length).toBeLessThanOrEqual(80);
  }
  // the main content, in reading order, and nothing from the header or the skip link
  const said = normalise(spoken.map((u) => u.text).join(""));
  const headings = (
    await page.locator("main :is(h1, h2, h3)").evaluateAll((els) =>
      els
        .filter((el) => el.checkVisibility() && !el.closest("[aria-hidden=true], nav, form"))
        .map((el) => {
          const copy = el.cloneNode(true) as Element;
          copy.querySelectorAll("[aria-hidden=true]").forEach((hidden) => hidden.remove());
          return copy.textContent ?? "";
        }),
    )
  ).map(normalise).filter(Boolean);
  expect(headings.length).toBeGreaterThan(1);
  let at = -1;
  for (const h of headings) {
    const next = said.indexOf(h, at + 1);
    expect(next, `heading "${h}" read after the previous one`).toBeGreaterThan(at);
    at = next;
  }
  for (const chrome of ["跳到主要内容", "关怀模式", "朗读"]) expect(said).not.toContain(chrome);

  await pause.click();
  await expect(page.getByRole("button", { name: "继续" })).toBeVisible();
  await page.getByRole("button", { name: "继续" }).click();
  await expect(pause).toBeVisible();
  await page.getByRole("button", { name: "停止" }).click();
  await expect(read).toBeVisible();
  await expect(read).toBeFocused();
  await expect(page.getByRole("button", { name: "停止" })).toHaveCount(0);
  const { calls } = await speech(page);
  expect(calls.slice(-3)).toEqual(["pause", "resume", "cancel"]);

  // reading to the end returns the control to 朗读
  await read.click();
  await expect(pause).toBeVisible();
  await page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech.finish());
  await expect(read).toBeVisible();
  await expect(page.getByRole("button", { name: "停止" })).toHaveCount(0);
});

test("朗读 stops when the reader goes to another page", async ({ page }) => {
  await page.addInitScript(installFakeSpeech, [MANDARIN]);
  await page.goto("/");
  await page.getByRole("button", { name: "朗读" }).click();
  await expect(page.getByRole("button", { name: "暂停" })).toBeVisible();
  const before = (await speech(page)).calls.filter((c) => c === "cancel").length;
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "找服务网点" }).click();
  await expect(page).toHaveURL(/\/service-points/);
  await expect(page.getByRole("button", { name: "朗读" })).toBeVisible();
  expect((await speech(page)).calls.filter((c) => c === "cancel").length).toBeGreaterThan(before);
});

test("朗读 reads a resident's own case page", async ({ page, request }) => {
  const created = await request.post("/api/v1/work-orders", {
    headers: { authorization: `Bearer ${DEMO_API_TOKEN}`, "idempotency-key": `read-aloud-${Date.now()}` },
    data: {
      channel: "HOTLINE_12348",
      type: "CONSULTATION",
      regionCode: "369901001001",
      requester: { name: "王秀英", phone: "13800000001" },
      subject: "邻居占用宅基地",
      description: "邻居建房占了我家宅基地，想问问怎么办。",
    },
  });
  expect(created.status()).toBe(201);
  const { number } = await created.json();

  await page.addInitScript(installFakeSpeech, [MANDARIN]);
  await signIn(page, "resident1");
  await page.goto(`/resident/work-orders/${number}`);
  await page.getByRole("button", { name: "朗读" }).click();
  await expect(page.getByRole("button", { name: "暂停" })).toBeVisible();
  const spoken = (await speech(page)).spoken.map((u) => u.text);
  const said = normalise(spoken.join(""));
  expect(said).toContain("邻居占用宅基地");
  expect(said).toContain("邻居建房占了我家宅基地，想问问怎么办。");
  // the case number is said digit by digit ("3 6 9 9 0 1-…"), as people read it out on the phone
  expect(spoken.join("")).toContain((number as string).replace(/\d(?=\d)/g, "$& "));
});

test("without speech synthesis there is no 朗读 control and no error", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
  });
  await page.goto("/");
  await expect(control(page)).toHaveAttribute("data-speech-status", "unsupported");
  await expect(page.getByRole("button", { name: "朗读" })).toHaveCount(0);
  // the rest of the header still works
  await expect(page.getByRole("banner").getByRole("button", { name: "关怀模式" })).toBeVisible();
});

test("with no Chinese voice on the device (none at all, or only an online one) 朗读 is left out", async ({ page }) => {
  for (const voices of [[], [{ name: "Google 普通话（中国大陆）", lang: "zh-CN", localService: false }, { name: "English", lang: "en-US", localService: true }]]) {
    await page.addInitScript(installFakeSpeech, voices);
    await page.goto("/");
    await expect(control(page)).toHaveAttribute("data-speech-status", "unsupported");
    await expect(page.getByRole("button", { name: "朗读" })).toHaveCount(0);
  }
});
