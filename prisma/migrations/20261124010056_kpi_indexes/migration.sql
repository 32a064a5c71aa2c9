-- CreateIndex
CREATE INDEX "Lead_archivedAt_status_askingPrice_idx" ON "Lead"("archivedAt", "status", "askingPrice");

-- CreateIndex
CREATE INDEX "Lead_archivedAt_createdAt_idx" ON "Lead"("archivedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Lead_ownerId_archivedAt_status_askingPrice_idx" ON "Lead"("ownerId", "archivedAt", "status", "askingPrice");

-- CreateIndex
CREATE INDEX "Lead_createdAt_status_contactedAt_ownerId_idx" ON "Lead"("createdAt", "status", "contactedAt", "ownerId");

-- CreateIndex
CREATE INDEX "Task_status_overdue_assigneeId_idx" ON "Task"("status", "overdue", "assigneeId");

-- CreateIndex
CREATE INDEX "Task_dueAt_status_assigneeId_idx" ON "Task"("dueAt", "status", "assigneeId");

-- CreateIndex
CREATE INDEX "Task_status_completedAt_assigneeId_idx" ON "Task"("status", "completedAt", "assigneeId");

-- CreateIndex
CREATE INDEX "Task_assigneeId_status_dueAt_idx" ON "Task"("assigneeId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Buyer_archivedAt_status_cashBuyer_proofOfFundsAmount_idx" ON "Buyer"("archivedAt", "status", "cashBuyer", "proofOfFundsAmount");

-- CreateIndex
CREATE INDEX "Offer_archivedAt_status_createdById_idx" ON "Offer"("archivedAt", "status", "createdById");

-- CreateIndex
CREATE INDEX "Offer_createdAt_status_amount_createdById_idx" ON "Offer"("createdAt", "status", "amount", "createdById");

-- CreateIndex
CREATE INDEX "Deal_closedAt_assignmentFee_leadId_idx" ON "Deal"("closedAt", "assignmentFee", "leadId");

