import { z } from "zod";
import { Satisfaction, WorkOrderChannel, WorkOrderStatus, WorkOrderType } from "@/lib/generated/prisma/enums";
import { MOBILE_PATTERN } from "@/lib/identity/id-number";
import { idParam, optionalText, requiredText } from "@/lib/validation";

const phone = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s-]/g, "") : v),
  z.string({ error: "请填写手机号" }).regex(MOBILE_PATTERN, "请输入正确的11位手机号"),
);
const regionCode = z.string({ error: "请选择事项所在地区" }).trim().regex(/^\d{12}$/, "请选择事项所在地区");
export const WorkOrderNumber = z.string({ error: "请填写工单编号" }).trim().regex(/^\d{6}-\d{8}-\d{7}$/, "工单编号格式不正确");

const matter = {
  type: z.enum(WorkOrderType, { error: "请选择事项类型" }),
  regionCode,
  subject: requiredText(120, "事项标题"),
  description: requiredText(4000, "事项描述"),
  category: optionalText(40, "事项类别"),
};

/** Staff registering a walk-in or a hotline call (and API clients): the requester is named here. */
export const IntakeWorkOrderInput = z.object({
  channel: z.enum(WorkOrderChannel, { error: "请选择来源渠道" }),
  ...matter,
  requester: z.object({ name: requiredText(40, "群众姓名"), phone }, { error: "请填写群众姓名和手机号" }),
  /** set by the API door from the Idempotency-Key header */
  idempotencyKey: z.string().trim().min(8, "Idempotency-Key 至少 8 个字符").max(100, "Idempotency-Key 最多 100 个字符").optional(),
  /** the form's "register anyway" after a duplicate warning */
  confirmDuplicate: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});
export type IntakeWorkOrderInput = z.output<typeof IntakeWorkOrderInput>;

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Optional files from a form: empty file inputs are dropped (a browser sends one as a 0-byte file,
 * whose name arrives as "" or, through React's action encoding, "undefined"); type is checked by
 * content later.
 */
export const Attachments = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((f) => !(f instanceof File && f.size === 0)),
  z
    .array(z.instanceof(File, { error: "附件无效" }).refine((f) => f.size <= MAX_ATTACHMENT_BYTES, "每个附件不能超过 10MB"))
    .max(MAX_ATTACHMENTS, `最多上传 ${MAX_ATTACHMENTS} 个附件`),
);

/** A resident's own web submission: the requester is the signed-in resident. */
export const SubmitWorkOrderInput = z.object({
  ...matter,
  type: z.enum(["CONSULTATION", "COMPLAINT", "OTHER"], { error: "请选择事项类型" }),
  attachments: Attachments,
  /** a service point the resident chose (its page or QR poster); absent → routed as usual */
  organizationId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idParam("服务网点").optional()),
});

export const CreatedWorkOrder = z.object({
  number: z.string(),
  status: z.enum(WorkOrderStatus),
  organization: z.object({ id: z.number(), name: z.string() }),
  dueAt: z.string(),
});

export const NumberInput = z.object({ number: WorkOrderNumber });
const reason = (label: string) => requiredText(500, label);

export const AcceptInput = z.object({ number: WorkOrderNumber });
export const BulkAcceptInput = z.object({
  numbers: z.preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(WorkOrderNumber).min(1, "请至少选择一个工单").max(100, "一次最多处理 100 个工单")),
  handlerUserId: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), idParam("承办人").optional()),
});
export const AssignInput = z.object({ number: WorkOrderNumber, handlerUserId: idParam("承办人") });
export const ReplyInput = z.object({ number: WorkOrderNumber, body: requiredText(4000, "答复内容") });
export const TransferInput = z.object({ number: WorkOrderNumber, toOrganizationId: idParam("接收网点"), reason: reason("转办理由") });
export const EscalateInput = z.object({ number: WorkOrderNumber, reason: reason("上报理由") });
export const ReturnInput = z.object({ number: WorkOrderNumber, toOrganizationId: idParam("退回的下级网点"), reason: reason("退回理由") });
export const PauseInput = z.object({ number: WorkOrderNumber, reason: reason("需要群众补充的内容") });
export const ResumeInput = z.object({ number: WorkOrderNumber, reason: optionalText(500, "说明") });
export const CloseInput = z.object({ number: WorkOrderNumber, resultSummary: requiredText(2000, "办理结果") });
export const RequesterMessageInput = z.object({ number: WorkOrderNumber, body: requiredText(2000, "补充内容") });
export const RateInput = z.object({
  number: WorkOrderNumber,
  score: z.enum(Satisfaction, { error: "请选择满意程度" }),
  comment: optionalText(500, "评价内容"),
});
export const RateByLinkInput = z.object({
  token: z.string({ error: "评价链接无效" }).trim().min(20, "评价链接无效").max(100, "评价链接无效"),
  score: z.enum(Satisfaction, { error: "请选择满意程度" }),
  comment: optionalText(500, "评价内容"),
});
export const FollowUpInput = z.object({
  number: WorkOrderNumber,
  kind: z.enum(["CALLBACK", "RECTIFICATION"], { error: "请选择回访类型" }),
  result: requiredText(1000, "回访或整改结果"),
  /** a satisfaction level the requester gave on the phone (回访评价), optional */
  score: z.preprocess((v) => (v === "" ? undefined : v), z.enum(Satisfaction).optional()),
});

export const InboxQuery = z.object({
  /** OPEN = every status but CLOSED */
  status: z.preprocess((v) => (v === "" ? undefined : v), z.union([z.literal("OPEN"), z.enum(WorkOrderStatus)], { error: "状态无效" }).default("OPEN")),
  type: z.preprocess((v) => (v === "" ? undefined : v), z.enum(WorkOrderType).optional()),
  channel: z.preprocess((v) => (v === "" ? undefined : v), z.enum(WorkOrderChannel).optional()),
  due: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["soon", "overdue"]).optional()),
  mine: z.preprocess((v) => v === true || v === "1" || v === "on" || v === "true", z.boolean()).default(false),
  q: optionalText(40, "搜索内容"),
  cursor: optionalText(200, "分页游标"),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type InboxQuery = z.output<typeof InboxQuery>;
