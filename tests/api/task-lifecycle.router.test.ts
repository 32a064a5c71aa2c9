import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { recordHistory } from '../support/temporal-env';
import { waitUntil } from '../support/wait-until';
import { taskWorkflowId } from '../../domain/workflow-ids';

jest.setTimeout(180_000);

let api: ApiHarness;
type User = Awaited<ReturnType<typeof buildUser>>;
let agent: User;
let otherAgent: User;
let supervisor: User;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  api = await startApiHarness();
  agent = await buildUser(api.testDb.db, { role: 'AGENT', name: 'Alex Agent' });
  otherAgent = await buildUser(api.testDb.db, { role: 'AGENT', name: 'Olive Other' });
  supervisor = await buildUser(api.testDb.db, { role: 'SUPERVISOR', name: 'Sam Supervisor' });
  for (const user of [agent, otherAgent, supervisor]) cookies[user.id] = await api.login(user.email);
});
afterAll(() => api?.close());

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
const as = (user: User) => ({ cookie: cookies[user.id]! });
const transition = (user: User, taskId: string, action: string, reason?: string) =>
  api.request('POST', `/api/tasks/${taskId}/transition`, { ...as(user), body: { action, ...(reason === undefined ? {} : { reason }) } });

async function createAssignedTask(body: Record<string, unknown>, creator: User = agent) {
  const created = await api.request('POST', '/api/tasks', { ...as(creator), body: { title: 'Call the title company', dueAt: inADay(), assigneeId: agent.id, ...body } });
  expect(created.status).toBe(201);
  await waitUntil('the task to be assigned', async () => (await api.testDb.db.task.findUniqueOrThrow({ where: { id: created.body.id } })).status === 'ASSIGNED');
  return created.body as { id: string };
}

describe('task lifecycle through task-<id>', () => {
  it('runs a review task: start, submit, refused approvals, supervisor approval, with notes, notifications and events', async () => {
    const task = await createAssignedTask({ title: 'Draft the assignment contract', requiresReview: true, priority: 'HIGH' });
    expect((await api.request('GET', `/api/tasks/${task.id}`, as(agent))).body.allowedActions).toEqual(['start', 'submit', 'cancel']);

    const started = await transition(agent, task.id, 'start');
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'IN_PROGRESS', allowedActions: ['submit', 'cancel'] });

    const completeEarly = await transition(agent, task.id, 'complete');
    expect(completeEarly.status).toBe(409);
    expect(completeEarly.body.error.message).toMatch(/requires review/);
    expect((await transition(otherAgent, task.id, 'submit')).status).toBe(403);

    expect((await transition(agent, task.id, 'submit')).body.status).toBe('PENDING_REVIEW');
    await waitUntil('the review request', () => api.testDb.db.notification.findFirst({ where: { recipientId: supervisor.id, kind: 'REVIEW_REQUESTED', link: `/tasks/${task.id}` } }));
    const queue = await api.request('GET', '/api/tasks?view=review', as(supervisor));
    expect(queue.body.items.map((t: { id: string }) => t.id)).toContain(task.id);

    const agentApproves = await transition(agent, task.id, 'approve');
    expect(agentApproves.status).toBe(403);
    expect(agentApproves.body.error.message).toBe('only a supervisor can approve a task');
    expect((await transition(supervisor, task.id, 'reject')).status).toBe(409); // a rejection needs a reason

    const rejected = await transition(supervisor, task.id, 'reject', 'Missing the buyer’s entity name');
    expect(rejected.body).toMatchObject({ status: 'IN_PROGRESS', reviewedById: supervisor.id });
    const notes = await api.request('GET', `/api/notes?taskId=${task.id}`, as(agent));
    expect(notes.body.items.map((n: { body: string }) => n.body)).toContain('Rejected: Missing the buyer’s entity name');
    await waitUntil('the rejection notice', () => api.testDb.db.notification.findFirst({ where: { recipientId: agent.id, kind: 'TASK_REJECTED' } }));

    await transition(agent, task.id, 'submit');
    const approved = await transition(supervisor, task.id, 'approve');
    expect(approved.body).toMatchObject({ status: 'COMPLETED', allowedActions: [] });
    expect(approved.body.completedAt).not.toBeNull();
    const events = await api.testDb.db.event.findMany({ where: { entityType: 'task', entityId: task.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['created', 'assigned', 'started', 'submitted', 'rejected', 'submitted', 'approved']);
    expect(JSON.parse(events.at(-1)!.payload).metrics).toEqual({ onTime: true, minutesToComplete: expect.any(Number) });

    const afterwards = await transition(agent, task.id, 'cancel');
    expect(afterwards.status).toBe(409);
    expect(afterwards.body.error.message).toBe('cannot cancel a task that is completed');
    await recordHistory(api.temporal, 'task-reviewed', taskWorkflowId(task.id));
  });

  it('completing "Contact lead within 1 hour" moves the lead to CONTACTED, whose workflow adds the 3-day follow-up', async () => {
    const lead = (await api.request('POST', '/api/leads', { ...as(agent), body: buildLeadInput({ ownerId: agent.id }) })).body;
    const contact = await waitUntil('the contact task', () => api.testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Contact lead within 1 hour', status: 'ASSIGNED' } }));
    expect((await transition(agent, contact.id, 'start')).body.status).toBe('IN_PROGRESS');
    expect((await transition(agent, contact.id, 'complete')).body.status).toBe('COMPLETED');
    await waitUntil('the lead to be CONTACTED', async () => (await api.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status === 'CONTACTED');
    await waitUntil('the 3-day follow-up', () => api.testDb.db.task.findFirst({ where: { leadId: lead.id, title: 'Follow up with lead in 3 days' } }));
  });

  it('reassigns, reschedules and reprioritises as Updates, each with its event, and only for those allowed', async () => {
    const task = await createAssignedTask({ title: 'Order the title search' });
    const forbidden = await api.request('PATCH', `/api/tasks/${task.id}`, { ...as(otherAgent), body: { assigneeId: otherAgent.id } });
    expect(forbidden.status).toBe(403);
    const inactive = await buildUser(api.testDb.db, { active: false });
    const toInactive = await api.request('PATCH', `/api/tasks/${task.id}`, { ...as(supervisor), body: { assigneeId: inactive.id } });
    expect(toInactive.status).toBe(422);
    expect(toInactive.body.error.fields).toEqual({ assigneeId: 'must name an active user' });
    expect((await api.request('PATCH', `/api/tasks/${task.id}`, { ...as(supervisor), body: {} })).status).toBe(400);

    const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const changed = await api.request('PATCH', `/api/tasks/${task.id}`, { ...as(supervisor), body: { assigneeId: otherAgent.id, dueAt, priority: 'LOW' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ assigneeId: otherAgent.id, dueAt, priority: 'LOW', assignee: { id: otherAgent.id, label: 'Olive Other' } });
    const actions = (await api.testDb.db.event.findMany({ where: { entityType: 'task', entityId: task.id }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(['reassigned', 'rescheduled', 'priority_changed']);
    await waitUntil('the new assignee told', () => api.testDb.db.notification.findFirst({ where: { recipientId: otherAgent.id, link: `/tasks/${task.id}`, kind: 'TASK_ASSIGNED' } }));
    // The former assignee may no longer change it; the new one may.
    expect((await transition(agent, task.id, 'start')).status).toBe(403);
    expect((await transition(otherAgent, task.id, 'start')).status).toBe(200);
  });

  it('adds notes through the workflow, notifying whoever is @mentioned, and creates follow-ups that carry the context', async () => {
    const lead = (await api.request('POST', '/api/leads', { ...as(agent), body: buildLeadInput({ ownerId: agent.id }) })).body;
    const task = await createAssignedTask({ title: 'Walk the property', type: 'LEAD', leadId: lead.id });
    const note = await api.request('POST', `/api/tasks/${task.id}/notes`, { ...as(agent), body: { body: 'Roof looks rough, @sam.supervisor please look' } });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ taskId: task.id, authorName: 'Alex Agent' });
    await waitUntil('the mention', () => api.testDb.db.notification.findFirst({ where: { recipientId: supervisor.id, kind: 'MENTION', link: `/tasks/${task.id}` } }));
    expect((await api.request('POST', `/api/tasks/${task.id}/notes`, { ...as(agent), body: { body: '  ' } })).body.error.fields).toEqual({ body: 'is required' });

    const followUp = await api.request('POST', `/api/tasks/${task.id}/follow-ups`, { ...as(agent), body: { title: 'Get a roofer quote', dueAt: inADay() } });
    expect(followUp.status).toBe(201);
    expect(followUp.body).toMatchObject({ parentTaskId: task.id, leadId: lead.id, type: 'FOLLOW_UP', assigneeId: agent.id });
    const detail = await api.request('GET', `/api/tasks/${followUp.body.id}`, as(agent));
    expect(detail.body.parentTask).toEqual({ id: task.id, label: 'Walk the property' });
    expect(detail.body.lead.id).toBe(lead.id);
  });

  it('applies bulk actions task by task, reporting the ones refused', async () => {
    const mine = await createAssignedTask({ title: 'Bulk one' });
    const review = await createAssignedTask({ title: 'Bulk two', requiresReview: true });
    const result = await api.request('POST', '/api/tasks/bulk', { ...as(agent), body: { ids: [mine.id, review.id, 'ghost'], action: 'complete' } });
    expect(result.status).toBe(200);
    expect(result.body.results).toEqual([
      expect.objectContaining({ id: mine.id, ok: true }),
      { id: review.id, ok: false, error: 'this task requires review: submit it for a supervisor to approve' },
      { id: 'ghost', ok: false, error: 'Task ghost does not exist' },
    ]);
    const missingAssignee = await api.request('POST', '/api/tasks/bulk', { ...as(agent), body: { ids: [review.id], action: 'reassign' } });
    expect(missingAssignee.body.error.fields).toEqual({ assigneeId: 'is required to reassign' });
    const reassigned = await api.request('POST', '/api/tasks/bulk', { ...as(supervisor), body: { ids: [review.id], action: 'reassign', assigneeId: otherAgent.id } });
    expect(reassigned.body.results[0]).toMatchObject({ ok: true, task: { assigneeId: otherAgent.id } });
  });
});

describe('GET /api/tasks filters and sorts', () => {
  it('lists my tasks by priority across pages, and overdue ones', async () => {
    const owner = await buildUser(api.testDb.db, { role: 'AGENT' });
    const cookie = await api.login(owner.email);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    for (const [title, priority, dueAt] of [['low', 'LOW', inADay()], ['high', 'HIGH', inADay()], ['medium', 'MEDIUM', inADay()], ['late', 'LOW', past]] as const) {
      await api.request('POST', '/api/tasks', { cookie, body: { title, priority, dueAt, assigneeId: owner.id, allowPastDue: dueAt === past } });
    }
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ title: string }>; nextCursor: string | null } } = await api.request('GET', `/api/tasks?view=mine&sort=priority&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { cookie });
      titles.push(...page.body.items.map((t) => t.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['high', 'medium', 'late', 'low']);
    const overdue = await api.request('GET', '/api/tasks?view=mine&due=overdue', { cookie });
    expect(overdue.body.items.map((t: { title: string }) => t.title)).toEqual(['late']);
    const high = await api.request('GET', '/api/tasks?view=mine&priority=HIGH,MEDIUM&sort=-createdAt', { cookie });
    expect(high.body.items.map((t: { title: string }) => t.title)).toEqual(['medium', 'high']);
  });

  it("names what each task is about: its lead's seller and address, its buyer, or its offer", async () => {
    const lead = (await api.request('POST', '/api/leads', { ...as(supervisor), body: buildLeadInput({ ownerId: otherAgent.id, sellerName: 'Rita Subject', street: '12 Elm St', city: 'Dayton' }) })).body;
    const buyer = await api.testDb.db.buyer.create({ data: { name: 'Cash Carl', company: 'Carl Homes LLC' } });
    const offer = await api.testDb.db.offer.create({ data: { leadId: lead.id, kind: 'PURCHASE', amount: 150_000, status: 'DRAFT', createdById: supervisor.id } });
    const leadTask = await createAssignedTask({ title: 'Same title', leadId: lead.id, assigneeId: otherAgent.id }, supervisor);
    const buyerTask = await createAssignedTask({ title: 'Same title', buyerId: buyer.id, assigneeId: otherAgent.id }, supervisor);
    const offerTask = await createAssignedTask({ title: 'Same title', offerId: offer.id, leadId: lead.id, assigneeId: otherAgent.id }, supervisor);
    const plain = await createAssignedTask({ title: 'Same title', assigneeId: otherAgent.id }, supervisor);
    const list = await api.request('GET', `/api/tasks?assigneeId=${otherAgent.id}&limit=100`, as(supervisor));
    const subjectOf = (id: string) => list.body.items.find((t: { id: string }) => t.id === id)?.subject;
    expect(subjectOf(leadTask.id)).toEqual({ type: 'lead', id: lead.id, label: 'Rita Subject, 12 Elm St, Dayton', leadId: lead.id });
    expect(subjectOf(buyerTask.id)).toEqual({ type: 'buyer', id: buyer.id, label: 'Cash Carl (Carl Homes LLC)', leadId: null });
    expect(subjectOf(offerTask.id)).toEqual({ type: 'offer', id: offer.id, label: 'Purchase offer $150,000 on 12 Elm St', leadId: lead.id });
    expect(subjectOf(plain.id)).toBeNull();
  });

  it.each([
    ['status=DONE', { status: expect.stringContaining('must list statuses from') }],
    ['due=tomorrow', { due: expect.stringContaining('must be one of') }],
    ['sort=title', { sort: expect.stringContaining('must be one of') }],
    ['dueFrom=2030-01-02T00:00:00Z&dueTo=2030-01-01T00:00:00Z', { dueTo: 'must be after dueFrom' }],
  ])('refuses %s naming the field', async (query, fields) => {
    const response = await api.request('GET', `/api/tasks?${query}`, as(agent));
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual(fields);
  });

  it('suggests the assignee the rules would pick', async () => {
    const lead = (await api.request('POST', '/api/leads', { ...as(supervisor), body: buildLeadInput({ ownerId: otherAgent.id }) })).body;
    const suggestion = await api.request('GET', `/api/tasks/suggest-assignee?type=LEAD&leadId=${lead.id}`, as(agent));
    expect(suggestion.body).toEqual({ assignee: { id: otherAgent.id, name: 'Olive Other' }, rule: "the lead's owner" });
  });
});
