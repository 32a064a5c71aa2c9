import { getTaskStateQuery } from '../../workflows/tasks/task.messages';
import { taskWorkflowId } from '../../domain/workflow-ids';
import { buildLead, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
type User = Awaited<ReturnType<typeof buildUser>>;
let admin: User;
let adminCookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  admin = await buildUser(api.testDb.db, { role: 'ADMIN', name: 'Ada Admin' });
  adminCookie = await api.login(admin.email);
});
afterAll(() => api?.close());

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
const asAdmin = (body?: unknown) => ({ cookie: adminCookie, ...(body === undefined ? {} : { body }) });

async function createTask(body: Record<string, unknown>) {
  const created = await api.request('POST', '/api/tasks', asAdmin({ title: 'Call the title company', dueAt: inADay(), ...body }));
  expect(created.status).toBe(201);
  await waitUntil('the task to be assigned', async () => (await api.testDb.db.task.findUniqueOrThrow({ where: { id: created.body.id } })).status === 'ASSIGNED');
  return created.body as { id: string };
}

const taskState = (taskId: string) => api.temporal.client.workflow.getHandle(taskWorkflowId(taskId)).query(getTaskStateQuery);

describe('only admins manage users', () => {
  it.each([
    ['POST', '/api/users', { email: 'x@flipstackk.test', name: 'X', role: 'AGENT', password: 'a long enough password' }],
    ['GET', '/api/users/invites', undefined],
    ['POST', '/api/users/invites', { email: 'y@flipstackk.test', name: 'Y', role: 'ADMIN' }],
    ['POST', '/api/users/USER/invites', undefined],
    ['GET', '/api/users/USER/workload', undefined],
    ['POST', '/api/users/USER/deactivate', {}],
    ['POST', '/api/users/USER/reactivate', undefined],
    ['PATCH', '/api/users/USER', { role: 'ADMIN' }],
  ])('%s %s answers 403 to an agent and a supervisor, and changes nothing', async (method, path, body) => {
    const target = await buildUser(api.testDb.db, { role: 'AGENT' });
    for (const role of ['AGENT', 'SUPERVISOR'] as const) {
      const cookie = await api.login((await buildUser(api.testDb.db, { role })).email);
      const response = await api.request(method, path.replace('USER', target.id), { cookie, body });
      expect(response).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'Only an admin can manage users' } } });
    }
    expect(await api.testDb.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ active: true, role: 'AGENT' });
    expect(await api.testDb.db.user.count({ where: { email: { in: ['x@flipstackk.test', 'y@flipstackk.test'] } } })).toBe(0);
  });

  it('refuses a new user with a field it cannot set, naming it, and creates nobody', async () => {
    const response = await api.request('POST', '/api/users', asAdmin({ email: 'strict@flipstackk.test', name: 'Strict', role: 'AGENT', password: 'a long enough password', active: false }));
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields)).toEqual(['active']);
    expect(await api.testDb.db.user.count({ where: { email: 'strict@flipstackk.test' } })).toBe(0);
  });

  it('lets everyone list users (the owner and assignee pickers need them)', async () => {
    const cookie = await api.login((await buildUser(api.testDb.db, { role: 'AGENT' })).email);
    expect((await api.request('GET', '/api/users', { cookie })).status).toBe(200);
  });
});

describe('deactivating a user', () => {
  it('ends their sessions at once, moves their open leads to the picked user and reassigns their open tasks by the rules', async () => {
    const leaver = await buildUser(api.testDb.db, { role: 'AGENT', name: 'Lee Leaver' });
    const heir = await buildUser(api.testDb.db, { role: 'AGENT', name: 'Hana Heir' });
    const acquisitions = await buildUser(api.testDb.db, { role: 'ACQUISITIONS', name: 'Aki Acquisitions' });
    const leaverCookie = await api.login(leaver.email);
    const openLead = await buildLead(api.testDb.db, leaver.id);
    const deadLead = await api.testDb.db.lead.update({ where: { id: (await buildLead(api.testDb.db, leaver.id)).id }, data: { status: 'DEAD', deadReason: 'NOT_MOTIVATED' } });
    const leadTask = await createTask({ title: 'Walk the property', type: 'LEAD', leadId: openLead.id, assigneeId: leaver.id });
    const buyerTask = await createTask({ title: 'Call the buyer back', type: 'BUYER', assigneeId: leaver.id });
    const ownTask = await createTask({ title: 'Renew the MLS login', type: 'LEAD', assigneeId: leaver.id });
    expect((await api.request('GET', `/api/users/${leaver.id}/workload`, asAdmin())).body).toEqual({ openLeads: 1, openTasks: 3 });

    const withoutHeir = await api.request('POST', `/api/users/${leaver.id}/deactivate`, asAdmin({}));
    expect(withoutHeir).toMatchObject({ status: 400, body: { error: { fields: { leadsTo: 'is required: Lee Leaver owns 1 open lead' } } } });
    const inactive = await buildUser(api.testDb.db, { active: false });
    const toInactive = await api.request('POST', `/api/users/${leaver.id}/deactivate`, asAdmin({ leadsTo: inactive.id }));
    expect(toInactive).toMatchObject({ status: 422, body: { error: { fields: { leadsTo: 'must name an active user' } } } });
    // Refusals changed nothing.
    expect((await api.request('GET', '/api/me', { cookie: leaverCookie })).status).toBe(200);

    const lastEventId = (await api.testDb.db.event.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0;
    const done = await api.request('POST', `/api/users/${leaver.id}/deactivate`, asAdmin({ leadsTo: heir.id }));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ user: { id: leaver.id, active: false }, movedLeadIds: [openLead.id], unassignedTasks: [] });

    // The session ended: the very next request with it is refused, and signing in too.
    expect((await api.request('GET', '/api/me', { cookie: leaverCookie })).status).toBe(401);
    await expect(api.login(leaver.email)).rejects.toThrow('401');
    expect(await api.testDb.db.session.count({ where: { userId: leaver.id } })).toBe(0);

    // The open lead moved; the dead one stays theirs (history and credit).
    expect((await api.request('GET', `/api/leads/${openLead.id}`, asAdmin())).body.ownerId).toBe(heir.id);
    expect((await api.testDb.db.lead.findUniqueOrThrow({ where: { id: deadLead.id } })).ownerId).toBe(leaver.id);

    // Each task went where its rule points among active users: the lead's (new) owner, the
    // acquisitions member with the least open work, and the creator.
    const expected = { [leadTask.id]: heir.id, [buyerTask.id]: acquisitions.id, [ownTask.id]: admin.id };
    expect(Object.fromEntries(done.body.reassignedTasks.map((t: { taskId: string; assigneeId: string }) => [t.taskId, t.assigneeId]))).toEqual(expected);
    for (const [taskId, assigneeId] of Object.entries(expected)) {
      expect((await api.request('GET', `/api/tasks/${taskId}`, asAdmin())).body.assigneeId).toBe(assigneeId);
      expect((await taskState(taskId)).assigneeId).toBe(assigneeId);
    }

    const events = await api.testDb.db.event.findMany({ where: { id: { gt: lastEventId } }, orderBy: { id: 'asc' } });
    const names = events.map((event) => `${event.entityType}.${event.action}:${event.entityId}`);
    expect(names).toEqual(
      expect.arrayContaining([`session.ended:${leaver.id}`, `user.updated:${leaver.id}`, `lead.updated:${openLead.id}`, ...Object.keys(expected).map((id) => `task.reassigned:${id}`)]),
    );
    expect(JSON.parse(events.find((event) => event.entityType === 'user')!.payload)).toMatchObject({ active: false });
    expect(events.find((event) => event.entityType === 'lead')!.actorId).toBe(admin.id);
  });

  it('refuses an admin deactivating or demoting themselves (the last active admin is always one of those here)', async () => {
    const self = await api.request('POST', `/api/users/${admin.id}/deactivate`, asAdmin({}));
    expect(self).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', message: 'You cannot deactivate yourself: ask another admin' } } });
    const viaPatch = await api.request('PATCH', `/api/users/${admin.id}`, asAdmin({ active: false }));
    expect(viaPatch.status).toBe(400);
    const demote = await api.request('PATCH', `/api/users/${admin.id}`, asAdmin({ role: 'SUPERVISOR' }));
    expect(demote).toMatchObject({ status: 400, body: { error: { message: 'You cannot drop your own admin role: ask another admin' } } });
    expect((await api.request('GET', '/api/me', asAdmin())).body).toMatchObject({ role: 'ADMIN' });
  });

  it('changes a role, and reactivates a user who signs in again with their old password', async () => {
    const user = await buildUser(api.testDb.db, { role: 'AGENT' });
    const cookie = await api.login(user.email);
    expect((await api.request('PATCH', `/api/users/${user.id}`, asAdmin({ role: 'SUPERVISOR' }))).body).toMatchObject({ role: 'SUPERVISOR' });
    expect((await api.request('GET', '/api/me', { cookie })).body.role).toBe('SUPERVISOR');
    expect((await api.request('PATCH', `/api/users/${user.id}`, asAdmin({ active: false }))).body).toMatchObject({ active: false });
    expect((await api.request('GET', '/api/me', { cookie })).status).toBe(401);
    const back = await api.request('POST', `/api/users/${user.id}/reactivate`, asAdmin());
    expect(back).toMatchObject({ status: 200, body: { active: true } });
    expect((await api.request('GET', '/api/me', { cookie: await api.login(user.email) })).body.role).toBe('SUPERVISOR');
  });
});

describe('inactive users never receive a task', () => {
  it('refuses an inactive assignee when a task is created, reassigned or bulk-reassigned', async () => {
    const gone = await buildUser(api.testDb.db, { role: 'AGENT', active: false });
    const created = await api.request('POST', '/api/tasks', asAdmin({ title: 'T', dueAt: inADay(), type: 'LEAD', assigneeId: gone.id }));
    expect(created).toMatchObject({ status: 422, body: { error: { fields: { assigneeId: 'must name an active user' } } } });
    const task = await createTask({ title: 'Pull comps', type: 'LEAD', assigneeId: admin.id });
    const patched = await api.request('PATCH', `/api/tasks/${task.id}`, asAdmin({ assigneeId: gone.id }));
    expect(patched).toMatchObject({ status: 422, body: { error: { fields: { assigneeId: 'must name an active user' } } } });
    const bulk = await api.request('POST', '/api/tasks/bulk', asAdmin({ ids: [task.id], action: 'reassign', assigneeId: gone.id }));
    expect(bulk.body.results).toEqual([{ id: task.id, ok: false, error: 'Choose an active user as the assignee' }]);
    expect((await taskState(task.id)).assigneeId).toBe(admin.id);
  });

  it("routes a lead's automatic task to an active user of the owner's role when the owner is inactive", async () => {
    const gone = await buildUser(api.testDb.db, { role: 'AGENT', name: 'Gone Owner' });
    const lead = await api.testDb.db.lead.update({ where: { id: (await buildLead(api.testDb.db, gone.id)).id }, data: { status: 'DEAD', deadReason: 'NOT_MOTIVATED' } });
    expect((await api.request('POST', `/api/users/${gone.id}/deactivate`, asAdmin({}))).status).toBe(200);
    // Reopening the dead lead makes its workflow create a contact task for the owner.
    expect((await api.request('POST', `/api/leads/${lead.id}/status`, asAdmin({ status: 'NEW' }))).status).toBe(200);
    const contact = await waitUntil('the contact task', () => api.testDb.db.task.findFirst({ where: { leadId: lead.id }, include: { assignee: true } }));
    expect(contact.assignee).toMatchObject({ active: true, role: 'AGENT' });
    expect(contact.assigneeId).not.toBe(gone.id);
  });
});
