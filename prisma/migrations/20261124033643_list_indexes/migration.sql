-- CreateIndex
CREATE INDEX "Lead_city_status_createdAt_idx" ON "Lead"("city", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_city_createdAt_idx" ON "Lead"("city", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_sellerName_idx" ON "Lead"("sellerName");


-- CreateIndex
CREATE INDEX "Task_assigneeId_priority_dueAt_idx" ON "Task"("assigneeId", "priority", "dueAt");

-- Partial indexes of open tasks, written by hand (Prisma's schema cannot declare them). The task
-- lists spell "open" with exactly this literal list, which is what lets SQLite pick them.
CREATE INDEX "Task_open_dueAt_idx" ON "Task"("dueAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_open_createdAt_idx" ON "Task"("createdAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_open_assigneeId_dueAt_idx" ON "Task"("assigneeId", "dueAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_open_priority_dueAt_idx" ON "Task"("priority", "dueAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_open_assigneeId_priority_dueAt_idx" ON "Task"("assigneeId", "priority", "dueAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
