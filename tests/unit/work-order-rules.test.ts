import { describe, expect, it } from "vitest";
import { chooseOrganization, canKeep, type RouteCandidate } from "@/lib/work-orders/routing";
import { computeDueAt, dueState, extendForPause } from "@/lib/work-orders/deadlines";
import { createWorkingCalendar } from "@/lib/calendar/working-days";
import { exceptionsFromOfficialSchedule } from "@/lib/calendar/official-schedule";
import official from "@/prisma/data/cn-public-holidays.json";

const cal = createWorkingCalendar(exceptionsFromOfficialSchedule(official));
const at = (iso: string) => new Date(iso);

describe("routing: the lowest tier that handles the type, nearest the matter", () => {
  // city(0) > county(1) > township(2) > village(3)
  const cityCentre: RouteCandidate = { id: 1, tier: "CENTRE", decidesLegalAid: false, regionDepth: 0 };
  const countyCentre: RouteCandidate = { id: 2, tier: "CENTRE", decidesLegalAid: true, regionDepth: 1 };
  const station: RouteCandidate = { id: 3, tier: "STATION", decidesLegalAid: false, regionDepth: 2 };
  const room: RouteCandidate = { id: 4, tier: "ROOM", decidesLegalAid: false, regionDepth: 3 };
  const all = [cityCentre, countyCentre, station, room];

  it("consultation → the village room", () => {
    expect(chooseOrganization(all, { handlingTier: "ROOM", needsDecider: false })?.id).toBe(4);
  });
  it("consultation from a village without a room → its township station", () => {
    expect(chooseOrganization([cityCentre, countyCentre, station], { handlingTier: "ROOM", needsDecider: false })?.id).toBe(3);
  });
  it("legal aid → the county centre that decides, never the city centre that does not", () => {
    expect(chooseOrganization(all, { handlingTier: "CENTRE", needsDecider: true })?.id).toBe(2);
    expect(chooseOrganization([cityCentre, station, room], { handlingTier: "CENTRE", needsDecider: true })).toBeNull();
  });
  it("notary → the county centre; complaint → the station", () => {
    expect(chooseOrganization(all, { handlingTier: "CENTRE", needsDecider: false })?.id).toBe(2);
    expect(chooseOrganization(all, { handlingTier: "STATION", needsDecider: false })?.id).toBe(3);
  });
  it("a receiving station keeps a consultation from its own township, not one from elsewhere; legal aid always goes to a decider", () => {
    const rule = { handlingTier: "ROOM" as const, needsDecider: false };
    const receiving = { tier: "STATION" as const, decidesLegalAid: false, regionPath: "a/b/c/" };
    expect(canKeep(receiving, rule, "a/b/c/d/")).toBe(true);
    expect(canKeep(receiving, rule, "a/b/x/d/")).toBe(false);
    expect(canKeep(receiving, { handlingTier: "CENTRE", needsDecider: true }, "a/b/c/d/")).toBe(false);
  });
});

describe("deadlines on the working-day calendar", () => {
  it("a consultation received on Friday 2026-02-13 is due at the end of the make-up Saturday 02-14", () => {
    expect(computeDueAt(cal, at("2026-02-13T02:00:00Z"), { limitValue: 1, limitUnit: "WORKING_DAYS" }).toISOString()).toBe("2026-02-14T15:59:59.999Z");
  });
  it("a complaint received on 2026-09-30 (3 working days) skips National Day and lands on the make-up Saturday 10-10", () => {
    // 10-08 (Thu) and 10-09 (Fri) are working days; 10-10 is the make-up Saturday.
    expect(computeDueAt(cal, at("2026-09-30T03:00:00Z"), { limitValue: 3, limitUnit: "WORKING_DAYS" }).toISOString()).toBe("2026-10-10T15:59:59.999Z");
  });
  it("hour limits count plain hours", () => {
    expect(computeDueAt(cal, at("2026-10-01T00:00:00Z"), { limitValue: 4, limitUnit: "HOURS" }).toISOString()).toBe("2026-10-01T04:00:00.000Z");
  });
  it("a pause over the Spring Festival moves a working-day deadline only by the working days it covered", () => {
    const due = at("2026-02-24T15:59:59.999Z"); // Tue 02-24
    // paused Fri 02-13 → resumed Wed 02-25: working days in (02-13, 02-25] = 02-14 (make-up), 02-24, 02-25 = 3
    const moved = extendForPause(cal, due, at("2026-02-13T02:00:00Z"), at("2026-02-25T02:00:00Z"), "WORKING_DAYS");
    expect(moved.toISOString()).toBe("2026-02-27T15:59:59.999Z");
  });
  it("a pause within one day moves nothing; an hour-limit pause moves by its length", () => {
    const due = at("2026-03-10T15:59:59.999Z");
    expect(extendForPause(cal, due, at("2026-03-05T01:00:00Z"), at("2026-03-05T08:00:00Z"), "WORKING_DAYS")).toEqual(due);
    expect(extendForPause(cal, due, at("2026-03-05T01:00:00Z"), at("2026-03-05T08:00:00Z"), "HOURS").toISOString()).toBe("2026-03-10T22:59:59.999Z");
  });
  it("natural-day limits count every day, holidays included: 7 days from 2026-09-30 end on 10-07", () => {
    expect(computeDueAt(cal, at("2026-09-30T03:00:00Z"), { limitValue: 7, limitUnit: "CALENDAR_DAYS" }).toISOString()).toBe("2026-10-07T15:59:59.999Z");
    // and the same 7 working days skip the National Day holiday
    expect(computeDueAt(cal, at("2026-09-30T03:00:00Z"), { limitValue: 7, limitUnit: "WORKING_DAYS" }) > at("2026-10-10T00:00:00Z")).toBe(true);
  });
  it("a pause moves a natural-day deadline by the calendar days it covered", () => {
    const due = at("2026-03-10T15:59:59.999Z");
    const moved = extendForPause(cal, due, at("2026-03-05T01:00:00Z"), at("2026-03-08T01:00:00Z"), "CALENDAR_DAYS");
    expect(moved.toISOString()).toBe("2026-03-13T15:59:59.999Z");
    expect(extendForPause(cal, due, at("2026-03-05T01:00:00Z"), at("2026-03-05T09:00:00Z"), "CALENDAR_DAYS")).toEqual(due);
  });
  it("flags due soon and overdue", () => {
    const now = at("2026-03-05T00:00:00Z");
    expect(dueState(at("2026-03-04T23:59:59Z"), now, 24)).toBe("overdue");
    expect(dueState(at("2026-03-05T20:00:00Z"), now, 24)).toBe("soon");
    expect(dueState(at("2026-03-07T00:00:00Z"), now, 24)).toBe("ok");
  });
});
