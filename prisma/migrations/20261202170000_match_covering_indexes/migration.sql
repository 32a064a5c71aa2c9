-- Matching reads its candidates from these indexes alone (db/queries/find-matches.ts): each holds
-- every column the SQL narrowing and the domain rule need, so a market's thousands of leads, or a
-- lead's hundreds of buyers, are read without visiting their table rows (20-30 ms at volume before).
CREATE INDEX "Lead_match_market_idx" ON "Lead"(lower("city"), upper("state"), "archivedAt", "status", "propertyType", "askingPrice", "beds", "baths", "repairEstimate", "createdAt", "id", "city", "state", "zip", "arv");
CREATE INDEX "Lead_match_zip_idx" ON "Lead"("zip", "archivedAt", "status", "propertyType", "askingPrice", "beds", "baths", "repairEstimate", "createdAt", "id", "city", "state", "arv");
CREATE INDEX "Buyer_match_idx" ON "Buyer"("id", "archivedAt", "status", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt", "markets", "propertyTypes");
