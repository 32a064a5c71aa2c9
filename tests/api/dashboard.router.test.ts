import { buildLead, buildLeadInput, buildUser } from '../support/factories';
import { waitUntil } from '../support/wait-until';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

jest.setTimeout(180_000);

let api: ApiHarness;
type User = Awaited<ReturnType<typeof buildUser>>;
let agent: User;
let other: User;
let supervisor: User;
const cookies: Record<string, string> = {};

const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000);
const hours = (date: Date, h: number) => new Date(date.getTime() + h * 3_600_000);

// A small world whose every KPI is worked out by hand in the tests below.
beforeAll(async () => {
  api = await startApiHarness();
  const db = api.testDb.db;
  agent = await buildUser(db, { role: 'AGENT' });
  other = await buildUser(db, { role: 'ACQUISITIONS' });
  supervisor = await buildUser(db, { role: 'SUPERVISOR' });
  for (const user of [agent, other, supervisor]) cookies[user.id] = await api.login(user.email);

  // Agent: 3 leads in range (one closed after 10 days, one contacted after 2 h), one 60 days old, one archived.
  const closed = await buildLead(db, agent.id, { askingPrice: 100_000, createdAt: daysAgo(20) });
  await db.lead.update({ where: { id: closed.id }, data: { status: 'CLOSED', contactedAt: hours(closed.createdAt, 4) } });
  const contacted = await buildLead(db, agent.id, { askingPrice: 80_000, createdAt: daysAgo(5) });
  await db.lead.update({ where: { id: contacted.id }, data: { status: 'CONTACTED', contactedAt: hours(contacted.createdAt, 2) } });
  await buildLead(db, agent.id, { askingPrice: 50_000, createdAt: daysAgo(1) });
  await buildLead(db, agent.id, { askingPrice: 70_000, createdAt: daysAgo(60) });
  const archived = await buildLead(db, agent.id, { askingPrice: 999_000, createdAt: daysAgo(2) });
  await db.lead.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
  // The other user: one dead lead in range.
  const dead = await buildLead(db, other.id, { askingPrice: 40_000, createdAt: daysAgo(3) });
  await db.lead.update({ where: { id: dead.id }, data: { status: 'DEAD', deadReason: 'OTHER' } });

  await db.deal.create({ data: { leadId: closed.id, purchasePrice: 60_000, salePrice: 75_000, assignmentFee: 15_000, closedAt: hours(closed.createdAt, 240) } });

  await db.buyer.create({ data: { name: 'Cash One', status: 'ACTIVE', cashBuyer: true, proofOfFundsAmount: 300_000 } });
  await db.buyer.create({ data: { name: 'Loan Two', status: 'ACTIVE', cashBuyer: false, proofOfFundsAmount: 100_000 } });
  await db.buyer.create({ data: { name: 'New Three', status: 'NEW', cashBuyer: true } });
  await db.buyer.create({ data: { name: 'Gone Four', status: 'ACTIVE', cashBuyer: true, archivedAt: new Date() } });

  const task = (assigneeId: string, status: string, dueAt: Date, extra: object = {}) =>
    db.task.create({ data: { title: `${status} task`, type: 'FOLLOW_UP', priority: 'MEDIUM', status, dueAt, assigneeId, ...extra } });
  await task(agent.id, 'COMPLETED', daysAgo(3), { completedAt: daysAgo(4) });
  await task(agent.id, 'COMPLETED', daysAgo(2), { completedAt: daysAgo(1) });
  await task(agent.id, 'ASSIGNED', daysAgo(1), { overdue: true });
  await task(agent.id, 'CANCELLED', daysAgo(1));
  await task(agent.id, 'IN_PROGRESS', new Date(NOW + 86_400_000));
  await task(other.id, 'ASSIGNED', daysAgo(2));

  const offer = (status: string, amount: number, createdById: string) => db.offer.create({ data: { leadId: contacted.id, kind: 'PURCHASE', amount, status, createdById } });
  await offer('ACCEPTED', 60_000, agent.id);
  await offer('REJECTED', 50_000, agent.id);
  await offer('SENT', 70_000, agent.id);
  await offer('DRAFT', 40_000, other.id);
});
afterAll(() => api?.close());

const dashboard = (user: User, query = '') => api.request('GET', `/api/dashboard${query}`, { cookie: cookies[user.id]! });

describe('GET /api/dashboard', () => {
  it('gives an agent their own numbers, worked out by hand', async () => {
    const { status, body } = await dashboard(agent);
    expect(status).toBe(200);
    expect(body.scope).toBe('me');
    expect(body).toMatchObject({ leads: 4, openTasks: 2, overdueTasks: 1 });
    expect(body.kpis).toEqual({
      // 4 live leads; 3 created in the last 30 days, 1 of them closed; open asking prices 80k + 50k + 70k.
      leads: { total: 4, newToday: 0, createdInRange: 3, conversionRate: 0.3333, pipelineValue: 200_000 },
      // Buyers are the whole team's: 3 live, 2 active, 2 of 3 cash, average of 300k and 100k.
      buyers: { active: 2, cashShare: 0.6667, averageProofOfFunds: 200_000 },
      // Due in range and not cancelled: 2 completed + 1 open → 2/3; completed in range: 2 over 30 days for 1 person.
      tasks: { pending: 2, overdue: 1, completionRate: 0.6667, completedPerUserPerDay: 0.07 },
      // Decided: accepted + rejected → 1/2; average of 60k, 50k, 70k.
      offers: { active: 1, acceptanceRate: 0.5, averageAmount: 60_000 },
      revenue: { thisMonth: expect.any(Number), dealsClosed: 1, averageDealSize: 15_000 },
      // Contacted after 4 h and 2 h; the deal closed 10 days after the lead came in.
      responseTimeMinutes: 180,
      dealVelocityDays: 10,
      // No call logged today: no talk rate and no per-agent average to divide.
      calls: { today: 0, talkRate: null, perAgent: null },
    });
    // The deal closed 10 days ago, which is this month unless the month began since.
    const closedAt = hours(daysAgo(20), 240);
    const thisMonth = new Date(Date.UTC(new Date(NOW).getUTCFullYear(), new Date(NOW).getUTCMonth(), 1));
    expect(body.kpis.revenue.thisMonth).toBe(closedAt >= thisMonth ? 15_000 : 0);
  });

  it("charts the scope's live leads by stage and the user's own open tasks due each day of the week", async () => {
    // The browser's day started an hour ago: the agent's IN_PROGRESS task (due in 24 h) falls on day 1; the overdue one is before the week.
    const dayStart = new Date(NOW - 3_600_000);
    const query = `?dayStart=${encodeURIComponent(dayStart.toISOString())}`;
    const mine = await dashboard(agent, query);
    expect(mine.body.charts.leadsByStage).toEqual([
      { status: 'NEW', leads: 2 },
      { status: 'CONTACTED', leads: 1 },
      { status: 'QUALIFIED', leads: 0 },
      { status: 'OFFER_MADE', leads: 0 },
      { status: 'UNDER_CONTRACT', leads: 0 },
      { status: 'CLOSED', leads: 1 },
      { status: 'DEAD', leads: 0 },
    ]);
    expect(mine.body.charts.myTasksDue).toEqual(
      [0, 1, 0, 0, 0, 0, 0].map((tasks, day) => ({ dayStart: new Date(dayStart.getTime() + day * 86_400_000).toISOString(), tasks })),
    );

    // A supervisor sees everyone's leads, but the tasks chart is still their own: one due in three days, one on the eighth day.
    const db = api.testDb.db;
    const soon = await db.task.create({ data: { title: 'Review the week', type: 'ADMIN', priority: 'LOW', status: 'ASSIGNED', dueAt: new Date(NOW + 3 * 86_400_000), assigneeId: supervisor.id } });
    const later = await db.task.create({ data: { title: 'Next week', type: 'ADMIN', priority: 'LOW', status: 'ASSIGNED', dueAt: new Date(NOW + 7 * 86_400_000), assigneeId: supervisor.id } });
    const everyone = await dashboard(supervisor, query);
    expect(everyone.body.charts.leadsByStage.map(({ leads }: { leads: number }) => leads)).toEqual([2, 1, 0, 0, 0, 1, 1]);
    expect(everyone.body.charts.myTasksDue.map(({ tasks }: { tasks: number }) => tasks)).toEqual([0, 0, 0, 1, 0, 0, 0]);
    // Written without an event, so no cached answer holds them; the next test counts the world without them.
    await db.task.deleteMany({ where: { id: { in: [soon.id, later.id] } } });
  });

  it('gives a supervisor everyone by default and the team on request; refuses an agent more than their own', async () => {
    const everyone = await dashboard(supervisor);
    expect(everyone.body.scope).toBe('everyone');
    expect(everyone.body.kpis.leads).toMatchObject({ total: 5, createdInRange: 4, conversionRate: 0.25, pipelineValue: 200_000 });
    expect(everyone.body.kpis.tasks).toMatchObject({ pending: 3, overdue: 1 });
    expect(everyone.body.kpis.offers).toMatchObject({ active: 2, averageAmount: 55_000 });
    const team = await dashboard(supervisor, '?scope=team');
    expect(team.body.kpis.leads.total).toBe(5);
    expect(team.body.kpis.tasks.completedPerUserPerDay).toBe(0.03); // 2 completions / 2 team members / 30 days

    const refused = await dashboard(agent, '?scope=everyone');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Only supervisors and admins can see the everyone's numbers");
  });

  it('counts flows only within the range, with nulls where there is nothing to divide', async () => {
    const from = new Date(NOW - 13 * 3_600_000).toISOString();
    const to = new Date(NOW - 12 * 3_600_000).toISOString();
    const { body } = await dashboard(agent, `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(body.kpis.leads).toMatchObject({ total: 4, createdInRange: 0, conversionRate: null });
    expect(body.kpis.offers.acceptanceRate).toBeNull();
    expect(body.kpis.revenue).toMatchObject({ dealsClosed: 0, averageDealSize: null });
    expect(body.kpis.responseTimeMinutes).toBeNull();
    expect(body.kpis.dealVelocityDays).toBeNull();
  });

  it('answers again from the database once a change has been streamed', async () => {
    expect((await dashboard(agent)).body.leads).toBe(4);
    const created = await api.request('POST', '/api/leads', { cookie: cookies[agent.id]!, body: buildLeadInput({ ownerId: agent.id }) });
    expect(created.status).toBe(201);
    await waitUntil('the new lead counted', async () => (await dashboard(agent)).body.leads === 5);
    await api.testDb.db.lead.update({ where: { id: created.body.id }, data: { archivedAt: new Date() } });
  });

  it("breaks today's calls down per agent for a supervisor (name, calls, talked, most calls first); an agent gets only their own figures", async () => {
    const db = api.testDb.db;
    const lead = await buildLead(db, supervisor.id, { sellerName: 'Cal Called' });
    // The browser's day started two hours ago (a question no cached answer holds); one call was before it.
    const dayStart = new Date(Date.now() - 2 * 3_600_000);
    const at = (h: number) => new Date(dayStart.getTime() + h * 3_600_000);
    const calls = [
      { userId: agent.id, outcome: 'TALKED', createdAt: at(0.5) },
      { userId: agent.id, outcome: 'NO_ANSWER', createdAt: at(1) },
      { userId: agent.id, outcome: 'VOICEMAIL', createdAt: at(1.5) },
      { userId: other.id, outcome: 'TALKED', createdAt: at(1) },
      { userId: other.id, outcome: 'NO_ANSWER', createdAt: at(-1) },
    ];
    await db.call.createMany({ data: calls.map((call) => ({ ...call, leadId: lead.id })) });
    const query = `?dayStart=${encodeURIComponent(dayStart.toISOString())}`;

    const everyone = (await dashboard(supervisor, query)).body.kpis.calls;
    expect(everyone).toEqual({
      today: 4,
      talkRate: 0.5,
      perAgent: 2,
      byAgent: [
        { userId: agent.id, name: agent.name, calls: 3, talked: 1 },
        { userId: other.id, name: other.name, calls: 1, talked: 1 },
      ],
    });
    expect((await dashboard(supervisor, `${query}&scope=team`)).body.kpis.calls.byAgent).toEqual(everyone.byAgent);
    expect((await dashboard(agent, query)).body.kpis.calls).toEqual({ today: 3, talkRate: 0.3333, perAgent: 3 });

    await db.call.deleteMany({ where: { leadId: lead.id } });
    await db.lead.delete({ where: { id: lead.id } });
  });

  it.each([
    ['?scope=all', { scope: expect.stringContaining('must be one of') }],
    ['?from=yesterday', { from: 'must be an ISO date-time' }],
    ['?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', { to: 'must be after from' }],
  ])('refuses %s naming the field', async (query, fields) => {
    const response = await dashboard(supervisor, query);
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual(fields);
  });
});
