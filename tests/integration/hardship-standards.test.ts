import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import {
  getHardshipStandard,
  listHardshipStandards,
  removeHardshipStandard,
  setHardshipStandard,
  standardFor,
} from "@/lib/legal-aid/hardship-standards";

const meta = { ip: null, userAgent: null };

describe("hardship standards (经济困难标准)", () => {
  let n: Awaited<ReturnType<typeof makeSmallNetwork>>;
  let admin: Awaited<ReturnType<typeof makeActor>>;
  const set = (regionCode: string, effectiveFrom: string, amount: number, basis = "测试依据") =>
    execute(setHardshipStandard, { regionCode, effectiveFrom, monthlyIncomePerCapita: String(amount), basis }, admin, meta);

  beforeEach(async () => {
    await resetDatabase();
    n = await makeSmallNetwork();
    admin = await makeActor({ role: "ADMIN" });
  });

  it("resolves a village to its nearest ancestor with a standard", async () => {
    expect((await set(n.city.code, "2025-01-01", 1650)).ok).toBe(true);
    expect(await standardFor(db, n.villageA.code, "2025-06-01")).toMatchObject({ amount: 1650, regionName: "测试市", effectiveFrom: "2025-01-01" });
    expect((await set(n.county.code, "2025-03-01", 1800, "甲县文件")).ok).toBe(true);
    expect(await standardFor(db, n.villageA.code, "2025-06-01")).toEqual({ amount: 1800, regionName: "甲县", effectiveFrom: "2025-03-01", basis: "甲县文件" });
    // A township's own standard beats the county's, only for that township.
    expect((await set(n.townB.code, "2025-01-01", 1700)).ok).toBe(true);
    expect((await standardFor(db, n.villageB.code, "2025-06-01"))?.amount).toBe(1700);
    expect((await standardFor(db, n.villageA.code, "2025-06-01"))?.amount).toBe(1800);
    expect(await standardFor(db, n.city.code, "2025-06-01")).toMatchObject({ amount: 1650 });
  });

  it("uses the newest standard already in force: a future one waits, a newer past one wins", async () => {
    await set(n.city.code, "2024-01-01", 1500);
    await set(n.city.code, "2025-01-01", 1650);
    await set(n.county.code, "2026-01-01", 1800);
    expect((await standardFor(db, n.townA.code, "2023-12-31"))).toBeNull();
    expect((await standardFor(db, n.townA.code, "2024-06-30"))?.amount).toBe(1500);
    expect((await standardFor(db, n.townA.code, "2025-12-31"))?.amount).toBe(1650);
    expect((await standardFor(db, n.townA.code, "2026-01-01"))?.amount).toBe(1800);
    await set(n.county.code, "2099-01-01", 2500);
    expect((await standardFor(db, n.townA.code, "2098-12-31"))?.amount).toBe(1800);
  });

  it("answers the public self-check without a session, and null for an unknown region", async () => {
    await set(n.city.code, "2000-01-01", 1650, "市文件");
    await set(n.county.code, "2999-01-01", 9999, "未来");
    const r = await execute(getHardshipStandard, { regionCode: n.villageA.code }, null, meta);
    expect(r).toEqual({ ok: true, data: { amount: 1650, regionName: "测试市", effectiveFrom: "2000-01-01", basis: "市文件" } });
    expect(await execute(getHardshipStandard, { regionCode: "369999999999" }, null, meta)).toEqual({ ok: true, data: null });
    const bad = await execute(getHardshipStandard, { regionCode: "12" }, null, meta);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.regionCode).toEqual(["区划代码应为 12 位数字"]);
  });

  it("replaces the standard of the same region and date (upsert), and removes one", async () => {
    const first = await set(n.county.code, "2025-01-01", 1800);
    const again = await set(n.county.code, "2025-01-01", 1900, "更正");
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(first.data.replaced).toBe(false);
    expect(again.data).toEqual({ id: first.data.id, replaced: true });
    expect(await db.hardshipStandard.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "legalAid.hardshipStandard.set", result: "SUCCESS" } })).toBe(2);

    const list = await execute(listHardshipStandards, {}, admin, meta);
    expect(list.ok && list.data.standards).toEqual([
      expect.objectContaining({ regionCode: n.county.code, regionName: "甲县", amount: 1900, basis: "更正", effectiveFrom: "2025-01-01", status: "IN_FORCE" }),
    ]);
    expect((await execute(removeHardshipStandard, { id: String(first.data.id) }, admin, meta)).ok).toBe(true);
    expect(await db.hardshipStandard.count()).toBe(0);
    const gone = await execute(removeHardshipStandard, { id: first.data.id }, admin, meta);
    expect(gone).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("lets only admins write, and a county admin only in the county", async () => {
    const input = { regionCode: n.county.code, effectiveFrom: "2025-01-01", monthlyIncomePerCapita: 1800, basis: "x" };
    expect(await execute(setHardshipStandard, input, null, meta)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    for (const role of ["STAFF", "LEGAL_AID_OFFICER", "LEADER", "RESIDENT"] as const) {
      const actor = await makeActor({ role, organizationId: role === "LEADER" || role === "RESIDENT" ? undefined : n.centre.id, regionId: role === "LEADER" ? n.county.id : undefined });
      expect(await execute(setHardshipStandard, input, actor, meta), role).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await execute(listHardshipStandards, {}, actor, meta), role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db.hardshipStandard.count()).toBe(0);

    const countyAdmin = await makeActor({ role: "ADMIN", regionId: n.county.id });
    expect((await execute(setHardshipStandard, input, countyAdmin, meta)).ok).toBe(true);
    const cityLevel = await execute(setHardshipStandard, { ...input, regionCode: n.city.code }, countyAdmin, meta);
    expect(cityLevel).toMatchObject({ ok: false, code: "RULE_VIOLATION", fieldErrors: { regionCode: ["区划代码不存在或不在您的管理范围内"] } });
    await set(n.city.code, "2025-01-01", 1650);
    const seen = await execute(listHardshipStandards, {}, countyAdmin, meta);
    expect(seen.ok && seen.data.standards.map((s) => s.regionCode)).toEqual([n.county.code]);
    const cityRow = await db.hardshipStandard.findFirstOrThrow({ where: { region: { code: n.city.code } } });
    expect(await execute(removeHardshipStandard, { id: cityRow.id }, countyAdmin, meta)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("explains invalid input in Chinese, next to each field", async () => {
    const r = await execute(setHardshipStandard, { regionCode: "3699", effectiveFrom: "2025-02-30", monthlyIncomePerCapita: "0", basis: "  " }, admin, meta);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("VALIDATION");
    expect(r.fieldErrors).toEqual({
      regionCode: ["区划代码应为 12 位数字"],
      effectiveFrom: ["生效日期不是有效的日期"],
      monthlyIncomePerCapita: ["收入标准必须大于 0 元"],
      basis: ["请填写依据文件"],
    });
    const more = await execute(setHardshipStandard, { regionCode: n.city.code, effectiveFrom: "", monthlyIncomePerCapita: "12.5", basis: "x" }, admin, meta);
    expect(!more.ok && more.fieldErrors).toEqual({ effectiveFrom: ["请填写生效日期"], monthlyIncomePerCapita: ["收入标准请填写整数（元）"] });
    const unknown = await set("369988000000", "2025-01-01", 1000);
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { regionCode: ["区划代码不存在或不在您的管理范围内"] } });
  });
});
