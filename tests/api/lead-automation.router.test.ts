import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { buyerWorkflowId, leadWorkflowId } from '../../domain/workflow-ids';
import { getBuyerStateQuery } from '../../workflows/buyers/buyer.messages';
import { getLeadStateQuery } from '../../workflows/leads/lead.messages';
import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// Archiving and reassigning a lead through the API, and its next follow-up date.
let api: ApiHarness;
let agent: { id: string; email: string; name: string };
let colleague: { id: string; email: string; name: string };
let cookie: string;
let colleagueCookie: string;
let supervisorCookie: string;
let acquisitionsCookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  const db = api.testDb.db;
  agent = await buildUser(db, { role: 'AGENT', name: 'Al Agent' });
  colleague = await buildUser(db, { role: 'AGENT', name: 'Bea Agent' });
  cookie = await api.login(agent.email);
  colleagueCookie = await api.login(colleague.email);
  supervisorCookie = await api.login((await buildUser(db, { role: 'SUPERVISOR', name: 'Sue Supervisor' })).email);
  acquisitionsCookie = await api.login((await buildUser(db, { role: 'ACQUISITIONS' })).email);
});
afterAll(() => api?.close());

const db = () => api.testDb.db;

/** A new lead of the agent's, once its workflow has assigned the contact task. */
async function leadWithContactTask(sellerName: string) {
  const created = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ sellerName }) });
  expect(created.status).toBe(201);
  const task = await waitUntil('the contact task to be assigned', () => db().task.findFirst({ where: { leadId: created.body.id, status: 'ASSIGNED' } }));
  return { lead: created.body as { id: string; sellerName: string; street: string }, task };
}

describe('archive and unarchive', () => {
  it('archiving a lead cancels its open automatic tasks and the workflow holds it archived; unarchiving restarts its automation', async () => {
    const { lead, task } = await leadWithContactTask('Archie Junk');
    const archived = await api.request('POST', `/api/leads/${lead.id}/archive`, { cookie });
    expect(archived.status).toBe(200);
    await waitUntil('the contact task to be cancelled', async () => (await db().task.findUniqueOrThrow({ where: { id: task.id } })).status === 'CANCELLED');
    const handle = api.temporal.client.workflow.getHandle(leadWorkflowId(lead.id));
    await waitUntil('the workflow to hold the lead archived', async () => (await handle.query(getLeadStateQuery)).archived === true);
    expect((await api.request('GET', `/api/leads?ownerId=${agent.id}`, { cookie })).body.items.map((item: { id: string }) => item.id)).not.toContain(lead.id);

    // Only who may archive may unarchive; a live lead is not unarchived twice.
    expect((await api.request('POST', `/api/leads/${lead.id}/unarchive`, { cookie: colleagueCookie })).status).toBe(403);
    const unarchived = await api.request('POST', `/api/leads/${lead.id}/unarchive`, { cookie });
    expect(unarchived.status).toBe(200);
    expect(unarchived.body).toMatchObject({ id: lead.id, status: 'NEW' });
    expect((await api.request('POST', `/api/leads/${lead.id}/unarchive`, { cookie })).status).toBe(409);
    const restarted = await waitUntil('a new contact task', () =>
      db().task.findFirst({ where: { leadId: lead.id, title: 'Contact lead within 1 hour', status: 'ASSIGNED', id: { not: task.id } } }),
    );
    expect(restarted.assigneeId).toBe(agent.id);
    expect(await db().event.count({ where: { entityId: lead.id, entityType: 'lead', action: 'unarchived' } })).toBe(1);
  });

  it('archiving a buyer cancels "Verify proof of funds" and stops its matching; unarchiving brings it back', async () => {
    const created = await api.request('POST', '/api/buyers', { cookie: acquisitionsCookie, body: { name: 'Archived Cash', markets: ['Dayton, OH'] } });
    expect(created.status).toBe(201);
    const verify = await waitUntil('"Verify proof of funds"', () => db().task.findFirst({ where: { buyerId: created.body.id, status: 'ASSIGNED' } }));
    expect((await api.request('POST', `/api/buyers/${created.body.id}/archive`, { cookie: acquisitionsCookie })).status).toBe(200);
    await waitUntil('the task to be cancelled', async () => (await db().task.findUniqueOrThrow({ where: { id: verify.id } })).status === 'CANCELLED');
    const handle = api.temporal.client.workflow.getHandle(buyerWorkflowId(created.body.id));
    await waitUntil('the workflow to hold the buyer archived', async () => (await handle.query(getBuyerStateQuery)).archived === true);
    // Its page still reads it, marked archived, so it can be unarchived there.
    expect((await api.request('GET', `/api/buyers/${created.body.id}`, { cookie: acquisitionsCookie })).body).toMatchObject({ archivedAt: expect.any(String) });
    expect((await api.request('GET', `/api/buyers/${created.body.id}/matches`, { cookie: acquisitionsCookie })).status).toBe(404);

    expect((await api.request('POST', `/api/buyers/${created.body.id}/unarchive`, { cookie: acquisitionsCookie })).status).toBe(200);
    await waitUntil('the workflow to hold the buyer live', async () => (await handle.query(getBuyerStateQuery)).archived === false);
    const live = (await api.request('GET', `/api/buyers/${created.body.id}`, { cookie: acquisitionsCookie })).body;
    expect(live).toMatchObject({ name: 'Archived Cash' });
    expect(live).not.toHaveProperty('archivedAt');
  });
});

describe('reassigning a lead', () => {
  it("moves the lead's open tasks to the new owner and tells both owners", async () => {
    const { lead, task } = await leadWithContactTask('Rita Reassigned');
    const response = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie: supervisorCookie, body: { ownerId: colleague.id } });
    expect(response.status).toBe(200);
    expect(response.body.ownerId).toBe(colleague.id);

    expect(await db().task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ assigneeId: colleague.id, status: 'ASSIGNED' });
    expect(await db().event.count({ where: { entityId: task.id, action: 'reassigned' } })).toBe(1);
    for (const owner of [agent, colleague]) {
      const notices = await db().notification.findMany({ where: { recipientId: owner.id, kind: 'LEAD_REASSIGNED', link: `/leads/${lead.id}` } });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ title: 'Lead reassigned: Rita Reassigned', body: `${lead.street} moved from Al Agent to Bea Agent with 1 open task, by Sue Supervisor.` });
    }
    // The new owner now works the lead's task; the previous one no longer can.
    expect((await api.request('POST', `/api/tasks/${task.id}/transition`, { cookie: colleagueCookie, body: { action: 'start' } })).status).toBe(200);
  });

  it('reassigns in bulk: each lead with its tasks, one result per id, an unknown lead reported without stopping the others', async () => {
    const first = await leadWithContactTask('Bulk One');
    const second = await leadWithContactTask('Bulk Two');
    const response = await api.request('POST', '/api/leads/bulk', { cookie: supervisorCookie, body: { ids: [first.lead.id, second.lead.id, 'no-such-lead'], action: 'reassign', ownerId: colleague.id } });
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      expect.objectContaining({ id: first.lead.id, ok: true, lead: expect.objectContaining({ ownerId: colleague.id }) }),
      expect.objectContaining({ id: second.lead.id, ok: true, lead: expect.objectContaining({ ownerId: colleague.id }) }),
      expect.objectContaining({ id: 'no-such-lead', ok: false, error: expect.stringContaining('does not exist') }),
    ]);
    for (const { lead, task } of [first, second]) {
      expect((await db().task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(colleague.id);
      expect(await db().notification.count({ where: { kind: 'LEAD_REASSIGNED', link: `/leads/${lead.id}`, recipientId: { in: [agent.id, colleague.id] } } })).toBe(2);
    }
  });

  it('refuses a bulk reassignment by an agent per lead, and moves nothing', async () => {
    const { lead, task } = await leadWithContactTask('Kept Lead');
    const response = await api.request('POST', '/api/leads/bulk', { cookie, body: { ids: [lead.id], action: 'reassign', ownerId: colleague.id } });
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([expect.objectContaining({ id: lead.id, ok: false, error: expect.stringContaining('only a supervisor or an admin can reassign') })]);
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerId).toBe(agent.id);
    expect((await db().task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(agent.id);
    expect((await api.request('POST', '/api/leads/bulk', { cookie: supervisorCookie, body: { ids: [], action: 'reassign', ownerId: colleague.id } })).status).toBe(400);
  });

  it('refuses a bulk reassignment to someone who cannot take leads as a whole, naming the owner, and moves nothing', async () => {
    const { lead, task } = await leadWithContactTask('Stays Put');
    const gone = await buildUser(db(), { role: 'AGENT', active: false });
    for (const ownerId of ['no-such-user', gone.id]) {
      const response = await api.request('POST', '/api/leads/bulk', { cookie: supervisorCookie, body: { ids: [lead.id], action: 'reassign', ownerId } });
      expect(response.status).toBe(422);
      expect(response.body.error.fields).toEqual({ ownerId: 'must name an active user' });
    }
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerId).toBe(agent.id);
    expect((await db().task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(agent.id);
  });
});

describe('next follow-up date', () => {
  it('is set when the workflow arms the follow-up of a CONTACTED lead and cleared when the lead leaves the open statuses', async () => {
    const { lead } = await leadWithContactTask('Fiona Follow');
    const before = Date.now();
    const contacted = await api.request('POST', `/api/leads/${lead.id}/status`, { cookie, body: { status: 'CONTACTED' } });
    expect(contacted.status).toBe(200);
    const due = Date.parse(contacted.body.nextFollowUpAt);
    expect(due).toBeGreaterThanOrEqual(before + DEFAULT_DEADLINES.followUpMs);
    const state = await api.temporal.client.workflow.getHandle(leadWorkflowId(lead.id)).query(getLeadStateQuery);
    expect(state.followUpDueAt).toBe(contacted.body.nextFollowUpAt);
    expect((await api.request('GET', `/api/leads/${lead.id}`, { cookie })).body.nextFollowUpAt).toBe(contacted.body.nextFollowUpAt);

    const dead = await api.request('POST', `/api/leads/${lead.id}/status`, { cookie, body: { status: 'DEAD', reason: 'NOT_MOTIVATED' } });
    expect(dead.status).toBe(200);
    expect(dead.body.nextFollowUpAt).toBeNull();
  });

  it('sorts the leads table by it, in keyset pages, leads without one last when soonest first is reversed', async () => {
    const owner = await buildUser(db(), { role: 'AGENT' });
    const day = 86_400_000;
    const base = Date.parse('2027-03-01T09:00:00.000Z');
    const make = (sellerName: string, nextFollowUpAt: Date | null) =>
      db().lead.create({ data: { ...buildLeadInput({ sellerName }), tags: '[]', ownerId: owner.id, status: nextFollowUpAt ? 'CONTACTED' : 'NEW', nextFollowUpAt, workflowStartedAt: new Date() } });
    await make('Later', new Date(base + 2 * day));
    await make('None', null);
    await make('Soonest', new Date(base));
    await make('Middle', new Date(base + day));

    const read = async (sort: string) => {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: Array<{ sellerName: string }>; nextCursor: string | null } } = await api.request('GET', `/api/leads?ownerId=${owner.id}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie: supervisorCookie });
        expect(page.status).toBe(200);
        names.push(...page.body.items.map((item) => item.sellerName));
        cursor = page.body.nextCursor;
      } while (cursor);
      return names;
    };
    expect(await read('nextFollowUpAt')).toEqual(['None', 'Soonest', 'Middle', 'Later']);
    expect(await read('-nextFollowUpAt')).toEqual(['Later', 'Middle', 'Soonest', 'None']);
  });
});
