import { buildLead, buildLeadInput, buildUser } from '../support/factories';
import { waitUntil } from '../support/wait-until';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

jest.setTimeout(180_000);

let api: ApiHarness;
type User = Awaited<ReturnType<typeof buildUser>>;
let agent: User;
let supervisor: User;
const cookies: Record<string, string> = {};
const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000);

beforeAll(async () => {
  api = await startApiHarness();
  const db = api.testDb.db;
  agent = await buildUser(db, { role: 'AGENT', name: 'Ann Agent' });
  supervisor = await buildUser(db, { role: 'SUPERVISOR' });
  for (const user of [agent, supervisor]) cookies[user.id] = await api.login(user.email);

  // Two mail leads (one closed in 20 days for a $12k fee, one contacted after 1 h) and one dead SMS lead.
  const closed = await buildLead(db, agent.id, { source: 'DIRECT_MAIL', createdAt: daysAgo(25) });
  await db.lead.update({ where: { id: closed.id }, data: { status: 'CLOSED', contactedAt: new Date(closed.createdAt.getTime() + 3 * 3_600_000) } });
  await db.deal.create({ data: { leadId: closed.id, assignmentFee: 12_000, closedAt: daysAgo(5) } });
  const contacted = await buildLead(db, agent.id, { source: 'DIRECT_MAIL', createdAt: daysAgo(3) });
  await db.lead.update({ where: { id: contacted.id }, data: { status: 'CONTACTED', contactedAt: new Date(contacted.createdAt.getTime() + 3_600_000) } });
  const dead = await buildLead(db, agent.id, { source: 'SMS', createdAt: daysAgo(2) });
  await db.lead.update({ where: { id: dead.id }, data: { status: 'DEAD', deadReason: 'OTHER' } });

  const buyer = await db.buyer.create({ data: { name: 'B' } });
  await db.offer.create({ data: { leadId: contacted.id, buyerId: buyer.id, kind: 'BUYER', amount: 90_000, status: 'ACCEPTED', createdById: agent.id } });
  await db.offer.create({ data: { leadId: contacted.id, buyerId: buyer.id, kind: 'BUYER', amount: 80_000, status: 'SENT', createdById: agent.id } });
  const task = (title: string, status: string, dueAt: Date, extra: object = {}) =>
    db.task.create({ data: { title, type: 'BUYER', priority: 'MEDIUM', status, dueAt, assigneeId: agent.id, ...extra } });
  await task('Send matching properties to B (3)', 'COMPLETED', daysAgo(2), { completedAt: daysAgo(3) });
  await task('Call back', 'COMPLETED', daysAgo(4), { completedAt: daysAgo(1) });
  await task('Overdue call', 'ASSIGNED', daysAgo(1), { overdue: true, type: 'LEAD' });
});
afterAll(() => api?.close());

describe('GET /api/analytics', () => {
  it('reports the funnel, sources, engagement, tasks, revenue, team and velocity, worked out by hand', async () => {
    const { status, body } = await api.request('GET', '/api/analytics', { cookie: cookies[supervisor.id]! });
    expect(status).toBe(200);
    expect(body.funnel).toEqual([
      { stage: 'NEW', leads: 3 },
      { stage: 'CONTACTED', leads: 2 },
      { stage: 'QUALIFIED', leads: 1 },
      { stage: 'OFFER_MADE', leads: 1 },
      { stage: 'UNDER_CONTRACT', leads: 1 },
      { stage: 'CLOSED', leads: 1 },
    ]);
    expect(body.sources).toEqual([
      { source: 'DIRECT_MAIL', leads: 2, contacted: 2, deals: 1, revenue: 12_000 },
      { source: 'SMS', leads: 1, contacted: 0, deals: 0, revenue: 0 },
    ]);
    expect(body.buyerEngagement).toEqual({ matchesSent: 1, offersMade: 2, offersAccepted: 1 });
    expect(body.tasks).toEqual({ completed: 2, onTimeRate: 0.5, overdueByType: [{ type: 'LEAD', overdue: 1 }] });
    expect(body.revenueByMonth).toEqual([{ month: daysAgo(5).toISOString().slice(0, 7), revenue: 12_000, deals: 1 }]);
    expect(body.team).toEqual([{ userId: agent.id, name: 'Ann Agent', tasksCompleted: 2, responseTimeMinutes: 120, deals: 1 }]);
    expect(body.velocity).toEqual([
      { bucket: '0–14 days', deals: 0 },
      { bucket: '15–30 days', deals: 1 },
      { bucket: '31–60 days', deals: 0 },
      { bucket: '61–90 days', deals: 0 },
      { bucket: '91+ days', deals: 0 },
    ]);
  });

  it('gives an agent their own report, refuses them everyone\'s, and names bad fields', async () => {
    const mine = await api.request('GET', '/api/analytics', { cookie: cookies[agent.id]! });
    expect(mine.body.scope).toBe('me');
    expect(mine.body.team.map((row: { name: string }) => row.name)).toEqual(['Ann Agent']);
    expect((await api.request('GET', '/api/analytics?scope=team', { cookie: cookies[agent.id]! })).status).toBe(403);
    const bad = await api.request('GET', '/api/analytics?to=soon', { cookie: cookies[supervisor.id]! });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ to: 'must be an ISO date-time' });
  });

  it('reports zeros and nulls over an empty range', async () => {
    const from = encodeURIComponent(new Date(NOW - 2 * 3_600_000).toISOString());
    const { body } = await api.request('GET', `/api/analytics?from=${from}`, { cookie: cookies[supervisor.id]! });
    expect(body.funnel.every((stage: { leads: number }) => stage.leads === 0)).toBe(true);
    expect(body.sources).toEqual([]);
    expect(body.tasks).toMatchObject({ completed: 0, onTimeRate: null });
    expect(body.revenueByMonth).toEqual([]);
  });

  it("counts each person's deals closed in the range in the team table, and 0 for someone without one", async () => {
    const db = api.testDb.db;
    const [bo, cy] = [await buildUser(db, { role: 'ACQUISITIONS', name: 'Bo Buyer-side' }), await buildUser(db, { role: 'AGENT', name: 'Cy Caller' })];
    for (const closedDaysAgo of [4, 10, 200]) {
      const lead = await buildLead(db, bo.id, { createdAt: daysAgo(closedDaysAgo + 30) });
      await db.deal.create({ data: { leadId: lead.id, assignmentFee: 5_000, closedAt: daysAgo(closedDaysAgo) } });
    }
    const { body } = await api.request('GET', '/api/analytics?scope=team', { cookie: cookies[supervisor.id]! });
    const dealsOf = Object.fromEntries(body.team.map((row: { name: string; deals: number }) => [row.name, row.deals]));
    expect(dealsOf).toEqual({ 'Ann Agent': 1, 'Bo Buyer-side': 2, 'Cy Caller': 0 });
    expect(body.team.find((row: { userId: string }) => row.userId === cy.id)).toEqual({ userId: cy.id, name: 'Cy Caller', tasksCompleted: 0, responseTimeMinutes: null, deals: 0 });
  });

  it('answers again from the database once a change has been streamed', async () => {
    const newLeads = async () => (await api.request('GET', '/api/analytics', { cookie: cookies[supervisor.id]! })).body.funnel[0].leads as number;
    const before = await newLeads();
    const created = await api.request('POST', '/api/leads', { cookie: cookies[agent.id]!, body: buildLeadInput({ ownerId: agent.id }) });
    expect(created.status).toBe(201);
    await waitUntil('the new lead counted', async () => (await newLeads()) === before + 1);
    await api.testDb.db.lead.update({ where: { id: created.body.id }, data: { archivedAt: new Date() } });
  });
});
