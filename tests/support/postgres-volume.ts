import type { Db } from '../../db/client';

/**
 * Fills a PostgreSQL test database with a team and the big tables at a volume where the planner's
 * choices are the ones production gets (tiny tables are read whole whatever the indexes), then
 * ANALYZEs them. Straight `generate_series` SQL: the rows are spread like the volume seed's
 * (statuses, cities, owners, two years of dates, a few archived), not realistic in their text.
 */
export async function seedPostgresVolume(db: Db, scale: { leads: number }): Promise<void> {
  const leads = scale.leads;
  const statements = [
    `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt")
       SELECT 'u' || n, 'user' || n || '@example.com', 'User ' || n, (ARRAY['AGENT','AGENT','AGENT','ACQUISITIONS','SUPERVISOR','ADMIN'])[1 + n % 6], '', now()
       FROM generate_series(1, 12) AS n`,
    `INSERT INTO "Lead" ("id", "sellerName", "sellerPhone", "street", "city", "state", "zip", "propertyType", "beds", "baths", "askingPrice", "arv", "repairEstimate",
                         "source", "status", "contactedAt", "nextFollowUpAt", "ownerId", "archivedAt", "addressKey", "workflowStartedAt", "createdAt", "updatedAt", "score")
       SELECT 'l' || n, 'Seller ' || n, '(937) 555-' || lpad((n % 10000)::text, 4, '0'), n || ' Oak St',
              (ARRAY['Dayton','Columbus','Cincinnati','Toledo','Akron','Kettering','Springfield','Xenia','Fairborn','Beavercreek'])[1 + n % 10], 'OH', (45400 + n % 90)::text,
              (ARRAY['SFR','SFR','SFR','MULTI_FAMILY','CONDO','TOWNHOUSE','LAND'])[1 + n % 7], 1 + n % 5, 1 + (n % 3), 40000 + (n * 37) % 260000, 90000 + (n * 53) % 300000, (n * 11) % 60000,
              (ARRAY['DIRECT_MAIL','COLD_CALL','PPC','SEO','REFERRAL','DRIVING_FOR_DOLLARS','LIST_IMPORT','OTHER'])[1 + n % 8], s.status,
              CASE WHEN s.status <> 'NEW' THEN now() - (n % 700) * interval '1 day' END,
              CASE WHEN s.status = 'CONTACTED' THEN now() + (n % 20 - 5) * interval '1 day' END,
              'u' || (1 + n % 12), CASE WHEN n % 31 = 0 THEN now() END, n || ' oak st|' || (45400 + n % 90), now(),
              now() - (${leads} - n) * (interval '730 days' / ${leads}), now(), (n * 7) % 101
       FROM generate_series(1, ${leads}) AS n,
            LATERAL (SELECT (ARRAY['NEW','NEW','CONTACTED','CONTACTED','CONTACTED','QUALIFIED','OFFER_MADE','UNDER_CONTRACT','CLOSED','CLOSED','DEAD','DEAD','DEAD'])[1 + (n * 7) % 13] AS status) AS s`,
    `INSERT INTO "Buyer" ("id", "name", "email", "phone", "status", "cashBuyer", "proofOfFundsAmount", "markets", "propertyTypes", "minPrice", "maxPrice", "minBeds", "minBaths", "maxRepair",
                          "contactKey", "archivedAt", "workflowStartedAt", "createdAt", "updatedAt")
       SELECT 'b' || n, 'Buyer ' || n, 'buyer' || n || '@example.com', '(614) 555-' || lpad((n % 10000)::text, 4, '0'), (ARRAY['NEW','ACTIVE','ACTIVE','INACTIVE'])[1 + n % 4], n % 3 <> 0,
              100000 + (n * 97) % 900000, CASE WHEN n % 50 = 0 THEN '[]' ELSE '["' || (ARRAY['Dayton','Columbus','Cincinnati','Toledo','Akron','Kettering','Springfield','Xenia','Fairborn','Beavercreek'])[1 + (n / 7) % 10] || '","' || (45400 + n % 90) || '"]' END, '["SFR"]', 30000 + (n * 13) % 50000, 120000 + (n * 29) % 200000, 1 + n % 3, 1, 20000 + (n * 7) % 60000,
              'email:buyer' || n || '@example.com', CASE WHEN n % 29 = 0 THEN now() END, now(), now() - (${leads / 5} - n) * (interval '730 days' / ${leads / 5}), now()
       FROM generate_series(1, ${leads / 5}) AS n`,
    `INSERT INTO "BuyerMarket" ("buyerId", "market", "propertyType")
       SELECT "id", lower(m.value), t.value FROM "Buyer",
              LATERAL json_array_elements_text(CASE WHEN "markets" = '[]' THEN '["*"]' ELSE "markets" END::json) AS m(value),
              LATERAL json_array_elements_text("propertyTypes"::json) AS t(value)`,
    `INSERT INTO "Task" ("id", "title", "type", "priority", "status", "dueAt", "overdue", "assigneeId", "createdById", "leadId", "completedAt", "workflowStartedAt", "createdAt", "updatedAt")
       SELECT 't' || n, 'Task ' || n, (ARRAY['LEAD','FOLLOW_UP','BUYER','OFFER','ADMIN'])[1 + n % 5], (ARRAY['HIGH','MEDIUM','MEDIUM','LOW'])[1 + n % 4], s.status,
              now() + ((n % 120) - 60) * interval '1 day', s.status <> 'COMPLETED' AND s.status <> 'CANCELLED' AND n % 120 < 55, 'u' || (1 + n % 12), 'u' || (1 + (n + 3) % 12),
              'l' || (1 + n % ${leads}), CASE WHEN s.status = 'COMPLETED' THEN now() - (n % 700) * interval '1 day' END, now(),
              now() - (${leads * 3} - n) * (interval '730 days' / ${leads * 3}), now()
       FROM generate_series(1, ${leads * 3}) AS n,
            LATERAL (SELECT (ARRAY['COMPLETED','COMPLETED','COMPLETED','COMPLETED','CANCELLED','ASSIGNED','IN_PROGRESS','PENDING_REVIEW','CREATED'])[1 + n % 9] AS status) AS s`,
    `INSERT INTO "Offer" ("id", "leadId", "buyerId", "kind", "amount", "status", "createdById", "archivedAt", "workflowStartedAt", "createdAt", "updatedAt")
       SELECT 'o' || n, 'l' || (1 + (n * 13) % ${leads}), CASE WHEN n % 2 = 0 THEN 'b' || (1 + n % ${leads / 5}) END, CASE WHEN n % 2 = 0 THEN 'BUYER' ELSE 'PURCHASE' END,
              50000 + (n * 31) % 200000, (ARRAY['DRAFT','SENT','COUNTERED','ACCEPTED','REJECTED','WITHDRAWN','EXPIRED'])[1 + n % 7], 'u' || (1 + n % 12),
              CASE WHEN n % 37 = 0 THEN now() END, now(), now() - (${leads / 5} - n) * (interval '730 days' / ${leads / 5}), now()
       FROM generate_series(1, ${leads / 5}) AS n`,
    `INSERT INTO "Deal" ("id", "leadId", "buyerId", "purchasePrice", "salePrice", "assignmentFee", "closedAt", "createdAt", "updatedAt")
       SELECT 'd' || n, 'l' || (n * 10), 'b' || (1 + n % ${leads / 5}), 80000, 95000, 15000, CASE WHEN n % 3 <> 0 THEN now() - (n % 700) * interval '1 day' END,
              now() - (${leads / 10} - n) * (interval '730 days' / ${leads / 10}), now()
       FROM generate_series(1, ${leads / 10}) AS n`,
    `INSERT INTO "Note" ("id", "body", "authorId", "leadId", "createdAt")
       SELECT 'n' || n, 'Called, left a message', 'u' || (1 + n % 12), 'l' || (1 + n % ${leads}), now() - (n % 700) * interval '1 day'
       FROM generate_series(1, ${leads}) AS n`,
    `INSERT INTO "Notification" ("id", "recipientId", "kind", "title", "body", "readAt", "createdAt")
       SELECT 'nt' || n, 'u' || (1 + n % 12), 'TASK_ASSIGNED', 'New task', 'A task for you', CASE WHEN n % 4 <> 0 THEN now() END, now() - (n % 700) * interval '1 day'
       FROM generate_series(1, ${leads}) AS n`,
    `INSERT INTO "Event" ("createdAt", "actorId", "entityType", "entityId", "action", "payload")
       SELECT now() - (${leads * 3} - n) * (interval '730 days' / ${leads * 3}), 'u' || (1 + n % 12), (ARRAY['lead','task','task','buyer','offer'])[1 + n % 5],
              (ARRAY['l','t','t','b','o'])[1 + n % 5] || (1 + n % ${leads / 5}), (ARRAY['created','updated','status_changed'])[1 + n % 3], '{}'
       FROM generate_series(1, ${leads * 3}) AS n`,
    'VACUUM ANALYZE',
  ];
  for (const statement of statements) await db.$executeRawUnsafe(statement);
}
