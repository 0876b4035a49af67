import { z } from "zod";
import { MediationCategory, MediationPartyRole, MediationSource, MediationStatus } from "@/lib/generated/prisma/enums";
import { isValidIdNumber, MOBILE_PATTERN } from "@/lib/identity/id-number";
import { checkbox, idParam, optionalText, requiredText } from "@/lib/validation";
import { WorkOrderNumber } from "@/lib/work-orders/schemas";
import { REFERRAL_SOURCES } from "@/lib/mediation/labels";

// 人民调解 intake inputs: one shape for the resident's form, the staff's form and the court / police
// / petition systems' JSON. Forms send parties as parties.0.name …, which formDataToObject turns into
// an object keyed "0", "1" …; the preprocess below turns it into an array and keeps each row's index,
// so an error on row 3 lands next to row 3 even when row 2 was left empty.

export const MAX_PARTIES = 200;

const clean = (v: unknown) => {
  if (typeof v !== "string") return v;
  const t = v.trim().replace(/\s/g, "");
  if (!t) return undefined;
  return /^1[\d-]+$/.test(t) ? t.replace(/-/g, "") : t;
};
/**
 * A party's own phone is a mobile: the parties are told each step by SMS (the outbox holds 11-digit
 * numbers). An agent (a company's lawyer, a relative) may give a landline.
 */
const mobile = z.preprocess(clean, z.string().regex(MOBILE_PATTERN, "联系电话应为 11 位手机号（用于短信通知）").optional());
const LANDLINE_OR_MOBILE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const agentPhone = z.preprocess(clean, z.string().regex(LANDLINE_OR_MOBILE, "代理人电话应为 11 位手机号或带区号的固定电话").optional());

const idNumber = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\s/g, "").toUpperCase() || undefined : v),
  z.string().refine((v) => isValidIdNumber(v), "身份证号码校验未通过，请核对").optional(),
);

const isoDate = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-12-31`)
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}不是有效日期`)
      .optional(),
  );

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

export const PartyInput = z.object({
  role: z.enum(MediationPartyRole, { error: "请选择当事人身份" }),
  name: requiredText(80, "当事人姓名或单位名称"),
  phone: mobile,
  idNumber,
  address: optionalText(160, "住址"),
  agentName: optionalText(40, "代理人姓名"),
  agentPhone,
});
export type PartyInput = z.output<typeof PartyInput>;

/**
 * The parties as a list. From a form: an object keyed by row number, where a row with nothing typed
 * (its role select still has a value) is an unused row and is dropped — after validation, so the
 * other rows keep their indexes in error paths. From JSON: an array, taken as sent.
 */
function partyList(min: number, minMessage: string) {
  return z.preprocess(
    (v) => {
      if (!v || typeof v !== "object" || Array.isArray(v)) return v;
      const rows = Object.entries(v as Record<string, unknown>).filter(([k]) => /^\d+$/.test(k));
      const list: unknown[] = [];
      for (const [k, row] of rows) list[Number(k)] = row;
      return Array.from(list, (row) =>
        !row || (typeof row === "object" && Object.entries(row as Record<string, unknown>).every(([k, x]) => k === "role" || blank(x))) ? null : row,
      );
    },
    z.array(PartyInput.nullable(), { error: "请填写当事人" }).transform((rows, ctx) => {
      const list = rows.filter((r): r is PartyInput => r !== null);
      if (list.length < min) ctx.addIssue({ code: "custom", message: minMessage });
      if (list.length > MAX_PARTIES) ctx.addIssue({ code: "custom", message: `一个案件最多登记 ${MAX_PARTIES} 方当事人，人数更多的请推选代表` });
      return list;
    }),
  );
}

/** 三调联动: the court's 诉前委派, a police or petitions office referral, with its reference and deadline. */
export const ReferralInput = z.preprocess(
  // a form sends the referral's fields empty when the source is not a referral
  (v) => (v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every(blank) ? undefined : v),
  z
    .object({
      authority: requiredText(80, "委派（移送）机关"),
      reference: requiredText(60, "委派（移送）文书编号"),
      deadline: isoDate("委派期限"),
    })
    .optional(),
);

const amount = z.preprocess(
  (v) => (blank(v) ? undefined : typeof v === "string" ? v.replace(/[,，\s]/g, "") : v),
  z.coerce
    .number({ error: "争议金额应为数字（元）" })
    .min(0, "争议金额不能为负数")
    .max(999_999_999_999, "争议金额过大")
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "争议金额最多保留两位小数（到分）")
    .optional(),
);

const people = z.preprocess(
  (v) => (blank(v) ? undefined : v),
  z.coerce.number({ error: "涉及人数应为整数" }).int("涉及人数应为整数").min(2, "涉及人数至少 2 人").max(100_000, "涉及人数过多").optional(),
);

const matter = {
  category: z.enum(MediationCategory, { error: "请选择纠纷类别" }),
  regionCode: z.string({ error: "请选择纠纷发生地" }).trim().regex(/^\d{12}$/, "请选择纠纷发生地"),
  summary: requiredText(4000, "纠纷事实和争议事项"),
  amountInvolved: amount.meta({ description: "争议金额（元）" }),
  peopleInvolved: people.meta({ description: "涉及人数，默认为当事人数" }),
  major: checkbox.default(false).meta({ description: "重大纠纷" }),
  crimeRisk: checkbox.default(false).meta({ description: "有民转刑风险" }),
  idempotencyKey: z.string().trim().min(8, "Idempotency-Key 至少 8 个字符").max(100, "Idempotency-Key 最多 100 个字符").optional(),
};

/**
 * The rows a whole-form check may look at. Zod runs these checks even when a row failed, so the
 * list may still hold the unused (null) rows, or be no list at all when `parties` itself was wrong.
 */
const rowsOf = (parties: unknown): PartyInput[] | null =>
  Array.isArray(parties) ? parties.filter((p): p is PartyInput => !!p && typeof p === "object") : null;

const hasPrincipalParty = (parties: PartyInput[]) => parties.some((p) => p.role === "APPLICANT" || p.role === "RESPONDENT");

/** 涉及人数 counts people; fewer than the parties named is a typo (a party is at least one person or body). */
function checkPeople(v: { peopleInvolved?: number }, rows: PartyInput[], ctx: z.RefinementCtx, partyCount = rows.length) {
  if (typeof v.peopleInvolved === "number" && v.peopleInvolved < partyCount) {
    ctx.addIssue({ code: "custom", path: ["peopleInvolved"], message: `涉及人数不能少于当事人数（${partyCount}）` });
  }
}

/**
 * A case registered by the committee or sent by a referring authority's system. Referrals need the
 * authority and its reference; a screening note only means something for a proactive case.
 */
export const MediationCaseInput = z
  .object({
    source: z.enum(MediationSource, { error: "请选择案件来源" }),
    ...matter,
    parties: partyList(2, "请至少填写两方当事人").meta({ description: "当事人，至少两方、最多 200 方；至少一方为申请人或被申请人" }),
    referral: ReferralInput,
    screeningNote: optionalText(500, "排查情况"),
  })
  .superRefine((v, ctx) => {
    const rows = rowsOf(v.parties);
    if (rows) checkPeople(v, rows, ctx);
    if (rows && rows.length && !hasPrincipalParty(rows)) {
      ctx.addIssue({ code: "custom", path: ["parties"], message: "至少要有一方申请人或被申请人" });
    }
    if (REFERRAL_SOURCES.includes(v.source) && !v.referral) {
      ctx.addIssue({ code: "custom", path: ["referral", "authority"], message: "请填写委派（移送）机关" });
      ctx.addIssue({ code: "custom", path: ["referral", "reference"], message: "请填写委派（移送）文书编号" });
    }
  });
export type MediationCaseInput = z.output<typeof MediationCaseInput>;

/** Where a staff registration came in; a referral's channel follows from its source. */
export const INTAKE_CHANNELS = ["WALK_IN", "HOTLINE_12348", "MOBILE", "WECHAT"] as const;

export const RegisterMediationInput = z.intersection(
  MediationCaseInput,
  z.object({
    channel: z.preprocess((v) => (blank(v) ? undefined : v), z.enum(INTAKE_CHANNELS, { error: "来源渠道无效" }).default("WALK_IN")),
    /** 双方均同意调解: asked at the window, so no separate consent step is needed */
    allAgreed: checkbox.default(false).meta({ description: "登记时各方当事人均已表示同意调解" }),
  }),
);
export type RegisterMediationInput = z.output<typeof RegisterMediationInput>;

/**
 * A resident's own application: they are the first applicant (name and phone from their account);
 * `parties` are the others — at least one respondent, who must agree to mediation (Art. 17).
 */
export const ApplyMediationInput = z
  .object({
    ...matter,
    self: z.preprocess((v) => v ?? {}, z.object({ address: optionalText(160, "您的住址") })),
    parties: partyList(1, "请至少填写一位对方当事人"),
  })
  .superRefine((v, ctx) => {
    const rows = rowsOf(v.parties);
    if (rows) checkPeople(v, rows, ctx, rows.length + 1);
    if (rows && rows.length && !rows.some((p) => p.role === "RESPONDENT")) {
      ctx.addIssue({ code: "custom", path: ["parties"], message: "请至少填写一位对方当事人（被申请人）" });
    }
  });
export type ApplyMediationInput = z.output<typeof ApplyMediationInput>;

/** Staff record what a contacted party said about mediation (Art. 17). */
export const RecordConsentInput = z.object({
  number: WorkOrderNumber,
  partyId: idParam("当事人"),
  agreed: z.preprocess(
    (v) => (v === "yes" || v === "true" || v === true ? true : v === "no" || v === "false" || v === false ? false : v),
    z.boolean({ error: "请选择当事人是否同意调解" }),
  ),
  note: optionalText(500, "说明"),
});

/** The reply to POST /api/v1/mediation/cases and to the intake forms. */
export const RegisteredMediationCase = z.object({
  number: z.string(),
  status: z.enum(MediationStatus),
  committee: z.object({ id: z.number(), name: z.string() }),
  dueAt: z.string(),
});
export type RegisteredMediationCase = z.output<typeof RegisteredMediationCase>;
