-- Merged leads and buyers point at the record that took their work (issue 15).
-- Written by hand: ALTER TABLE keeps the partial indexes and search triggers a table rebuild would drop.
ALTER TABLE "Lead" ADD COLUMN "mergedIntoId" TEXT;
CREATE INDEX "Lead_mergedIntoId_idx" ON "Lead"("mergedIntoId");
ALTER TABLE "Buyer" ADD COLUMN "mergedIntoId" TEXT;
CREATE INDEX "Buyer_mergedIntoId_idx" ON "Buyer"("mergedIntoId");

-- Photos sent inline with a buyer e-mail (issue 17).
ALTER TABLE "EmailMessage" ADD COLUMN "attachments" TEXT NOT NULL DEFAULT '[]';
