import type { MediationCategory } from "@/lib/generated/prisma/enums";
import { addDays, type IsoDate } from "@/lib/calendar/working-days";

// The rules of what follows a successful mediation that need no database: the court-confirmation
// window and who may use it. Kept apart from the use cases so the case page's client forms can
// read the same texts without pulling in the data layer.

/**
 * Art. 33 人民调解法: the parties may apply jointly "自调解协议生效之日起三十日内". The law counts
 * natural (calendar) days here, not working days, so holidays do not extend the window.
 */
export const CONFIRMATION_WINDOW_DAYS = 30;

/** The reminder job warns once when this many calendar days or fewer remain. */
export const CONFIRMATION_WARNING_DAYS = 5;

/** The last day on which the parties may apply: the agreement's effective day + 30 calendar days. */
export function confirmationDueOn(signedOn: IsoDate): IsoDate {
  return addDays(signedOn, CONFIRMATION_WINDOW_DAYS);
}

/** The question the forms ask; ticking it closes the court-confirmation route. */
export const STATUS_MATTER_QUESTION = "是否涉及确认身份关系、收养关系或婚姻关系";

export const STATUS_MATTER_REFUSAL =
  "根据《人民调解法》第三十三条及最高法规定，涉及身份关系、收养关系、婚姻关系确认的调解协议不能申请司法确认";

export const ORAL_AGREEMENT_REFUSAL =
  "口头调解协议没有可以提交人民法院的书面协议，不能申请司法确认；当事人需要申请的，应当先制作调解协议书（最高人民法院《关于人民调解协议司法确认程序的若干规定》第三条）";

export const LATE_APPLICATION_REFUSAL = "已超过 30 日申请期限";

export type ConfirmationAvailability = {
  available: boolean;
  /** why not, to show the parties and the committee */
  reason: string | null;
  /** a reminder the form shows before the question, for the categories where the question matters most */
  hint: string | null;
};

/**
 * 司法确认 is not available for agreements confirming identity, adoption or marriage status (SPC
 * rules 2011 Art. 4). The category alone does not decide it: a 婚姻家庭 agreement on support or on
 * dividing property can be confirmed, one on the marriage itself cannot — so the committee answers
 * the question, and for 婚姻家庭 matters the form says what the question is about.
 */
export function confirmationAvailability(category: MediationCategory, matterFlags: { statusMatter: boolean }): ConfirmationAvailability {
  const hint =
    category === "MARRIAGE_FAMILY"
      ? "婚姻家庭纠纷中，就解除或确认婚姻关系、确认亲子关系、收养关系达成的协议不能申请司法确认；就抚养费、赡养费、财产分割等达成的协议可以申请。"
      : null;
  if (matterFlags.statusMatter) return { available: false, reason: STATUS_MATTER_REFUSAL, hint };
  return { available: true, reason: null, hint };
}

/** How much of the terms the parties' notice carries (a text message stays readable). */
export const TERMS_SUMMARY_LENGTH = 300;

export function termsSummary(terms: string): string {
  const flat = terms.replace(/\s+/g, " ").trim();
  return flat.length <= TERMS_SUMMARY_LENGTH ? flat : `${flat.slice(0, TERMS_SUMMARY_LENGTH - 1)}…`;
}

/** A captured signature: a PNG data URL of at most 200 KB (the decoded image). */
export const SIGNATURE_PREFIX = "data:image/png;base64,";
export const SIGNATURE_MAX_BYTES = 200 * 1024;

/** The decoded size of a base64 payload, without decoding it. */
export function base64Bytes(payload: string): number {
  const padding = payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0;
  return Math.floor((payload.length * 3) / 4) - padding;
}
