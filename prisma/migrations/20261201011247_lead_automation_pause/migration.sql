-- CreateIndex
CREATE INDEX "Lead_nextFollowUpAt_id_idx" ON "Lead"("nextFollowUpAt", "id");


-- An archived lead's workflow is not started by the reconciler (db/queries/pending-workflows.ts spells this WHERE literally).
DROP INDEX "Lead_workflow_pending_idx";
CREATE INDEX "Lead_workflow_pending_idx" ON "Lead"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "archivedAt" IS NULL AND "status" NOT IN ('CLOSED', 'DEAD');
