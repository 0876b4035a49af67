import type { Page } from "@playwright/test";
import { test, expect, signIn, allowConsoleErrors } from "./fixtures";
import { ROUTES, type Visitor } from "./routes";
import { makeCrawlRecords, type CrawlRecords } from "./records";
import { DEMO_PLACES } from "@/lib/seed/demo-accounts";

// Issue 9, web hardening: every page answers with a nonce-based Content-Security-Policy and the fixed
// security headers, runs with zero CSP violations (Next's scripts carry the nonce; nothing inline
// without it), and still works: 关怀模式, forms with uploads, "离我最近", charts. Server actions refuse
// a foreign Origin; uploads come back only as attachments. (docs/decisions/015-web-hardening.md)

type Headers = Record<string, string>;

/** The fixed headers every response carries (next.config.ts); the server runs with NODE_ENV=production, so HSTS too. */
function expectFixedHeaders(h: Headers, where: string) {
  expect.soft(h["x-content-type-options"], `${where}: nosniff`).toBe("nosniff");
  expect.soft(h["referrer-policy"], `${where}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect.soft(h["x-frame-options"], `${where}: X-Frame-Options`).toBe("DENY");
  expect.soft(h["cross-origin-opener-policy"], `${where}: COOP`).toBe("same-origin");
  expect.soft(h["permissions-policy"], `${where}: Permissions-Policy`).toMatch(/camera=\(\).*geolocation=\(self\).*microphone=\(\)/);
  expect.soft(h["strict-transport-security"], `${where}: HSTS`).toBe("max-age=31536000; includeSubDomains");
}

/** The page's CSP and its nonce (fails the test if the policy is not the nonce-based one). */
function pagePolicy(h: Headers, where: string): string {
  const csp = h["content-security-policy"] ?? "";
  const script = /(?:^|; )script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect.soft(script, `${where}: script-src`).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'$/);
  for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) {
    expect.soft(csp, `${where}: ${d}`).toContain(d);
  }
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
}

/**
 * Collects CSP violations: the DOM's securitypolicyviolation events (installed before any page
 * script runs) and the browser's console reports. `take()` returns and clears them for the current page.
 */
async function watchCsp(page: Page) {
  const reported: string[] = [];
  page.on("console", (m) => {
    if (/content[ -]security[ -]policy/i.test(m.text())) reported.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return {
    async take(): Promise<string[]> {
      const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      return [...reported.splice(0), ...events];
    },
  };
}

/** Every <script> the server sent carries this response's nonce (inline ones included). */
function scriptsWithoutNonce(html: string, nonce: string): string[] {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  return tags.filter((t) => !t.includes(` nonce="${nonce}"`)).map((t) => t.slice(0, 120));
}

let records: CrawlRecords;
test.beforeAll(async () => {
  records = await makeCrawlRecords();
});

const visitors = [...new Set(Object.values(ROUTES).flatMap((r) => r.as))] as Visitor[];

for (const visitor of visitors) {
  test(`every page ${visitor === "anonymous" ? "the public" : visitor} reads has the security headers, nonced scripts and no CSP violation`, async ({ page }) => {
    const pages = Object.entries(ROUTES).filter(([, r]) => r.as.includes(visitor));
    test.setTimeout(30_000 + pages.length * 5_000);
    const csp = await watchCsp(page);
    if (visitor !== "anonymous") await signIn(page, visitor);
    const nonces = new Set<string>();
    for (const [file, route] of pages) {
      const url = typeof route.path === "function" ? route.path(records) : route.path;
      const where = `${file} (${url})`;
      const response = await page.goto(url);
      expect.soft(response?.status() ?? 0, `${where} answered`).toBeLessThan(400);
      const h = response!.headers();
      expectFixedHeaders(h, where);
      const nonce = pagePolicy(h, where);
      nonces.add(nonce);
      expect.soft(scriptsWithoutNonce(await response!.text(), nonce), `${where}: scripts without the nonce`).toEqual([]);
      await expect(page.locator("h1").first(), `${where} has a heading`).toBeVisible();
      // every script loaded and hydration's effects run (some pages poll, so the network never idles)
      await page.waitForLoadState("load");
      await page.waitForTimeout(500);
      expect.soft(await csp.take(), `${where}: CSP violations`).toEqual([]);
    }
    // a fresh nonce for every response
    expect(nonces.size).toBe(pages.length);
  });
}

test("the 关怀模式 switch and the finder's 离我最近 work under the policy (geolocation is allowed for this origin only)", async ({ page, context }) => {
  const csp = await watchCsp(page);
  await page.goto("/");
  const toggle = page.getByRole("banner").getByRole("button", { name: "关怀模式" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(page.locator("html")).toHaveClass(/\belder\b/);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(page.locator("html")).not.toHaveClass(/\belder\b/);
  expect(await csp.take()).toEqual([]);

  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation({ latitude: 26.6451, longitude: 115.2911 });
  await page.goto("/service-points");
  await page.getByRole("button", { name: "离我最近" }).click();
  await expect(page).toHaveURL(/lat=26\.645/);
  expect(await csp.take()).toEqual([]);
});

test("a leader's charts draw under the policy", async ({ page }) => {
  const csp = await watchCsp(page);
  await signIn(page, "leader.city");
  await page.goto("/leader/stats");
  await expect(page.locator("main canvas").first()).toBeVisible();
  expect(await csp.take()).toEqual([]);
});

test("a resident's form with an upload works; a disguised file is refused next to the field; the file comes back only as an attachment", async ({ page, request }) => {
  const csp = await watchCsp(page);
  await signIn(page, "13800000002");
  await page.goto("/resident/new");
  await page.locator("#type-CONSULTATION").check();
  await page.getByLabel("县（市、区）").selectOption({ label: DEMO_PLACES.county });
  await page.getByLabel("乡镇（街道）").selectOption({ label: DEMO_PLACES.township2 });
  await page.getByLabel("标题").fill("工地拖欠工资怎么办");
  await page.getByLabel("具体情况").fill("在镇上工地干了三个月，老板一直拖着不给工资。");
  const upload = page.getByLabel("附件");
  await upload.setInputFiles({ name: "判决书.pdf", mimeType: "application/pdf", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.locator("#field-attachments-error")).toContainText("「判决书.pdf」不是图片或 PDF 文件，请重新选择");
  await expect(upload).toHaveAttribute("aria-invalid", "true");

  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  await upload.setInputFiles({ name: "工资条(1).png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByRole("heading", { name: "已提交" })).toBeVisible();
  await page.getByRole("link", { name: "查看办理进度" }).click();
  const link = page.getByRole("link", { name: "工资条(1).png" });
  await expect(link).toHaveAttribute("download", "");
  const href = (await link.getAttribute("href"))!;
  expect(await csp.take()).toEqual([]);

  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  const h = file.headers();
  expect(h["content-type"]).toBe("image/png");
  expect(h["content-disposition"]).toBe(`attachment; filename="download.png"; filename*=UTF-8''${encodeURIComponent("工资条").replace(/%/g, "%")}%281%29.png`);
  expect(h["cache-control"]).toBe("private, no-store");
  expect(h["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  expectFixedHeaders(h, href);
  expect(Buffer.from(await file.body()).subarray(0, 8)).toEqual(png.subarray(0, 8));

  // nobody signed in: refused, and not a file
  const anonymous = await request.get(href);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-disposition"]).toBeUndefined();
});

test("the REST API, built assets and public files carry the fixed headers too", async ({ request }) => {
  const health = await request.get("/api/v1/health");
  expectFixedHeaders(health.headers(), "/api/v1/health");
  expect(health.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");

  const html = await (await request.get("/")).text();
  const chunk = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  const asset = await request.get(chunk!);
  expect(asset.status()).toBe(200);
  expectFixedHeaders(asset.headers(), chunk!);

  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expectFixedHeaders(icon.headers(), "/favicon.ico");
});

test("no other site can frame a page", async ({ page, baseURL }) => {
  // the browser reports the refused frame on the console; that is the expected outcome here
  allowConsoleErrors(page, /frame|X-Frame-Options|frame-ancestors/i);
  await page.route("http://framing.test/", (route) => route.fulfill({ contentType: "text/html", body: `<iframe title="嵌入" src="${baseURL}/service-points"></iframe>` }));
  await page.goto("http://framing.test/");
  // Chromium replaces a refused frame with its own error page: none of the portal's page is there
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("body")).toBeAttached();
  await expect(frame.locator("body")).not.toContainText("公共法律服务");
  await expect(frame.getByRole("banner")).toHaveCount(0);
  expect(page.frames().map((f) => f.url())).not.toContain(`${baseURL}/service-points`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the rating-link page keeps its credential path to the site, and its plain form posts still pass the origin check", async ({ page, baseURL }) => {
    await page.goto(`/rate/${records.ratingToken}`);
    // no-referrer would make the browser send `Origin: null`, which Next refuses
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
    const posted = page.waitForRequest((r) => r.method() === "POST");
    await page.getByRole("banner").getByRole("button", { name: "关怀模式" }).click();
    expect((await posted).headers()["origin"]).toBe(new URL(baseURL!).origin);
    await expect(page.locator("html")).toHaveClass(/\belder\b/);
    await expect(page).toHaveURL(new RegExp(`/rate/${records.ratingToken}$`));
  });
});

test("a server action posted from another origin is refused; from the portal's own origin it runs", async ({ request, baseURL }) => {
  // The 关怀模式 switch is a plain <form action={serverAction}>: Next renders its action id as a hidden field.
  const html = await (await request.get("/")).text();
  const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
  expect(actionId, "the switch's action id in the page").toBeTruthy();
  const post = (origin: string) =>
    request.post("/", { headers: { origin }, multipart: { [`$ACTION_ID_${actionId}`]: "", elder: "1" }, maxRedirects: 0 });

  for (const foreign of ["https://evil.example", "null", baseURL!.replace("127.0.0.1", "localhost")]) {
    const refused = await post(foreign);
    expect(refused.status(), `Origin ${foreign}`).toBe(500);
    expect(refused.headers()["set-cookie"] ?? "", `Origin ${foreign}`).not.toContain("elder_mode");
  }

  const own = await post(baseURL!);
  expect(own.status()).toBe(303);
  expect(own.headers()["set-cookie"]).toContain("elder_mode=1");
});
