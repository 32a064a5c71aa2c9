-- AlterTable
ALTER TABLE "Lead" ADD COLUMN "apn" TEXT;
ALTER TABLE "Lead" ADD COLUMN "county" TEXT;
ALTER TABLE "Lead" ADD COLUMN "estimatedEquity" INTEGER;
ALTER TABLE "Lead" ADD COLUMN "importId" TEXT;
ALTER TABLE "Lead" ADD COLUMN "ltv" REAL;
ALTER TABLE "Lead" ADD COLUMN "mailingAddress" TEXT;
ALTER TABLE "Lead" ADD COLUMN "phones" TEXT;
ALTER TABLE "Lead" ADD COLUMN "zipPlus4" TEXT;

-- CreateTable
CREATE TABLE "Import" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "provider" TEXT,
    "fileName" TEXT NOT NULL,
    "filePath" TEXT NOT NULL,
    "headers" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "onDuplicate" TEXT NOT NULL DEFAULT 'skip',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "nextBatch" INTEGER NOT NULL DEFAULT 0,
    "batchCount" INTEGER,
    "cancelRequestedAt" DATETIME,
    "failure" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImportError" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "importId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "values" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "ImportError_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Import_createdAt_idx" ON "Import"("createdAt");

-- CreateIndex
CREATE INDEX "Import_createdById_createdAt_idx" ON "Import"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ImportError_importId_rowNumber_idx" ON "ImportError"("importId", "rowNumber");

-- CreateIndex
CREATE INDEX "Lead_importId_workflowStartedAt_idx" ON "Lead"("importId", "workflowStartedAt");

