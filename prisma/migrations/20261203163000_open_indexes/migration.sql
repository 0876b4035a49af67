-- DropIndex
DROP INDEX "WorkOrder_closedAt_idx";


-- The roll-ups read closings by range ("closedAt" >= $1 AND "closedAt" < $2), which implies NOT
-- NULL; open orders are not in this index, so the planner no longer reads it for "closedAt" IS
-- NULL, where WorkOrder_open_inbox_idx is the right one (the inbox's overdue view took 9 ms
-- through the full index at 5,000 open orders of one station).
CREATE INDEX "WorkOrder_closedAt_not_null_idx" ON "WorkOrder" ("closedAt") WHERE "closedAt" IS NOT NULL;

-- 我的工单: one handler's open orders by due time, an ordered scan that stops after the page.
CREATE INDEX "WorkOrder_open_handler_idx" ON "WorkOrder" ("organizationId", "handlerUserId", "dueAt", "id") WHERE "closedAt" IS NULL;
