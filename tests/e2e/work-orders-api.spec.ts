import { test, expect } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";

const auth = { authorization: `Bearer ${DEMO_API_TOKEN}` };

test("the hotline system registers a call through the API, idempotently, and reads it back", async ({ request }) => {
  const key = `e2e-${Date.now()}`;
  const body = {
    channel: "HOTLINE_12348",
    type: "CONSULTATION",
    regionCode: "369901001001",
    requester: { name: "黄大妈", phone: "13955550001" },
    subject: "赡养费怎么要",
    description: "儿子不给赡养费，想咨询怎么办。",
  };
  const first = await request.post("/api/v1/work-orders", { headers: { ...auth, "idempotency-key": key }, data: body });
  expect(first.status()).toBe(201);
  const created = await first.json();
  expect(created).toMatchObject({ number: expect.stringMatching(/^369901-\d{8}-\d{7}$/), status: "NEW", organization: { name: expect.stringContaining("文昌社区") } });
  expect(Date.parse(created.dueAt)).toBeGreaterThan(Date.now());

  const retry = await request.post("/api/v1/work-orders", { headers: { ...auth, "idempotency-key": key }, data: body });
  expect(retry.status()).toBe(201);
  expect((await retry.json()).number).toBe(created.number);

  // The API client sits at the county centre, whose subtree holds the village room.
  const read = await request.get(`/api/v1/work-orders/${created.number}`, { headers: auth });
  expect(read.status()).toBe(200);
  const detail = await read.json();
  expect(detail).toMatchObject({ number: created.number, type: "CONSULTATION", channel: "HOTLINE_12348", events: [{ kind: "CREATED" }] });

  const bad = await request.post("/api/v1/work-orders", { headers: auth, data: { ...body, channel: "FAX", requester: { name: "", phone: "123" } } });
  expect(bad.status()).toBe(400);
  const err = await bad.json();
  expect(err.error.code).toBe("VALIDATION");
  expect(Object.keys(err.error.fields).sort()).toEqual(["channel", "requester.name", "requester.phone"]);

  expect((await request.get(`/api/v1/work-orders/${created.number}`)).status()).toBe(401);
  expect((await request.get("/api/v1/work-orders/369901-20260101-9999999", { headers: auth })).status()).toBe(404);

  // the centre's inbox, a page at a time, phones masked
  const inbox = await request.get("/api/v1/work-orders?limit=5", { headers: auth });
  expect(inbox.status()).toBe(200);
  const page = await inbox.json();
  expect(page).toMatchObject({ items: expect.any(Array), counts: { open: expect.any(Number), overdue: expect.any(Number) } });
  expect(page.items.length).toBeLessThanOrEqual(5);
  for (const item of page.items) expect(item.requesterPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  expect((await request.get("/api/v1/work-orders?cursor=bad", { headers: auth })).status()).toBe(400);
  expect((await request.get("/api/v1/work-orders?limit=5")).status()).toBe(401);

  const openapi = await (await request.get("/api/v1/openapi.json")).json();
  expect(openapi.paths["/api/v1/work-orders"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
    expect.arrayContaining(["status", "due", "cursor", "limit"]),
  );
  const post = openapi.paths["/api/v1/work-orders"].post;
  expect(post.parameters.map((p: { name: string }) => p.name)).toContain("idempotency-key");
  const props = post.requestBody.content["application/json"].schema.properties;
  expect(props.channel.enum).toEqual(["WALK_IN", "HOTLINE_12348", "WEB", "MOBILE", "WECHAT", "COURT_REFERRAL", "POLICE_REFERRAL", "PETITION_REFERRAL"]);
  expect(props.type.enum).toEqual(["CONSULTATION", "LEGAL_AID", "MEDIATION", "NOTARY_BOOKING", "LAWYER_REFERRAL", "COMPLAINT", "OTHER"]);
  expect(openapi.paths["/api/v1/work-orders/{number}"].get.responses["200"].content["application/json"].schema.properties.status.enum)
    .toEqual(["NEW", "IN_PROGRESS", "PAUSED", "CLOSED", "REOPENED"]);
});
