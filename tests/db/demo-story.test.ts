import { marketProblem } from '../../domain/buyers/buyer-market';
import { seedDemoDatabase } from '../../prisma/seed';
import { useTestDb } from '../support/test-db';

jest.setTimeout(180_000);

const testDb = useTestDb();
// Seeded as `npm start` seeds, with the seed's transaction budget: a busy CI machine took the story past Prisma's 5 s default.
beforeAll(() => seedDemoDatabase(testDb.target, new Date('2026-11-30T15:00:00Z')));

describe('the demo story', () => {
  it('dates each event when the story says it happened: a lead created days ago, a call logged yesterday', async () => {
    const { db } = testDb;
    const leads = await db.lead.findMany({ select: { id: true, createdAt: true } });
    const created = await db.event.findMany({ where: { entityType: 'lead', action: 'created' }, select: { entityId: true, createdAt: true } });
    expect(created).toHaveLength(leads.length);
    for (const lead of leads) expect(created.find((event) => event.entityId === lead.id)?.createdAt).toEqual(lead.createdAt);
    expect(leads.some((lead) => lead.createdAt.getTime() < Date.parse('2026-11-20T00:00:00Z'))).toBe(true);

    const calls = await db.call.findMany({ select: { leadId: true, createdAt: true } });
    const logged = await db.event.findMany({ where: { entityType: 'lead', action: 'call_logged' }, select: { entityId: true, createdAt: true } });
    expect(logged.map((event) => [event.entityId, event.createdAt.toISOString()]).sort()).toEqual(calls.map((call) => [call.leadId, call.createdAt.toISOString()]).sort());
  });

  it('gives every demo buyer markets the buy box accepts, so editing one does not refuse what the seed wrote', async () => {
    const buyers = await testDb.db.buyer.findMany({ select: { name: true, markets: true } });
    expect(buyers.length).toBeGreaterThan(0);
    for (const buyer of buyers) expect({ buyer: buyer.name, problems: (JSON.parse(buyer.markets) as string[]).map(marketProblem).filter(Boolean) }).toEqual({ buyer: buyer.name, problems: [] });
  });
});
