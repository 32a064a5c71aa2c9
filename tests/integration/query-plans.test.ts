import { listBuyersQuerySchema } from '../../domain/buyers/buyer.schema';
import { listLeadsQuerySchema } from '../../domain/leads/lead.schema';
import { listOffersQuerySchema } from '../../domain/offers/offer.schema';
import { listTasksQuerySchema } from '../../domain/tasks/task.schema';
import { EVENT_BATCH, entityHistorySql, eventsAfterSql } from '../../db/queries/events';
import { buyerCandidatesSql, leadCandidatesRead } from '../../db/queries/find-matches';
import { pricedLeadColumns } from '../../api/leads/priced-lead-json';
import { BUYER_MATCH_LEAD_FIELDS } from '../../domain/buyers/match-fields';
import { segmentSql, type KeysetQuery } from '../../db/queries/keyset-page';
import { buyerListQuery } from '../../db/queries/buyer-list';
import { dealListQuery } from '../../db/queries/deal-list';
import { buyerDuplicatesSql, buyerWithContactKeySql, leadDuplicatesSql, leadsWithAddressKeysSql, leadWithAddressKeySql } from '../../db/queries/duplicates';
import { leadListQuery } from '../../db/queries/lead-list';
import { offerListQuery } from '../../db/queries/offer-list';
import { callQueueRunSql, callQueueSql } from '../../db/queries/call-queue';
import { analyticsSql } from '../../db/queries/load-analytics';
import { dashboardSql } from '../../db/queries/load-dashboard';
import { notificationListSql, unreadNotificationsSql } from '../../db/queries/notification-list';
import { taskListQuery } from '../../db/queries/task-list';
import { buyerSearchSql, leadSearchSql, taskSearchSql, type SearchOptions } from '../../db/queries/search-records';
import { matchingTasksSql, taskHitsSql } from '../../db/queries/search-postgres';
import { buildMatchExpression } from '../../domain/search/match-expression';
import { Prisma } from '../../prisma/generated/client';
import type { Scope } from '../../domain/analytics/dashboard.schema';
import { seedPostgresVolume } from '../support/postgres-volume';
import { testsUsePostgres } from '../support/postgres';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

// The tables that grow with the business; a full scan of one of them is what slows pages down at volume.
const BIG_TABLES = ['Lead', 'Buyer', 'Task', 'Offer', 'Event', 'Deal', 'Note', 'Notification'];

// On PostgreSQL the twin of this test: the same queries at volume (the planner reads a small table whole, rightly).
const dialect = testsUsePostgres() ? 'postgres' : 'sqlite';
const POSTGRES_LEADS = 50_000;

let testDb: TestDb;
// Seeding 50,000 leads is set-up, not a measure: on a CI machine busy with other builds it took over 3 minutes.
beforeAll(async () => {
  testDb = await createTestDb();
  if (dialect === 'postgres') await seedPostgresVolume(testDb.db, { leads: POSTGRES_LEADS });
}, 600_000);
afterAll(() => testDb?.close());

/** SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's EXPLAIN lines. */
async function plan(sql: Prisma.Sql): Promise<string[]> {
  if (dialect === 'postgres') {
    const rows = await testDb.db.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN (COSTS OFF) ${sql.text}`, ...sql.values);
    return rows.map((row) => row['QUERY PLAN'].trim().replace(/^->\s+/, ''));
  }
  const rows = await testDb.db.$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql.sql}`, ...sql.values);
  return rows.map((row) => row.detail);
}

/**
 * The reads of a whole big table: SQLite's `SCAN Lead` without an index (`SCAN Lead USING COVERING
 * INDEX …` reads only an index), PostgreSQL's `Seq Scan on "Lead"`.
 */
function fullScans(details: string[]): string[] {
  return details.filter((detail) => {
    const match = dialect === 'postgres' ? /Seq Scan on "?(\w+)"?()/.exec(detail) : /^SCAN (\w+)(?: AS \w+)?(.*)$/.exec(detail);
    return match !== null && BIG_TABLES.includes(match[1]!) && !/USING (COVERING )?INDEX/.test(match[2]!);
  });
}

/** Whether the plan sorts the rows itself instead of reading them in order from an index. */
// PostgreSQL's Incremental Sort reads the index in order and sorts only rows of one equal key (an id tie-break): no full sort.
const sortsRows = (details: string[]): boolean => details.some((detail) => (dialect === 'postgres' ? detail === 'Sort' : detail === 'USE TEMP B-TREE FOR ORDER BY'));

const now = new Date('2026-11-23T12:00:00Z');
const range = (scope: Scope) => ({ scope, userId: 'u1', from: new Date('2026-10-24T12:00:00Z'), to: now, dayStart: new Date('2026-11-23T05:00:00Z'), now });

const buyBox = { markets: ['Dayton'], propertyTypes: ['SFR'], minPrice: 50_000, maxPrice: 150_000, minBeds: 2, minBaths: 1, maxRepair: 40_000, cashBuyer: true, proofOfFundsVerified: true };

// The other hot queries, the statements db/queries sends.
const HOT_QUERIES: Array<[string, Prisma.Sql]> = [
  ['lead matches: buyer candidates by market', buyerCandidatesSql({ city: 'Dayton', zip: '45402', propertyType: 'SFR', beds: 3, baths: 2, repairEstimate: 20_000 }, 90_000, dialect)],
  ['lead matches: buyer candidates of a lead without facts or price', buyerCandidatesSql({ city: 'Dayton', zip: '45402', propertyType: 'LAND', beds: null, baths: null, repairEstimate: null }, null, dialect)],
  ['buyer matches: lead candidates by city', leadCandidatesRead(buyBox, dialect).sql],
  ['buyer matches: lead candidates by city, ZIP or ZIP+4', leadCandidatesRead({ ...buyBox, markets: ['Dayton', '45402'] }, dialect).sql],
  ['buyer matches: lead candidates of a buyer in every market', leadCandidatesRead({ ...buyBox, markets: [], propertyTypes: [] }, dialect).sql],
  ['buyer matches: lead candidates in City, ST markets of two types', leadCandidatesRead({ ...buyBox, markets: ['Dayton, OH', 'Akron, OH'], propertyTypes: ['SFR', 'CONDO'] }, dialect).sql],
  ['events after an id (SSE)', eventsAfterSql(10, undefined, EVENT_BATCH)],
  ['events after an id, up to the last one streamed (SSE replay)', eventsAfterSql(10, 900, EVENT_BATCH)],
  ["an entity's history", entityHistorySql('lead', 'l1')],
  ['my newest notifications', notificationListSql('u1', 20)],
  ['my unread notifications', unreadNotificationsSql('u1')],
];

const OPEN = 'CREATED,ASSIGNED,IN_PROGRESS,PENDING_REVIEW';
const clock = { now, dayStart: new Date('2026-11-23T05:00:00Z') };
const tasks = (query: Record<string, string>) => taskListQuery(listTasksQuerySchema.parse(query), 'u1', clock, dialect);

/** The lists pages ask for; `inOrder`: the index gives the rows in list order, so no page sorts every match. */
const LISTS: Array<[string, KeysetQuery, { inOrder: boolean }]> = [
  ['leads, newest first', leadListQuery(listLeadsQuerySchema.parse({}), dialect), { inOrder: true }],
  ['leads in a status, newest first', leadListQuery(listLeadsQuerySchema.parse({ status: 'CONTACTED' }), dialect), { inOrder: true }],
  ['leads in two statuses, newest first', leadListQuery(listLeadsQuerySchema.parse({ status: 'NEW,CONTACTED' }), dialect), { inOrder: true }],
  ["a city's leads in a status, newest first", leadListQuery(listLeadsQuerySchema.parse({ city: 'Dayton', status: 'CONTACTED' }), dialect), { inOrder: true }],
  ["a city's leads, newest first", leadListQuery(listLeadsQuerySchema.parse({ city: 'Dayton' }), dialect), { inOrder: true }],
  ["an owner's leads, newest first", leadListQuery(listLeadsQuerySchema.parse({ ownerId: 'u1' }), dialect), { inOrder: true }],
  ['leads by price, highest first', leadListQuery(listLeadsQuerySchema.parse({ sort: '-askingPrice' }), dialect), { inOrder: true }],
  ['leads by price, lowest first', leadListQuery(listLeadsQuerySchema.parse({ sort: 'askingPrice' }), dialect), { inOrder: true }],
  ['leads by seller', leadListQuery(listLeadsQuerySchema.parse({ sort: 'sellerName' }), dialect), { inOrder: true }],
  ['leads by next follow-up, latest first', leadListQuery(listLeadsQuerySchema.parse({ sort: '-nextFollowUpAt' }), dialect), { inOrder: true }],
  ["a city's leads by price", leadListQuery(listLeadsQuerySchema.parse({ city: 'Dayton', sort: 'askingPrice' }), dialect), { inOrder: false }],
  ['leads found by text', leadListQuery(listLeadsQuerySchema.parse({ q: 'oak' }), dialect), { inOrder: true }],
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
  return query.segments.flatMap((_segment, index) => [segmentSql(query, index, undefined, 51, dialect), segmentSql(query, index, 'c1', 51, dialect)]);
}

/** The indexes a plan reads, in plan order: SQLite's `… USING [COVERING] INDEX name`, PostgreSQL's index, index-only and bitmap index scans. */
function indexesRead(details: string[]): string[] {
  const pattern = dialect === 'postgres' ? /(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) "?(\w+)"?/ : /^(?:SEARCH|SCAN) \w+ USING (?:COVERING )?INDEX (\w+)/;
  return details.flatMap((detail) => pattern.exec(detail)?.[1] ?? []);
}

describe(`query plans of the hot queries (${dialect}${dialect === 'postgres' ? `, ${POSTGRES_LEADS.toLocaleString('en-US')} leads` : ''})`, () => {
  it.each(LISTS)('%s: every page reads through an index', async (_name, query, { inOrder }) => {
    for (const sql of pageQueries(query)) {
      const details = await plan(sql);
      expect({ sql: sql.sql, scans: fullScans(details) }).toEqual({ sql: sql.sql, scans: [] });
      // PostgreSQL sorts what its statistics say are few rows (a day's tasks, leads without a price), rightly: the order is SQLite's check.
      if (inOrder && dialect === 'sqlite') expect({ sql: sql.sql, details, sorts: sortsRows(details) }).toEqual({ sql: sql.sql, details, sorts: false });
    }
  });

  it.each(HOT_QUERIES)('%s reads through an index', async (_name, sql) => {
    const details = await plan(sql);
    expect({ details, scans: fullScans(details) }).toEqual({ details, scans: [] });
  });

  // An index walk can still visit every row (the newest leads first, testing each one's market): matching must start from the market.
  it.each([HOT_QUERIES[0]!, HOT_QUERIES[1]!, HOT_QUERIES[2]!, HOT_QUERIES[3]!])("%s starts from the markets' rows", async (_name, sql) => {
    const details = await plan(sql);
    // PostgreSQL's plan is a tree: its market index may be any of the reads, as long as nothing reads a whole table.
    const reads = dialect === 'postgres' ? indexesRead(details) : indexesRead(details).slice(0, 1);
    expect({ details, marketRead: reads.some((name) => /^(BuyerMarket_match_idx|Lead_(zip|match_market|match_zip)_idx)$/.test(name)) }).toEqual({ details, marketRead: true });
  });

  if (dialect === 'sqlite') {
    // The merge of the reads stops at the first rows the caller takes: sorting every fitting lead of the markets first was most of a buyer's matching.
    it("a buyer's lead candidates in City, ST markets are read newest first from the market index, a type at a time, without sorting them", async () => {
      const details = await plan(HOT_QUERIES[5]![1]);
      expect({ details, reads: indexesRead(details), sorts: sortsRows(details) }).toEqual({ details, reads: Array(4).fill('Lead_match_market_idx'), sorts: false });
    });

    // The index holds only open, unarchived leads (a partial index, used only when the query spells its WHERE as the index does) and every column the read needs.
    it("a buyer's lead candidates come from the open leads' market index alone, without visiting the Lead rows, with the columns the buyer page shows too", async () => {
      const shown = pricedLeadColumns(BUYER_MATCH_LEAD_FIELDS);
      const cityState = { ...buyBox, markets: ['Dayton, OH', 'Akron, OH'], propertyTypes: ['SFR', 'CONDO'] };
      expect([leadCandidatesRead(buyBox, dialect, shown).carried, leadCandidatesRead(cityState, dialect, shown).carried]).toEqual([true, true]);
      for (const sql of [HOT_QUERIES[2]![1], HOT_QUERIES[5]![1], leadCandidatesRead(buyBox, dialect, shown).sql, leadCandidatesRead(cityState, dialect, shown).sql]) {
        const details = await plan(sql);
        const marketReads = details.filter((detail) => detail.includes('Lead_match_market_idx'));
        expect({ details, covering: marketReads.length > 0 && marketReads.every((detail) => detail.includes('USING COVERING INDEX')) }).toEqual({ details, covering: true });
      }
    });
  }

  it.each(['me', 'team', 'everyone'] as const)('every dashboard query for scope %s reads through an index', async (scope) => {
    for (const sql of dashboardSql(range(scope), dialect)) {
      const details = await plan(sql);
      expect({ sql: sql.sql.replace(/\s+/g, ' ').slice(0, 120), details, scans: fullScans(details) }).toEqual({ sql: expect.any(String), details, scans: [] });
    }
  });

  if (dialect === 'sqlite') {
    // On PostgreSQL the sources table (the range's leads and their deals) hash-joins the whole Deal table, by its statistics.
    it.each(['me', 'team', 'everyone'] as const)('every analytics query for scope %s reads through an index', async (scope) => {
      for (const sql of analyticsSql(range(scope), dialect)) {
        const details = await plan(sql);
        expect({ sql: sql.sql.replace(/\s+/g, ' ').slice(0, 120), details, scans: fullScans(details) }).toEqual({ sql: expect.any(String), details, scans: [] });
      }
    });

    // The team table: each person's deals from one pass over the range's deals, grouped by owner, not a pass per person.
    it.each(['team', 'everyone'] as const)("analytics' team table for scope %s reads the range's deals once", async (scope) => {
      const details = await plan(analyticsSql(range(scope), dialect).find((sql) => sql.sql.includes('AS "tasksCompleted"'))!);
      const dealRead = details.findIndex((detail) => /^SEARCH d USING COVERING INDEX Deal_closedAt_assignmentFee_leadId_idx/.test(detail));
      expect({ details, readBy: details[dealRead - 1] }).toEqual({ details, readBy: expect.stringMatching(/^MATERIALIZE /) });
    });

    // Without statistics SQLite read every live offer's row to test the date of the offers made in
    // the range, and for the team every live lead's row and every team member's leads before their deals.
    it.each((['dashboard', 'analytics'] as const).flatMap((page) => (['me', 'team', 'everyone'] as const).map((scope) => [page, scope] as const)))(
      'the %s for scope %s reads its range and stage queries from the index that answers them',
      async (page, scope) => {
        const queries = page === 'dashboard' ? dashboardSql(range(scope), dialect) : analyticsSql(range(scope), dialect);
        const reads = await Promise.all(
          queries.map(async (sql) => {
            const details = await plan(sql);
            return { sql: sql.sql.replace(/\s+/g, ' '), details, first: indexesRead(details)[0] };
          }),
        );
        const readOf = (pattern: RegExp) => {
          const found = reads.filter((read) => pattern.test(read.sql));
          expect(found.length).toBeGreaterThan(0);
          return found;
        };
        for (const read of readOf(/FROM "Offer".*"createdAt" >= /)) expect(read).toEqual({ ...read, first: 'Offer_createdAt_status_amount_createdById_idx' });
        // A range's deals first, then each one's lead: never every lead of the people in scope first.
        for (const read of readOf(/FROM "Deal" d/)) {
          const dealRead = read.details.findIndex((detail) => /^SEARCH d USING COVERING INDEX Deal_closedAt_assignmentFee_leadId_idx \(closedAt>/.test(detail));
          expect({ read, dealsFirst: dealRead >= 0, thenTheirLead: read.details[dealRead + 1] }).toEqual({ read, dealsFirst: true, thenTheirLead: expect.stringMatching(/^SEARCH l USING (COVERING )?INDEX sqlite_autoindex_Lead_1 \(id=\?\)/) });
        }
        // The open overdue tasks by type: from the index's entries, not each such task's row.
        if (page === 'analytics') for (const read of readOf(/GROUP BY type/)) expect({ read, covering: /USING COVERING INDEX/.test(read.details[0]!) }).toEqual({ read, covering: true });
        // The tasks completed in the range and how many on time: from the index's entries, not each such task's row.
        if (page === 'analytics') for (const read of readOf(/AS "onTime" FROM "Task"/)) expect({ read, covering: /USING COVERING INDEX/.test(read.details[0]!) }).toEqual({ read, covering: true });
        if (page === 'dashboard') {
          for (const read of readOf(/FROM "Lead".*GROUP BY status/)) expect({ read, covering: /USING COVERING INDEX/.test(read.details[0]!) }).toEqual({ read, covering: true });
          if (scope !== 'me') for (const read of readOf(/FROM "Task".*"dueAt" >= .* "dueAt" < /).filter((found) => !found.sql.includes('GROUP BY'))) expect(read).toEqual({ ...read, first: 'Task_dueAt_status_assigneeId_idx' });
        }
      },
    );
  }

  // An agent may own thousands of open leads: each run of their call queue starts from their rows of an owner index.
  const queueQuery = { ownerId: 'u1', now, contactMs: 3_600_000, limit: 50 };
  it.each([
    ['overdue contacts', callQueueRunSql('OVERDUE_CONTACT', queueQuery, dialect), { inOrder: false }],
    ['follow-ups due', callQueueRunSql('FOLLOW_UP_DUE', queueQuery, dialect), { inOrder: false }],
    ['the best scores', callQueueRunSql('BY_SCORE', queueQuery, dialect), { inOrder: true }],
    ['next attempts later', callQueueRunSql('NEXT_ATTEMPT_LATER', queueQuery, dialect), { inOrder: false }],
    ['all four runs as one statement', callQueueSql(queueQuery, dialect), { inOrder: false }],
  ])("an owner's call queue, %s: reads the owner's rows of an index, never the whole Lead table", async (_name, sql, { inOrder }) => {
    const details = await plan(sql);
    expect({ details, scans: fullScans(details), ownerIndex: indexesRead(details).some((name) => name.startsWith('Lead_ownerId_')) }).toEqual({ details, scans: [], ownerIndex: true });
    if (dialect === 'sqlite') expect(details).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH Lead USING (COVERING )?INDEX Lead_ownerId_\w+ \(ownerId=\?/)]));
    if (inOrder) expect({ details, sorts: sortsRows(details) }).toEqual({ details, sorts: false });
  });

  // Creating a lead or buyer (and each imported row) asks whether its key exists: the planner walked every live row oldest first.
  it.each([
    ['a live lead with an address key', leadWithAddressKeySql('1 oak st|45402', dialect), 'Lead_addressKey_idx'],
    ['a live buyer with a contact key', buyerWithContactKeySql('email:dana@example.com', dialect), 'Buyer_contactKey_idx'],
    ["the live leads with an import chunk's address keys", leadsWithAddressKeysSql(['1 oak st|45402', '2 elm st|45402'], dialect), 'Lead_addressKey_idx'],
  ])('%s is read from the key index', async (_name, sql, index) => {
    const details = await plan(sql);
    expect({ details, firstIndex: indexesRead(details)[0], scans: fullScans(details) }).toEqual({ details, firstIndex: index, scans: [] });
  });

  it("a lead's possible duplicates are read from its address key's rows and its ZIP's, never every live lead", async () => {
    const details = await plan(leadDuplicatesSql({ id: 'l1', addressKey: '1 oak st|45402', zip: '45402-1234', sellerPhone: '(937) 555-0101', sellerName: 'Dana  Seller' }, dialect)!);
    expect({ details, scans: fullScans(details) }).toEqual({ details, scans: [] });
    if (dialect === 'sqlite') {
      expect(details.filter((detail) => /^(SEARCH|SCAN) Lead/.test(detail))).toEqual([
        'SEARCH Lead USING INDEX Lead_addressKey_idx (addressKey=?)',
        'SEARCH Lead USING INDEX Lead_match_zip_idx (zip>? AND zip<?)',
      ]);
    }
  });

  it("a buyer's possible duplicates read each way of matching from its own index, never every live buyer", async () => {
    const details = await plan(buyerDuplicatesSql({ id: 'b1', contactKey: 'email:dana@example.com', email: 'Dana@Example.com', phone: '(937) 555-0101' }, dialect)!);
    expect({ details, scans: fullScans(details) }).toEqual({ details, scans: [] });
    expect(indexesRead(details)).toEqual(expect.arrayContaining(['Buyer_contactKey_idx', 'Buyer_email_lower_idx', 'Buyer_phone_digits_idx']));
    if (dialect === 'sqlite') {
      expect(details.filter((detail) => /^(SEARCH|SCAN) /.test(detail))).toEqual([
        'SEARCH Buyer USING INDEX Buyer_contactKey_idx (contactKey=?)',
        'SEARCH Buyer USING INDEX Buyer_email_lower_idx (<expr>=?)',
        'SEARCH Buyer USING INDEX Buyer_phone_digits_idx (<expr>=?)',
        'SCAN m',
        // Each buyer found, by its id (the primary key's index, or the matching index that starts with the id).
        expect.stringMatching(/^SEARCH b USING (COVERING )?INDEX (sqlite_autoindex_Buyer_1|Buyer_match_idx) \(id=\?/),
      ]);
    }
  });

  // Find anything, as the palette asks as one types: SQLite reads its FTS5 tables, PostgreSQL the GIN index of each row's search document.
  // (Words rare in the volume, as a name typed is: a word in every row, like "Seller" here, is rightly read by a scan.)
  const searchFor = (text: string, phone: boolean): SearchOptions => ({ match: buildMatchExpression(text, phone ? { phoneColumn: 'phone' } : {})!, limit: 8, includeArchived: false });
  // Each statement of a name-first search (SQLite: the name's, then the rest's).
  const statements = (name: string, sqls: Prisma.Sql[], table: string): Array<[string, Prisma.Sql, string]> =>
    sqls.map((sql, index) => [sqls.length > 1 ? `${name} (statement ${index + 1} of ${sqls.length})` : name, sql, table]);
  const SEARCHES: Array<[string, Prisma.Sql, string]> = [
    ...statements('leads by the start of a name', leadSearchSql(searchFor('quin', true), dialect), 'Lead'),
    ...statements('leads by part of a phone number', leadSearchSql(searchFor('(937) 555-01', true), dialect), 'Lead'),
    ...statements('buyers by two words', buyerSearchSql(searchFor('quin day', true), dialect), 'Buyer'),
    ['tasks by a word', dialect === 'postgres' ? matchingTasksSql(searchFor('roof', false), 2_001) : taskSearchSql(searchFor('roof', false)), 'Task'],
  ];
  it.each(SEARCHES)('find anything: %s reads the search index', async (_name, sql, table) => {
    const details = await plan(sql);
    const searchIndex = dialect === 'postgres' ? indexesRead(details).includes(`${table}_search_idx`) : details.some((detail) => detail.startsWith(`SCAN ${table}Search VIRTUAL TABLE`));
    expect({ details, scans: fullScans(details), searchIndex }).toEqual({ details, scans: [], searchIndex: true });
  });

  if (dialect === 'postgres') {
    it('find anything: a word thousands of tasks share walks the due-date index', async () => {
      const details = await plan(taskHitsSql(searchFor('task', false), null));
      expect({ details, scans: fullScans(details) }).toEqual({ details, scans: [] });
    });
  }

  it('catches a full scan and a sort when there is one', async () => {
    const details = await plan(Prisma.sql`SELECT * FROM "Lead" WHERE "sellerEmail" LIKE '%x%' ORDER BY "sellerEmail"`);
    expect(fullScans(details)).toEqual([dialect === 'postgres' ? 'Seq Scan on "Lead"' : 'SCAN Lead']);
    expect(sortsRows(details)).toBe(true);
  });
});
