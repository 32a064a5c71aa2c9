-- DropIndex
DROP INDEX "Task_status_completedAt_assigneeId_idx";

-- DropIndex
DROP INDEX "Task_assigneeId_status_completedAt_idx";

-- CreateIndex
CREATE INDEX "Task_status_completedAt_assigneeId_dueAt_idx" ON "Task"("status", "completedAt", "assigneeId", "dueAt");

-- CreateIndex
CREATE INDEX "Task_assigneeId_status_completedAt_dueAt_idx" ON "Task"("assigneeId", "status", "completedAt", "dueAt");

