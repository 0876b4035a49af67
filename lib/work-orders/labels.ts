import type {
  RatingVia, Satisfaction, WorkOrderChannel, WorkOrderEventKind, WorkOrderStatus, WorkOrderType,
} from "@/lib/generated/prisma/enums";

// Chinese names of the work-order vocabulary, one place for every page, message and export.

export const CHANNEL_LABELS: Record<WorkOrderChannel, string> = {
  WALK_IN: "窗口来访",
  HOTLINE_12348: "12348 热线",
  WEB: "网站",
  MOBILE: "移动端",
  WECHAT: "微信",
  COURT_REFERRAL: "法院委派",
  POLICE_REFERRAL: "公安移送",
  PETITION_REFERRAL: "信访移送",
};

export const TYPE_LABELS: Record<WorkOrderType, string> = {
  CONSULTATION: "法律咨询",
  LEGAL_AID: "法律援助申请",
  MEDIATION: "人民调解申请",
  NOTARY_BOOKING: "公证预约",
  LAWYER_REFERRAL: "律师服务引导",
  COMPLAINT: "投诉建议",
  OTHER: "其他",
};

export const STATUS_LABELS: Record<WorkOrderStatus, string> = {
  NEW: "待受理",
  IN_PROGRESS: "办理中",
  PAUSED: "等待群众补充",
  CLOSED: "已办结",
  REOPENED: "整改中",
};

export const EVENT_LABELS: Record<WorkOrderEventKind, string> = {
  CREATED: "登记",
  ACCEPTED: "受理",
  ASSIGNED: "指派",
  REPLIED: "答复",
  REQUESTER_MESSAGE: "群众补充说明",
  TRANSFERRED: "转办",
  ESCALATED: "上报",
  RETURNED: "退回下级",
  PAUSED: "暂停计时",
  RESUMED: "恢复计时",
  CLOSED: "办结",
  RATED: "评价",
  REOPENED: "重新办理（跟踪整改）",
  FOLLOWED_UP: "回访",
  MATERIALS_REQUESTED: "一次性告知补充材料",
  MATERIALS_SUPPLIED: "补充材料",
  ADVANCE_AID: "先行提供法律援助",
  APPROVED: "决定给予法律援助",
  REFUSED: "决定不予法律援助",
  WITHDRAWN: "申请撤回",
  LAWYER_ASSIGNED: "指派承办律师",
  OBJECTED: "提出异议",
  OBJECTION_DECIDED: "异议审查决定",
  CASE_PROGRESS: "办案进展",
  TERMINATION_REQUESTED: "申请终止法律援助",
  LAWYER_CHANGE_REQUESTED: "申请更换律师",
  REQUEST_DECIDED: "申请事项处理",
  TERMINATED: "终止法律援助",
  CASE_CLOSED: "结案",
  QUALITY_GRADED: "质量评估",
  ARCHIVED: "归档",
  LAWYERS_CHOSEN: "选择律师（点援）",
  OFFERED: "向律师派单",
  OFFER_DECLINED: "律师谢绝接单",
  OFFER_EXPIRED: "律师未在期限内接单",
  POOL_OPENED: "进入抢单池",
  POOL_CLOSED: "无律师接单，转由中心指派",
  MEDIATION_CONSENT: "当事人同意调解",
  MEDIATION_REFUSED: "当事人拒绝调解",
  MEDIATOR_ASSIGNED: "确定调解员",
  SESSION_SCHEDULED: "安排调解",
  SESSION_HELD: "调解记录",
  DEADLINE_EXTENDED: "延长调解期限",
  MEDIATION_SUCCEEDED: "调解成功",
  MEDIATION_FAILED: "调解不成",
  CONFIRMATION_RECORDED: "司法确认",
  PERFORMANCE_CHECKED: "履行回访",
  COURT_REPORTED: "向法院反馈调解结果",
};

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  SATISFIED: "满意",
  BASICALLY_SATISFIED: "基本满意",
  UNSATISFIED: "不满意",
};

export const RATING_VIA_LABELS: Record<RatingVia, string> = {
  ACCOUNT: "本人账号",
  LINK: "短信链接",
  PHONE_FOLLOW_UP: "电话回访",
};

export const OPEN_STATUSES: WorkOrderStatus[] = ["NEW", "IN_PROGRESS", "PAUSED", "REOPENED"];
