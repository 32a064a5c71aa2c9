import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';
import { documentWorkflowId } from '../../domain/workflow-ids';

jest.setTimeout(180_000);

let api: ApiHarness;
let admin: { id: string; email: string };
let agent: { id: string; email: string };
let adminCookie: string;
let agentCookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  admin = await buildUser(api.testDb.db, { role: 'ADMIN', name: 'Ada Admin' });
  agent = await buildUser(api.testDb.db, { role: 'AGENT' });
  adminCookie = await api.login(admin.email);
  agentCookie = await api.login(agent.email);
});
afterAll(() => api?.close());

describe('/api/settings', () => {
  it('shows the defaults, lets an admin change durations and deal math, and the lead MAO follows', async () => {
    const initial = await api.request('GET', '/api/settings', { cookie: agentCookie });
    expect(initial.body).toEqual({
      deadlines: { contactMs: '1h', followUpMs: '3d', visitMs: '2d', closingMs: '2d', offerFollowUpMs: '2d', verifyPofMs: '1d', matchingIntervalMs: '7d', reviewDueMs: '7d', automationGraceMs: '15m' },
      dealMath: { rulePercent: 70, targetAssignmentFee: 10_000 },
      calls: { retryDelay: 'next-business-day' },
    });
    const created = (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body;
    const lead = (await api.request('PATCH', `/api/leads/${created.id}`, { cookie: agentCookie, body: { arv: 200_000, repairEstimate: 30_000 } })).body;
    expect(lead.mao).toBe(200_000 * 0.7 - 30_000 - 10_000);

    const changed = await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { deadlines: { contactMs: '2h' }, dealMath: { rulePercent: 65 } } });
    expect(changed.status).toBe(200);
    expect(changed.body.deadlines).toMatchObject({ contactMs: '2h', followUpMs: '3d' });
    expect(changed.body.dealMath).toEqual({ rulePercent: 65, targetAssignmentFee: 10_000 });
    expect((await api.request('GET', `/api/leads/${lead.id}`, { cookie: agentCookie })).body.mao).toBe(200_000 * 0.65 - 30_000 - 10_000);
    const edited = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie: agentCookie, body: { repairEstimate: 20_000 } });
    expect(edited.body.mao).toBe(200_000 * 0.65 - 20_000 - 10_000);
    expect(await api.testDb.db.event.count({ where: { entityType: 'setting', action: 'updated' } })).toBe(1);
  });

  it('takes effect for the next new lead: its contact task is due after the new duration', async () => {
    await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { deadlines: { contactMs: '3h' } } });
    const lead = (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body;
    const task = await waitUntil('the contact task', () => api.testDb.db.task.findFirst({ where: { leadId: lead.id } }));
    expect(task.dueAt.getTime() - new Date(lead.createdAt).getTime()).toBe(3 * 3_600_000);
  });

  it('lets an admin choose when the next call attempt falls due after no answer or a voicemail, with its event', async () => {
    const changed = await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { calls: { retryDelay: '2h' } } });
    expect(changed.status).toBe(200);
    expect(changed.body.calls).toEqual({ retryDelay: '2h' });
    // The other settings keep their values.
    expect(changed.body.dealMath.rulePercent).toBe(65);
    expect((await api.request('GET', '/api/settings', { cookie: agentCookie })).body.calls).toEqual({ retryDelay: '2h' });
    const event = await api.testDb.db.event.findFirstOrThrow({ where: { entityType: 'setting', action: 'updated' }, orderBy: { id: 'desc' } });
    expect(event.actorId).toBe(admin.id);
    expect(JSON.parse(event.payload)).toMatchObject({ calls: { retryDelay: '2h' } });
    await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { calls: { retryDelay: 'next-business-day' } } });
  });

  it('refuses an unknown next call attempt with a 400 naming the field in words', async () => {
    const response = await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { calls: { retryDelay: 'tomorrow' } } });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ 'calls.retryDelay': 'must be 2 hours later, 4 hours later, the next business day or two business days later' });
    expect(response.body.error.message).toBe('Invalid body: Calls, next call attempt must be 2 hours later, 4 hours later, the next business day or two business days later');
    expect((await api.request('GET', '/api/settings', { cookie: agentCookie })).body.calls).toEqual({ retryDelay: 'next-business-day' });
  });

  it('refuses a non-admin the next call attempt', async () => {
    const response = await api.request('PATCH', '/api/settings', { cookie: agentCookie, body: { calls: { retryDelay: '4h' } } });
    expect(response.status).toBe(403);
    expect((await api.request('GET', '/api/settings', { cookie: agentCookie })).body.calls).toEqual({ retryDelay: 'next-business-day' });
  });

  it.each([
    [{ deadlines: { contactMs: 'soon' } }, { 'deadlines.contactMs': 'must be a duration like 1h, 3d, 30m or 5s' }],
    [{ deadlines: { contactMs: '400d' } }, { 'deadlines.contactMs': 'must be at most 365d' }],
    [{ dealMath: { rulePercent: 120 } }, { 'dealMath.rulePercent': 'must be at most 100' }],
    // A 1 ms deadline, a follow-up cadence or a matching interval that would loop every few minutes for every lead or buyer.
    [{ deadlines: { contactMs: '1ms' } }, { 'deadlines.contactMs': 'must be at least 1m' }],
    [{ deadlines: { automationGraceMs: '59s', followUpMs: '59m', matchingIntervalMs: '23h' } }, { 'deadlines.automationGraceMs': 'must be at least 1m', 'deadlines.followUpMs': 'must be at least 1h', 'deadlines.matchingIntervalMs': 'must be at least 1d' }],
    [{ bogus: 1 }, { bogus: 'cannot be set here' }],
    [{ deadlines: { contactMs: '2h', callBackMs: '1h' }, dealMath: { rulePercent: 65, fee: 1 } }, { 'deadlines.callBackMs': 'cannot be set here', 'dealMath.fee': 'cannot be set here' }],
  ])('refuses %p naming the field', async (body, fields) => {
    const before = (await api.request('GET', '/api/settings', { cookie: agentCookie })).body;
    const response = await api.request('PATCH', '/api/settings', { cookie: adminCookie, body });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual(fields);
    expect((await api.request('GET', '/api/settings', { cookie: agentCookie })).body).toEqual(before);
  });

  it('takes each duration at its minimum, and says the minimum in the refusal', async () => {
    const before = (await api.request('GET', '/api/settings', { cookie: agentCookie })).body;
    const floors = { contactMs: '1m', followUpMs: '1h', visitMs: '1m', closingMs: '1m', offerFollowUpMs: '1m', verifyPofMs: '1m', matchingIntervalMs: '1d', reviewDueMs: '1m', automationGraceMs: '1m' };
    const atFloors = await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { deadlines: floors } });
    expect(atFloors.status).toBe(200);
    expect(atFloors.body.deadlines).toEqual(floors);
    const refused = await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { deadlines: { matchingIntervalMs: '1ms' } } });
    expect(refused.body.error.message).toBe('Invalid body: Deadlines, matching interval ms must be at least 1d');
    // Back to what the other tests expect.
    expect((await api.request('PATCH', '/api/settings', { cookie: adminCookie, body: { deadlines: before.deadlines } })).status).toBe(200);
  });

  it('refuses a non-admin', async () => {
    const response = await api.request('PATCH', '/api/settings', { cookie: agentCookie, body: { dealMath: { rulePercent: 50 } } });
    expect(response.status).toBe(403);
    expect((await api.request('GET', '/api/settings', { cookie: agentCookie })).body.dealMath.rulePercent).toBe(65);
  });
});

describe('notifications', () => {
  it('tells an owner about a lead someone else gave them; marks one and then all read', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie: adminCookie, body: buildLeadInput({ ownerId: agent.id, sellerName: 'Nora Notify' }) })).body;
    // Every contact task so far assigned (and its assignee told) before counting.
    await waitUntil('the contact tasks assigned', async () => (await api.testDb.db.task.count({ where: { status: 'CREATED' } })) === 0 && (await api.testDb.db.task.count()) >= 3);
    const list = await api.request('GET', '/api/notifications', { cookie: agentCookie });
    const newLead = list.body.items.find((n: { kind: string }) => n.kind === 'NEW_LEAD');
    expect(newLead).toMatchObject({ priority: 'HIGH', title: 'New lead: Nora Notify', link: `/leads/${lead.id}`, readAt: null });
    const unread = list.body.unread as number;
    expect(unread).toBeGreaterThanOrEqual(2);

    const read = await api.request('POST', `/api/notifications/${newLead.id}/read`, { cookie: agentCookie });
    expect(read.body.readAt).not.toBeNull();
    expect((await api.request('GET', '/api/notifications', { cookie: agentCookie })).body.unread).toBe(unread - 1);
    expect((await api.request('POST', `/api/notifications/${newLead.id}/read`, { cookie: adminCookie })).status).toBe(404);

    const all = await api.request('POST', '/api/notifications/read-all', { cookie: agentCookie });
    expect(all.body).toEqual({ updated: unread - 1 });
    expect((await api.request('GET', '/api/notifications', { cookie: agentCookie })).body.unread).toBe(0);
    const readEvents = await api.testDb.db.event.findMany({ where: { entityType: 'notification', action: 'read' } });
    expect(readEvents.every((event) => event.audienceUserId === agent.id)).toBe(true);
  });

  it('starts document-<id> for a document that expires', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body;
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const doc = await api.request('POST', '/api/documents', { cookie: agentCookie, body: { kind: 'PURCHASE_CONTRACT', fileName: 'psa.pdf', leadId: lead.id, expiresAt } });
    expect(doc.status).toBe(201);
    const run = await api.temporal.client.workflow.getHandle(documentWorkflowId(doc.body.id)).describe();
    expect(run.status.name).toBe('RUNNING');
  });
});
