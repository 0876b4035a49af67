// Legal matter categories (案件/事项类别): a lawyer's expertise, and later the category of a
// consultation, legal-aid case or mediation. Keys are stored; labels are shown.

export const LEGAL_MATTER_CATEGORIES = {
  LABOUR: "劳动争议",
  WORK_INJURY: "工伤赔偿",
  FAMILY: "婚姻家庭",
  TRAFFIC: "交通事故",
  CRIMINAL: "刑事辩护",
  CONTRACT: "合同纠纷",
  DEBT: "民间借贷",
  PROPERTY: "房产物业",
  LAND: "土地承包",
  ADMINISTRATIVE: "行政争议",
  MEDICAL: "医疗纠纷",
  CONSUMER: "消费维权",
} as const;

export type LegalMatterCategory = keyof typeof LEGAL_MATTER_CATEGORIES;
export const LEGAL_MATTER_CATEGORY_KEYS = Object.keys(LEGAL_MATTER_CATEGORIES) as LegalMatterCategory[];

export const isLegalMatterCategory = (value: string): value is LegalMatterCategory =>
  Object.prototype.hasOwnProperty.call(LEGAL_MATTER_CATEGORIES, value);
