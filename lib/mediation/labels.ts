import type {
  MediationCategory, MediationPartyConsent, MediationPartyRole, MediationSource, MediationStatus,
} from "@/lib/generated/prisma/enums";

// 人民调解 words as the committees, the parties and the statistics use them (DOMAIN.md §6).

export const MEDIATION_CATEGORY_LABELS: Record<MediationCategory, string> = {
  MARRIAGE_FAMILY: "婚姻家庭纠纷",
  NEIGHBOUR: "邻里纠纷",
  HOUSING_HOMESTEAD: "房屋宅基地纠纷",
  CONTRACT: "合同纠纷",
  PRODUCTION_BUSINESS: "生产经营纠纷",
  DAMAGES: "损害赔偿纠纷",
  FOREST_LAND: "山林土地纠纷",
  LAND_ACQUISITION: "征地拆迁纠纷",
  ENVIRONMENT: "环境污染纠纷",
  LABOUR: "劳动争议纠纷",
  CONSUMER: "消费纠纷",
  MEDICAL: "医疗纠纷",
  TRAFFIC: "道路交通事故纠纷",
  PROPERTY_MANAGEMENT: "物业纠纷",
  TOURISM: "旅游纠纷",
  INTELLECTUAL_PROPERTY: "知识产权纠纷",
  INTERNET: "互联网纠纷",
  OTHER: "其他纠纷",
};

export const MEDIATION_SOURCE_LABELS: Record<MediationSource, string> = {
  PROACTIVE: "主动调解（排查发现）",
  APPLICATION: "当事人申请",
  COURT: "法院委派（诉前调解）",
  POLICE: "公安机关移送",
  PETITION: "信访部门移送",
};

/** The sources that arrive as a referral with the authority's reference (三调联动). */
export const REFERRAL_SOURCES: MediationSource[] = ["COURT", "POLICE", "PETITION"];

export const MEDIATION_STATUS_LABELS: Record<MediationStatus, string> = {
  AWAITING_CONSENT: "等待对方同意调解",
  ACCEPTED: "已受理，待安排调解员",
  IN_PROGRESS: "调解中",
  SUCCEEDED: "调解成功",
  FAILED: "调解不成",
  WITHDRAWN: "已终止（当事人撤回）",
  REFUSED: "对方拒绝调解",
};

/** The statuses in which the case is still being worked (the committee's queue). */
export const OPEN_MEDIATION_STATUSES: MediationStatus[] = ["AWAITING_CONSENT", "ACCEPTED", "IN_PROGRESS"];

export const PARTY_ROLE_LABELS: Record<MediationPartyRole, string> = {
  APPLICANT: "申请人",
  RESPONDENT: "被申请人",
  THIRD_PARTY: "第三人",
};

export const PARTY_CONSENT_LABELS: Record<MediationPartyConsent, string> = {
  PENDING: "尚未答复",
  AGREED: "同意调解",
  REFUSED: "拒绝调解",
};

/** 联合调解: who else sits at the table. */
export const PARTICIPANT_KIND_LABELS = {
  CO_MEDIATOR: "协助调解员",
  JUDGE: "驻中心法官",
  POLICE: "公安民警",
  HOUSING: "住建部门",
  OTHER: "其他部门",
} as const;
export type ParticipantKind = keyof typeof PARTICIPANT_KIND_LABELS;

export const SESSION_PLACE_LABELS = {
  ROOM: "村（社区）调解室",
  STATION: "乡镇（街道）调解室",
  CENTRE: "县级公共法律服务中心",
  REMOTE: "远程视频调解",
  OTHER: "其他地点（现场）",
} as const;
export type SessionPlaceKind = keyof typeof SESSION_PLACE_LABELS;

/** Art. 26: the other routes the parties are told when mediation fails. */
export const OTHER_ROUTES = {
  ARBITRATION: "申请仲裁",
  ADMINISTRATIVE: "请求行政机关处理（行政调解、行政裁决）",
  LITIGATION: "向人民法院提起诉讼",
} as const;
export type OtherRoute = keyof typeof OTHER_ROUTES;

export const PERFORMANCE_LABELS = {
  PERFORMED: "已履行",
  PARTLY: "部分履行",
  NOT_PERFORMED: "未履行",
} as const;
export type PerformanceResult = keyof typeof PERFORMANCE_LABELS;

export const PERFORMANCE_ROUTE_LABELS = {
  COURT_CONFIRMATION: "引导申请司法确认后申请强制执行",
  LITIGATION_GUIDANCE: "引导向人民法院提起诉讼",
} as const;
export type PerformanceRoute = keyof typeof PERFORMANCE_ROUTE_LABELS;
