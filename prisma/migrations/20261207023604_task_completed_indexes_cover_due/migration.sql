-- Analytics counts the tasks completed in a range and those done by their due date
-- (db/queries/load-analytics.ts): with dueAt in these two indexes the count is answered from their
-- entries instead of each completed task's row (22-27 ms at volume for 30 days, now 6-7 ms).
-- DropIndex
DROP INDEX "Task_status_completedAt_assigneeId_idx";

-- DropIndex
DROP INDEX "Task_assigneeId_status_completedAt_idx";

-- CreateIndex
CREATE INDEX "Task_status_completedAt_assigneeId_dueAt_idx" ON "Task"("status", "completedAt", "assigneeId", "dueAt");

-- CreateIndex
CREATE INDEX "Task_assigneeId_status_completedAt_dueAt_idx" ON "Task"("assigneeId", "status", "completedAt", "dueAt");

