-- Find anything also finds a lead by its APN (the parcel number a list import brings): LeadSearch gets
-- an "apn" column holding the APN as stored and again without its separators, so "R72-1234-0001",
-- "R72 1234" and "R7212340001" all find it. FTS5 tables cannot gain a column: the index and its
-- triggers are created again (as in the search_index migration, plus "apn") and rebuilt from "Lead".
-- A migration that redefines "Lead" must create them again as here (tests/db/search-index.test.ts).
DROP TRIGGER IF EXISTS "Lead_search_insert";
DROP TRIGGER IF EXISTS "Lead_search_update";
DROP TRIGGER IF EXISTS "Lead_search_delete";
DROP TABLE IF EXISTS "LeadSearch";

CREATE VIRTUAL TABLE "LeadSearch" USING fts5(id UNINDEXED, "name", "street", "city", "zip", "phone", "email", "apn", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');

INSERT INTO "LeadSearch" (rowid, id, "name", "street", "city", "zip", "phone", "email", "apn") SELECT l.rowid, l.id, l."sellerName", l."street", l."city", l."zip", replace(replace(replace(replace(replace(replace(replace(coalesce(l."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(l."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(l."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), coalesce(l."sellerEmail", ''), trim(coalesce(l."apn", '') || ' ' || replace(replace(replace(replace(coalesce(l."apn", ''), ' ', ''), '-', ''), '.', ''), '/', '')) FROM "Lead" l;

CREATE TRIGGER "Lead_search_insert" AFTER INSERT ON "Lead" BEGIN
  INSERT INTO "LeadSearch" (rowid, id, "name", "street", "city", "zip", "phone", "email", "apn") VALUES (new.rowid, new.id, new."sellerName", new."street", new."city", new."zip", replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), coalesce(new."sellerEmail", ''), trim(coalesce(new."apn", '') || ' ' || replace(replace(replace(replace(coalesce(new."apn", ''), ' ', ''), '-', ''), '.', ''), '/', '')));
END;
CREATE TRIGGER "Lead_search_update" AFTER UPDATE OF "sellerName", "street", "city", "zip", "sellerPhone", "sellerEmail", "apn" ON "Lead" BEGIN
  DELETE FROM "LeadSearch" WHERE rowid = old.rowid;
  INSERT INTO "LeadSearch" (rowid, id, "name", "street", "city", "zip", "phone", "email", "apn") VALUES (new.rowid, new.id, new."sellerName", new."street", new."city", new."zip", replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), coalesce(new."sellerEmail", ''), trim(coalesce(new."apn", '') || ' ' || replace(replace(replace(replace(coalesce(new."apn", ''), ' ', ''), '-', ''), '.', ''), '/', '')));
END;
CREATE TRIGGER "Lead_search_delete" AFTER DELETE ON "Lead" BEGIN
  DELETE FROM "LeadSearch" WHERE rowid = old.rowid;
END;
