-- AlterTable
ALTER TABLE "Import" ADD COLUMN "workflowStartedAt" DATETIME;


-- The reconciler's partial index (see db/queries/pending-workflows.ts): imports still to run whose workflow has not started.
CREATE INDEX "Import_workflow_pending_idx" ON "Import"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "status" IN ('QUEUED', 'RUNNING');
