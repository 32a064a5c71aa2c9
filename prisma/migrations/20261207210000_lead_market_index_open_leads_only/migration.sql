-- A buyer's matching leads are read from this index a market and property type at a time, newest
-- first (db/queries/find-matches.ts), and only open, unarchived leads can match. Holding only those
-- (a partial index), the read no longer steps over the closed and dead leads of each range (more
-- than half of them at the volume seed): the walk to a buyer's first 50 candidates took a quarter
-- less CPU. It also holds the columns the buyer page shows of each match (seller, street, status),
-- so a lean answer's winners are not read again by id (candidatesCarry). Together, over 2,000
-- buyers at the volume seed, the buyer page's answer took 0.77-0.88 ms of CPU instead of 1.19-1.48.
-- The WHERE must stay the literal list of OPEN_LEAD_STATUSES that the query spells (SQLite uses a
-- partial index only then; the query names the index, so a mismatch is an error, not a slow read).
-- SQLite only: PostgreSQL reads the market's ids and sorts the few it keeps.
DROP INDEX "Lead_match_market_idx";
CREATE INDEX "Lead_match_market_idx" ON "Lead"(lower("city"), upper("state"), "propertyType", "createdAt", "id", "askingPrice", "beds", "baths", "repairEstimate", "city", "state", "zip", "arv", "archivedAt", "status", "sellerName", "street") WHERE "archivedAt" IS NULL AND "status" IN ('NEW', 'CONTACTED', 'QUALIFIED', 'OFFER_MADE', 'UNDER_CONTRACT');
