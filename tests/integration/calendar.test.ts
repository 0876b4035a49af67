import { beforeEach, describe, expect, it } from "vitest";
import { execute } from "@/lib/api/use-case";
import { listCalendarYear, removeCalendarDay, setCalendarDay } from "@/lib/calendar/manage-calendar";
import { loadWorkingCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays, isWorkingDay, toDbDate } from "@/lib/calendar/working-days";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeOrganization, makeRegion } from "./helpers/factories";

const meta = { ip: null, userAgent: null };

describe("calendar administration", () => {
  beforeEach(resetDatabase);

  it("adds a 2027 make-up day and audits it", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    const result = await execute(setCalendarDay, { date: "2027-01-31", kind: "WORKDAY", name: "春节调休上班" }, admin, meta);
    expect(result).toEqual({ ok: true, data: { date: "2027-01-31", kind: "WORKDAY", name: "春节调休上班" } });

    const row = await db.calendarDay.findUniqueOrThrow({ where: { date: toDbDate("2027-01-31") } });
    expect(row.kind).toBe("WORKDAY");
    const audit = await db.auditEvent.findMany({ where: { action: "calendar.setDay" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      result: "SUCCESS",
      actorUserId: admin.userId,
      actorRole: "ADMIN",
      targetType: "CalendarDay",
      targetId: "2027-01-31",
    });
  });

  it("replaces what an earlier entry said about the same date", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    await execute(setCalendarDay, { date: "2027-02-13", kind: "WORKDAY", name: "调休上班" }, admin, meta);
    const result = await execute(setCalendarDay, { date: "2027-02-13", kind: "HOLIDAY", name: "春节" }, admin, meta);
    expect(result.ok).toBe(true);
    expect(await db.calendarDay.count()).toBe(1);
    expect((await db.calendarDay.findFirstOrThrow()).kind).toBe("HOLIDAY");
  });

  it("refuses a make-up day on a Wednesday, in Chinese, on the date field", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    const result = await execute(setCalendarDay, { date: "2027-02-10", kind: "WORKDAY", name: "调休上班" }, admin, meta);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("RULE_VIOLATION");
    expect(result.fieldErrors?.date?.[0]).toBe("调休上班日只能设在星期六或星期日，2027-02-10 是星期三");
    expect(await db.calendarDay.count()).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "calendar.setDay" } });
    expect(audit.result).toBe("FAILED");
  });

  it("allows a holiday on any day, weekends included", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    for (const date of ["2027-02-10", "2027-02-06"]) {
      expect((await execute(setCalendarDay, { date, kind: "HOLIDAY", name: "春节" }, admin, meta)).ok).toBe(true);
    }
  });

  it("returns field errors in Chinese for malformed input", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    const result = await execute(setCalendarDay, { date: "2027-02-29", kind: "HOLIDAY", name: " " }, admin, meta);
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { date: ["日期不存在，请核对月份和日"], name: ["请填写名称"] },
    });
  });

  it("refuses staff with FORBIDDEN and records the denial", async () => {
    const county = await makeRegion({ code: "369901000000", level: "COUNTY" });
    const centre = await makeOrganization({ tier: "CENTRE", regionId: county.id });
    const staff = await makeActor({ role: "STAFF", organizationId: centre.id });
    const result = await execute(setCalendarDay, { date: "2027-01-31", kind: "WORKDAY", name: "调休上班" }, staff, meta);
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.calendarDay.count()).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "calendar.setDay" } });
    expect(audit).toMatchObject({ result: "DENIED", actorRole: "STAFF" });
    expect((await execute(listCalendarYear, { year: 2027 }, staff, meta)).ok).toBe(false);
  });

  it("refuses an anonymous caller", async () => {
    const result = await execute(listCalendarYear, { year: 2027 }, null, meta);
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("lists one year's entries in date order", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    for (const [date, kind, name] of [
      ["2027-02-20", "WORKDAY", "调休上班"],
      ["2027-01-01", "HOLIDAY", "元旦"],
      ["2026-12-31", "HOLIDAY", "不在该年"],
      ["2028-01-01", "HOLIDAY", "不在该年"],
      ["2027-02-06", "HOLIDAY", "春节"],
    ] as const) {
      await db.calendarDay.create({ data: { date: toDbDate(date), kind, name } });
    }
    const result = await execute(listCalendarYear, { year: "2027" }, admin, meta);
    expect(result).toEqual({
      ok: true,
      data: [
        { date: "2027-01-01", kind: "HOLIDAY", name: "元旦" },
        { date: "2027-02-06", kind: "HOLIDAY", name: "春节" },
        { date: "2027-02-20", kind: "WORKDAY", name: "调休上班" },
      ],
    });
  });

  it("removes an entry, and says so when there is none", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    await execute(setCalendarDay, { date: "2027-01-31", kind: "WORKDAY", name: "调休上班" }, admin, meta);
    expect(await execute(removeCalendarDay, { date: "2027-01-31" }, admin, meta)).toEqual({ ok: true, data: { date: "2027-01-31" } });
    expect(await db.calendarDay.count()).toBe(0);
    const again = await execute(removeCalendarDay, { date: "2027-01-31" }, admin, meta);
    expect(again).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const audit = await db.auditEvent.findMany({ where: { action: "calendar.removeDay" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.result, a.targetId])).toEqual([
      ["SUCCESS", "2027-01-31"],
      ["DENIED", "2027-01-31"],
    ]);
  });

  it("moves deadlines once an administrator enters the 2027 Spring Festival", async () => {
    const admin = await makeActor({ role: "ADMIN" });
    const before = await loadWorkingCalendar(db);
    expect(addWorkingDays(before, "2027-02-05", 1)).toBe("2027-02-08");

    for (let d = 6; d <= 12; d++) {
      const date = `2027-02-${String(d).padStart(2, "0")}`;
      const result = await execute(setCalendarDay, { date, kind: "HOLIDAY", name: "春节" }, admin, meta);
      expect(result.ok, date).toBe(true);
    }
    await execute(setCalendarDay, { date: "2027-02-20", kind: "WORKDAY", name: "调休上班" }, admin, meta);

    const cal = await loadWorkingCalendar(db);
    expect(isWorkingDay(cal, "2027-02-08")).toBe(false);
    expect(isWorkingDay(cal, "2027-02-20")).toBe(true);
    expect(addWorkingDays(cal, "2027-02-05", 1)).toBe("2027-02-15");
    expect(addWorkingDays(cal, "2027-02-05", 7)).toBe("2027-02-22");
    expect(addWorkingDays(cal, "2026-12-31", 27)).toBe("2027-02-15");
  });
});
