-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "workflowStartedAt" DATETIME;


-- The reconciler's partial index (see db/queries/pending-workflows.ts): queued messages whose workflow has not started.
CREATE INDEX "EmailMessage_workflow_pending_idx" ON "EmailMessage"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "status" = 'QUEUED';
