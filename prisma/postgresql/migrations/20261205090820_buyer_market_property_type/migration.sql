-- DropIndex
DROP INDEX "BuyerMarket_market_buyerId_idx";

-- AlterTable
ALTER TABLE "BuyerMarket" DROP CONSTRAINT "BuyerMarket_pkey",
ADD COLUMN     "propertyType" TEXT NOT NULL DEFAULT '*',
ADD CONSTRAINT "BuyerMarket_pkey" PRIMARY KEY ("buyerId", "market", "propertyType");

-- CreateIndex
CREATE INDEX "BuyerMarket_market_propertyType_buyerId_idx" ON "BuyerMarket"("market", "propertyType", "buyerId");


-- One row per market and property type the buyer buys, "*" (the rows above) only when they buy any type.
INSERT INTO "BuyerMarket" ("buyerId", "market", "propertyType")
    SELECT DISTINCT m."buyerId", m."market", t."value"
    FROM "BuyerMarket" AS m
    JOIN "Buyer" AS b ON b."id" = m."buyerId"
    CROSS JOIN LATERAL json_array_elements_text(CASE WHEN json_typeof(b."propertyTypes"::json) = 'array' THEN b."propertyTypes"::json ELSE '[]'::json END) AS t("value")
    WHERE m."propertyType" = '*';
DELETE FROM "BuyerMarket" AS m
    WHERE m."propertyType" = '*'
      AND EXISTS (SELECT 1 FROM "BuyerMarket" AS typed WHERE typed."buyerId" = m."buyerId" AND typed."market" = m."market" AND typed."propertyType" <> '*');
