import { buildUser } from '../support/factories';
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
