-- Buyers without markets buy anywhere: lead matching reads them beside the lead's market rows.
-- Partial, so it holds only those buyers (SQLite uses it when a query repeats `"markets" = '[]'`).
CREATE INDEX "Buyer_anyMarket_idx" ON "Buyer"("id") WHERE "markets" = '[]';
