import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, signIn } from "./fixtures";
import { DEMO_API_TOKEN } from "@/lib/seed/demo-accounts";

// Issue 9 item 6, the HTTP layer: for every path and method in /api/v1/openapi.json, malformed
// requests — bodies that are not JSON, not objects, huge, deeply nested, of the wrong content type;
// query parameters and path parameters that are traversals, NUL, broken percent-encoding, very long —
// sent anonymously, with the demo API token (staff at the county centre) and through a signed-in
// session. Every answer is below 500; every 4xx from our route handlers is the API's JSON error
// `{ error: { code, message } }` with a Chinese message. The use cases' own schemas are fuzzed far
// harder in tests/integration/fuzz.test.ts; this checks what happens before `execute` (routing,
// body parsing, content types, parameter decoding). A few hundred requests in all.

type Parameter = { name: string; in: "path" | "query" | "header" };
type Operation = {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  jsonProperties: string[] | null;
  form: boolean;
};

/**
 * One malformed request. `strict`: it reaches one of our route handlers, so a 4xx must be our JSON
 * error. Otherwise the framework may answer first (a 404 page for a path that leaves the route, a
 * 405 for a method the route does not have): only "no 5xx" is asserted.
 */
type Probe = {
  label: string;
  method: string;
  url: string;
  strict: boolean;
  headers?: Record<string, string>;
  data?: string | Buffer;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
};

const ERROR_CODES = ["VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RULE_VIOLATION", "RATE_LIMITED"];
const CHINESE = /[\u3400-\u9fff]/;

async function operations(request: APIRequestContext): Promise<Operation[]> {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const body = (op.requestBody as { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } | undefined)?.content;
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId),
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        jsonProperties: body?.["application/json"] ? Object.keys(body["application/json"].schema?.properties ?? {}) : null,
        form: !!body?.["multipart/form-data"],
      });
    }
  }
  return ops;
}

// Path parameter values, already as they go on the wire. All stay inside their one path segment.
const PATH_VALUES = [
  "%00", // NUL
  "a".repeat(2_000),
  "99999999999999999999",
  "%27%20OR%20%271%27%3D%271", // ' OR '1'='1
  "__proto__",
];
// Values the framework may refuse or re-route before our handler sees them (traversals, encoded
// slashes, broken percent-encoding): whoever answers, not with a 5xx.
const LENIENT_PATH_VALUES = ["../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%E0%A4%A"];

const QUERY_VALUES = ["", "-1", "abc", "1e309", "%00", "2026-02-30", "9999-99-99", "%27%20OR%201%3D1--", "%F0%9F%98%80", "x".repeat(3_000)];

/** Invalid JSON, JSON that is not an object, hostile objects, wrong content types, huge and deep bodies. */
function bodyProbes(properties: string[]): { label: string; data: string | Buffer; contentType: string }[] {
  const props = properties.length ? properties : ["value"];
  const obj = (value: string) => `{${props.map((p) => `${JSON.stringify(p)}:${value}`).join(",")}}`;
  return [
    { label: "invalid JSON", data: "{", contentType: "application/json" },
    { label: "empty body", data: "", contentType: "application/json" },
    { label: "JSON array", data: "[{}]", contentType: "application/json" },
    { label: "JSON null", data: "null", contentType: "application/json" },
    // 1e309 parses to Infinity; operators as values; NUL inside strings; prototype keys
    { label: "numbers out of range", data: obj("1e309"), contentType: "application/json" },
    { label: "NUL in every field", data: obj('"前\\u0000后"'), contentType: "application/json" },
    { label: "prototype pollution", data: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', contentType: "application/json" },
    { label: "deep nesting", data: `${"[".repeat(5_000)}${"]".repeat(5_000)}`, contentType: "application/json" },
    { label: "1 MB strings", data: obj(JSON.stringify("中".repeat(Math.floor(300_000 / props.length)))), contentType: "application/json" },
    { label: "invalid UTF-8", data: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), contentType: "application/json" },
    { label: "text/plain", data: obj('"a"'), contentType: "text/plain" },
    { label: "urlencoded form", data: props.map((p) => `${encodeURIComponent(p)}=%00`).join("&"), contentType: "application/x-www-form-urlencoded" },
  ];
}

function probesFor(op: Operation, index: number): Probe[] {
  const fill = (value: string) => op.path.replace(/\{\w+\}/g, value);
  const hasPathParams = /\{\w+\}/.test(op.path);
  const base = fill(op.path.includes("{kind}") ? "WORK_ORDER" : "1");
  const probes: Probe[] = [];
  if (hasPathParams) {
    for (const v of PATH_VALUES) probes.push({ label: `path ${v.slice(0, 30)}`, method: op.method, url: fill(v), strict: true });
    for (const v of LENIENT_PATH_VALUES) probes.push({ label: `path ${v}`, method: op.method, url: fill(v), strict: false });
  }
  const queryNames = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
  if (queryNames.length) {
    // every documented parameter at once, one hostile value each, rotated; repeated and unknown keys too
    for (let i = 0; i < 2; i++) {
      const qs = queryNames.map((n, j) => `${encodeURIComponent(n)}=${QUERY_VALUES[(i * 5 + j) % QUERY_VALUES.length]}`).join("&");
      probes.push({ label: `query #${i}`, method: op.method, url: `${base}?${qs}`, strict: true });
    }
    probes.push({ label: "query repeated and prototype keys", method: op.method, url: `${base}?${queryNames[0]}=1&${queryNames[0]}=2&__proto__[polluted]=1&constructor=x`, strict: true });
    probes.push({ label: "query broken percent-encoding", method: op.method, url: `${base}?${queryNames[0]}=%E0%A4%A&%=%`, strict: false });
  }
  if (op.jsonProperties) {
    for (const b of bodyProbes(op.jsonProperties)) {
      probes.push({ label: `body ${b.label}`, method: op.method, url: base, strict: true, data: b.data, headers: { "content-type": b.contentType } });
    }
  }
  if (op.form) {
    probes.push(
      { label: "form: JSON instead", method: op.method, url: base, strict: true, data: '{"kind":"WORK_ORDER"}', headers: { "content-type": "application/json" } },
      { label: "form: broken multipart", method: op.method, url: base, strict: true, data: "--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nWORK_ORDER", headers: { "content-type": "multipart/form-data; boundary=x" } },
      { label: "form: empty file, traversal name", method: op.method, url: base, strict: true, multipart: { kind: "WORK_ORDER", file: { name: "../../etc/passwd.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.alloc(0) } } },
      { label: "form: random bytes as xlsx", method: op.method, url: base, strict: true, multipart: { kind: "WORK_ORDER", file: { name: "数据.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("PK\u0003\u0004not really a zip") } } },
      { label: "form: unknown kind, CSV with NUL", method: op.method, url: base, strict: true, multipart: { kind: "__proto__", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("来源编号,地区\u0000\n1,2\n") } } },
    );
  }
  // a method the path does not have (every third operation: the framework answers the same way for all)
  if (index % 3 === 0) probes.push({ label: "wrong method", method: op.method === "GET" ? "DELETE" : "PUT", url: base, strict: false });
  return probes;
}

async function send(ctx: APIRequestContext, probe: Probe, extraHeaders: Record<string, string>): Promise<APIResponse> {
  return ctx.fetch(probe.url, {
    method: probe.method,
    headers: { ...extraHeaders, ...probe.headers },
    ...(probe.data !== undefined ? { data: probe.data } : {}),
    ...(probe.multipart ? { multipart: probe.multipart } : {}),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

/** What is wrong with one answer; null when it is fine. */
async function problemOf(response: APIResponse, probe: Probe): Promise<string | null> {
  const status = response.status();
  if (status >= 500) return `${status}: ${(await response.text()).slice(0, 200)}`;
  if (!probe.strict || status < 400) return null;
  const type = response.headers()["content-type"] ?? "";
  if (!type.includes("application/json")) return `${status} with content-type ${type || "none"}`;
  const body = await response.json().catch(() => null);
  const error = body?.error;
  if (!error || typeof error.code !== "string" || typeof error.message !== "string") return `${status} without { error: { code, message } }: ${JSON.stringify(body).slice(0, 200)}`;
  if (!ERROR_CODES.includes(error.code)) return `${status} with code ${error.code}`;
  if (!CHINESE.test(error.message)) return `${status} ${error.code} with a message not in Chinese: ${error.message}`;
  return null;
}

async function fuzz(ctx: APIRequestContext, ops: Operation[], who: string, headers: Record<string, string> = {}) {
  const problems: string[] = [];
  let sent = 0;
  for (const [index, op] of ops.entries()) {
    for (const probe of probesFor(op, index)) {
      sent++;
      const problem = await problemOf(await send(ctx, probe, headers), probe);
      if (problem) problems.push(`${who} ${op.method} ${op.path} [${probe.label}] → ${problem}`);
    }
  }
  return { problems, sent };
}

test.describe("API fuzz: malformed requests at every documented endpoint", () => {
  test.setTimeout(240_000);

  test("anonymous and with the API token: coded 4xx, never 5xx", async ({ request }) => {
    const ops = await operations(request);
    expect(ops.length).toBeGreaterThan(20);
    const anonymous = await fuzz(request, ops, "anonymous");
    const token = await fuzz(request, ops, "token", { authorization: `Bearer ${DEMO_API_TOKEN}` });
    // tokens that are no tokens: refused as UNAUTHENTICATED, whatever their shape
    const bogus: string[] = [];
    for (const authorization of [`Bearer ${"x".repeat(4_000)}`, "Bearer", "Basic YWRtaW46YWRtaW4=", `Bearer ${DEMO_API_TOKEN}%00`, "Bearer ' OR '1'='1"]) {
      const probe: Probe = { label: authorization.slice(0, 20), method: "GET", url: "/api/v1/me", strict: true };
      const problem = await problemOf(await send(request, probe, { authorization }), probe);
      if (problem) bogus.push(`bad token [${probe.label}] → ${problem}`);
    }
    console.log(`api-fuzz: ${anonymous.sent + token.sent + 5} requests at ${ops.length} operations (anonymous, API token, bad tokens)`);
    expect([...anonymous.problems, ...token.problems, ...bogus]).toEqual([]);
  });

  test("through a signed-in admin session: the admin-only endpoints too", async ({ page }) => {
    const ops = await operations(page.request);
    await signIn(page, "admin");
    // the endpoints an admin may call: imports, templates, audit export, indicators, me
    const adminOps = ops.filter((o) => /^(imports|audit|stats|me)\./.test(o.operationId));
    expect(adminOps.length).toBeGreaterThanOrEqual(5);
    const { problems, sent } = await fuzz(page.request, adminOps, "admin session");
    console.log(`api-fuzz: ${sent} requests at ${adminOps.length} operations (admin session)`);
    expect(problems).toEqual([]);
  });

  test("through a signed-in resident session: the resident's endpoints", async ({ page }) => {
    const ops = await operations(page.request);
    await signIn(page, "13800000001");
    const residentOps = ops.filter((o) => /^(legalAid\.(choose|read|attachment)|workOrder\.(read|attachment)|mediation\.read|me\.)/.test(o.operationId));
    expect(residentOps.length).toBeGreaterThanOrEqual(4);
    const { problems, sent } = await fuzz(page.request, residentOps, "resident session");
    console.log(`api-fuzz: ${sent} requests at ${residentOps.length} operations (resident session)`);
    expect(problems).toEqual([]);
  });
});
