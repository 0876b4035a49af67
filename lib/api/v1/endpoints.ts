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
import { getWorkOrder, listInbox } from "@/lib/work-orders/queries";
import { CreatedWorkOrder } from "@/lib/work-orders/schemas";
import { InboxPage, WorkOrderDetail } from "@/lib/work-orders/api-schemas";
import { downloadAttachment } from "@/lib/work-orders/attachments";
import { takeInLegalAidApplication } from "@/lib/legal-aid/apply";
import { downloadCaseAttachment, getLegalAidApplication } from "@/lib/legal-aid/queries";
import { SubmittedApplication } from "@/lib/legal-aid/application-schemas";
import { getRosterLawyer, listRoster, RosterLawyerDetail, RosterPage } from "@/lib/lawyers/roster";
import { setLawyerChoices } from "@/lib/legal-aid/choice";
import { getIndicators, IndicatorReport } from "@/lib/stats/indicators";
import { exportIndicators } from "@/lib/stats/export";
import { acceptFromPool, acceptOffer, declineOffer, listMyOffers, listPool } from "@/lib/legal-aid/offers";
import { registerMediationCase } from "@/lib/mediation/intake";
import { getMediationCase } from "@/lib/mediation/queries";
import { RegisteredMediationCase } from "@/lib/mediation/schemas";
import { downloadImportTemplate, ImportResultSchema, runImport } from "@/lib/imports/run-import";
import { exportAuditEvents } from "@/lib/audit/search";

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

export const lawyers = defineEndpoint({
  method: "GET", path: "/api/v1/lawyers", tag: "lawyers",
  summary: "法律援助律师名录（点援制：申请人可从中选择律师），支持按擅长领域、服务地区、姓名或律所筛选，按评价、在办案件数或执业年限排序，游标分页。不含律师个人电话、执业证号",
  useCase: listRoster, response: RosterPage, inputFrom: "query",
});

export const lawyer = defineEndpoint({
  method: "GET", path: "/api/v1/lawyers/{id}", tag: "lawyers",
  summary: "名录中一名律师的公开信息（已暂停或不在名录中的返回 404）",
  useCase: getRosterLawyer, response: RosterLawyerDetail, inputFrom: "none",
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

export const workOrderInbox = defineEndpoint({
  method: "GET", path: "/api/v1/work-orders", tag: "work-orders",
  summary: "本网点的工单收件箱（默认未办结，按办理期限排序；cursor 分页，翻到任意一页都一样快）。手机号已脱敏",
  useCase: listInbox, response: InboxPage, inputFrom: "query",
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

export const legalAidChoices = defineEndpoint({
  method: "POST", path: "/api/v1/legal-aid/applications/{number}/choices", tag: "legal-aid",
  summary: "点援制：申请人按意愿排序选择律师（最多 3 名，决定给予法律援助后至指派期限前也可重新选择；已有律师接受委托后不能再选）",
  useCase: setLawyerChoices, response: z.record(z.string(), z.unknown()), inputFrom: "body", validationStatus: 422,
});

export const myOffers = defineEndpoint({
  method: "GET", path: "/api/v1/offers", tag: "legal-aid",
  summary: "当前律师收到的派单：待确认的（含案情、确认期限）和最近处理过的；受援人姓名只显示姓氏",
  useCase: listMyOffers, response: z.record(z.string(), z.unknown()), inputFrom: "none",
});

export const offerAccept = defineEndpoint({
  method: "POST", path: "/api/v1/offers/{id}/accept", tag: "legal-aid",
  summary: "律师接受派单（点援）。派单已撤回时返回 409；超过接单期限、在办案件达上限或存在利益冲突时返回 422",
  useCase: acceptOffer, response: z.record(z.string(), z.unknown()), inputFrom: "none",
});

export const offerDecline = defineEndpoint({
  method: "POST", path: "/api/v1/offers/{id}/decline", tag: "legal-aid",
  summary: "律师谢绝派单（须说明原因），案件随即派给受援人的下一选择或进入抢单池",
  useCase: declineOffer, response: z.record(z.string(), z.unknown()), inputFrom: "body", validationStatus: 422,
});

export const legalAidPool = defineEndpoint({
  method: "GET", path: "/api/v1/legal-aid/pool", tag: "legal-aid",
  summary: "抢单池：当前律师可以承接的案件（擅长领域、服务地区、在办上限、利益冲突均已判断；不含受援人身份）",
  useCase: listPool, response: z.record(z.string(), z.unknown()), inputFrom: "query",
});

export const legalAidPoolAccept = defineEndpoint({
  method: "POST", path: "/api/v1/legal-aid/pool/{number}/accept", tag: "legal-aid",
  summary: "抢单：第一位接单的律师承办；其他同时接单的律师得到 409「已被其他律师接单」",
  useCase: acceptFromPool, response: z.record(z.string(), z.unknown()), inputFrom: "none",
});

export const mediationCases = defineEndpoint({
  method: "POST", path: "/api/v1/mediation/cases", tag: "mediation",
  summary: "登记人民调解案件（法院诉前委派、公安或信访移送，或网点登记的来访、主动排查案件）：按纠纷发生地分派给最基层的调解委员会（村调解室，无则乡镇工作站），返回受理的调解委员会和调解期限。委派、移送须附文书编号。带 Idempotency-Key 时重试不会重复登记；输入错误返回 422，字段错误见 error.fields（如 parties.1.phone）",
  useCase: registerMediationCase, response: RegisteredMediationCase, inputFrom: "body", successStatus: 201,
  headers: { "idempotency-key": "idempotencyKey" }, validationStatus: 422,
});

export const mediationCase = defineEndpoint({
  method: "GET", path: "/api/v1/mediation/cases/{number}", tag: "mediation",
  summary: "人民调解案件详情：当事人、调解会安排、期限、结果与办理记录（仅限调用者管辖范围内或当事人本人；身份证号一律脱敏，案件承办组织以外电话脱敏）",
  useCase: getMediationCase, response: z.record(z.string(), z.unknown()), inputFrom: "none",
});

export const statsIndicators = defineEndpoint({
  method: "GET", path: "/api/v1/stats/indicators", tag: "stats",
  summary: "指标：某地区（含下级）在统计期内的各项指标，按指标注册表的口径计算（value、分子、分母；分母为 0 时 value 为 null），另附分类统计（breakdowns）。可按 tier（网点层级）、channel（来源渠道）、type（业务类别）筛选，org 为地区内某一服务网点。领导只能查本地区及下级，越权返回 403",
  useCase: getIndicators, response: IndicatorReport, inputFrom: "query",
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

export const statsExport = defineEndpoint({
  method: "GET", path: "/api/v1/stats/export", tag: "stats",
  summary: "导出指标：与 /api/v1/stats/indicators 相同的地区、统计期和口径，format=xlsx（Excel，数值为数字格式）或 csv（UTF-8 带 BOM）。只含汇总数字，不含个人信息；每次导出都记入审计。领导只能导出本地区及下级，越权返回 403",
  useCase: exportIndicators, response: z.unknown().describe("文件内容（xlsx：application/vnd.openxmlformats-officedocument.spreadsheetml.sheet；csv：text/csv）"), inputFrom: "query",
});

export const imports = defineEndpoint({
  method: "POST", path: "/api/v1/imports", tag: "imports",
  summary: "历史数据导入（仅管理员）：multipart/form-data，字段 kind（WORK_ORDER 工单、LEGAL_AID 法律援助案件、MEDIATION 人民调解案件）和 file（UTF-8 CSV 或 .xlsx，最多 10 MB、20000 行；列见 README“历史数据导入”）。整个文件要么全部写入（201，地区和来源编号已导入过的行计为跳过），要么有任何一行不合格时全部不写（422，返回同样结构的报告：行号、列名、原因，不含个人信息），两种情况都记录导入批次。文件无法读取（编码不是 UTF-8、不是 xlsx 等）时返回 422 和 error.fields.file",
  useCase: runImport, response: ImportResultSchema, inputFrom: "form", successStatus: 201, validationStatus: 422,
  statusOf: (r) => (r.status === "REJECTED" ? 422 : undefined),
});

export const importTemplate = defineEndpoint({
  method: "GET", path: "/api/v1/imports/templates/{kind}", tag: "imports",
  summary: "历史数据导入模板（仅管理员）：kind 为 WORK_ORDER、LEGAL_AID 或 MEDIATION，format=xlsx（默认）或 csv（UTF-8 带 BOM）；中文表头和一行示例，xlsx 另附“填写说明”工作表",
  useCase: downloadImportTemplate, response: z.unknown().describe("文件内容（xlsx 或 csv）"), inputFrom: "query",
});

export const auditExport = defineEndpoint({
  method: "GET", path: "/api/v1/audit/export", tag: "audit",
  summary: "导出审计记录（仅管理员）：与管理后台“审计记录”相同的条件（from、to 为北京时间日期，默认最近 7 天；actor、role、area、action、targetType、targetId、result、ip），CSV（UTF-8 带 BOM），按时间从新到旧，最多 10000 条；含已归档记录。区县管理员只能导出本地区账号和网点的记录。每次导出都记入审计",
  useCase: exportAuditEvents, response: z.unknown().describe("文件内容（text/csv）"), inputFrom: "query",
});

export const ENDPOINTS: AnyEndpoint[] = [health, servicePoints, regions, organization, lawyers, lawyer, me, createWorkOrder, workOrderInbox, workOrder, workOrderAttachment, legalAidApplications, legalAidApplication, legalAidAttachment,
  legalAidChoices, myOffers, offerAccept, offerDecline, legalAidPool, legalAidPoolAccept, statsIndicators, mediationCases, mediationCase, openapi, statsExport, imports, importTemplate, auditExport];
