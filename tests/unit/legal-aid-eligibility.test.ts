import { describe, expect, it } from "vitest";
import {
  assessEligibility,
  CONSULTATION_NOTE,
  CRIMINAL_SITUATIONS,
  DECLARATION_MATERIAL,
  EXEMPT_GROUPS,
  GREEN_CHANNEL,
  ID_MATERIAL,
  MATTERS,
  NO_TEST_SITUATIONS,
  needsIncomeTest,
  perCapita,
  stepsFor,
  type EligibilityAnswers,
  type HardshipStandardInfo,
  type Outcome,
} from "@/lib/legal-aid/eligibility";

const standard: HardshipStandardInfo = { amount: 1800, regionName: "青溪区", effectiveFrom: "2026-01-01", basis: "青溪区司法局（演示）" };
const poor = { monthlyIncome: 3000, size: 2 }; // 1,500 per person
const rich = { monthlyIncome: 12000, size: 2 }; // 6,000 per person
const base: EligibilityAnswers = { matterKind: "CIVIL", noTestSituation: "NONE", groups: [], greenChannel: [], urgency: "NONE" };

type Row = {
  name: string;
  answers: EligibilityAnswers;
  standard?: HardshipStandardInfo | null;
  outcome: Outcome;
  /** a phrase one of the reasons must contain */
  reason: string;
  /** a phrase one of the materials must contain */
  material?: string;
  greenChannel?: boolean;
  asksIncome: boolean;
};

const rows: Row[] = [
  // Art. 31: every item is covered when the household is under the standard, and not above it.
  ...MATTERS.filter((m) => m.covered === "YES").flatMap((m): Row[] => [
    { name: `Art. 31 ${m.key}, income below`, answers: { ...base, matter: m.key, household: poor }, outcome: "LIKELY", reason: m.article, material: m.documents, asksIncome: true },
    { name: `Art. 31 ${m.key}, income above`, answers: { ...base, matter: m.key, household: rich }, outcome: "UNLIKELY", reason: "高于标准", asksIncome: true },
  ]),
  { name: "Art. 31(9) other by law", answers: { ...base, matter: "OTHER_BY_LAW", household: poor }, outcome: "UNSURE", reason: "第三十一条第（九）项", asksIncome: true },
  { name: "other civil matter, high income", answers: { ...base, matter: "OTHER", household: rich }, outcome: "UNLIKELY", reason: "不在法律援助法第三十一条", asksIncome: true },
  { name: "other civil matter, low income", answers: { ...base, matter: "OTHER", household: poor }, outcome: "UNLIKELY", reason: "不在法律援助法第三十一条", asksIncome: true },
  { name: "administrative matter", answers: { ...base, matterKind: "ADMINISTRATIVE", matter: "SOCIAL_INSURANCE", household: poor }, outcome: "LIKELY", reason: "第三十一条第（二）项", asksIncome: true },
  { name: "matter kind not sure, matter chosen", answers: { ...base, matterKind: "NOT_SURE", matter: "MAINTENANCE", household: poor }, outcome: "LIKELY", reason: "第三十一条第（四）项", asksIncome: true },
  { name: "no matter chosen", answers: { ...base, household: poor }, outcome: "UNSURE", reason: "还不清楚是什么事情", asksIncome: true },

  // Art. 32: no economic test, even for a matter outside Art. 31 and a high income.
  ...NO_TEST_SITUATIONS.map((s): Row => ({
    name: `Art. 32 ${s.key}`,
    answers: { ...base, matter: "OTHER", noTestSituation: s.key, household: rich },
    outcome: "LIKELY",
    reason: s.article,
    material: s.proof,
    asksIncome: false,
  })),

  // Art. 42: exempt from the economic check on proof.
  ...EXEMPT_GROUPS.map((g): Row => ({
    name: `Art. 42 ${g.key}`,
    answers: { ...base, matter: g.key === "MIGRANT_WORKER" ? "LABOUR" : "MAINTENANCE", groups: [g.key], household: rich },
    outcome: "LIKELY",
    reason: g.article,
    material: g.proof,
    asksIncome: false,
  })),
  {
    name: "Art. 42(3) migrant worker, work injury",
    answers: { ...base, matter: "WORK_INJURY", groups: ["MIGRANT_WORKER"] },
    outcome: "LIKELY",
    reason: "第四十二条第（三）项",
    asksIncome: false,
  },
  {
    name: "Art. 42(3) migrant worker does not count for maintenance",
    answers: { ...base, matter: "MAINTENANCE", groups: ["MIGRANT_WORKER"], household: rich },
    outcome: "UNLIKELY",
    reason: "只适用于讨要工资或工伤赔偿",
    asksIncome: true,
  },
  {
    name: "Art. 42 group does not widen Art. 31",
    answers: { ...base, matter: "OTHER", groups: ["SOCIAL_ASSISTANCE"] },
    outcome: "UNLIKELY",
    reason: "不在法律援助法第三十一条",
    asksIncome: false,
  },

  // Green channel: priority, no economic review.
  ...GREEN_CHANNEL.map((g): Row => ({
    name: `green channel ${g.key}`,
    answers: { ...base, matter: "LABOUR", greenChannel: [g.key], household: rich },
    outcome: "LIKELY",
    reason: "绿色通道",
    material: g.proof,
    greenChannel: true,
    asksIncome: false,
  })),

  // Income against the standard: below, equal, above, missing, and no standard for the region.
  { name: "income equal to the standard", answers: { ...base, matter: "LABOUR", household: { monthlyIncome: 3600, size: 2 } }, outcome: "LIKELY", reason: "不高于标准", material: DECLARATION_MATERIAL, asksIncome: true },
  { name: "income one yuan above", answers: { ...base, matter: "LABOUR", household: { monthlyIncome: 3601, size: 2 } }, outcome: "UNLIKELY", reason: "高于标准", asksIncome: true },
  { name: "zero income", answers: { ...base, matter: "LABOUR", household: { monthlyIncome: 0, size: 1 } }, outcome: "LIKELY", reason: "不高于标准", asksIncome: true },
  { name: "income not given", answers: { ...base, matter: "LABOUR" }, outcome: "UNSURE", reason: "还没有填写家庭收入", asksIncome: true },
  { name: "no standard for the region", answers: { ...base, matter: "LABOUR", household: poor }, standard: null, outcome: "UNSURE", reason: "没有查到您所在地区的经济困难标准", asksIncome: true },
  { name: "no standard, but exempt", answers: { ...base, matter: "LABOUR", groups: ["SOCIAL_ASSISTANCE"] }, standard: null, outcome: "LIKELY", reason: "免予核查", asksIncome: false },

  // Criminal: Art. 25/28 mandatory, Art. 24/29/33 on hardship, and the cases for the authorities.
  ...CRIMINAL_SITUATIONS.filter((s) => s.mandatory).map((s): Row => ({
    name: `criminal ${s.key}`,
    answers: { ...base, matterKind: "CRIMINAL", criminalSituation: s.key, household: rich },
    outcome: "LIKELY",
    reason: s.article,
    material: "起诉书",
    asksIncome: false,
  })),
  ...CRIMINAL_SITUATIONS.filter((s) => s.economicTest).flatMap((s): Row[] => [
    { name: `criminal ${s.key}, income below`, answers: { ...base, matterKind: "CRIMINAL", criminalSituation: s.key, household: poor }, outcome: "LIKELY", reason: s.article, asksIncome: true },
    {
      name: `criminal ${s.key}, income above`,
      answers: { ...base, matterKind: "CRIMINAL", criminalSituation: s.key, household: rich },
      // A suspect may also apply for "other reasons" (Art. 24): the office decides.
      outcome: s.key === "SUSPECT_NO_LAWYER" ? "UNSURE" : "UNLIKELY",
      reason: s.key === "SUSPECT_NO_LAWYER" ? "第二十四条" : "高于标准",
      asksIncome: true,
    },
  ]),
  { name: "criminal, not sure", answers: { ...base, matterKind: "CRIMINAL", criminalSituation: "CRIMINAL_NOT_SURE" }, outcome: "UNSURE", reason: "值班律师", asksIncome: false },
  { name: "criminal, situation not answered", answers: { ...base, matterKind: "CRIMINAL" }, outcome: "UNSURE", reason: "由公安机关、检察院、法院", asksIncome: false },

  // Art. 44: urgency adds a hint, not a different outcome.
  { name: "urgent, deadline in under 7 days", answers: { ...base, matter: "LABOUR", urgency: "DEADLINE_SOON", household: poor }, outcome: "LIKELY", reason: "第三十一条第（五）项", material: "写明期限的文书", asksIncome: true },
];

describe("assessEligibility — the rules table", () => {
  it.each(rows)("$name → $outcome", (row) => {
    const r = assessEligibility(row.answers, row.standard === undefined ? standard : row.standard);
    expect(r.outcome).toBe(row.outcome);
    expect(r.reasons.join("\n")).toContain(row.reason);
    expect(r.materials[0]).toBe(ID_MATERIAL);
    if (row.material) expect(r.materials.join("\n")).toContain(row.material);
    expect(r.greenChannel).toBe(row.greenChannel ?? false);
    expect(needsIncomeTest(row.answers)).toBe(row.asksIncome);
    expect(stepsFor(row.answers).includes("income")).toBe(row.asksIncome);
    // The hardship declaration is asked for exactly when the income decides.
    const declares = r.materials.includes(DECLARATION_MATERIAL);
    if (row.outcome === "LIKELY") expect(declares).toBe(row.asksIncome);
    expect(r.reasons.includes(CONSULTATION_NOTE)).toBe(row.outcome !== "LIKELY");
    expect(new Set(r.materials).size).toBe(r.materials.length);
  });

  it("covers every Art. 31, 32, 42 and green-channel entry", () => {
    const names = rows.map((r) => r.name).join("\n");
    for (const m of MATTERS) expect(names).toMatch(new RegExp(m.key === "OTHER" ? "other civil matter" : m.key === "OTHER_BY_LAW" ? "other by law" : m.key));
    for (const s of NO_TEST_SITUATIONS) expect(names).toContain(s.key);
    for (const g of EXEMPT_GROUPS) expect(names).toContain(g.key);
    for (const g of GREEN_CHANNEL) expect(names).toContain(g.key);
    for (const s of CRIMINAL_SITUATIONS) expect(names).toContain(s.key === "CRIMINAL_NOT_SURE" ? "criminal, not sure" : s.key);
  });

  it("cites the article of every entry", () => {
    for (const e of [...MATTERS, ...NO_TEST_SITUATIONS, ...EXEMPT_GROUPS, ...CRIMINAL_SITUATIONS]) expect(e.article).toMatch(/^第.+条/);
  });

  it("gives an urgent hint only when urgent (Art. 44)", () => {
    expect(assessEligibility({ ...base, matter: "LABOUR", urgency: "PRESERVATION", household: poor }, standard).urgentHint).toContain("先行提供法律援助");
    expect(assessEligibility({ ...base, matter: "LABOUR", urgency: "DEADLINE_SOON", household: poor }, standard).urgentHint).toContain("第四十四条第（一）项");
    expect(assessEligibility({ ...base, matter: "LABOUR", household: poor }, standard).urgentHint).toBeUndefined();
  });

  it("compares per-capita income, rounded up", () => {
    expect(perCapita({ monthlyIncome: 3600, size: 2 })).toBe(1800);
    expect(perCapita({ monthlyIncome: 3601, size: 2 })).toBe(1801);
    expect(perCapita({ monthlyIncome: 5000, size: 3 })).toBe(1667);
  });

  it("asks which criminal situation for criminal matters, which matter otherwise", () => {
    expect(stepsFor({ matterKind: "CRIMINAL" })).toEqual(["matterKind", "criminalSituation", "noTest", "groups", "urgency", "region"]);
    expect(stepsFor({ matterKind: "CRIMINAL", criminalSituation: "VICTIM" })).toContain("income");
    expect(stepsFor({ matterKind: "CIVIL" })).toEqual(["matterKind", "matter", "noTest", "groups", "urgency", "region", "income"]);
    expect(stepsFor({ matterKind: "CIVIL", greenChannel: ["ELDERLY_ALONE"] })).not.toContain("income");
  });
});
