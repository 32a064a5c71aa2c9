-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BuyerMarket" (
    "buyerId" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "propertyType" TEXT NOT NULL DEFAULT '*',

    PRIMARY KEY ("buyerId", "market", "propertyType"),
    CONSTRAINT "BuyerMarket_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "Buyer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- One row per market and property type the buyer buys ("*" when they buy any type).
INSERT INTO "new_BuyerMarket" ("buyerId", "market", "propertyType")
    SELECT DISTINCT m."buyerId", m."market", COALESCE(t."value", '*')
    FROM "BuyerMarket" AS m
    JOIN "Buyer" AS b ON b."id" = m."buyerId"
    LEFT JOIN json_each(CASE WHEN json_valid(b."propertyTypes") AND json_type(b."propertyTypes") = 'array' THEN b."propertyTypes" ELSE '[]' END) AS t;
DROP TABLE "BuyerMarket";
ALTER TABLE "new_BuyerMarket" RENAME TO "BuyerMarket";
CREATE INDEX "BuyerMarket_market_propertyType_buyerId_idx" ON "BuyerMarket"("market", "propertyType", "buyerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

