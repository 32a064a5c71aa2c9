-- The twins of the SQLite migration of the same name (tests/scripts/postgres-schema checks every index has one).
CREATE INDEX "Lead_match_market_idx" ON "Lead"(lower("city"), upper("state"), "archivedAt", "status", "propertyType", "askingPrice", "beds", "baths", "repairEstimate", "createdAt", "id", "city", "state", "zip", "arv");
CREATE INDEX "Lead_match_zip_idx" ON "Lead"("zip", "archivedAt", "status", "propertyType", "askingPrice", "beds", "baths", "repairEstimate", "createdAt", "id", "city", "state", "arv");
CREATE INDEX "Buyer_match_idx" ON "Buyer"("id", "archivedAt", "status", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt", "markets", "propertyTypes");
