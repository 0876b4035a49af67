import { z } from "zod";
import { defineUseCase } from "@/lib/api/use-case";
import { requireCityWideAdmin } from "@/lib/auth/scope";

// 法律援助时限设置: the limits after the application (assignment, materials, objection, closing
// materials) are one admin-editable row; the 7-day decision itself is the LEGAL_AID work-order rule
// (the work order's deadline), edited on /admin/work-order-rules, and only shown here. The same row
// holds the 点援制 settings (decision 007): how long a chosen lawyer has to answer an offer, and how
// many lawyers an applicant may rank.

const DEFAULTS = {
  dayBasis: "WORKING_DAYS", assignDays: 3, materialsDays: 15, objectionDays: 5, closingMaterialsDays: 15, offerHours: 24, maxChoices: 3, choiceHours: null,
} as const;

export const getLegalAidRules = defineUseCase({
  name: "legalAid.rules.get",
  permission: "legalAid.rules",
  write: false,
  input: z.object({}),
  async run({ db }) {
    const [rule, decision] = await Promise.all([
      db.legalAidRule.findUnique({ where: { id: 1 } }),
      db.workOrderTypeRule.findUnique({ where: { type: "LEGAL_AID" }, select: { limitValue: true, limitUnit: true } }),
    ]);
    return {
      rule: rule ?? { id: 1, ...DEFAULTS, updatedAt: null },
      /** the decision limit (Art. 43: 7 working days), read-only here */
      decision,
    };
  },
});

/** A whole number from a form field, 1..max, with messages naming the field and its unit. */
const count = (label: string, max: number, unit: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z
      .number({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是数字`) })
      .int(`${label}必须是整数`)
      .min(1, `${label}至少为 1 ${unit}`)
      .max(max, `${label}不能超过 ${max} ${unit}`),
  );
const days = (label: string, max: number) => count(label, max, "天");

export const UpdateLegalAidRulesInput = z.object({
  dayBasis: z.enum(["WORKING_DAYS", "CALENDAR_DAYS"], { error: "请选择按工作日还是自然日计算" }),
  assignDays: days("指派律师的期限", 30),
  materialsDays: days("补充材料的期限", 90),
  objectionDays: days("异议审查的期限", 30),
  closingMaterialsDays: days("提交结案材料的期限", 90),
  offerHours: count("律师接单期限", 168, "小时"),
  maxChoices: count("受援人可选律师人数", 5, "人"),
  /** blank: until the assignment deadline (the default) */
  choiceHours: z.preprocess((v) => (v === "" || v === undefined ? null : v), count("决定后可选择律师的时间", 72, "小时").nullable()),
});

export const updateLegalAidRules = defineUseCase({
  name: "legalAid.rules.update",
  permission: "legalAid.rules",
  write: true,
  input: UpdateLegalAidRulesInput,
  target: () => ({ type: "LegalAidRule", id: 1 }),
  run: ({ db, input, actor }) => {
    requireCityWideAdmin(actor);
    return db.legalAidRule.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
  },
});
