-- CreateIndex
CREATE INDEX "Lead_ownerId_createdAt_contactedAt_idx" ON "Lead"("ownerId", "createdAt", "contactedAt");

-- CreateIndex
CREATE INDEX "Task_assigneeId_status_completedAt_idx" ON "Task"("assigneeId", "status", "completedAt");

