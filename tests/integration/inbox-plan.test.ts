import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import { db, resetDatabase } from "./helpers/db";
import { makeActor, makeSmallNetwork } from "./helpers/factories";
import { testDatabaseUrl } from "./helpers/database-url";
import { execute } from "@/lib/api/use-case";
import { listInbox } from "@/lib/work-orders/queries";
import { referenceCacheLive, startReferenceCache, stopReferenceCache } from "@/lib/system/reference-cache";

// The inbox must stay "what page 1 costs" however long the backlog (issue 10): the SQL listInbox
// sends has to be provable against the partial index of open orders, read in (dueAt, id) order
// and stopped after the page — no sort of the whole backlog. Checked on the plan, with the
// planner's other options switched off, so a tiny test table cannot hide a lost index.

const meta = { ip: null, userAgent: null };
type Plan = { "Node Type": string; "Index Name"?: string; Plans?: Plan[] };
const nodes = (p: Plan): Plan[] => [p, ...(p.Plans ?? []).flatMap(nodes)];
const isScan = (p: Plan) => /Scan/.test(p["Node Type"]);
// the statement's two parts: the page is the scan under the Limit, the counts the scan under the Aggregate
const scanUnder = (plan: Plan[], parent: string) => {
  const scan = nodes(plan.find((p) => p["Node Type"] === parent)!).find(isScan);
  if (!scan) throw new Error(`no scan under ${parent}`);
  return scan;
};
const pageScan = (plan: Plan[]) => scanUnder(plan, "Limit");
const countsScan = (plan: Plan[]) => scanUnder(plan, "Aggregate");

const makeLogged = () =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl() }), log: [{ emit: "event", level: "query" }] });
let logged: ReturnType<typeof makeLogged>;
const sent: { query: string; params: unknown[] }[] = [];
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });

async function planOf(query: string, params: unknown[]) {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off");
    const { rows } = await c.query(`EXPLAIN (FORMAT JSON) ${query}`, params);
    await c.query("ROLLBACK");
    return nodes((rows[0]["QUERY PLAN"] as [{ Plan: Plan }])[0].Plan);
  } finally {
    c.release();
  }
}

describe("inbox query plan", () => {
  beforeAll(async () => {
    await resetDatabase();
    logged = makeLogged();
    logged.$on("query", (e) => sent.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  });
  afterAll(async () => {
    await stopReferenceCache();
    await logged.$disconnect();
    await pool.end();
  });

  it("the first page and a cursor page are ordered scans of WorkOrder_open_inbox_idx; so do the counts, the overdue view and 我的工单", async () => {
    const n = await makeSmallNetwork();
    const staff = await makeActor({ role: "STAFF", organizationId: n.stationA.id });
    const at = Date.parse("2026-12-01T02:00:00Z");
    await db.workOrder.createMany({
      data: Array.from({ length: 70 }, (_, i) => ({
        number: `369901-20261201-${String(i).padStart(7, "0")}`, channel: "WALK_IN" as const, type: "CONSULTATION" as const,
        subject: "咨询", description: "事项", requesterName: "张三", requesterPhone: "13900000000",
        regionId: n.townA.id, organizationId: n.stationA.id, firstOrganizationId: n.stationA.id,
        // every third order closed; due times repeat, so the cursor's id breaks ties
        ...(i % 3 === 0 ? { status: "CLOSED" as const, closedAt: new Date(at), closedOnTime: true } : {}),
        dueAt: new Date(at + Math.floor(i / 4) * 3_600_000), createdAt: new Date(at - 86_400_000),
      })),
    });
    await db.$executeRawUnsafe(`ANALYZE "WorkOrder"`);

    // as the server runs: the rules and region names in memory after a first call
    await startReferenceCache();
    while (!referenceCacheLive()) await new Promise((r) => setTimeout(r, 10));
    await execute(listInbox, { limit: 20 }, staff, meta, logged as unknown as Db);
    sent.length = 0;
    const first = await execute(listInbox, { limit: 20 }, staff, meta, logged as unknown as Db);
    if (!first.ok) throw new Error(first.message);
    expect(first.data.counts.open).toBe(46);
    const second = await execute(listInbox, { limit: 20, cursor: first.data.nextCursor }, staff, meta, logged as unknown as Db);
    if (!second.ok) throw new Error(second.message);
    // pages neither skip nor repeat an order
    const third = await execute(listInbox, { limit: 20, cursor: second.data.nextCursor }, staff, meta);
    if (!third.ok) throw new Error(third.message);
    const numbers = [first, second, third].flatMap((r) => r.data.items.map((i) => i.number));
    expect(numbers).toHaveLength(46);
    expect(new Set(numbers).size).toBe(46);

    // one statement a call: the page and both counts; the rules and region names come from memory
    expect(sent).toHaveLength(2);
    for (const q of sent) {
      const plan = await planOf(q.query, q.params);
      expect(plan.map((p) => p["Node Type"])).not.toContain("Sort");
      // the counts: one index-only pass over open orders by either partial index, never the closed years
      expect(["WorkOrder_open_inbox_idx", "WorkOrder_open_handler_idx"]).toContain(countsScan(plan)["Index Name"]);
      // the page: an ordered scan of the open orders' index, stopped by the limit
      expect(pageScan(plan)["Index Name"]).toBe("WorkOrder_open_inbox_idx");
    }

    // the overdue view and 我的工单: ordered scans of the open orders' indexes too
    for (const [input, index] of [[{ due: "overdue" }, "WorkOrder_open_inbox_idx"], [{ mine: true }, "WorkOrder_open_handler_idx"]] as const) {
      sent.length = 0;
      const r = await execute(listInbox, input, staff, meta, logged as unknown as Db);
      if (!r.ok) throw new Error(r.message);
      expect(sent).toHaveLength(1);
      const plan = await planOf(sent[0].query, sent[0].params);
      expect(pageScan(plan)["Index Name"]).toBe(index);
      expect(plan.map((p) => p["Node Type"])).not.toContain("Sort");
    }
  });
});
