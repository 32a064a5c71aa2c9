-- Analytics counts the open overdue tasks by type (db/queries/load-analytics.ts): with the type in
-- this index the count is answered from its entries instead of every such task's row (54-128 ms
-- at volume, beside a CI run). The dashboard's task counts read the same index as before.
-- DropIndex
DROP INDEX "Task_status_overdue_assigneeId_idx";

-- CreateIndex
CREATE INDEX "Task_status_overdue_assigneeId_type_idx" ON "Task"("status", "overdue", "assigneeId", "type");

