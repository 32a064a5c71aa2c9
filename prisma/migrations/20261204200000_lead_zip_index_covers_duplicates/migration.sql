-- A lead's possible duplicates in its ZIP (same phone digits or owner name, db/queries/duplicates.ts)
-- are found by walking the ZIP's entries of this index: with the seller's phone and name in it,
-- SQLite tests each entry without reading its table row (a ZIP of 2,600 leads: 5.5 ms per lead
-- page warm, up to 37 ms cold, before; 2.4 ms after). SQLite only: PostgreSQL cannot test these
-- expressions from an index scan, so there the wider index would cost every insert for nothing.
DROP INDEX "Lead_match_zip_idx";
CREATE INDEX "Lead_match_zip_idx" ON "Lead"("zip", "archivedAt", "status", "propertyType", "askingPrice", "beds", "baths", "repairEstimate", "createdAt", "id", "city", "state", "arv", "sellerPhone", "sellerName");
