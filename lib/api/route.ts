import type { NextRequest } from "next/server";
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { ErrorCodes } from "@/lib/errors";
import { execute, type Failure, type UseCase } from "@/lib/api/use-case";
import { apiActor, metaFromHeaders } from "@/lib/api/request";
import { FileDownload } from "@/lib/api/file-download";
import { formDataToObject } from "@/lib/api/action";
import { DATABASE_UNAVAILABLE, isTransientDatabaseError, RETRY_AFTER_SECONDS } from "@/lib/db-errors";
import { logger } from "@/lib/logger";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One REST endpoint: its use case plus what OpenAPI needs to describe it. */
export type Endpoint<P extends Permission = Permission, S extends z.ZodType = z.ZodType, R = unknown> = {
  method: HttpMethod;
  /** OpenAPI path, e.g. /api/v1/organizations/{id} */
  path: string;
  summary: string;
  tag: string;
  useCase: UseCase<P, S, R>;
  response: z.ZodType;
  /** where the input comes from besides path parameters; "form": multipart/form-data (file uploads), query parameters too */
  inputFrom: "query" | "body" | "form" | "none";
  successStatus?: number;
  /** request headers copied into the input, e.g. { "idempotency-key": "idempotencyKey" } */
  headers?: Record<string, string>;
  /** HTTP status for invalid input (400 unless an endpoint's contract says otherwise, e.g. 422) */
  validationStatus?: 400 | 422;
  /**
   * The status of a completed call whose result says it did not take effect (an import rejected row
   * by row: 422 with its report, the batch recorded); `successStatus` otherwise.
   */
  statusOf?: (data: R) => number | undefined;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<any, any, any>;

export function defineEndpoint<P extends Permission, S extends z.ZodType, R>(e: Endpoint<P, S, R>) {
  return e;
}

function failureResponse(f: Failure, validationStatus: number = ErrorCodes.VALIDATION) {
  const status = f.code === "INTERNAL" ? 500 : f.code === "VALIDATION" ? validationStatus : ErrorCodes[f.code];
  return Response.json(
    // `fields`: the API's name for per-field messages (server actions call them fieldErrors).
    { error: { code: f.code, message: f.message, fields: f.fieldErrors, errorId: f.errorId } },
    {
      status,
      headers: {
        "cache-control": "no-store",
        // 503: the database is briefly away (a restart, a failover); the client retries after this.
        ...(f.code === "UNAVAILABLE" ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {}),
      },
    },
  );
}

/** The API door: a Next route handler for an endpoint. Errors are JSON `{ error: { code, message } }`. */
export function routeHandler<P extends Permission, S extends z.ZodType, R>(endpoint: Endpoint<P, S, R>) {
  const handle = door(endpoint);
  return async (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    try {
      return await handle(request, context);
    } catch (error) {
      // execute() answers UNAVAILABLE itself; this catches the reads before it (the bearer token's
      // client, the session's user), so a database outage anywhere in the door is a 503, not a 500.
      if (!isTransientDatabaseError(error)) throw error;
      logger.warn({ err: error, path: endpoint.path }, "database unavailable at the API door");
      return failureResponse(DATABASE_UNAVAILABLE);
    }
  };
}

function door<P extends Permission, S extends z.ZodType, R>(endpoint: Endpoint<P, S, R>) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    const meta = metaFromHeaders(request.headers);
    const actor = await apiActor(request.headers);
    if (actor === "invalid") {
      return failureResponse({ ok: false, code: "UNAUTHENTICATED", message: "访问令牌无效或已吊销" });
    }
    let input: Record<string, unknown> = { ...((await context.params) ?? {}) };
    if (endpoint.inputFrom === "query") {
      input = { ...Object.fromEntries(request.nextUrl.searchParams.entries()), ...input };
    } else if (endpoint.inputFrom === "body") {
      const body = await request.json().catch(() => undefined);
      if (body === undefined || typeof body !== "object" || body === null || Array.isArray(body)) {
        return failureResponse({ ok: false, code: "VALIDATION", message: "请求体必须是 JSON 对象" }, endpoint.validationStatus);
      }
      input = { ...body, ...input };
    } else if (endpoint.inputFrom === "form") {
      const form = await request.formData().catch(() => undefined);
      if (!form) {
        return failureResponse({ ok: false, code: "VALIDATION", message: "请求体必须是 multipart/form-data 表单" }, endpoint.validationStatus);
      }
      input = { ...Object.fromEntries(new URL(request.url).searchParams.entries()), ...formDataToObject(form), ...input };
    }
    for (const [header, key] of Object.entries(endpoint.headers ?? {})) {
      const value = request.headers.get(header);
      if (value !== null) input[key] = value;
    }
    const result = await execute(endpoint.useCase, input, actor, meta);
    if (!result.ok) return failureResponse(result, endpoint.validationStatus);
    if (result.data instanceof FileDownload) return result.data.toResponse();
    return Response.json(result.data, {
      status: endpoint.statusOf?.(result.data) ?? endpoint.successStatus ?? 200,
      headers: { "cache-control": "no-store" },
    });
  };
}
