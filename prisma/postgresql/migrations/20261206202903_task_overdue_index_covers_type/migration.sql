-- DropIndex
DROP INDEX "Task_status_overdue_assigneeId_idx";

-- CreateIndex
CREATE INDEX "Task_status_overdue_assigneeId_type_idx" ON "Task"("status", "overdue", "assigneeId", "type");

