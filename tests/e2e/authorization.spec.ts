import { test, expect, signIn, allowConsoleErrors } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";

test("an anonymous visitor is sent to sign in, and back after signing in", async ({ page }) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstaff/);
  await page.getByLabel("手机号或用户名").fill("staff.room");
  await page.getByLabel(/^密码/).fill("Demo@2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/staff$/);
});

test("a resident cannot open the staff workbench, the leader dashboard or the admin console", async ({ page }) => {
  await signIn(page, "resident2");
  await expect(page).toHaveURL(/\/resident$/);
  for (const path of ["/staff", "/leader", "/admin", "/lawyer"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("无权访问");
  }
});

test("a township's staff cannot read another township's station through the API", async ({ page }) => {
  allowConsoleErrors(page, /Failed to load resource/);
  await signIn(page, "staff.station");
  await expect(page).toHaveURL(/\/staff$/);
  const me = await (await page.request.get("/api/v1/me")).json();
  expect(me).toMatchObject({ role: "STAFF", organization: { tier: "STATION" } });
  const own = await page.request.get(`/api/v1/organizations/${me.organization.id}`);
  expect(own.status()).toBe(200);
  const points = await (await page.request.get("/api/v1/service-points?township=369901002000&tier=STATION")).json();
  const foreign = await page.request.get(`/api/v1/organizations/${points.items[0].id}`);
  expect(foreign.status()).toBe(404);
  const missing = await page.request.get("/api/v1/organizations/99999999");
  expect(missing.status()).toBe(404);
  // Same body for "elsewhere" and "nowhere": existence does not leak.
  expect(await foreign.json()).toEqual(await missing.json());
});

test("API: bearer tokens, errors as JSON with codes, health and OpenAPI", async ({ request }) => {
  const health = await request.get("/api/v1/health");
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${DEMO_API_TOKEN}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ apiClientId: expect.any(Number), role: "STAFF", organization: { tier: "CENTRE" } });

  const bad = await request.get("/api/v1/me", { headers: { authorization: "Bearer lsp_not_a_real_token" } });
  expect(bad.status()).toBe(401);
  expect(await bad.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "访问令牌无效或已吊销" } });
  expect((await request.get("/api/v1/me")).status()).toBe(401);

  const invalid = await request.get("/api/v1/service-points?limit=1000&tier=PALACE");
  expect(invalid.status()).toBe(400);
  const err = await invalid.json();
  expect(err.error.code).toBe("VALIDATION");
  expect(Object.keys(err.error.fields).sort()).toEqual(["limit", "tier"]);

  // Cursor pagination walks every point of a county exactly once.
  const seen = new Set<number>();
  let cursor: string | null = null;
  let total = 0;
  do {
    const page = await (await request.get(`/api/v1/service-points?county=369901&limit=100${cursor ? `&cursor=${cursor}` : ""}`)).json();
    total = page.total;
    for (const item of page.items) {
      expect(seen.has(item.id)).toBe(false);
      seen.add(item.id);
      expect(Object.keys(item)).toEqual(expect.arrayContaining(["id", "name", "tier", "regionCode", "regionName", "address", "phone", "hours", "latitude", "longitude"]));
      expect(item.regionCode.startsWith("369901")).toBe(true);
    }
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen.size).toBe(total);
  expect(total).toBeGreaterThan(200);

  const openapi = await (await request.get("/api/v1/openapi.json")).json();
  expect(openapi.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/v1/health", "/api/v1/service-points", "/api/v1/organizations/{id}", "/api/v1/me"]));
  const params = openapi.paths["/api/v1/service-points"].get.parameters.map((p: { name: string }) => p.name);
  expect(params).toEqual(expect.arrayContaining(["county", "township", "tier", "q", "lat", "lng", "cursor", "limit"]));
});
