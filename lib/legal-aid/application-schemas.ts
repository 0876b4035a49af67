import { z } from "zod";
import { AidForm, EconomicBasis, LegalAidStatus } from "@/lib/generated/prisma/enums";
import { isValidIdNumber, MOBILE_PATTERN } from "@/lib/identity/id-number";
import { idParam, optionalText, requiredText } from "@/lib/validation";
import { CRIMINAL_SITUATIONS, EXEMPT_GROUPS, GREEN_CHANNEL, MATTERS, NO_TEST_SITUATIONS } from "@/lib/legal-aid/eligibility";
import { Attachments } from "@/lib/work-orders/schemas";
import { sensitiveCategoriesOf } from "@/lib/personal-data/categories";

const keys = <T extends { key: string }>(list: readonly T[]) => list.map((e) => e.key) as [T["key"], ...T["key"][]];

const phone = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s-]/g, "") : v),
  z.string({ error: "请填写手机号" }).regex(MOBILE_PATTERN, "请输入正确的11位手机号"),
);
const idNumber = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\s/g, "").toUpperCase() : v),
  z.string({ error: "请填写身份证号码" }).refine((v) => isValidIdNumber(v), "身份证号码校验未通过，请核对"),
);
const yes = (message: string) => z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, { error: message }));

/** The matter's category: a criminal situation (Art. 24–33) or an Art. 31 civil/administrative item. */
export const MATTER_CATEGORIES = [...keys(CRIMINAL_SITUATIONS), ...keys(MATTERS)] as [string, ...string[]];
export const isCriminalCategory = (key: string) => CRIMINAL_SITUATIONS.some((s) => s.key === key);

/**
 * 点援制: the lawyers the applicant ranks, best first (user ids from the roster). A form sends one
 * select per rank, left empty where the applicant chose fewer; the count is checked against the
 * configured maximum when saved (lib/legal-aid/choice.ts).
 */
export const LawyerChoices = z.preprocess(
  (v) => {
    if (v === undefined || v === null || v === "") return undefined;
    return (Array.isArray(v) ? v : [v]).filter((x) => x !== "" && x !== null && x !== undefined);
  },
  z
    .array(idParam("所选律师"), { error: "所选律师无效" })
    .max(5, "最多选择 5 名律师")
    .refine((ids) => new Set(ids).size === ids.length, "同一名律师只能选择一次")
    .optional(),
);

export const LegalAidApplicationInput = z
  .object({
    applicant: z.object({
      name: requiredText(40, "申请人姓名"),
      idNumber,
      phone,
      address: requiredText(160, "住址"),
      regionCode: z.string({ error: "请选择申请人所在地区" }).trim().regex(/^\d{12}$/, "请选择申请人所在地区"),
    }),
    /** 代理人, when applying for someone without full capacity (Art. 40) */
    agent: z.preprocess(
      // a form sends the agent's fields empty when there is no agent
      (v) => (v && typeof v === "object" && Object.values(v).every((x) => x === "" || x === undefined || x === null) ? undefined : v),
      z
        .object({
          name: requiredText(40, "代理人姓名"),
          relation: requiredText(20, "与申请人关系"),
          phone,
          idNumber: z.preprocess((v) => (v === "" ? undefined : v), idNumber.optional()),
        })
        .optional(),
    ),
    matter: z.object({
      /** civil or administrative, for the Art. 31 items that can be either; criminal follows from the category */
      kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["CIVIL", "ADMINISTRATIVE"], { error: "案件类型无效" }).optional()),
      category: z.enum(MATTER_CATEGORIES, { error: "请选择事项类别" }),
      facts: requiredText(4000, "案情简述"),
      opposingParty: requiredText(120, "对方当事人"),
      authority: optionalText(120, "办案机关或法院"),
      urgentDeadline: z.preprocess(
        (v) => (v === "" ? undefined : v),
        z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 2026-11-30").optional(),
      ),
    }),
    aidForm: z.enum(AidForm, { error: "请选择申请的援助形式" }),
    economic: z.discriminatedUnion(
      "basis",
      [
        z.object({
          basis: z.literal(EconomicBasis.HARDSHIP_DECLARATION),
          declaration: z.object({
            monthlyIncome: z.coerce.number({ error: "请填写家庭月收入" }).int("请填写整数").min(0, "收入不能为负数").max(10_000_000, "收入数额过大"),
            householdSize: z.coerce.number({ error: "请填写家庭人口" }).int("请填写整数").min(1, "家庭人口至少 1 人").max(30, "家庭人口过多"),
            signed: yes("请确认个人诚信承诺"),
          }),
        }),
        z.object({ basis: z.literal(EconomicBasis.EXEMPT_GROUP), group: z.enum(keys(EXEMPT_GROUPS), { error: "请选择免予核查经济状况的情形" }) }),
        z.object({ basis: z.literal(EconomicBasis.NO_ECONOMIC_TEST), situation: z.enum([...keys(NO_TEST_SITUATIONS), "MANDATORY_CRIMINAL"], { error: "请选择不受经济困难条件限制的情形" }) }),
      ],
      { error: "请选择经济状况的依据" },
    ),
    greenChannel: z.preprocess((v) => (v === "" || v === "NONE" ? undefined : v), z.enum(keys(GREEN_CHANNEL), { error: "绿色通道情形无效" }).optional()),
    // unchecked boxes send nothing: an absent consent is the same as an unticked one
    consent: z.preprocess(
      (v) => v ?? {},
      z.object({
        personalInfo: yes("请同意为办理法律援助处理您的个人信息"),
        sensitiveInfo: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
      }),
    ),
    /** 点援制: up to 3 lawyers from the roster, best first (optional; may also be chosen later) */
    lawyerChoices: LawyerChoices.meta({ description: "受援人选择的律师（律师名录中的 userId，按意愿排序，最多 3 名）" }),
    /** 证明材料 from the web forms (multipart); JSON clients send none */
    attachments: Attachments.meta({ description: "证明材料，只由网页表单以 multipart 上传；JSON 请求不传此字段" }),
    idempotencyKey: z.string().trim().min(8, "Idempotency-Key 至少 8 个字符").max(100, "Idempotency-Key 最多 100 个字符").optional(),
  })
  // Disability, health, minors' and abuse victims' data are sensitive (个人信息保护法 Art. 28–31): a separate consent.
  .superRefine((v, ctx) => {
    if (sensitiveCategoriesOf(v).length && !v.consent.sensitiveInfo) {
      ctx.addIssue({ code: "custom", path: ["consent", "sensitiveInfo"], message: "涉及残疾、疾病、未成年人或家庭暴力等信息，需要您单独同意处理这些敏感个人信息" });
    }
  });
export type LegalAidApplicationInput = z.output<typeof LegalAidApplicationInput>;

export const SubmittedApplication = z.object({ number: z.string(), status: z.enum(LegalAidStatus), dueAt: z.string() });

export const AID_FORM_LABELS: Record<AidForm, string> = {
  CONSULTATION: "法律咨询",
  DOCUMENT_DRAFTING: "代拟法律文书",
  CRIMINAL_DEFENCE: "刑事辩护",
  CRIMINAL_REPRESENTATION: "刑事案件代理（被害人等）",
  CIVIL_REPRESENTATION: "民事案件诉讼代理",
  ADMINISTRATIVE_REPRESENTATION: "行政案件诉讼代理",
  STATE_COMPENSATION_REPRESENTATION: "国家赔偿案件代理",
  NON_LITIGATION_REPRESENTATION: "非诉讼代理",
  DUTY_LAWYER: "值班律师法律帮助",
  LABOUR_ARBITRATION: "劳动争议调解与仲裁代理",
};

export const ECONOMIC_BASIS_LABELS: Record<EconomicBasis, string> = {
  HARDSHIP_DECLARATION: "家庭经济困难（填写收入，作个人诚信承诺）",
  EXEMPT_GROUP: "属于免予核查经济状况的人群（第四十二条）",
  NO_ECONOMIC_TEST: "属于不受经济困难条件限制的情形（第三十二条等）",
};
