import type { AuditResult } from "@/lib/generated/prisma/enums";

// Chinese names for what the audit trail records. An action is a use case's name ("workOrder.read")
// or a step's own ("auth.signIn"); its first segment is the business area. Actions without a label
// of their own are shown as their area's name and the code — new use cases need no entry here.

export const AUDIT_AREAS = {
  auth: "登录与账号安全",
  account: "账号",
  user: "账号管理",
  audit: "审计记录",
  workOrder: "工单",
  legalAid: "法律援助",
  mediation: "人民调解",
  lawyer: "律师",
  stats: "统计指标",
  imports: "历史数据导入",
  organization: "服务网点",
  region: "行政区划",
  calendar: "工作日历",
  apiClient: "API 客户端",
  notification: "消息",
  progress: "查进度",
  consent: "个人信息同意",
  personalData: "个人信息",
  admin: "管理后台",
} as const satisfies Record<string, string>;
export type AuditArea = keyof typeof AUDIT_AREAS;
export const AUDIT_AREA_KEYS = Object.keys(AUDIT_AREAS) as [AuditArea, ...AuditArea[]];

/** The events people search for most: sign-ins, views of personal data, exports. */
const ACTION_LABELS: Record<string, string> = {
  "auth.signIn": "登录",
  "auth.lockout": "账号锁定",
  "user.list": "查看账号列表",
  "personalData.reveal": "查看完整个人信息",
  "audit.search": "查询审计记录",
  "audit.export": "导出审计记录",
  "workOrder.read": "查看工单",
  "workOrder.attachment.download": "下载工单附件",
  "workOrder.ratingLink": "打开评价链接",
  "legalAid.read": "查看法律援助申请",
  "legalAid.case": "查看法律援助案件",
  "legalAid.lawyerCase": "律师查看承办案件",
  "legalAid.candidates": "查看指派候选律师",
  "legalAid.objections": "查看异议审查",
  "legalAid.draft.get": "读取申请草稿",
  "legalAid.attachment.download": "下载法律援助材料",
  "legalAid.document.view": "查看法律援助文书",
  "mediation.read": "查看调解案件",
  "mediation.parties.view": "查看当事人完整联系方式",
  "mediation.aftercare": "查看调解协议与回访",
  "mediation.document.view": "查看调解文书",
  "stats.export": "导出统计指标",
  "progress.verifyCode": "查进度验证码核验",
};

export function actionLabel(action: string): string {
  const own = ACTION_LABELS[action];
  if (own) return own;
  const area = AUDIT_AREAS[action.split(".")[0] as AuditArea];
  return area ?? action;
}

export const AUDIT_RESULT_LABELS: Record<AuditResult, string> = { SUCCESS: "成功", DENIED: "拒绝", FAILED: "失败" };

/** What an event points at, by the `type` use cases give their targets. */
export const TARGET_TYPE_LABELS: Record<string, string> = {
  User: "用户",
  WorkOrder: "工单",
  WorkOrderAttachment: "附件",
  LegalAidApplication: "法律援助案件",
  LegalAidOffer: "点援派单",
  LegalAidRequest: "法律援助申请事项",
  MediationCase: "调解案件",
  LawyerProfile: "律师档案",
  Organization: "服务网点",
  Region: "行政区划",
  ApiClient: "API 客户端",
  CalendarDay: "工作日历",
  HardshipStandard: "经济困难标准",
  IndicatorTarget: "规划指标",
  ManualFigure: "填报数据",
  ImportBatch: "导入批次",
  ConsentRecord: "同意记录",
};

export const targetTypeLabel = (type: string) => TARGET_TYPE_LABELS[type] ?? type;
