-- Find anything (GET /api/search): one FTS5 index per searchable table, its rowid the row's rowid.
-- Triggers keep each index in the same transaction as the row it indexes, whatever wrote the row
-- (API, activities, imports, seeds). Phones are indexed as digits: all of them, the last 10 and the
-- last 7, so "(937) 555-0100", "9375550100" and "555-0100" all find a lead.
-- A migration that redefines "Lead", "Buyer" or "Task" (CREATE new_… / DROP / RENAME) drops these
-- triggers: it must create them again and rebuild the index (tests/db/search-index.test.ts checks).
CREATE VIRTUAL TABLE "LeadSearch" USING fts5(id UNINDEXED, "name", "street", "city", "zip", "phone", "email", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
CREATE VIRTUAL TABLE "BuyerSearch" USING fts5(id UNINDEXED, "name", "company", "email", "phone", "markets", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
CREATE VIRTUAL TABLE "TaskSearch" USING fts5(id UNINDEXED, "title", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');

INSERT INTO "LeadSearch" (rowid, id, "name", "street", "city", "zip", "phone", "email") SELECT l.rowid, l.id, l."sellerName", l."street", l."city", l."zip", replace(replace(replace(replace(replace(replace(replace(coalesce(l."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(l."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(l."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), coalesce(l."sellerEmail", '') FROM "Lead" l;
INSERT INTO "BuyerSearch" (rowid, id, "name", "company", "email", "phone", "markets") SELECT b.rowid, b.id, b."name", coalesce(b."company", ''), coalesce(b."email", ''), replace(replace(replace(replace(replace(replace(replace(coalesce(b."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(b."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(b."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), replace(replace(replace(replace(b."markets", '[', ''), ']', ''), '"', ''), ',', ', ') FROM "Buyer" b;
INSERT INTO "TaskSearch" (rowid, id, "title") SELECT t.rowid, t.id, t."title" FROM "Task" t;

CREATE TRIGGER "Lead_search_insert" AFTER INSERT ON "Lead" BEGIN
  INSERT INTO "LeadSearch" (rowid, id, "name", "street", "city", "zip", "phone", "email") VALUES (new.rowid, new.id, new."sellerName", new."street", new."city", new."zip", replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), coalesce(new."sellerEmail", ''));
END;
CREATE TRIGGER "Lead_search_update" AFTER UPDATE OF "sellerName", "street", "city", "zip", "sellerPhone", "sellerEmail" ON "Lead" BEGIN
  DELETE FROM "LeadSearch" WHERE rowid = old.rowid;
  INSERT INTO "LeadSearch" (rowid, id, "name", "street", "city", "zip", "phone", "email") VALUES (new.rowid, new.id, new."sellerName", new."street", new."city", new."zip", replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."sellerPhone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), coalesce(new."sellerEmail", ''));
END;
CREATE TRIGGER "Lead_search_delete" AFTER DELETE ON "Lead" BEGIN
  DELETE FROM "LeadSearch" WHERE rowid = old.rowid;
END;

CREATE TRIGGER "Buyer_search_insert" AFTER INSERT ON "Buyer" BEGIN
  INSERT INTO "BuyerSearch" (rowid, id, "name", "company", "email", "phone", "markets") VALUES (new.rowid, new.id, new."name", coalesce(new."company", ''), coalesce(new."email", ''), replace(replace(replace(replace(replace(replace(replace(coalesce(new."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), replace(replace(replace(replace(new."markets", '[', ''), ']', ''), '"', ''), ',', ', '));
END;
CREATE TRIGGER "Buyer_search_update" AFTER UPDATE OF "name", "company", "email", "phone", "markets" ON "Buyer" BEGIN
  DELETE FROM "BuyerSearch" WHERE rowid = old.rowid;
  INSERT INTO "BuyerSearch" (rowid, id, "name", "company", "email", "phone", "markets") VALUES (new.rowid, new.id, new."name", coalesce(new."company", ''), coalesce(new."email", ''), replace(replace(replace(replace(replace(replace(replace(coalesce(new."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', '') || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -10) || ' ' || substr(replace(replace(replace(replace(replace(replace(replace(coalesce(new."phone", ''), ' ', ''), '(', ''), ')', ''), '-', ''), '.', ''), '+', ''), '/', ''), -7), replace(replace(replace(replace(new."markets", '[', ''), ']', ''), '"', ''), ',', ', '));
END;
CREATE TRIGGER "Buyer_search_delete" AFTER DELETE ON "Buyer" BEGIN
  DELETE FROM "BuyerSearch" WHERE rowid = old.rowid;
END;

CREATE TRIGGER "Task_search_insert" AFTER INSERT ON "Task" BEGIN
  INSERT INTO "TaskSearch" (rowid, id, "title") VALUES (new.rowid, new.id, new."title");
END;
CREATE TRIGGER "Task_search_update" AFTER UPDATE OF "title" ON "Task" BEGIN
  DELETE FROM "TaskSearch" WHERE rowid = old.rowid;
  INSERT INTO "TaskSearch" (rowid, id, "title") VALUES (new.rowid, new.id, new."title");
END;
CREATE TRIGGER "Task_search_delete" AFTER DELETE ON "Task" BEGIN
  DELETE FROM "TaskSearch" WHERE rowid = old.rowid;
END;
