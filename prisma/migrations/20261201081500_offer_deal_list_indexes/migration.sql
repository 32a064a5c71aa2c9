-- The offer and deal lists read in keyset order (createdAt, then id, newest first): these indexes
-- hold that order, so a page is the next rows of an index walk at any depth instead of a sort of
-- every row. Partial ones where the list always filters the same way (SQLite uses them when the
-- query repeats the WHERE term literally).
CREATE INDEX "Offer_live_createdAt_id_idx" ON "Offer"("createdAt", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Offer_live_status_createdAt_id_idx" ON "Offer"("status", "createdAt", "id") WHERE "archivedAt" IS NULL;
CREATE INDEX "Deal_createdAt_id_idx" ON "Deal"("createdAt", "id");
CREATE INDEX "Deal_open_createdAt_id_idx" ON "Deal"("createdAt", "id") WHERE "closedAt" IS NULL;
