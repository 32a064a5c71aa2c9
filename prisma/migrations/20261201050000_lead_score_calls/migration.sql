-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "leadId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Call_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Call_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Written by hand: Prisma's diff rebuilds the Lead table, which would drop its partial indexes
-- (Lead_workflow_pending_idx); adding columns is all this needs.
ALTER TABLE "Lead" ADD COLUMN "score" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Lead" ADD COLUMN "scoreParts" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Lead" ADD COLUMN "scoredAt" DATETIME;
ALTER TABLE "Lead" ADD COLUMN "lastCallAt" DATETIME;
CREATE INDEX "Lead_score_id_idx" ON "Lead"("score", "id");
CREATE INDEX "Lead_ownerId_score_idx" ON "Lead"("ownerId", "score");
CREATE INDEX "Lead_ownerId_nextFollowUpAt_idx" ON "Lead"("ownerId", "nextFollowUpAt");
-- Existing leads are scored when the API starts (scoredAt IS NULL; see db/writes/lead-score.ts).

-- CreateIndex
CREATE INDEX "Call_leadId_createdAt_idx" ON "Call"("leadId", "createdAt");

-- CreateIndex
CREATE INDEX "Call_createdAt_userId_outcome_idx" ON "Call"("createdAt", "userId", "outcome");

