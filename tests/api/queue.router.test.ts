import { backfillLeadScores } from '../../db/writes/lead-score';
import { projectFields } from '../../api/paginate';
import { CALL_QUEUE_LEAD_FIELDS } from '../../domain/calls/call-queue-fields';
import { buildLead, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

jest.setTimeout(180_000);

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.close());

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const later = (ms: number) => new Date(Date.now() + ms);

describe('GET /api/queue', () => {
  it("orders the caller's open leads: overdue contacts, follow-ups due, then by score, then later attempts; each with its score, reasons and why", async () => {
    const { db } = api.testDb;
    const agent = await buildUser(db, { role: 'AGENT' });
    const cookie = await api.login(agent.email);
    const other = await buildUser(db, { role: 'AGENT' });
    await buildLead(db, agent.id, { sellerName: 'Olive Overdue', createdAt: ago(3 * HOUR) });
    const due = await buildLead(db, agent.id, { sellerName: 'Dora Due' });
    await db.lead.update({ where: { id: due.id }, data: { status: 'CONTACTED', contactedAt: ago(5 * 24 * HOUR), nextFollowUpAt: ago(HOUR) } });
    const motivated = await buildLead(db, agent.id, { sellerName: 'Mo Tivated', source: 'REFERRAL' });
    await db.lead.update({ where: { id: motivated.id }, data: { motivation: 5 } });
    await buildLead(db, agent.id, { sellerName: 'Plain Jane' });
    const tomorrow = await buildLead(db, agent.id, { sellerName: 'Tom Orrow', createdAt: ago(3 * HOUR) });
    await db.lead.update({ where: { id: tomorrow.id }, data: { nextFollowUpAt: later(20 * HOUR) } });
    const dead = await buildLead(db, agent.id, { sellerName: 'Dee Dead' });
    await db.lead.update({ where: { id: dead.id }, data: { status: 'DEAD', deadReason: 'OTHER' } });
    const archived = await buildLead(db, agent.id, { sellerName: 'Archie Ved' });
    await db.lead.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await buildLead(db, other.id, { sellerName: 'Not Mine' });

    const response = await api.request('GET', '/api/queue', { cookie });
    expect(response.status).toBe(200);
    const items = response.body.items as Array<{ lead: { sellerName: string; score: number }; score: number; reasons: string[]; rule: string; why: string }>;
    expect(items.map((item) => `${item.lead.sellerName}: ${item.why}`)).toEqual([
      'Olive Overdue: Contact overdue',
      'Dora Due: Follow-up due',
      'Mo Tivated: Score 50',
      'Plain Jane: Score 16',
      'Tom Orrow: Next attempt later',
    ]);
    // Re-scored as read: the rows above were written without a score.
    expect(items[2]).toMatchObject({ score: 50, rule: 'BY_SCORE', reasons: ['motivated 5/5 +30', 'never contacted +10', 'source referral +10'] });
    expect(items[2]!.lead.score).toBe(50);
    expect((await db.lead.findUniqueOrThrow({ where: { id: motivated.id } })).score).toBe(50);
  });

  it('puts imported list leads no one has called by score, not in the overdue run: a big old import does not push the best lead out', async () => {
    const { db } = api.testDb;
    const agent = await buildUser(db, { role: 'AGENT' });
    const cookie = await api.login(agent.email);
    await buildLead(db, agent.id, { sellerName: 'Hank Handentered', source: 'DIRECT_MAIL', createdAt: ago(3 * HOUR) });
    // An old import: days past any contact deadline, oldest first by age.
    for (let i = 0; i < 5; i += 1) await buildLead(db, agent.id, { sellerName: `Lister Old ${i}`, source: 'LIST_IMPORT', createdAt: ago((10 * 24 + i) * HOUR) });
    const motivated = await buildLead(db, agent.id, { sellerName: 'Lister Motivated', source: 'LIST_IMPORT', createdAt: ago(5 * HOUR) });
    await db.lead.update({ where: { id: motivated.id }, data: { motivation: 5 } });
    // Scored as every write path scores a lead (the queue reads its runs by the stored score).
    await backfillLeadScores(db);

    const top = await api.request('GET', '/api/queue?limit=2', { cookie });
    expect(top.status).toBe(200);
    expect(top.body.items.map((item: { lead: { sellerName: string }; rule: string }) => `${item.lead.sellerName}: ${item.rule}`)).toEqual([
      'Hank Handentered: OVERDUE_CONTACT',
      'Lister Motivated: BY_SCORE',
    ]);

    const all = (await api.request('GET', '/api/queue', { cookie })).body.items as Array<{ lead: { sellerName: string; source: string }; score: number; rule: string; why: string }>;
    const listed = all.filter((item) => item.lead.source === 'LIST_IMPORT');
    expect(listed).toHaveLength(6);
    expect(listed.every((item) => item.rule === 'BY_SCORE' && item.why === `Score ${item.score}`)).toBe(true);
    expect(listed.map((item) => item.score)).toEqual([...listed.map((item) => item.score)].sort((a, b) => b - a));
  });

  it('fills a short queue by its own order: the best overdue contacts, and leads to call now ahead of better ones whose next attempt is later', async () => {
    const { db } = api.testDb;
    const agent = await buildUser(db, { role: 'AGENT' });
    const cookie = await api.login(agent.email);
    // Three overdue contacts: the oldest is the least motivated.
    await buildLead(db, agent.id, { sellerName: 'Oldest Overdue', createdAt: ago(9 * HOUR), motivation: 1 });
    await buildLead(db, agent.id, { sellerName: 'Keen Overdue', createdAt: ago(3 * HOUR), motivation: 5 });
    await buildLead(db, agent.id, { sellerName: 'Warm Overdue', createdAt: ago(2 * HOUR), motivation: 4 });
    // The best scores, each called and to be called again tomorrow; and two plain ones to call now.
    for (const name of ['Later One', 'Later Two', 'Later Three']) {
      const lead = await buildLead(db, agent.id, { sellerName: name, motivation: 5, source: 'REFERRAL' });
      await db.lead.update({ where: { id: lead.id }, data: { status: 'CONTACTED', contactedAt: ago(HOUR), nextFollowUpAt: later(20 * HOUR) } });
    }
    await buildLead(db, agent.id, { sellerName: 'Now Plain' });
    await buildLead(db, agent.id, { sellerName: 'Now Fair', motivation: 2 });
    await backfillLeadScores(db);

    const names = async (limit: number) => ((await api.request('GET', `/api/queue?limit=${limit}`, { cookie })).body.items as Array<{ lead: { sellerName: string } }>).map((item) => item.lead.sellerName);
    expect(await names(2)).toEqual(['Keen Overdue', 'Warm Overdue']);
    expect(await names(5)).toEqual(['Keen Overdue', 'Warm Overdue', 'Oldest Overdue', 'Now Fair', 'Now Plain']);
    expect((await names(8)).slice(5).sort()).toEqual(['Later One', 'Later Three', 'Later Two']);
    // The short queues are the whole queue's first leads.
    const whole = await names(50);
    for (const limit of [1, 2, 3, 4, 5, 6, 7]) expect(await names(limit)).toEqual(whole.slice(0, limit));
  });

  it('counts "contact overdue" from the contact deadline as it stands: an admin\'s change applies to the next read', async () => {
    const { db } = api.testDb;
    const agent = await buildUser(db, { role: 'AGENT' });
    const admin = await buildUser(db, { role: 'ADMIN' });
    const [cookie, adminCookie] = [await api.login(agent.email), await api.login(admin.email)];
    await buildLead(db, agent.id, { sellerName: 'Ninety Minutes', createdAt: ago(1.5 * HOUR) });
    const whyFor = async () => ((await api.request('GET', '/api/queue', { cookie })).body.items as Array<{ lead: { sellerName: string }; why: string }>).find((item) => item.lead.sellerName === 'Ninety Minutes')?.why;
    expect(await whyFor()).toBe('Contact overdue');

    expect((await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { deadlines: { contactMs: '2h' } } })).status).toBe(200);
    expect(await whyFor()).not.toBe('Contact overdue');
    expect((await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { deadlines: { contactMs: '1h' } } })).status).toBe(200);
    expect(await whyFor()).toBe('Contact overdue');
  });

  it("lets a supervisor read an agent's queue with ownerId; an agent cannot", async () => {
    const { db } = api.testDb;
    const agent = await buildUser(db, { role: 'AGENT' });
    const peer = await buildUser(db, { role: 'AGENT' });
    const supervisor = await buildUser(db, { role: 'SUPERVISOR' });
    await buildLead(db, agent.id, { sellerName: 'Sam Agentlead' });
    const supervisorView = await api.request('GET', `/api/queue?ownerId=${agent.id}`, { cookie: await api.login(supervisor.email) });
    expect(supervisorView.status).toBe(200);
    expect(supervisorView.body.items.map((item: { lead: { sellerName: string } }) => item.lead.sellerName)).toEqual(['Sam Agentlead']);
    const peerView = await api.request('GET', `/api/queue?ownerId=${agent.id}`, { cookie: await api.login(peer.email) });
    expect(peerView.status).toBe(403);
    const unknown = await api.request('GET', '/api/queue?ownerId=no-such-user', { cookie: await api.login(supervisor.email) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('User no-such-user does not exist');
    expect(unknown.body.error.fields).toHaveProperty('ownerId');
    const bad = await api.request('GET', '/api/queue?limit=0', { cookie: await api.login(peer.email) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('limit');
  });

  it('answers lean leads with `fields`: the same queue, each lead only those keys and its id; an unknown field is a 400 naming fields', async () => {
    const { db } = api.testDb;
    const agent = await buildUser(db, { role: 'AGENT' });
    const cookie = await api.login(agent.email);
    await buildLead(db, agent.id, { sellerName: 'Olive Overdue', createdAt: ago(3 * HOUR) });
    const priced = await buildLead(db, agent.id, { sellerName: 'Pat Priced' });
    await db.lead.update({ where: { id: priced.id }, data: { arv: 200_000, repairEstimate: 30_000, motivation: 4 } });

    const whole = (await api.request('GET', '/api/queue', { cookie })).body.items as Array<{ lead: Record<string, unknown> }>;
    const lean = await api.request('GET', '/api/queue?fields=sellerName,mao,status', { cookie });
    expect(lean.status).toBe(200);
    // The same leads in the same places, with the same scores, reasons and rules; each lead cut to its id and the fields.
    expect(lean.body.items).toEqual(whole.map((item) => ({ ...item, lead: { id: item.lead.id, sellerName: item.lead.sellerName, mao: item.lead.mao, status: item.lead.status } })));
    expect(lean.body.items.map((item: { lead: { sellerName: string; mao: number | null } }) => [item.lead.sellerName, item.lead.mao])).toEqual([
      ['Olive Overdue', null],
      ['Pat Priced', 200_000 * 0.7 - 30_000 - 10_000],
    ]);

    // As "My calls" asks (its lead cards' fields): only their columns are read, with the score's and the queue's.
    const asShown = await api.request('GET', `/api/queue?fields=${CALL_QUEUE_LEAD_FIELDS.join(',')}`, { cookie });
    expect(asShown.body.items).toEqual(whole.map((item) => ({ ...item, lead: projectFields(item.lead, CALL_QUEUE_LEAD_FIELDS) })));

    for (const url of ['/api/queue?fields=sellerName,password', '/api/queue?fields=']) {
      const refused = await api.request('GET', url, { cookie });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toHaveProperty('fields');
    }
  });
});
