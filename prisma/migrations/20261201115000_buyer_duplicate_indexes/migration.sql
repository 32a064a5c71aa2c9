-- Finding a buyer entered twice (GET /api/buyers/:id/duplicates) looks a buyer up by e-mail and by
-- phone digits as well as by contact key: these index the expressions db/queries/duplicates.ts
-- writes (SQLite uses an expression index only for the same expression), so each lookup reads its
-- own rows instead of every live buyer. Prisma's schema cannot declare expression indexes.
CREATE INDEX "Buyer_email_lower_idx" ON "Buyer"(LOWER(TRIM("email")));
CREATE INDEX "Buyer_phone_digits_idx" ON "Buyer"(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("phone", '(', ''), ')', ''), '-', ''), ' ', ''), '.', ''), '+', ''));
