import type { ConsentPurpose } from "@/lib/generated/prisma/enums";

// What the consent forms say and which sensitive categories (个人信息保护法 Art. 28) an application
// carries. Pure data and logic, so the forms (client components) and the schemas can import it.

/** The notices, by version: the text shown when the consent was taken. A changed text gets a new version. */
export const CONSENT_NOTICES = {
  "legal-aid-2026-12": {
    PERSONAL_INFO: "我同意司法行政机关为审查和办理本次法律援助处理我的个人信息。",
    SENSITIVE_INFO: "（涉及残疾、疾病、未成年人、受虐待或家庭暴力时）我单独同意为上述目的处理这些敏感个人信息。",
  },
  "mediation-2026-12": {
    PERSONAL_INFO: "我同意人民调解委员会为调解本纠纷处理我的个人信息（姓名、联系方式、住址、身份证号码和纠纷情况）。",
    SENSITIVE_INFO: "我单独同意为调解本纠纷处理我的敏感个人信息。",
  },
} as const satisfies Record<string, Record<ConsentPurpose, string>>;
export type NoticeVersion = keyof typeof CONSENT_NOTICES;
export const LEGAL_AID_NOTICE: NoticeVersion = "legal-aid-2026-12";
export const MEDIATION_NOTICE: NoticeVersion = "mediation-2026-12";

/** The sensitive categories an application can carry (个人信息保护法 Art. 28), with their labels. */
export const SENSITIVE_CATEGORY_LABELS = {
  disability: "残疾情况",
  health: "健康状况（重病、大病）",
  minor: "未成年人信息",
  elderly: "独居老人情况",
  abuseVictim: "受虐待、遗弃或家庭暴力情况",
} as const;
export type SensitiveCategory = keyof typeof SENSITIVE_CATEGORY_LABELS;

const GREEN_CHANNEL_CATEGORY: Record<string, SensitiveCategory> = {
  SEVERE_DISABILITY: "disability",
  SERIOUS_ILLNESS: "health",
  ELDERLY_ALONE: "elderly",
  LEFT_BEHIND_CHILD: "minor",
};
const EXEMPT_GROUP_CATEGORY: Record<string, SensitiveCategory> = { DISABLED_NO_INCOME: "disability", MINOR_NO_INCOME: "minor" };
const NO_TEST_CATEGORY: Record<string, SensitiveCategory> = { ABUSE_VICTIM: "abuseVictim" };

/** Age in whole years on `today` from a valid ID number's birth date (digits 7–14). */
function ageFromIdNumber(id: string, today: Date): number {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const had = today.getUTCMonth() + 1 > m || (today.getUTCMonth() + 1 === m && today.getUTCDate() >= d);
  return today.getUTCFullYear() - y - (had ? 0 : 1);
}

/**
 * The sensitive categories a legal-aid application discloses: from its green-channel reason, its
 * Art. 42 exemption and its Art. 32 situation, and a child under 14 (Art. 28 names them) from the
 * applicant's ID number. Non-empty means the application needs the separate consent.
 */
export function sensitiveCategoriesOf(
  application: {
    applicant: { idNumber: string };
    greenChannel?: string | null;
    economic: { basis: string; group?: string; situation?: string };
  },
  today = new Date(),
): SensitiveCategory[] {
  const found = new Set<SensitiveCategory>();
  const add = (c: SensitiveCategory | undefined) => c && found.add(c);
  add(application.greenChannel ? GREEN_CHANNEL_CATEGORY[application.greenChannel] : undefined);
  if (application.economic.basis === "EXEMPT_GROUP") add(EXEMPT_GROUP_CATEGORY[application.economic.group ?? ""]);
  if (application.economic.basis === "NO_ECONOMIC_TEST") add(NO_TEST_CATEGORY[application.economic.situation ?? ""]);
  if (/^\d{17}[\dX]$/.test(application.applicant.idNumber) && ageFromIdNumber(application.applicant.idNumber, today) < 14) add("minor");
  return [...found];
}
