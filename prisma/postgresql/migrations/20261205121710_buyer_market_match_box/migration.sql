-- DropIndex
DROP INDEX "BuyerMarket_market_propertyType_buyerId_idx";

-- AlterTable
ALTER TABLE "BuyerMarket" ADD COLUMN     "cashBuyer" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "live" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "maxPrice" INTEGER,
ADD COLUMN     "maxRepair" INTEGER,
ADD COLUMN     "minBaths" DOUBLE PRECISION,
ADD COLUMN     "minBeds" INTEGER,
ADD COLUMN     "minPrice" INTEGER,
ADD COLUMN     "pofExpiresAt" TIMESTAMP(3),
ADD COLUMN     "pofVerifiedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "BuyerMarket_match_idx" ON "BuyerMarket"("market", "propertyType", "live", "buyerId", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt");

-- The rows as they were, each with its buyer's box and standing.
UPDATE "BuyerMarket" AS m SET "live" = (b."archivedAt" IS NULL AND b."status" <> 'INACTIVE'), "minPrice" = b."minPrice", "maxPrice" = b."maxPrice", "minBeds" = b."minBeds", "minBaths" = b."minBaths", "maxRepair" = b."maxRepair", "cashBuyer" = b."cashBuyer", "pofVerifiedAt" = b."pofVerifiedAt", "pofExpiresAt" = b."pofExpiresAt"
    FROM "Buyer" AS b WHERE b."id" = m."buyerId";

-- A buyer of any market had no rows: now one per type they buy under the market "*".
INSERT INTO "BuyerMarket" ("buyerId", "market", "propertyType", "live", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt")
    SELECT DISTINCT b."id", '*', COALESCE(t."value", '*'), b."archivedAt" IS NULL AND b."status" <> 'INACTIVE', b."minPrice", b."maxPrice", b."minBeds", b."minBaths", b."maxRepair", b."cashBuyer", b."pofVerifiedAt", b."pofExpiresAt"
    FROM "Buyer" AS b
    LEFT JOIN LATERAL json_array_elements_text(CASE WHEN json_typeof(b."propertyTypes"::json) = 'array' THEN b."propertyTypes"::json ELSE '[]'::json END) AS t("value") ON true
    WHERE json_typeof(b."markets"::json) = 'array' AND json_array_length(b."markets"::json) = 0;

-- Only the old candidate query read them.
DROP INDEX "Buyer_anyMarket_idx";
DROP INDEX "Buyer_match_idx";

-- A new row copies its buyer's box and standing. Prisma's migration runner cuts a script at every
-- semicolon, quoted or not, so the function bodies spell theirs as the escape \073 in E'' strings.
CREATE FUNCTION "BuyerMarket_copy_buyer_box"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    SELECT b."archivedAt" IS NULL AND b."status" <> ''INACTIVE'', b."minPrice", b."maxPrice", b."minBeds", b."minBaths", b."maxRepair", b."cashBuyer", b."pofVerifiedAt", b."pofExpiresAt" INTO NEW."live", NEW."minPrice", NEW."maxPrice", NEW."minBeds", NEW."minBaths", NEW."maxRepair", NEW."cashBuyer", NEW."pofVerifiedAt", NEW."pofExpiresAt" FROM "Buyer" AS b WHERE b."id" = NEW."buyerId"\073
    RETURN NEW\073
END
';
CREATE TRIGGER "BuyerMarket_copy_buyer_box" BEFORE INSERT ON "BuyerMarket" FOR EACH ROW EXECUTE FUNCTION "BuyerMarket_copy_buyer_box"();

-- A change of a buyer's box or standing reaches their rows in the same transaction.
CREATE FUNCTION "Buyer_box_to_market_rows"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "BuyerMarket" SET "live" = (NEW."archivedAt" IS NULL AND NEW."status" <> ''INACTIVE''), "minPrice" = NEW."minPrice", "maxPrice" = NEW."maxPrice", "minBeds" = NEW."minBeds", "minBaths" = NEW."minBaths", "maxRepair" = NEW."maxRepair", "cashBuyer" = NEW."cashBuyer", "pofVerifiedAt" = NEW."pofVerifiedAt", "pofExpiresAt" = NEW."pofExpiresAt" WHERE "buyerId" = NEW."id"\073
    RETURN NULL\073
END
';
CREATE TRIGGER "Buyer_box_to_market_rows" AFTER UPDATE OF "archivedAt", "status", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair", "cashBuyer", "pofVerifiedAt", "pofExpiresAt" ON "Buyer"
    FOR EACH ROW EXECUTE FUNCTION "Buyer_box_to_market_rows"();

