import { Prisma } from '../../prisma/generated/client';
import { readRows, readRowsLazily, readRowsTogether } from '../../db/read-rows';
import { buildLead, buildUser } from '../support/factories';
import { useTestDb } from '../support/test-db';

jest.setTimeout(180_000);

const testDb = useTestDb();

/** Every table a hot path reads raw, with nulls, dates, booleans, reals and JSON text in it. */
async function seedOneOfEach() {
  const { db } = testDb;
  const owner = await buildUser(db);
  const lead = await buildLead(db, owner.id, { askingPrice: undefined });
  await db.lead.update({ where: { id: lead.id }, data: { beds: 3, baths: 1.5, contactedAt: new Date('2026-06-01T10:00:00.123Z'), score: 42, tags: '["absentee","high equity"]' } });
  const buyer = await db.buyer.create({ data: { name: 'Dana Cash', email: 'dana@example.com', cashBuyer: true, markets: '["dayton"]', proofOfFundsAmount: 250_000 } });
  await db.task.create({ data: { title: 'Call Dana', type: 'CALL', priority: 'HIGH', dueAt: new Date('2026-06-02T09:30:00.000Z'), overdue: true, requiresReview: false, leadId: lead.id, buyerId: buyer.id, assigneeId: owner.id } });
  await db.offer.create({ data: { leadId: lead.id, buyerId: buyer.id, kind: 'BUYER', amount: 81_500, status: 'SUBMITTED', createdById: owner.id } });
  await db.notification.create({ data: { recipientId: owner.id, kind: 'task.assigned', title: 'New task', body: 'Call Dana', link: '/tasks', priority: 'HIGH' } });
  await db.event.create({ data: { entityType: 'lead', entityId: lead.id, action: 'created', payload: '{"id":"x"}', actorId: owner.id } });
  return { owner, lead, buyer };
}

describe('readRows', () => {
  it('answers every table exactly as $queryRaw does: dates as Date, booleans as boolean, nulls, reals and integers', async () => {
    const { db } = testDb;
    await seedOneOfEach();
    for (const table of ['Lead', 'Task', 'Buyer', 'Offer', 'Notification', 'Event', 'User', 'Session']) {
      const sql = Prisma.sql`SELECT * FROM ${Prisma.raw(`"${table}"`)} ORDER BY "id"`;
      const viaPrisma = await db.$queryRaw<Array<Record<string, unknown>>>(sql);
      expect(await readRows(db, sql)).toEqual(viaPrisma);
    }
    const [task] = await readRows<{ dueAt: Date; overdue: boolean; requiresReview: boolean }>(db, Prisma.sql`SELECT * FROM "Task"`);
    expect(task!.dueAt).toEqual(new Date('2026-06-02T09:30:00.000Z'));
    expect([task!.overdue, task!.requiresReview]).toEqual([true, false]);
  });

  it('binds dates and booleans as Prisma stores them, and reads a joined, aliased column', async () => {
    const { db } = testDb;
    const { lead } = await seedOneOfEach();
    const rows = await readRows<{ id: string; street: string }>(
      db,
      Prisma.sql`SELECT t."id", l."street" AS "street" FROM "Task" t JOIN "Lead" l ON l."id" = t."leadId" WHERE t."dueAt" >= ${new Date('2026-06-02T09:30:00.000Z')} AND t."overdue" = ${true} AND l."id" = ${lead.id}`,
    );
    expect(rows).toEqual([{ id: expect.any(String), street: lead.street }]);
  });

  it('sees a row the moment Prisma has committed it', async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    const count = async () => (await readRows<{ n: number }>(db, Prisma.sql`SELECT COUNT(*) AS "n" FROM "Lead" WHERE "ownerId" = ${owner.id}`))[0]!.n;
    expect(await count()).toBe(0);
    await buildLead(db, owner.id);
    expect(await count()).toBe(1);
  });

  it('given the client, sees only committed rows while a transaction of the process is open, and none it rolls back', async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    const count = async () => (await readRows<{ n: number }>(db, Prisma.sql`SELECT COUNT(*) AS "n" FROM "Lead" WHERE "ownerId" = ${owner.id}`))[0]!.n;
    const together = async () => (await readRowsTogether<{ n: number }>(db, [Prisma.sql`SELECT COUNT(*) AS "n" FROM "Lead" WHERE "ownerId" = ${owner.id}`]))[0]![0]!.n;
    const seenMeanwhile: number[] = [];
    await expect(
      db.$transaction(async (tx) => {
        await tx.lead.create({ data: { sellerName: 'In flight', street: '1 Tx St', city: 'Dayton', state: 'OH', zip: '45402', ownerId: owner.id } });
        // Another request of the process, between two awaits of this transaction.
        seenMeanwhile.push(await count(), await together());
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect({ seenMeanwhile, after: await count() }).toEqual({ seenMeanwhile: [0, 0], after: 0 });
  });

  it("reads through $queryRaw on a transaction's client, and inside the transaction it is running", async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    const ids = await db.$transaction(async (tx) => {
      const lead = await tx.lead.create({ data: { sellerName: 'In flight', street: '1 Tx St', city: 'Dayton', state: 'OH', zip: '45402', ownerId: owner.id } });
      return (await readRows<{ id: string }>(tx as never, Prisma.sql`SELECT "id" FROM "Lead" WHERE "id" = ${lead.id}`)).map((row) => row.id);
    });
    expect(ids).toHaveLength(1);
  });
});

describe('readRowsLazily', () => {
  it('yields the rows readRows answers, and a loop left early leaves the read ready to run again', async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    for (const street of ['1 A St', '2 B St', '3 C St']) await buildLead(db, owner.id, { street });
    const sql = Prisma.sql`SELECT "id", "street", "createdAt" FROM "Lead" WHERE "ownerId" = ${owner.id} ORDER BY "street"`;
    const all = await readRows<{ street: string }>(db, sql);
    expect([...(await readRowsLazily<{ street: string }>(db, sql))]).toEqual(all);
    for (let run = 0; run < 3; run += 1) {
      const seen: string[] = [];
      for (const row of await readRowsLazily<{ street: string }>(db, sql)) {
        seen.push(row.street);
        if (seen.length === 2) break;
      }
      expect(seen).toEqual(['1 A St', '2 B St']);
    }
    expect(await readRows(db, sql)).toEqual(all);
  });
});

describe('readRowsTogether', () => {
  it('answers each read in order, as one $transaction of $queryRaw does', async () => {
    const { db } = testDb;
    const { owner } = await seedOneOfEach();
    const queries = [Prisma.sql`SELECT * FROM "Lead" WHERE "ownerId" = ${owner.id}`, Prisma.sql`SELECT * FROM "Task" WHERE "assigneeId" = ${owner.id}`];
    const viaPrisma = await db.$transaction(queries.map((query) => db.$queryRaw<unknown[]>(query)));
    expect(await readRowsTogether(db, queries)).toEqual(viaPrisma);
  });
});
