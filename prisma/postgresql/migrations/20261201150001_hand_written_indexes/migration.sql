-- Written by hand: what Prisma's schema cannot declare, as the SQLite migrations did it by hand
-- (partial and expression indexes, and one the schema does not list). PostgreSQL uses a partial index whenever the query implies
-- its WHERE term, bound parameters included.
CREATE INDEX "Buyer_anyMarket_idx" ON "Buyer"("id") WHERE "markets" = '[]';
CREATE INDEX "Buyer_email_lower_idx" ON "Buyer"(LOWER(TRIM("email")));
CREATE INDEX "Buyer_phone_digits_idx" ON "Buyer"(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("phone", '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''));
CREATE INDEX "Buyer_live_createdAt_id_idx" ON "Buyer"("createdAt", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Buyer_live_maxPrice_id_idx" ON "Buyer"("maxPrice", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Buyer_live_name_id_idx" ON "Buyer"("name", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Buyer_workflow_pending_idx" ON "Buyer"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "archivedAt" IS NULL;
CREATE INDEX "Deal_createdAt_id_idx" ON "Deal"("createdAt", "id");
CREATE INDEX "Deal_open_createdAt_id_idx" ON "Deal"("createdAt", "id") WHERE "closedAt" IS NULL;
CREATE INDEX "Document_workflow_pending_idx" ON "Document"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "expiresAt" IS NOT NULL;
CREATE INDEX "EmailMessage_workflow_pending_idx" ON "EmailMessage"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "status" = 'QUEUED';
CREATE INDEX "Import_workflow_pending_idx" ON "Import"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "status" IN ('QUEUED', 'RUNNING');
CREATE INDEX "Lead_city_lower_idx" ON "Lead"(lower("city"));
CREATE INDEX "Lead_workflow_pending_idx" ON "Lead"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "archivedAt" IS NULL AND "status" NOT IN ('CLOSED', 'DEAD');
CREATE INDEX "Offer_live_createdAt_id_idx" ON "Offer"("createdAt", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Offer_live_status_createdAt_id_idx" ON "Offer"("status", "createdAt", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Offer_workflow_pending_idx" ON "Offer"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('DRAFT', 'SENT', 'COUNTERED');
CREATE INDEX "Task_open_assigneeId_dueAt_idx" ON "Task"("assigneeId", "dueAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_open_assigneeId_priority_dueAt_idx" ON "Task"("assigneeId", "priority", "dueAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_open_createdAt_idx" ON "Task"("createdAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_open_dueAt_idx" ON "Task"("dueAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_open_priority_dueAt_idx" ON "Task"("priority", "dueAt") WHERE "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Task_workflow_pending_idx" ON "Task"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
