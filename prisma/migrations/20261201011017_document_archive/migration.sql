-- AlterTable
ALTER TABLE "Document" ADD COLUMN "archivedAt" DATETIME;

