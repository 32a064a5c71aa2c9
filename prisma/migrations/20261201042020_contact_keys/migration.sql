-- AlterTable
ALTER TABLE "Lead" ADD COLUMN "addressKey" TEXT;

-- AlterTable
ALTER TABLE "Buyer" ADD COLUMN "contactKey" TEXT;

-- CreateIndex
CREATE INDEX "Lead_addressKey_idx" ON "Lead"("addressKey");

-- CreateIndex
CREATE INDEX "Buyer_contactKey_idx" ON "Buyer"("contactKey");

