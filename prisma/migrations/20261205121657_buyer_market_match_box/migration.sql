-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BuyerMarket" (
    "buyerId" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "propertyType" TEXT NOT NULL DEFAULT '*',
    "live" BOOLEAN NOT NULL DEFAULT true,
    "minPrice" INTEGER,
    "maxPrice" INTEGER,
    "minBeds" INTEGER,
    "minBaths" REAL,
    "maxRepair" INTEGER,
    "cashBuyer" BOOLEAN NOT NULL DEFAULT false,
    "pofVerifiedAt" DATETIME,
    "pofExpiresAt" DATETIME,

    PRIMARY KEY ("buyerId", "market", "propertyType"),
    CONSTRAINT "BuyerMarket_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "Buyer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- The rows as they were, each with its buyer's box and standing.
INSERT INTO "new_BuyerMarket" ("buyerId", "market", "propertyType", "live", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt")
    SELECT m."buyerId", m."market", m."propertyType", b."archivedAt" IS NULL AND b."status" <> 'INACTIVE', b."minPrice", b."maxPrice", b."minBeds", b."minBaths", b."maxRepair", b."cashBuyer", b."pofVerifiedAt", b."pofExpiresAt"
    FROM "BuyerMarket" AS m JOIN "Buyer" AS b ON b."id" = m."buyerId";
-- A buyer of any market had no rows: now one per type they buy under the market "*".
INSERT INTO "new_BuyerMarket" ("buyerId", "market", "propertyType", "live", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt")
    SELECT DISTINCT b."id", '*', COALESCE(t."value", '*'), b."archivedAt" IS NULL AND b."status" <> 'INACTIVE', b."minPrice", b."maxPrice", b."minBeds", b."minBaths", b."maxRepair", b."cashBuyer", b."pofVerifiedAt", b."pofExpiresAt"
    FROM "Buyer" AS b
    LEFT JOIN json_each(CASE WHEN json_valid(b."propertyTypes") AND json_type(b."propertyTypes") = 'array' THEN b."propertyTypes" ELSE '[]' END) AS t
    WHERE json_valid(b."markets") AND json_type(b."markets") = 'array' AND json_array_length(b."markets") = 0;
DROP TABLE "BuyerMarket";
ALTER TABLE "new_BuyerMarket" RENAME TO "BuyerMarket";
CREATE INDEX "BuyerMarket_match_idx" ON "BuyerMarket"("market", "propertyType", "live", "buyerId", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Only the old candidate query read them.
DROP INDEX "Buyer_anyMarket_idx";
DROP INDEX "Buyer_match_idx";

-- A new row copies its buyer's box and standing.
CREATE TRIGGER "BuyerMarket_copy_buyer_box" AFTER INSERT ON "BuyerMarket"
BEGIN
    UPDATE "BuyerMarket" SET ("live", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt") = (SELECT b."archivedAt" IS NULL AND b."status" <> 'INACTIVE', b."minPrice", b."maxPrice", b."minBeds", b."minBaths", b."maxRepair", b."cashBuyer", b."pofVerifiedAt", b."pofExpiresAt" FROM "Buyer" AS b WHERE b."id" = NEW."buyerId")
    WHERE "buyerId" = NEW."buyerId" AND "market" = NEW."market" AND "propertyType" = NEW."propertyType";
END;

-- A change of a buyer's box or standing reaches their rows in the same transaction.
CREATE TRIGGER "Buyer_box_to_market_rows" AFTER UPDATE OF "archivedAt", "status", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt" ON "Buyer"
BEGIN
    UPDATE "BuyerMarket" SET "live" = (NEW."archivedAt" IS NULL AND NEW."status" <> 'INACTIVE'), "minPrice" = NEW."minPrice", "maxPrice" = NEW."maxPrice",
        "minBeds" = NEW."minBeds", "minBaths" = NEW."minBaths", "maxRepair" = NEW."maxRepair", "cashBuyer" = NEW."cashBuyer",
        "pofVerifiedAt" = NEW."pofVerifiedAt", "pofExpiresAt" = NEW."pofExpiresAt"
    WHERE "buyerId" = NEW."id";
END;
