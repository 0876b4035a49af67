import { z } from "zod";
import { isPublic } from "@/lib/auth/permissions";
import { ErrorCodes } from "@/lib/errors";
import type { AnyEndpoint as Endpoint } from "@/lib/api/route";

// OpenAPI 3.1 from the endpoints' zod schemas (zod 4's own JSON Schema output; 3.1 uses JSON Schema).

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    errorId: z.string().optional(),
  }),
});

const schemaOf = (s: z.ZodType, io: "input" | "output") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

/** The body schema without the fields that come from headers. */
function bodySchema(e: Endpoint) {
  const json = schemaOf(e.useCase.input, "input") as { properties?: Record<string, unknown>; required?: string[] };
  const fromHeaders = new Set(Object.values(e.headers ?? {}));
  if (!json.properties) return json;
  return {
    ...json,
    properties: Object.fromEntries(Object.entries(json.properties).filter(([k]) => !fromHeaders.has(k) && k !== "confirmDuplicate")),
    required: json.required?.filter((k) => !fromHeaders.has(k)),
  };
}

function parameters(e: Endpoint) {
  const pathParams = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const params: object[] = pathParams.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  for (const [header, key] of Object.entries(e.headers ?? {})) {
    params.push({ name: header, in: "header", required: false, schema: { type: "string" }, description: `映射到输入字段 ${key}` });
  }
  if (e.inputFrom === "query") {
    const json = schemaOf(e.useCase.input, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      if (pathParams.includes(name)) continue;
      params.push({ name, in: "query", required: json.required?.includes(name) ?? false, schema });
    }
  }
  return params;
}

export function buildOpenApi(endpoints: Endpoint[], serverUrl = "/") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const errors = Object.fromEntries(
      (["VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"] as const).map((code) => [
        String(ErrorCodes[code]),
        { description: code, content: { "application/json": { schema: schemaOf(ErrorBody, "output") } } },
      ]),
    );
    (paths[e.path] ??= {})[e.method.toLowerCase()] = {
      summary: e.summary,
      tags: [e.tag],
      operationId: e.useCase.name,
      security: isPublic(e.useCase.permission) ? [] : [{ bearer: [] }, { session: [] }],
      parameters: parameters(e),
      ...(e.inputFrom === "body"
        ? { requestBody: { required: true, content: { "application/json": { schema: bodySchema(e) } } } }
        : e.inputFrom === "form"
          ? { requestBody: { required: true, content: { "multipart/form-data": { schema: bodySchema(e) } } } }
          : {}),
      responses: {
        [String(e.successStatus ?? 200)]: { description: "OK", content: { "application/json": { schema: schemaOf(e.response, "output") } } },
        ...errors,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "云岭市公共法律服务网 API",
      version: "1",
      description: "供 12348 热线、移动端和微信端调用。认证：会话 Cookie，或管理员创建的 API 客户端令牌（Authorization: Bearer …）。",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API 客户端令牌" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
    paths,
  };
}
