-- The lists read in keyset order (the sort column, then id). These indexes hold that order, so a
-- page is the next rows of an index walk instead of a sort: leads by price had 250–550 rows of
-- each price to sort before a page, and the buyer list sorted every live buyer (20k) per page.
-- DropIndex
DROP INDEX "Lead_askingPrice_idx";

-- CreateIndex
CREATE INDEX "Lead_askingPrice_id_idx" ON "Lead"("askingPrice", "id");

-- Live buyers in each sort of the list (partial: the list always reads live buyers, and SQLite
-- uses these when the query repeats the WHERE term literally; Prisma's schema cannot declare them).
CREATE INDEX "Buyer_live_createdAt_id_idx" ON "Buyer"("createdAt", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Buyer_live_name_id_idx" ON "Buyer"("name", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Buyer_live_maxPrice_id_idx" ON "Buyer"("maxPrice", "id") WHERE "archivedAt" IS NULL;
