import { z } from "zod";
import { defineEndpoint, type AnyEndpoint } from "@/lib/api/route";
import { buildOpenApi } from "@/lib/api/openapi";
import { defineUseCase } from "@/lib/api/use-case";
import { checkHealth, HealthStatus } from "@/lib/system/health";
import { searchServicePoints } from "@/lib/network/search-service-points";
import { ServicePointPage } from "@/lib/network/schemas";
import { listRegionOptions, RegionOption } from "@/lib/network/region-options";
import { getOrganization, OrganizationDetail } from "@/lib/network/get-organization";
import { getMe, Me } from "@/lib/accounts/get-me";
import { intakeWorkOrder } from "@/lib/work-orders/create-work-order";
import { getWorkOrder } from "@/lib/work-orders/queries";
import { CreatedWorkOrder } from "@/lib/work-orders/schemas";
import { WorkOrderDetail } from "@/lib/work-orders/api-schemas";
import { downloadAttachment } from "@/lib/work-orders/attachments";
import { takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { downloadCaseAttachment, getLegalAidApplication } from "@/lib/legal-aid/queries";
import { SubmittedApplication } from "@/lib/legal-aid/application-schemas";

// Every REST endpoint of /api/v1, in one list: the route files export handlers built from these,
// and /api/v1/openapi.json is generated from the same list, so the document cannot drift.

export const health = defineEndpoint({
  method: "GET", path: "/api/v1/health", tag: "system", summary: "健康检查（含数据库连通）",
  useCase: checkHealth, response: HealthStatus, inputFrom: "none",
});

export const servicePoints = defineEndpoint({
  method: "GET", path: "/api/v1/service-points", tag: "network",
  summary: "查找公共法律服务网点（中心、工作站、工作室），支持按县、乡镇、层级、关键词筛选，按距离排序，游标分页",
  useCase: searchServicePoints, response: ServicePointPage, inputFrom: "query",
});

export const regions = defineEndpoint({
  method: "GET", path: "/api/v1/regions", tag: "network",
  summary: "区划选项：不带 parent 时返回县（市、区），带 parent 时返回其下级",
  useCase: listRegionOptions, response: z.array(RegionOption), inputFrom: "query",
});

export const organization = defineEndpoint({
  method: "GET", path: "/api/v1/organizations/{id}", tag: "network",
  summary: "网点详情（仅限调用者管辖范围内）",
  useCase: getOrganization, response: OrganizationDetail, inputFrom: "none",
});

export const me = defineEndpoint({
  method: "GET", path: "/api/v1/me", tag: "accounts", summary: "当前调用者（会话用户或 API 客户端）",
  useCase: getMe, response: Me, inputFrom: "none",
});

export const createWorkOrder = defineEndpoint({
  method: "POST", path: "/api/v1/work-orders", tag: "work-orders",
  summary: "登记工单（热线、移动端、微信）。带 Idempotency-Key 请求头时，重试返回同一工单，不会重复登记",
  useCase: intakeWorkOrder, response: CreatedWorkOrder, inputFrom: "body", successStatus: 201,
  headers: { "idempotency-key": "idempotencyKey" },
});

export const workOrder = defineEndpoint({
  method: "GET", path: "/api/v1/work-orders/{number}", tag: "work-orders",
  summary: "工单详情与办理记录（仅限调用者管辖范围内；范围外与不存在一样返回 404）",
  useCase: getWorkOrder, response: WorkOrderDetail, inputFrom: "none",
});

export const workOrderAttachment = defineEndpoint({
  method: "GET", path: "/api/v1/work-orders/{number}/attachments/{id}", tag: "work-orders",
  summary: "下载工单附件（图片或 PDF；仅限调用者管辖范围内，每次下载都记入审计）",
  useCase: downloadAttachment, response: z.unknown().describe("文件内容（image/jpeg、image/png、image/webp 或 application/pdf）"), inputFrom: "none",
});

export const legalAidApplications = defineEndpoint({
  method: "POST", path: "/api/v1/legal-aid/applications", tag: "legal-aid",
  summary: "登记法律援助申请（热线、移动端、微信；自动分派给作出决定的县级中心，返回决定期限）。带 Idempotency-Key 时重试不会重复登记；输入错误返回 422",
  useCase: takeInLegalAidApplication, response: SubmittedApplication, inputFrom: "body", successStatus: 201,
  headers: { "idempotency-key": "idempotencyKey" }, validationStatus: 422,
});

export const legalAidApplication = defineEndpoint({
  method: "GET", path: "/api/v1/legal-aid/applications/{number}", tag: "legal-aid",
  summary: "法律援助申请详情（仅申请人本人或有权限的工作人员；身份证号已脱敏）",
  useCase: getLegalAidApplication, response: z.record(z.string(), z.unknown()), inputFrom: "none",
});

export const legalAidAttachment = defineEndpoint({
  method: "GET", path: "/api/v1/legal-aid/applications/{number}/attachments/{id}", tag: "legal-aid",
  summary: "下载法律援助案件的材料（申请人本人、审查机构工作人员或承办律师；每次下载都记入审计）",
  useCase: downloadCaseAttachment, response: z.unknown().describe("文件内容（image/jpeg、image/png、image/webp 或 application/pdf）"), inputFrom: "none",
});

export const openapi = defineEndpoint({
  method: "GET", path: "/api/v1/openapi.json", tag: "system", summary: "本 API 的 OpenAPI 3.1 描述（由 zod 模式生成）",
  useCase: defineUseCase({
    name: "api.describe",
    permission: "api.describe",
    write: false,
    input: z.object({}),
    run: async () => buildOpenApi(ENDPOINTS),
  }),
  response: z.record(z.string(), z.unknown()),
  inputFrom: "none",
});

export const ENDPOINTS: AnyEndpoint[] = [health, servicePoints, regions, organization, me, createWorkOrder, workOrder, workOrderAttachment, legalAidApplications, legalAidApplication, legalAidAttachment, openapi];
