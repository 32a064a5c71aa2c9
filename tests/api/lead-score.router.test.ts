import { buildLead, buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';
import { backfillLeadScores } from '../../db/writes/lead-score';

jest.setTimeout(180_000);

let api: ApiHarness;
let agent: { id: string; email: string };
let cookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  agent = await buildUser(api.testDb.db, { role: 'AGENT' });
  cookie = await api.login(agent.email);
});
afterAll(() => api?.close());

describe('lead score', () => {
  it('is stored with a new lead, and changes with the fields it reads', async () => {
    const created = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ source: 'REFERRAL' }) });
    expect(created.status).toBe(201);
    expect(created.body.score).toBe(20);
    expect(created.body.scoreParts.map((part: { reason: string }) => part.reason)).toEqual(['never contacted +10', 'source referral +10']);

    const updated = await api.request('PATCH', `/api/leads/${created.body.id}`, { cookie, body: { motivation: 4, arv: 200_000, askingPrice: 110_000, tags: ['Vacant'] } });
    expect(updated.status).toBe(200);
    expect(updated.body.score).toBe(70);
    expect(updated.body.scoreParts.map((part: { reason: string }) => part.reason)).toEqual([
      'motivated 4/5 +24',
      'equity 45 % +20',
      'never contacted +10',
      'source referral +10',
      'Vacant +6',
    ]);
    const row = await api.testDb.db.lead.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.score).toBe(70);
    expect(row.scoredAt).not.toBeNull();
  });

  it('follows a status change the workflow writes: a contacted lead loses "never contacted"', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ source: 'REFERRAL' }) })).body;
    expect((await api.request('POST', `/api/leads/${lead.id}/status`, { cookie, body: { status: 'CONTACTED' } })).status).toBe(200);
    const row = await waitUntil('the status written', async () => {
      const found = await api.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
      return found.status === 'CONTACTED' ? found : undefined;
    });
    expect(row.score).toBe(10);
    expect(JSON.parse(row.scoreParts)).toEqual([{ key: 'source', points: 10, reason: 'source referral +10' }]);
  });

  it('sorts the leads table by score, highest first', async () => {
    const owner = await buildUser(api.testDb.db, { role: 'AGENT' });
    const ownerCookie = await api.login(owner.email);
    for (const [motivation, name] of [[2, 'Low'], [5, 'High'], [3, 'Middle']] as const) {
      const lead = (await api.request('POST', '/api/leads', { cookie: ownerCookie, body: buildLeadInput({ sellerName: name }) })).body;
      await api.request('PATCH', `/api/leads/${lead.id}`, { cookie: ownerCookie, body: { motivation } });
    }
    const page = await api.request('GET', `/api/leads?ownerId=${owner.id}&sort=-score`, { cookie: ownerCookie });
    expect(page.status).toBe(200);
    expect(page.body.items.map((lead: { sellerName: string }) => lead.sellerName)).toEqual(['High', 'Middle', 'Low']);
    const ascending = await api.request('GET', `/api/leads?ownerId=${owner.id}&sort=score&limit=2`, { cookie: ownerCookie });
    expect(ascending.body.items.map((lead: { sellerName: string }) => lead.sellerName)).toEqual(['Low', 'Middle']);
  });

  it('scores leads saved without one (older rows, bulk inserts) when backfilled', async () => {
    const row = await buildLead(api.testDb.db, agent.id, { source: 'DRIVING_FOR_DOLLARS', createdAt: new Date(Date.now() - 3 * 3_600_000) });
    expect(row.scoredAt).toBeNull();
    expect(await backfillLeadScores(api.testDb.db)).toBeGreaterThanOrEqual(1);
    const scored = await api.testDb.db.lead.findUniqueOrThrow({ where: { id: row.id } });
    expect(scored.score).toBe(28);
    expect(JSON.parse(scored.scoreParts).map((part: { reason: string }) => part.reason)).toEqual(['never contacted +10', 'contact overdue +10', 'source driving for dollars +8']);
    expect(await backfillLeadScores(api.testDb.db)).toBe(0);
  });

  it("scores equity from a list's estimated equity or loan-to-value when the lead has no asking price, saying which figure it used", async () => {
    const { db } = api.testDb;
    const listed = await buildLead(db, agent.id, { source: 'LIST_IMPORT' });
    await db.lead.update({ where: { id: listed.id }, data: { askingPrice: null, arv: 200_000, estimatedEquity: 90_000, ltv: 55 } });
    const leveraged = await buildLead(db, agent.id, { source: 'LIST_IMPORT' });
    await db.lead.update({ where: { id: leveraged.id }, data: { askingPrice: null, arv: null, ltv: 70 } });
    await backfillLeadScores(db);
    const reasons = async (id: string) => JSON.parse((await db.lead.findUniqueOrThrow({ where: { id } })).scoreParts) as Array<{ key: string; reason: string }>;
    expect((await reasons(listed.id)).find((part) => part.key === 'equity')?.reason).toBe("equity 45 % from the list's estimated equity +20");
    expect((await reasons(leveraged.id)).find((part) => part.key === 'equity')?.reason).toBe("equity 30 % from the list's loan-to-value 70 % +15");
  });
});
