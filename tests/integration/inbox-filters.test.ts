import { beforeEach, describe, expect, it } from "vitest";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { execute } from "@/lib/api/use-case";
import { listInbox } from "@/lib/work-orders/queries";
import type { Prisma } from "@/lib/generated/prisma/client";

// The inbox is one hand-written statement sent through pg (issue 10, decision 018): every filter
// the workbench offers must select what it says, the rows must come back with Prisma's values
// (exact instants, enum names), and a search is for the text typed, never a LIKE pattern.

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const HOUR = 3_600_000;

function must<T>(r: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

describe("inbox filters", () => {
  beforeEach(resetDatabase);

  it("filters by status, type, channel, due and 我的工单, searches literally, and reads the rows as Prisma stores them", async () => {
    const n = await makeSmallNetwork();
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id, name: "站员甲" });
    const now = Date.now();
    // due times to the millisecond, so a lost millisecond (or a time zone) shows
    const order = (i: number, over: Partial<Prisma.WorkOrderCreateManyInput> & { dueAt: Date }): Prisma.WorkOrderCreateManyInput => ({
      number: `369901-20261201-${String(i).padStart(7, "0")}`, channel: "WALK_IN" as const, type: "CONSULTATION" as const,
      subject: "咨询", description: "事项", requesterName: "张三", requesterPhone: "13900000000",
      regionId: n.villageA.id, organizationId: n.stationA.id, firstOrganizationId: n.stationA.id,
      createdAt: new Date(now - 2 * 86_400_000 + 123), ...over,
    });
    await db.workOrder.createMany({
      data: [
        order(1, { dueAt: new Date(now - 5 * HOUR + 7), subject: "逾期的投诉", type: "COMPLAINT" }),
        order(2, { dueAt: new Date(now + 2 * HOUR + 11), subject: "将到期 100%_真实", channel: "HOTLINE_12348", requesterPhone: "13911112222" }),
        order(3, { dueAt: new Date(now + 300 * HOUR + 13), subject: "不急的咨询", requesterName: "李四", handlerUserId: staff.userId, status: "IN_PROGRESS" }),
        order(4, { dueAt: new Date(now - 9 * HOUR), subject: "已办结", status: "CLOSED", closedAt: new Date(now - HOUR), closedOnTime: false }),
        order(5, { dueAt: new Date(now + HOUR), subject: "别处的", organizationId: n.stationB.id, firstOrganizationId: n.stationB.id }),
      ],
    });
    const stored = await db.workOrder.findMany({ where: { organizationId: n.stationA.id }, orderBy: { id: "asc" } });
    const numbersOf = async (input: Record<string, unknown>) => must(await execute(listInbox, input, staff, meta)).items.map((i) => i.subject);

    const all = must(await execute(listInbox, {}, staff, meta));
    expect(all.items.map((i) => i.subject)).toEqual(["逾期的投诉", "将到期 100%_真实", "不急的咨询"]);
    expect(all.counts).toEqual({ open: 3, overdue: 1 });
    // the same values Prisma reads: instants to the millisecond, enums by name, the region's name, the phone masked
    const second = stored.find((s) => s.number.endsWith("0000002"))!;
    expect(all.items[1]).toMatchObject({
      number: second.number, type: "CONSULTATION", channel: "HOTLINE_12348", status: "NEW", requesterName: "张三",
      dueAt: second.dueAt, createdAt: second.createdAt, overdueEscalatedAt: null, handlerUserId: null,
      region: { name: "东村" }, requesterPhone: "139****2222", mine: false, dueState: "soon",
    });
    expect(all.items[1].dueAt.getTime()).toBe(now + 2 * HOUR + 11);
    expect(all.items.map((i) => i.dueState)).toEqual(["overdue", "soon", "ok"]);

    expect(await numbersOf({ status: "CLOSED" })).toEqual(["已办结"]);
    expect(await numbersOf({ status: "IN_PROGRESS" })).toEqual(["不急的咨询"]);
    expect(await numbersOf({ type: "COMPLAINT" })).toEqual(["逾期的投诉"]);
    expect(await numbersOf({ channel: "HOTLINE_12348" })).toEqual(["将到期 100%_真实"]);
    expect(await numbersOf({ due: "overdue" })).toEqual(["逾期的投诉"]);
    expect(await numbersOf({ due: "soon" })).toEqual(["将到期 100%_真实"]);
    expect(await numbersOf({ mine: true })).toEqual(["不急的咨询"]);
    expect(must(await execute(listInbox, { mine: true }, staff, meta)).items[0].mine).toBe(true);

    // search: a name, a subject, a number's start, a whole number, a phone
    expect(await numbersOf({ q: "李四" })).toEqual(["不急的咨询"]);
    expect(await numbersOf({ q: "投诉" })).toEqual(["逾期的投诉"]);
    expect(await numbersOf({ q: "369901-20261201-000000" })).toEqual(["逾期的投诉", "将到期 100%_真实", "不急的咨询"]);
    expect(await numbersOf({ q: stored[2].number })).toEqual(["不急的咨询"]);
    expect(await numbersOf({ q: "13911112222" })).toEqual(["将到期 100%_真实"]);
    // % and _ are the text typed, not wildcards
    expect(await numbersOf({ q: "100%_" })).toEqual(["将到期 100%_真实"]);
    expect(await numbersOf({ q: "%" })).toEqual(["将到期 100%_真实"]);
    expect(await numbersOf({ q: "_" })).toEqual(["将到期 100%_真实"]);
    expect(await numbersOf({ q: "咨_" })).toEqual([]);

    // an empty page still counts the open orders
    const none = must(await execute(listInbox, { q: "没有这个" }, staff, meta));
    expect(none).toEqual({ items: [], nextCursor: null, counts: { open: 3, overdue: 1 } });

    // pages of one: in due order, each once, then no cursor
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = must(await execute(listInbox, { limit: 1, ...(cursor ? { cursor } : {}) }, staff, meta));
      seen.push(...page.items.map((i) => i.subject));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["逾期的投诉", "将到期 100%_真实", "不急的咨询"]);
  });
});
