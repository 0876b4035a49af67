import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { getLegalAidRules, updateLegalAidRules } from "@/lib/legal-aid/rules";
import { loadLegalAidLimits } from "@/lib/legal-aid/case";

const meta = { ip: null, userAgent: null };
const DEFAULTS = {
  dayBasis: "WORKING_DAYS", assignDays: 3, materialsDays: 15, objectionDays: 5, closingMaterialsDays: 15, offerHours: 24, maxChoices: 3,
} as const;

// LegalAidRule is reference data that resetDatabase keeps: put the defaults back for the next file.
const restoreDefaults = () => db.legalAidRule.upsert({ where: { id: 1 }, create: { id: 1, ...DEFAULTS }, update: DEFAULTS });

describe("legal-aid time limits (admin)", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  beforeEach(async () => {
    await resetDatabase();
    await restoreDefaults();
    n = await makeSmallNetwork();
  });
  afterAll(restoreDefaults);

  it("shows the limits with the 7-working-day decision rule, and saves new ones that the case steps then use", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    expect(await execute(getLegalAidRules, {}, admin, meta)).toMatchObject({
      ok: true,
      data: { rule: { id: 1, ...DEFAULTS }, decision: { limitValue: 7, limitUnit: "WORKING_DAYS" } },
    });
    const r = await execute(
      updateLegalAidRules,
      { dayBasis: "CALENDAR_DAYS", assignDays: "2", materialsDays: " 30 ", objectionDays: "5", closingMaterialsDays: "20", offerHours: "48", maxChoices: " 5 " },
      admin,
      meta,
    );
    const saved = { dayBasis: "CALENDAR_DAYS", assignDays: 2, materialsDays: 30, objectionDays: 5, closingMaterialsDays: 20, offerHours: 48, maxChoices: 5 };
    expect(r).toMatchObject({ ok: true, data: saved });
    expect(await loadLegalAidLimits(db)).toMatchObject(saved);
    expect(await execute(getLegalAidRules, {}, admin, meta)).toMatchObject({ ok: true, data: { rule: saved } });
    expect(await db.legalAidRule.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "legalAid.rules.update", result: "SUCCESS", targetType: "LegalAidRule" } })).toBe(1);
  });

  it("refuses out-of-range, missing and non-numeric values with a Chinese message per field, and changes nothing", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    const r = await execute(updateLegalAidRules, { dayBasis: "HOURS", assignDays: "0", materialsDays: "91", objectionDays: "", closingMaterialsDays: "1.5" }, admin, meta);
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (r.ok) return;
    expect(r.fieldErrors).toEqual({
      dayBasis: ["请选择按工作日还是自然日计算"],
      assignDays: ["指派律师的期限至少为 1 天"],
      materialsDays: ["补充材料的期限不能超过 90 天"],
      objectionDays: ["请填写异议审查的期限"],
      closingMaterialsDays: ["提交结案材料的期限必须是整数"],
      offerHours: ["请填写律师接单期限"],
      maxChoices: ["请填写受援人可选律师人数"],
    });
    const more = await execute(updateLegalAidRules, { ...DEFAULTS, assignDays: "31", objectionDays: "abc", closingMaterialsDays: "91" }, admin, meta);
    expect(more).toMatchObject({
      ok: false,
      fieldErrors: { assignDays: ["指派律师的期限不能超过 30 天"], objectionDays: ["异议审查的期限必须是数字"], closingMaterialsDays: ["提交结案材料的期限不能超过 90 天"] },
    });
    // the 点援制 settings: hours 1–168, lawyers 1–5
    const choice = await execute(updateLegalAidRules, { ...DEFAULTS, offerHours: "169", maxChoices: "0" }, admin, meta);
    expect(choice).toMatchObject({ ok: false, fieldErrors: { offerHours: ["律师接单期限不能超过 168 小时"], maxChoices: ["受援人可选律师人数至少为 1 人"] } });
    const more2 = await execute(updateLegalAidRules, { ...DEFAULTS, offerHours: "", maxChoices: "6" }, admin, meta);
    expect(more2).toMatchObject({ ok: false, fieldErrors: { offerHours: ["请填写律师接单期限"], maxChoices: ["受援人可选律师人数不能超过 5 人"] } });
    const more3 = await execute(updateLegalAidRules, { ...DEFAULTS, offerHours: "0", maxChoices: "2.5" }, admin, meta);
    expect(more3).toMatchObject({ ok: false, fieldErrors: { offerHours: ["律师接单期限至少为 1 小时"], maxChoices: ["受援人可选律师人数必须是整数"] } });
    if (!more3.ok) expect(Object.keys(more3.fieldErrors ?? {}).sort()).toEqual(["maxChoices", "offerHours"]);
    expect(await loadLegalAidLimits(db)).toMatchObject(DEFAULTS);
  });

  it("is for admins only: officers, leaders and residents are refused and the refusal is audited", async () => {
    const officer = await makeActor({ role: "LEGAL_AID_OFFICER", organizationId: n.centre.id });
    const leader = await makeActor({ role: "LEADER", regionId: n.city.id });
    const resident = await makeActor({ role: "RESIDENT" });
    for (const actor of [officer, leader, resident]) {
      expect(await execute(updateLegalAidRules, { ...DEFAULTS, assignDays: 10 }, actor, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(getLegalAidRules, {}, actor, meta)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await execute(updateLegalAidRules, { ...DEFAULTS, assignDays: 10 }, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await loadLegalAidLimits(db)).toMatchObject(DEFAULTS);
    expect(await db.auditEvent.count({ where: { action: "legalAid.rules.update", result: "DENIED" } })).toBe(3);
  });
});
