import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
type User = Awaited<ReturnType<typeof buildUser>>;
let agent: User;
let supervisor: User;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  api = await startApiHarness();
  agent = await buildUser(api.testDb.db, { role: 'AGENT', name: 'Avery Agent' });
  supervisor = await buildUser(api.testDb.db, { role: 'SUPERVISOR', name: 'Sam Supervisor' });
  for (const user of [agent, supervisor]) cookies[user.id] = await api.login(user.email);
});
afterAll(() => api?.close());

const as = (user: User) => ({ cookie: cookies[user.id]! });
const transition = (user: User, taskId: string, action: string, reason?: string) =>
  api.request('POST', `/api/tasks/${taskId}/transition`, { ...as(user), body: { action, ...(reason === undefined ? {} : { reason }) } });

async function createLeadTask(creator: User, leadId: string, body: Record<string, unknown>): Promise<string> {
  const created = await api.request('POST', '/api/tasks', {
    ...as(creator),
    body: { dueAt: new Date(Date.now() + 86_400_000).toISOString(), assigneeId: agent.id, leadId, ...body },
  });
  expect(created.status).toBe(201);
  const taskId = created.body.id as string;
  await waitUntil('the task to be assigned', async () => (await api.testDb.db.task.findUniqueOrThrow({ where: { id: taskId } })).status === 'ASSIGNED');
  return taskId;
}

/** The text the bell shows for the reader's notification of this kind on this task. */
async function bellText(reader: User, kind: string, taskId: string): Promise<string> {
  await waitUntil(`the ${kind} notification`, () => api.testDb.db.notification.findFirst({ where: { recipientId: reader.id, kind, link: `/tasks/${taskId}` } }));
  const bell = await api.request('GET', '/api/notifications', as(reader));
  expect(bell.status).toBe(200);
  const item = (bell.body.items as Array<{ title: string; body: string; link: string }>).find((notification) => notification.link === `/tasks/${taskId}` && notification.title.length > 0 && notification.body.includes('Rita Seller'));
  expect(item).toBeDefined();
  return `${item!.title} — ${item!.body}`;
}

describe('task notifications name what the task is about', () => {
  it('review requested, rejected, approved, completed and cancelled each name the lead\'s seller and street in the bell', async () => {
    const lead = await api.request('POST', '/api/leads', { ...as(agent), body: buildLeadInput({ sellerName: 'Rita Seller', street: '12 Elm St' }) });
    expect(lead.status).toBe(201);
    const leadId = lead.body.id as string;

    const reviewed = await createLeadTask(agent, leadId, { title: 'Photograph the kitchen', requiresReview: true });
    expect((await transition(agent, reviewed, 'start')).status).toBe(200);
    expect((await transition(agent, reviewed, 'submit')).status).toBe(200);
    expect(await bellText(supervisor, 'REVIEW_REQUESTED', reviewed)).toBe(
      'Review requested: Photograph the kitchen — A task waits for your approval in the review queue. Rita Seller, 12 Elm St.',
    );
    expect((await transition(supervisor, reviewed, 'reject', 'photos missing')).status).toBe(200);
    expect(await bellText(agent, 'TASK_REJECTED', reviewed)).toBe('Rejected: Photograph the kitchen — Back in progress: photos missing. Rita Seller, 12 Elm St.');
    expect((await transition(agent, reviewed, 'submit')).status).toBe(200);
    expect((await transition(supervisor, reviewed, 'approve')).status).toBe(200);
    expect(await bellText(agent, 'TASK_APPROVED', reviewed)).toBe('Approved: Photograph the kitchen — Your task was approved and is complete. Rita Seller, 12 Elm St.');

    const completed = await createLeadTask(supervisor, leadId, { title: 'Order the title search' });
    expect((await transition(agent, completed, 'complete')).status).toBe(200);
    expect(await bellText(supervisor, 'TASK_COMPLETED', completed)).toBe('Completed: Order the title search — A task you created is done. Rita Seller, 12 Elm St.');

    const cancelled = await createLeadTask(supervisor, leadId, { title: 'Book the inspector' });
    expect((await transition(supervisor, cancelled, 'cancel', 'seller sold it')).status).toBe(200);
    expect(await bellText(agent, 'TASK_CANCELLED', cancelled)).toBe('Cancelled: Book the inspector — Reason: seller sold it. Rita Seller, 12 Elm St.');
  });
});

describe('GET /api/tasks/:id lastChange', () => {
  it('after a rejection names the supervisor, the action and the reason, for every viewer of the task', async () => {
    const created = await api.request('POST', '/api/tasks', {
      ...as(agent),
      body: { title: 'Photograph the kitchen', dueAt: new Date(Date.now() + 86_400_000).toISOString(), assigneeId: agent.id, requiresReview: true },
    });
    expect(created.status).toBe(201);
    const taskId = created.body.id as string;
    await waitUntil('the task to be assigned', async () => (await api.testDb.db.task.findUniqueOrThrow({ where: { id: taskId } })).status === 'ASSIGNED');
    expect((await transition(agent, taskId, 'start')).status).toBe(200);
    expect((await transition(agent, taskId, 'submit')).status).toBe(200);
    const submitted = await api.request('GET', `/api/tasks/${taskId}`, as(supervisor));
    expect(submitted.body.lastChange).toMatchObject({ by: 'Avery Agent', action: 'submitted', reason: null });

    expect((await transition(supervisor, taskId, 'reject', 'photos missing')).status).toBe(200);
    for (const viewer of [agent, supervisor]) {
      const detail = await api.request('GET', `/api/tasks/${taskId}`, as(viewer));
      expect(detail.status).toBe(200);
      expect(detail.body.status).toBe('IN_PROGRESS');
      expect(detail.body.lastChange).toEqual({ by: 'Sam Supervisor', action: 'rejected', reason: 'photos missing', at: expect.any(String) });
    }
  });
});
