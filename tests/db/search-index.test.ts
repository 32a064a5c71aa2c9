import { createTestDb, type TestDb } from '../support/test-db';
import { buildLead, buildUser } from '../support/factories';

jest.setTimeout(180_000);

// The search indexes live outside Prisma's schema: a later migration that redefines Lead, Buyer or
// Task drops their triggers without a word. These checks fail when that happens.

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.close());

const count = async (sql: string) => Number((await testDb.db.$queryRawUnsafe<Array<{ n: bigint }>>(sql))[0]!.n);

describe('the search index', () => {
  it('has its insert, update and delete triggers on leads, buyers and tasks after every migration', async () => {
    const triggers = await testDb.db.$queryRaw<Array<{ name: string }>>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_%' ORDER BY name`;
    expect(triggers.map((trigger) => trigger.name)).toEqual(
      ['Buyer', 'Lead', 'Task'].flatMap((table) => ['delete', 'insert', 'update'].map((write) => `${table}_search_${write}`)),
    );
  });

  it('holds one row per lead, buyer and task, the same row, through inserts, edits and deletes', async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    const leads = [await buildLead(db, owner.id), await buildLead(db, owner.id), await buildLead(db, owner.id)];
    await db.lead.update({ where: { id: leads[0]!.id }, data: { sellerPhone: '513-555-0111', city: 'Xenia' } });
    await db.buyer.create({ data: { name: 'Index Buyer', markets: '["Xenia"]' } });
    const task = await db.task.create({ data: { title: 'Index task', type: 'FOLLOW_UP', priority: 'LOW', dueAt: new Date() } });
    await db.task.update({ where: { id: task.id }, data: { title: 'Index task renamed' } });
    await db.lead.delete({ where: { id: leads[2]!.id } });

    for (const [table, index] of [['Lead', 'LeadSearch'], ['Buyer', 'BuyerSearch'], ['Task', 'TaskSearch']]) {
      expect(await count(`SELECT count(*) AS n FROM "${index}"`)).toBe(await count(`SELECT count(*) AS n FROM "${table}"`));
      expect(await count(`SELECT count(*) AS n FROM "${index}" s JOIN "${table}" r ON r.rowid = s.rowid AND r.id = s.id`)).toBe(await count(`SELECT count(*) AS n FROM "${table}"`));
    }
    await db.lead.update({ where: { id: leads[1]!.id }, data: { apn: '12 345.67/8' } });
    const [row] = await db.$queryRaw<Array<{ city: string; phone: string }>>`SELECT city, phone FROM "LeadSearch" WHERE id = ${leads[0]!.id}`;
    expect(row).toEqual({ city: 'Xenia', phone: '5135550111 5135550111 5550111' });
    // The APN as stored and without its separators (search_lead_apn).
    const [parcel] = await db.$queryRaw<Array<{ apn: string }>>`SELECT apn FROM "LeadSearch" WHERE id = ${leads[1]!.id}`;
    expect(parcel).toEqual({ apn: '12 345.67/8 12345678' });
  });
});
