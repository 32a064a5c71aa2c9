-- DropIndex
DROP INDEX "BuyerMarket_market_idx";

-- CreateIndex
CREATE INDEX "BuyerMarket_market_buyerId_idx" ON "BuyerMarket"("market", "buyerId");

