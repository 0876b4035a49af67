import type {
  LegalAidMatterKind, LegalAidOutcome, LegalAidRequestKind, LegalAidStatus, ObjectionOutcome, QualityGrade,
} from "@/lib/generated/prisma/enums";
import { CRIMINAL_SITUATIONS, MATTERS } from "@/lib/legal-aid/eligibility";

// Chinese names of the legal-aid case vocabulary, for every page, document and notice.

/** 案件性质 */
export const MATTER_KIND_LABELS: Record<LegalAidMatterKind, string> = { CRIMINAL: "刑事", CIVIL: "民事", ADMINISTRATIVE: "行政" };

export const LEGAL_AID_STATUS_LABELS: Record<LegalAidStatus, string> = {
  SUBMITTED: "待审查",
  MATERIALS_REQUESTED: "等待补充材料",
  APPROVED: "已决定给予援助，待指派律师",
  REFUSED: "不予法律援助",
  WITHDRAWN: "已撤回",
  ASSIGNED: "律师承办中",
  CLOSED: "已结案",
  ARCHIVED: "已归档",
  TERMINATED: "已终止法律援助",
};

/** The applicant's progress bar: the steps of a case that goes the whole way. */
export const LEGAL_AID_STEPS: { status: LegalAidStatus[]; label: string }[] = [
  { status: ["SUBMITTED", "MATERIALS_REQUESTED"], label: "提交申请" },
  { status: ["APPROVED"], label: "审查决定" },
  { status: ["ASSIGNED"], label: "指派律师" },
  { status: ["CLOSED", "TERMINATED"], label: "结案" },
  { status: ["ARCHIVED"], label: "归档" },
];

export const OUTCOME_LABELS: Record<LegalAidOutcome, string> = {
  WON: "诉求得到支持",
  PARTLY_WON: "诉求部分得到支持",
  LOST: "诉求未得到支持",
  SETTLED: "调解或和解结案",
  WITHDRAWN: "撤诉或撤回",
  SERVICE_DONE: "已提供咨询、代书或法律帮助",
  OTHER: "其他",
};

export const QUALITY_GRADE_LABELS: Record<QualityGrade, string> = {
  EXCELLENT: "优",
  GOOD: "良",
  PASS: "合格",
  FAIL: "不合格",
};

/** 质量评估方法 (法律援助法 Art. 59). */
export const QUALITY_METHODS = {
  HEARING_ATTENDANCE: "旁听庭审",
  FILE_INSPECTION: "查阅案卷",
  AUTHORITY_OPINION: "征询办案机关意见",
  RECIPIENT_CALLBACK: "回访受援人",
} as const;
export type QualityMethod = keyof typeof QUALITY_METHODS;

/** 终止法律援助的情形 (法律援助法 Art. 48). */
export const TERMINATION_REASONS = {
  DECEPTION: "受援人以欺骗或者其他不正当手段获得法律援助",
  CONCEALMENT: "受援人故意隐瞒与案件有关的重要事实或者提供虚假证据",
  UNLAWFUL_PURPOSE: "受援人利用法律援助从事违法活动",
  ECONOMY_CHANGED: "受援人的经济状况发生变化，不再符合法律援助条件",
  PROCEEDINGS_ENDED: "案件终止审理或者已经被撤销",
  OWN_LAWYER: "受援人自行委托律师或者其他代理人",
  RECIPIENT_REQUEST: "受援人有正当理由要求终止法律援助",
  OTHER_BY_LAW: "法律法规规定的其他情形",
} as const;
export type TerminationReason = keyof typeof TERMINATION_REASONS;

/** The lawyer's progress entries (办案进展). */
export const PROGRESS_KINDS = {
  MEETING: "会见受援人",
  INVESTIGATION: "调查取证",
  FILING: "提交文书或立案",
  HEARING: "出庭或参加仲裁庭审",
  MEDIATION: "参加调解",
  OTHER: "其他",
} as const;
export type ProgressKind = keyof typeof PROGRESS_KINDS;

export const REQUEST_KIND_LABELS: Record<LegalAidRequestKind, string> = {
  TERMINATION: "终止法律援助",
  CHANGE_LAWYER: "更换承办律师",
};

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  UPHELD: "维持不予法律援助的决定",
  CORRECTED: "责令法律援助机构改正，重新审查",
};

/** The Chinese name of a matter category key (an Art. 24–33 criminal situation or an Art. 31 item). */
export function matterCategoryLabel(key: string): string {
  return (CRIMINAL_SITUATIONS.find((s) => s.key === key) ?? MATTERS.find((m) => m.key === key))?.label ?? key;
}
