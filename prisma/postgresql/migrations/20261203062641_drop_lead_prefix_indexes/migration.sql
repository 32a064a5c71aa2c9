-- DropIndex
DROP INDEX "Lead_createdAt_idx";

-- DropIndex
DROP INDEX "Lead_city_idx";

-- DropIndex
DROP INDEX "Lead_zip_idx";

