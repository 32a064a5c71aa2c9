import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';
import { nextCallAttemptIn } from '../../domain/calls/next-call-attempt';

jest.setTimeout(180_000);

let api: ApiHarness;
let agent: { id: string; email: string };
let cookie: string;
let otherCookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  agent = await buildUser(api.testDb.db, { role: 'AGENT' });
  cookie = await api.login(agent.email);
  otherCookie = await api.login((await buildUser(api.testDb.db, { role: 'AGENT' })).email);
});
afterAll(() => api?.close());

async function newLead() {
  const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body as { id: string };
  await waitUntil('the contact task', () => api.testDb.db.task.findFirst({ where: { leadId: lead.id, status: 'ASSIGNED' } }));
  return lead;
}

const leadRow = (id: string) => api.testDb.db.lead.findUniqueOrThrow({ where: { id } });

describe('POST /api/leads/:id/calls', () => {
  it('saves the call with its event in the lead history; a first talk completes the contact task and moves the lead to CONTACTED', async () => {
    const lead = await newLead();
    const response = await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie, body: { outcome: 'TALKED', note: 'Wants to sell by March' } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ leadId: lead.id, userId: agent.id, outcome: 'TALKED', note: 'Wants to sell by March' });
    expect((await leadRow(lead.id)).status).toBe('CONTACTED');
    const contactTask = await api.testDb.db.task.findFirstOrThrow({ where: { leadId: lead.id, title: 'Contact lead within 1 hour' } });
    expect(contactTask.status).toBe('COMPLETED');

    const history = await api.request('GET', `/api/history/lead/${lead.id}`, { cookie });
    const names = (history.body.items as Array<{ name: string }>).map((item) => item.name);
    expect(names).toEqual(expect.arrayContaining(['lead.call_logged', 'lead.status_changed']));
    const event = await api.testDb.db.event.findFirstOrThrow({ where: { entityId: lead.id, action: 'call_logged' } });
    expect(JSON.parse(event.payload)).toMatchObject({ call: { id: response.body.id, outcome: 'TALKED' }, callerName: expect.any(String) });
  });

  it('a talk may qualify the lead at once', async () => {
    const lead = await newLead();
    expect((await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie, body: { outcome: 'TALKED', status: 'QUALIFIED' } })).status).toBe(201);
    expect((await leadRow(lead.id)).status).toBe('QUALIFIED');
  });

  it('no answer and voicemail re-arm the next attempt a business day later, moving the lead down the queue', async () => {
    const lead = await newLead();
    const logged = await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie, body: { outcome: 'NO_ANSWER' } });
    expect(logged.status).toBe(201);
    const row = await waitUntil('the next attempt', async () => {
      const found = await leadRow(lead.id);
      return found.nextFollowUpAt ? found : undefined;
    });
    expect(row.status).toBe('NEW');
    // The Settings' default, counted from the call's time in the owner's zone (none saved: UTC).
    expect(row.nextFollowUpAt!.toISOString()).toBe(nextCallAttemptIn(new Date(logged.body.createdAt), 'next-business-day', 'UTC').toISOString());
    expect(row.lastCallAt).not.toBeNull();
    expect(await api.testDb.db.call.count({ where: { leadId: lead.id, outcome: 'NO_ANSWER' } })).toBe(1);
  });

  it('not interested makes the lead DEAD with the reason given, or Not motivated; a wrong number DEAD, WRONG_NUMBER', async () => {
    const [first, second, third] = [await newLead(), await newLead(), await newLead()];
    expect((await api.request('POST', `/api/leads/${first.id}/calls`, { cookie, body: { outcome: 'NOT_INTERESTED', reason: 'LISTED_WITH_AGENT' } })).status).toBe(201);
    expect((await api.request('POST', `/api/leads/${second.id}/calls`, { cookie, body: { outcome: 'NOT_INTERESTED' } })).status).toBe(201);
    expect((await api.request('POST', `/api/leads/${third.id}/calls`, { cookie, body: { outcome: 'WRONG_NUMBER' } })).status).toBe(201);
    expect(await leadRow(first.id)).toMatchObject({ status: 'DEAD', deadReason: 'LISTED_WITH_AGENT' });
    expect(await leadRow(second.id)).toMatchObject({ status: 'DEAD', deadReason: 'NOT_MOTIVATED' });
    expect(await leadRow(third.id)).toMatchObject({ status: 'DEAD', deadReason: 'WRONG_NUMBER' });
  });

  it('refuses a bad body naming the field, a move the pipeline refuses, and another agent’s lead', async () => {
    const lead = await newLead();
    const bad = await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie, body: { outcome: 'HUNG_UP' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('outcome');
    const misplaced = await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie, body: { outcome: 'NO_ANSWER', status: 'QUALIFIED' } });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.fields).toHaveProperty('status');

    const notYours = await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie: otherCookie, body: { outcome: 'TALKED' } });
    expect(notYours.status).toBe(403);
    expect(await api.testDb.db.call.count({ where: { leadId: lead.id } })).toBe(0);

    expect((await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie, body: { outcome: 'WRONG_NUMBER' } })).status).toBe(201);
    const dead = await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie, body: { outcome: 'TALKED', status: 'QUALIFIED' } });
    expect(dead.status).toBe(409);
    expect(await api.testDb.db.call.count({ where: { leadId: lead.id } })).toBe(1);
  });

  it('counts in the dashboard: calls today, talk rate and calls per agent', async () => {
    const caller = await buildUser(api.testDb.db, { role: 'AGENT' });
    const callerCookie = await api.login(caller.email);
    const [first, second] = [
      (await api.request('POST', '/api/leads', { cookie: callerCookie, body: buildLeadInput() })).body as { id: string },
      (await api.request('POST', '/api/leads', { cookie: callerCookie, body: buildLeadInput() })).body as { id: string },
    ];
    const empty = await api.request('GET', '/api/dashboard?scope=me', { cookie: callerCookie });
    expect(empty.body.kpis.calls).toEqual({ today: 0, talkRate: null, perAgent: null });
    for (const [lead, outcome] of [[first, 'NO_ANSWER'], [first, 'VOICEMAIL'], [second, 'NO_ANSWER'], [second, 'TALKED']] as const) {
      expect((await api.request('POST', `/api/leads/${lead.id}/calls`, { cookie: callerCookie, body: { outcome } })).status).toBe(201);
    }
    const dashboard = await api.request('GET', '/api/dashboard?scope=me', { cookie: callerCookie });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.kpis.calls).toEqual({ today: 4, talkRate: 0.25, perAgent: 4 });
  });
});
