import { listBuyersQuerySchema } from '../../domain/buyers/buyer.schema';
import { listLeadsQuerySchema } from '../../domain/leads/lead.schema';
import { listOffersQuerySchema } from '../../domain/offers/offer.schema';
import { listTasksQuerySchema } from '../../domain/tasks/task.schema';
import { EVENT_BATCH, entityHistorySql, eventsAfterSql } from '../../db/queries/events';
import { buyerCandidatesSql, leadCandidatesSql } from '../../db/queries/find-matches';
import { segmentSql, type KeysetQuery } from '../../db/queries/keyset-page';
import { buyerListQuery } from '../../db/queries/buyer-list';
import { dealListQuery } from '../../db/queries/deal-list';
import { buyerDuplicatesSql, buyerWithContactKeySql, leadsWithAddressKeysSql, leadWithAddressKeySql } from '../../db/queries/duplicates';
import { leadListQuery } from '../../db/queries/lead-list';
import { offerListQuery } from '../../db/queries/offer-list';
import { callQueueSql } from '../../db/queries/call-queue';
import { dashboardSql } from '../../db/queries/load-dashboard';
import { notificationListSql, unreadNotificationsSql } from '../../db/queries/notification-list';
import { taskListQuery } from '../../db/queries/task-list';
import { Prisma } from '../../prisma/generated/client';
import type { Scope } from '../../domain/analytics/dashboard.schema';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

// The tables that grow with the business; a full scan of one of them is what slows pages down at volume.
const BIG_TABLES = ['Lead', 'Buyer', 'Task', 'Offer', 'Event', 'Deal', 'Note', 'Notification'];

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.close());

async function plan(sql: Prisma.Sql): Promise<string[]> {
  const rows = await testDb.db.$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql.sql}`, ...sql.values);
  return rows.map((row) => row.detail);
}

/** `SCAN Lead` (without an index) is a full table scan; `SCAN Lead USING COVERING INDEX …` reads only an index. */
function fullScans(details: string[]): string[] {
  return details.filter((detail) => {
    const match = /^SCAN (\w+)(?: AS \w+)?(.*)$/.exec(detail);
    return match !== null && BIG_TABLES.includes(match[1]!) && !/USING (COVERING )?INDEX/.test(match[2]!);
  });
}

const now = new Date('2026-11-23T12:00:00Z');
const range = (scope: Scope) => ({ scope, userId: 'u1', from: new Date('2026-10-24T12:00:00Z'), to: now, dayStart: new Date('2026-11-23T05:00:00Z'), now });

const buyBox = { markets: ['Dayton'], propertyTypes: ['SFR'], minPrice: 50_000, maxPrice: 150_000, minBeds: 2, minBaths: 1, maxRepair: 40_000, cashBuyer: true, proofOfFundsVerified: true };

// The other hot queries, the statements db/queries sends.
const HOT_QUERIES: Array<[string, Prisma.Sql]> = [
  ['lead matches: buyer candidates by market', buyerCandidatesSql({ city: 'Dayton', zip: '45402', beds: 3, baths: 2, repairEstimate: 20_000 }, 90_000, 'sqlite')],
  ['lead matches: buyer candidates of a lead without facts or price', buyerCandidatesSql({ city: 'Dayton', zip: '45402', beds: null, baths: null, repairEstimate: null }, null, 'sqlite')],
  ['buyer matches: lead candidates by city', leadCandidatesSql(buyBox, 'sqlite')],
  ['buyer matches: lead candidates by city, ZIP or ZIP+4', leadCandidatesSql({ ...buyBox, markets: ['Dayton', '45402'] }, 'sqlite')],
  ['buyer matches: lead candidates of a buyer in every market', leadCandidatesSql({ ...buyBox, markets: [], propertyTypes: [] }, 'sqlite')],
  ['events after an id (SSE)', eventsAfterSql(10, undefined, EVENT_BATCH)],
  ['events after an id, up to the last one streamed (SSE replay)', eventsAfterSql(10, 900, EVENT_BATCH)],
  ["an entity's history", entityHistorySql('lead', 'l1')],
  ['my newest notifications', notificationListSql('u1', 20)],
  ['my unread notifications', unreadNotificationsSql('u1')],
];

const OPEN = 'CREATED,ASSIGNED,IN_PROGRESS,PENDING_REVIEW';
const clock = { now, dayStart: new Date('2026-11-23T05:00:00Z') };
const tasks = (query: Record<string, string>) => taskListQuery(listTasksQuerySchema.parse(query), 'u1', clock);

/** The lists pages ask for; `inOrder`: the index gives the rows in list order, so no page sorts every match. */
const LISTS: Array<[string, KeysetQuery, { inOrder: boolean }]> = [
  ['leads, newest first', leadListQuery(listLeadsQuerySchema.parse({})), { inOrder: true }],
  ['leads in a status, newest first', leadListQuery(listLeadsQuerySchema.parse({ status: 'CONTACTED' })), { inOrder: true }],
  ['leads in two statuses, newest first', leadListQuery(listLeadsQuerySchema.parse({ status: 'NEW,CONTACTED' })), { inOrder: true }],
  ["a city's leads in a status, newest first", leadListQuery(listLeadsQuerySchema.parse({ city: 'Dayton', status: 'CONTACTED' })), { inOrder: true }],
  ["a city's leads, newest first", leadListQuery(listLeadsQuerySchema.parse({ city: 'Dayton' })), { inOrder: true }],
  ["an owner's leads, newest first", leadListQuery(listLeadsQuerySchema.parse({ ownerId: 'u1' })), { inOrder: true }],
  ['leads by price, highest first', leadListQuery(listLeadsQuerySchema.parse({ sort: '-askingPrice' })), { inOrder: true }],
  ['leads by price, lowest first', leadListQuery(listLeadsQuerySchema.parse({ sort: 'askingPrice' })), { inOrder: true }],
  ['leads by seller', leadListQuery(listLeadsQuerySchema.parse({ sort: 'sellerName' })), { inOrder: true }],
  ['leads by next follow-up, latest first', leadListQuery(listLeadsQuerySchema.parse({ sort: '-nextFollowUpAt' })), { inOrder: true }],
  ["a city's leads by price", leadListQuery(listLeadsQuerySchema.parse({ city: 'Dayton', sort: 'askingPrice' })), { inOrder: false }],
  ['leads found by text', leadListQuery(listLeadsQuerySchema.parse({ q: 'oak' })), { inOrder: true }],
  ['my open tasks by due date', tasks({ view: 'mine', status: OPEN }), { inOrder: true }],
  ['my open tasks by priority', tasks({ view: 'mine', status: OPEN, sort: 'priority' }), { inOrder: true }],
  ['my tasks of every status by priority', tasks({ view: 'mine', sort: 'priority' }), { inOrder: true }],
  ["the team's open tasks by due date", tasks({ view: 'team', status: OPEN }), { inOrder: true }],
  ["the team's open tasks by priority", tasks({ view: 'team', status: OPEN, sort: 'priority' }), { inOrder: true }],
  ["the team's open tasks, newest first", tasks({ view: 'team', status: OPEN, sort: '-createdAt' }), { inOrder: true }],
  ["the team's overdue tasks", tasks({ view: 'team', due: 'overdue' }), { inOrder: true }],
  ['my tasks due today', tasks({ view: 'mine', due: 'today', status: OPEN }), { inOrder: true }],
  ['the review queue', tasks({ view: 'review' }), { inOrder: true }],
  ['live buyers, newest first', buyerListQuery(listBuyersQuerySchema.parse({})), { inOrder: true }],
  ['live buyers by name', buyerListQuery(listBuyersQuerySchema.parse({ sort: 'name' })), { inOrder: true }],
  ['live buyers by top price, highest first', buyerListQuery(listBuyersQuerySchema.parse({ sort: '-maxPrice' })), { inOrder: true }],
  ['live cash buyers in a status, newest first', buyerListQuery(listBuyersQuerySchema.parse({ status: 'ACTIVE', cash: 'true' })), { inOrder: true }],
  ["a market's buyers, newest first", buyerListQuery(listBuyersQuerySchema.parse({ market: 'Dayton' })), { inOrder: false }],
  ['live offers, newest first', offerListQuery(listOffersQuerySchema.parse({})), { inOrder: true }],
  ['live offers in a status, newest first', offerListQuery(listOffersQuerySchema.parse({ status: 'SENT' })), { inOrder: true }],
  ["a buyer's offers", offerListQuery(listOffersQuerySchema.parse({ buyerId: 'b1' })), { inOrder: false }],
  ['deals, newest first', dealListQuery({ limit: 50 }), { inOrder: true }],
  ['open deals, newest first', dealListQuery({ closed: false, limit: 50 }), { inOrder: true }],
  ['closed deals, newest first', dealListQuery({ closed: true, limit: 50 }), { inOrder: true }],
  ["a lead's open tasks", tasks({ leadId: 'l1', status: OPEN }), { inOrder: false }],
];

/** Every query a page of the list can send: each segment, from the top and after a cursor. */
function pageQueries(query: KeysetQuery): Prisma.Sql[] {
  return query.segments.flatMap((_segment, index) => [segmentSql(query, index, undefined, 51, 'sqlite'), segmentSql(query, index, 'c1', 51, 'sqlite')]);
}

describe('query plans of the hot queries', () => {
  it.each(LISTS)('%s: every page reads through an index', async (_name, query, { inOrder }) => {
    for (const sql of pageQueries(query)) {
      const details = await plan(sql);
      expect({ sql: sql.sql, scans: fullScans(details) }).toEqual({ sql: sql.sql, scans: [] });
      if (inOrder) expect({ sql: sql.sql, details }).toEqual({ sql: sql.sql, details: expect.not.arrayContaining(['USE TEMP B-TREE FOR ORDER BY']) });
    }
  });

  it.each(HOT_QUERIES)('%s reads through an index', async (_name, sql) => {
    expect(fullScans(await plan(sql))).toEqual([]);
  });

  // An index walk can still visit every row (the newest leads first, testing each one's market): matching must start from the market.
  it.each([HOT_QUERIES[0]!, HOT_QUERIES[1]!, HOT_QUERIES[2]!, HOT_QUERIES[3]!])('%s starts from the markets\' rows', async (_name, sql) => {
    const firstRead = (await plan(sql)).find((detail) => /^(SEARCH|SCAN) /.test(detail));
    expect(firstRead).toMatch(/^SEARCH (BuyerMarket USING INDEX BuyerMarket_market_idx|Lead USING INDEX Lead_(city_lower|zip)_idx)/);
  });

  it.each(['me', 'team', 'everyone'] as const)('every dashboard query for scope %s reads through an index', async (scope) => {
    for (const sql of dashboardSql(range(scope), 'sqlite')) {
      const details = await plan(sql);
      expect({ sql: sql.sql.replace(/\s+/g, ' ').slice(0, 120), scans: fullScans(details) }).toEqual({ sql: expect.any(String), scans: [] });
    }
  });

  // An agent may own thousands of open leads: each run of their call queue starts from their rows of an owner index.
  const queueRuns = callQueueSql({ ownerId: 'u1', now, contactMs: 3_600_000, limit: 50 }, 'sqlite');
  it.each([
    ['overdue contacts, oldest first', queueRuns[0]!, { inOrder: false }],
    ['follow-ups due, earliest first', queueRuns[1]!, { inOrder: true }],
    ['the best scores', queueRuns[2]!, { inOrder: true }],
  ])("an owner's call queue, %s: reads the owner's rows of an index, never the whole Lead table", async (_name, sql, { inOrder }) => {
    const details = await plan(sql);
    expect({ details, scans: fullScans(details) }).toEqual({ details, scans: [] });
    expect(details).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH Lead USING (COVERING )?INDEX Lead_ownerId_\w+ \(ownerId=\?/)]));
    if (inOrder) expect(details).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  // Creating a lead or buyer (and each imported row) asks whether its key exists: the planner walked every live row oldest first.
  it.each([
    ['a live lead with an address key', leadWithAddressKeySql('1 oak st|45402', 'sqlite'), 'SEARCH Lead USING INDEX Lead_addressKey_idx (addressKey=?)'],
    ['a live buyer with a contact key', buyerWithContactKeySql('email:dana@example.com', 'sqlite'), 'SEARCH Buyer USING INDEX Buyer_contactKey_idx (contactKey=?)'],
    ["the live leads with an import chunk's address keys", leadsWithAddressKeysSql(['1 oak st|45402', '2 elm st|45402'], 'sqlite'), 'SEARCH Lead USING INDEX Lead_addressKey_idx (addressKey=?)'],
  ])('%s is read from the key index', async (_name, sql, read) => {
    expect((await plan(sql)).find((detail) => /^(SEARCH|SCAN) /.test(detail))).toBe(read);
  });

  it("a buyer's possible duplicates read each way of matching from its own index, never every live buyer", async () => {
    const details = await plan(buyerDuplicatesSql({ id: 'b1', contactKey: 'email:dana@example.com', email: 'Dana@Example.com', phone: '(937) 555-0101' }, 'sqlite')!);
    const reads = details.filter((detail) => /^(SEARCH|SCAN) /.test(detail));
    expect(reads).toEqual([
      'SEARCH Buyer USING INDEX Buyer_contactKey_idx (contactKey=?)',
      'SEARCH Buyer USING INDEX Buyer_email_lower_idx (<expr>=?)',
      'SEARCH Buyer USING INDEX Buyer_phone_digits_idx (<expr>=?)',
      'SCAN m',
      'SEARCH b USING INDEX sqlite_autoindex_Buyer_1 (id=?)',
    ]);
  });

  it('catches a full scan when there is one', async () => {
    expect(fullScans(await plan(Prisma.sql`SELECT * FROM "Lead" WHERE "sellerEmail" LIKE '%x%'`))).toEqual(['SCAN Lead']);
  });
});
