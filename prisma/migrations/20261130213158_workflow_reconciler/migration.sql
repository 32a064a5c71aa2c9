-- DropIndex
DROP INDEX "Lead_workflowStartedAt_idx";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "workflowStartedAt" DATETIME;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "workflowStartedAt" DATETIME;


-- Tasks, documents and offers saved before this migration were started when they were created (or
-- with their first change), and nothing recorded it: they count as started, so an upgraded database
-- (the benchmark's 300k seeded tasks included) does not start a workflow for each. Leads and buyers
-- already recorded it; theirs stay as they are.
UPDATE "Task" SET "workflowStartedAt" = "createdAt";
UPDATE "Document" SET "workflowStartedAt" = "createdAt";
UPDATE "Offer" SET "workflowStartedAt" = "createdAt" WHERE "workflowStartedAt" IS NULL;

-- The reconciler's work lists, written by hand (Prisma's schema cannot declare partial indexes):
-- each holds only the records whose workflow should run and has not started, oldest first. The
-- queries in db/queries/pending-workflows.ts spell exactly these WHERE terms, which is what lets
-- SQLite pick them.
CREATE INDEX "Lead_workflow_pending_idx" ON "Lead"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "status" NOT IN ('CLOSED', 'DEAD');
CREATE INDEX "Buyer_workflow_pending_idx" ON "Buyer"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "archivedAt" IS NULL;
CREATE INDEX "Offer_workflow_pending_idx" ON "Offer"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('DRAFT', 'SENT', 'COUNTERED');
CREATE INDEX "Task_workflow_pending_idx" ON "Task"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW');
CREATE INDEX "Document_workflow_pending_idx" ON "Document"("createdAt", "id") WHERE "workflowStartedAt" IS NULL AND "expiresAt" IS NOT NULL;
