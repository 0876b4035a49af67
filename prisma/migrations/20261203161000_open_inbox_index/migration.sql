-- The staff inbox: open orders of one service point by due time (lib/work-orders/queries.ts,
-- listInbox). Partial on "closedAt" IS NULL, which WorkOrder_closed_check makes the same as "not
-- CLOSED"; a predicate on "status" would not do, because Prisma sends the enum values as casts
-- from text that the planner cannot fold when it checks a partial index's predicate (issue 10).
-- Only the open ~1% of orders are in it, so it stays small and hot however many years are kept.
-- Not expressible in schema.prisma: keep it when generating later migrations.
CREATE INDEX "WorkOrder_open_inbox_idx" ON "WorkOrder" ("organizationId", "dueAt", "id") WHERE "closedAt" IS NULL;
