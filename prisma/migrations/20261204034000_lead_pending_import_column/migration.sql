-- The reconciler leaves the leads of a list import still QUEUED or RUNNING to the import's workflow
-- (db/queries/pending-workflows.ts): with the import in the index, a pass reads past a running
-- 100k-row import's leads in the index alone instead of reading each lead's row.
DROP INDEX "Lead_workflow_pending_idx";
CREATE INDEX "Lead_workflow_pending_idx" ON "Lead"("createdAt", "id", "importId") WHERE "workflowStartedAt" IS NULL AND "archivedAt" IS NULL AND "status" NOT IN ('CLOSED', 'DEAD');
