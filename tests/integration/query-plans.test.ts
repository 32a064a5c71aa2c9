import { dashboardSql } from '../../prisma/analytics/dashboard-query';
import { Prisma } from '../../prisma/generated/client';
import type { Scope } from '../../domain/analytics/dashboard.schema';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(60_000);

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

// The hot list and detail queries, in the shape the API sends them (Prisma's SQL for these filters and sorts).
const HOT_QUERIES: Array<[string, Prisma.Sql]> = [
  ['lead list, by status, newest first', Prisma.sql`SELECT id FROM "Lead" WHERE "archivedAt" IS NULL AND status IN ('CONTACTED') ORDER BY "createdAt" DESC, id DESC LIMIT 51`],
  ['lead list, by city, by price', Prisma.sql`SELECT id FROM "Lead" WHERE "archivedAt" IS NULL AND city = ${'Dayton'} ORDER BY "askingPrice" ASC, id ASC LIMIT 51`],
  ['lead list, by owner and status', Prisma.sql`SELECT id FROM "Lead" WHERE "ownerId" = ${'u1'} AND status = 'NEW' ORDER BY "createdAt" DESC LIMIT 51`],
  ['lead matches: buyer candidates by market', Prisma.sql`SELECT "buyerId" FROM "BuyerMarket" WHERE market IN (${'dayton'}, ${'45402'})`],
  ['buyer matches: lead candidates by city', Prisma.sql`SELECT id FROM "Lead" WHERE lower("city") IN (${'dayton'})`],
  ['buyer matches: lead candidates by ZIP or ZIP+4', Prisma.sql`SELECT id FROM "Lead" WHERE ("zip" = ${'45402'} OR ("zip" > ${'45402-'} AND "zip" < ${'45402.'}))`],
  ['my tasks by due date', Prisma.sql`SELECT id FROM "Task" WHERE "assigneeId" = ${'u1'} AND status IN ('ASSIGNED', 'IN_PROGRESS') ORDER BY "dueAt" ASC, id ASC LIMIT 51`],
  ['review queue', Prisma.sql`SELECT id FROM "Task" WHERE status = 'PENDING_REVIEW' ORDER BY "dueAt" ASC LIMIT 51`],
  ['overdue tasks', Prisma.sql`SELECT id FROM "Task" WHERE status IN ('ASSIGNED', 'IN_PROGRESS') AND "dueAt" < ${'2026-11-23T12:00:00.000+00:00'} ORDER BY "dueAt" ASC LIMIT 51`],
  ["a lead's tasks", Prisma.sql`SELECT id FROM "Task" WHERE "leadId" = ${'l1'} ORDER BY "createdAt" DESC LIMIT 51`],
  ['events after an id (SSE)', Prisma.sql`SELECT id FROM "Event" WHERE id > ${10} ORDER BY id ASC LIMIT 200`],
  ["an entity's history", Prisma.sql`SELECT id FROM "Event" WHERE "entityType" = 'lead' AND "entityId" = ${'l1'} ORDER BY id ASC`],
  ['my unread notifications', Prisma.sql`SELECT COUNT(*) FROM "Notification" WHERE "recipientId" = ${'u1'} AND "readAt" IS NULL`],
];

describe('query plans of the hot queries', () => {
  it.each(HOT_QUERIES)('%s reads through an index', async (_name, sql) => {
    expect(fullScans(await plan(sql))).toEqual([]);
  });

  it.each(['me', 'team', 'everyone'] as const)('every dashboard query for scope %s reads through an index', async (scope) => {
    for (const sql of dashboardSql(range(scope))) {
      const details = await plan(sql);
      expect({ sql: sql.sql.replace(/\s+/g, ' ').slice(0, 120), scans: fullScans(details) }).toEqual({ sql: expect.any(String), scans: [] });
    }
  });

  it('catches a full scan when there is one', async () => {
    expect(fullScans(await plan(Prisma.sql`SELECT * FROM "Lead" WHERE "sellerEmail" LIKE '%x%'`))).toEqual(['SCAN Lead']);
  });
});
