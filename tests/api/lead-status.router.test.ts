import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';
import { leadWorkflowId } from '../../domain/workflow-ids';

jest.setTimeout(180_000);

let api: ApiHarness;
let cookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  const agent = await buildUser(api.testDb.db, { role: 'AGENT' });
  cookie = await api.login(agent.email);
});
afterAll(() => api?.close());

async function createLead() {
  const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
  await waitUntil('the contact task', () => api.testDb.db.task.findFirst({ where: { leadId: lead.id } }));
  return lead as { id: string };
}

const move = (leadId: string, body: unknown) => api.request('POST', `/api/leads/${leadId}/status`, { cookie, body });

describe('POST /api/leads/:id/status', () => {
  it('moves the lead through its workflow and answers with the updated lead', async () => {
    const lead = await createLead();
    const response = await move(lead.id, { status: 'CONTACTED' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: lead.id, status: 'CONTACTED' });
    expect(response.body.contactedAt).toEqual(expect.any(String));
    const state = await api.temporal.client.workflow.getHandle(leadWorkflowId(lead.id)).query('getLeadState');
    expect(state).toMatchObject({ status: 'CONTACTED' });
  });

  it('refuses a move the pipeline does not allow with a 409 and the reason', async () => {
    const lead = await createLead();
    const response = await move(lead.id, { status: 'CLOSED' });
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({ code: 'CONFLICT', message: 'Only a lead under contract can be closed' });
  });

  it('needs a reason to mark a lead DEAD, and reopens a dead lead as CONTACTED through a new workflow run', async () => {
    const lead = await createLead();
    const noReason = await move(lead.id, { status: 'DEAD' });
    expect(noReason.status).toBe(409);
    expect(noReason.body.error.fields).toEqual({ reason: expect.stringMatching(/^is required to mark a lead dead: one of /) });
    expect((await move(lead.id, { status: 'DEAD', reason: 'PRICE_TOO_HIGH' })).body).toMatchObject({ status: 'DEAD' });
    const handle = api.temporal.client.workflow.getHandle(leadWorkflowId(lead.id));
    await handle.result();

    const refused = await move(lead.id, { status: 'QUALIFIED' });
    expect(refused).toMatchObject({ status: 409, body: { error: { message: 'A dead lead can only be reopened as new or contacted' } } });
    const reopened = await move(lead.id, { status: 'CONTACTED' });
    expect(reopened).toMatchObject({ status: 200, body: { status: 'CONTACTED' } });
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await waitUntil('the follow-up of the reopened lead', () =>
      api.testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days', status: 'ASSIGNED' } }),
    );
  });

  it.each([
    [{ status: 'SOLD' }, { status: expect.stringContaining('must be one of NEW') }],
    [{}, { status: 'is required' }],
    [{ status: 'DEAD', reason: 'BORED' }, { reason: expect.stringContaining('must be one of ALREADY_SOLD') }],
  ])('answers %p with a 400 naming the field', async (body, fields) => {
    const lead = await createLead();
    const response = await move(lead.id, body);
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual(fields);
  });

  it('404s an unknown lead', async () => {
    expect((await move('nope', { status: 'CONTACTED' })).status).toBe(404);
  });
});
