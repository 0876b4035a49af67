import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { meta, must } from "./helpers/legal-aid";
import { execute } from "@/lib/api/use-case";
import { getGuideEntry } from "@/lib/guide/live";

// Issue 8: the guide quotes the time limits in force — an administrator's change to a rule shows in
// the guide at once — and an unknown service is "not found".

describe("the service guide over the rules in force", () => {
  beforeEach(async () => {
    await resetDatabase();
  });
  // the rules are reference data that survives resetDatabase: put them back as installed
  afterEach(async () => {
    await db.workOrderTypeRule.update({ where: { type: "MEDIATION" }, data: { limitValue: 20, limitUnit: "WORKING_DAYS" } });
    await db.legalAidRule.updateMany({ data: { assignDays: 3 } });
  });

  it("quotes the mediation and legal-aid limits as the rules stand now", async () => {
    const before = JSON.stringify(must(await execute(getGuideEntry, { service: "mediation" }, null, meta)));
    expect(before).toContain("20 个工作日");

    await db.workOrderTypeRule.update({ where: { type: "MEDIATION" }, data: { limitValue: 30, limitUnit: "CALENDAR_DAYS" } });
    const after = JSON.stringify(must(await execute(getGuideEntry, { service: "mediation" }, null, meta)));
    expect(after).toContain("30 天");
    expect(after).not.toContain("20 个工作日");

    await db.legalAidRule.upsert({ where: { id: 1 }, create: { id: 1, assignDays: 2 }, update: { assignDays: 2 } });
    expect(JSON.stringify(must(await execute(getGuideEntry, { service: "legal-aid" }, null, meta)))).toContain("2 个工作日");
  });

  it("answers an unknown service with not found", async () => {
    expect(await execute(getGuideEntry, { service: "nope" }, null, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
