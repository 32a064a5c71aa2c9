import { PAST_DUE_ERROR } from '../../domain/tasks/past-due';
import { TASK_LIST_PAGE_FIELDS } from '../../domain/tasks/task-list-fields';
import { buildLead, buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { recordHistory } from '../support/temporal-env';
import { taskWorkflowId } from '../../domain/workflow-ids';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
let agent: { id: string; email: string };
let acquisitions: { id: string };
let cookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  agent = await buildUser(api.testDb.db, { role: 'AGENT' });
  acquisitions = await buildUser(api.testDb.db, { role: 'ACQUISITIONS' });
  cookie = await api.login(agent.email);
});
afterAll(() => api?.close());

const dueAt = () => new Date(Date.now() + 86_400_000).toISOString();

describe('POST /api/tasks', () => {
  it('gives a buyer task to the acquisitions team and starts task-<id>, which assigns it', async () => {
    const buyer = await api.testDb.db.buyer.create({ data: { name: 'Meeting Buyer' } });
    const created = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Meeting with Meeting Buyer', type: 'BUYER', dueAt: dueAt(), buyerId: buyer.id } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Meeting with Meeting Buyer', priority: 'MEDIUM', status: 'CREATED', assigneeId: acquisitions.id, buyerId: buyer.id });
    await waitUntil('the task to be assigned', async () => (await api.testDb.db.task.findUniqueOrThrow({ where: { id: created.body.id } })).status === 'ASSIGNED');
    expect((await api.request('GET', `/api/tasks?buyerId=${buyer.id}`, { cookie })).body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
  });

  it('gives a lead task to the lead owner, and a plain task to its creator unless someone is named', async () => {
    const owner = await buildUser(api.testDb.db);
    const lead = await buildLead(api.testDb.db, owner.id);
    const leadTask = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Walk the property', type: 'LEAD', dueAt: dueAt(), leadId: lead.id } });
    expect(leadTask.body.assigneeId).toBe(owner.id);
    const mine = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Call title company', dueAt: dueAt(), description: '  ' } });
    // A blank description is none, stored as null like a task created without one.
    expect(mine.body.description).toBeNull();
    expect(mine.body.assigneeId).toBe(agent.id);
    const named = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Review', dueAt: dueAt(), assigneeId: owner.id, priority: 'HIGH' } });
    expect(named.body).toMatchObject({ assigneeId: owner.id, priority: 'HIGH' });
  });

  it.each([
    [{ title: '', dueAt: 'x' }, 400, { title: 'is required', dueAt: 'must be an ISO date-time' }],
    [{ title: 'T', dueAt: '2030-01-01T00:00:00Z', priority: 'URGENT' }, 400, { priority: expect.stringContaining('must be one of HIGH') }],
    [{ title: 'T', dueAt: '2030-01-01T00:00:00Z', assigneeId: 'ghost' }, 422, { assigneeId: 'must name an active user' }],
    [{ title: 'T', dueAt: '2030-01-01T00:00:00Z', leadId: 'ghost' }, 422, { leadId: 'does not name a record' }],
  ])('refuses %p', async (body, status, fields) => {
    const response = await api.request('POST', '/api/tasks', { cookie, body });
    expect(response.status).toBe(status);
    expect(response.body.error.fields).toEqual(fields);
  });

  it('refuses a field a new task does not take, naming it, instead of a 201 as CREATED that ignores it', async () => {
    const completed = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Born completed', dueAt: dueAt(), status: 'COMPLETED' } });
    expect(completed.status).toBe(400);
    expect(completed.body.error).toMatchObject({ message: 'Invalid body: Status cannot be set here', fields: { status: 'cannot be set here' } });
    const unknown = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Born completed', dueAt: dueAt(), createdById: acquisitions.id, remindMe: true } });
    expect(unknown.body.error.fields).toEqual({ createdById: 'cannot be set here', remindMe: 'cannot be set here' });
    expect(await api.testDb.db.task.count({ where: { title: 'Born completed' } })).toBe(0);
  });

  it("refuses a field a task's note, follow-up, move or bulk change does not take, naming it", async () => {
    const parent = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Parent of strict children', dueAt: dueAt() } });
    const id = parent.body.id as string;
    const sent = [
      ['POST', `/api/tasks/${id}/notes`, { body: 'On the lead?', leadId: 'lead-1' }, 'leadId'],
      ['POST', `/api/tasks/${id}/follow-ups`, { title: 'Elsewhere', dueAt: dueAt(), buyerId: 'buyer-1' }, 'buyerId'],
      ['POST', `/api/tasks/${id}/transition`, { action: 'start', assigneeId: acquisitions.id }, 'assigneeId'],
      ['POST', '/api/tasks/bulk', { ids: [id], action: 'cancel', reason: 'done elsewhere' }, 'reason'],
    ] as const;
    for (const [method, path, body, field] of sent) {
      const response = await api.request(method, path, { cookie, body });
      expect([path, response.status, response.body.error.fields]).toEqual([path, 400, { [field]: 'cannot be set here' }]);
    }
    // Neither started nor cancelled.
    expect(['CREATED', 'ASSIGNED']).toContain((await api.testDb.db.task.findUniqueOrThrow({ where: { id } })).status);
    expect(await api.testDb.db.task.count({ where: { parentTaskId: id } })).toBe(0);
    expect(await api.testDb.db.note.count({ where: { taskId: id } })).toBe(0);
  });
});

describe('due dates in the past', () => {
  const findTask = (id: string) => api.testDb.db.task.findUniqueOrThrow({ where: { id } });

  it('refuses a past dueAt unless allowPastDue confirms it, on create and on reschedule, and never flags such a task overdue', async () => {
    const owner = await buildUser(api.testDb.db, { role: 'AGENT' });
    const ownerCookie = await api.login(owner.email);
    const in2020 = '2020-03-01T15:00:00.000Z';

    const refused = await api.request('POST', '/api/tasks', { cookie: ownerCookie, body: { title: 'Logged late', dueAt: in2020 } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({ dueAt: PAST_DUE_ERROR });
    expect(await api.testDb.db.task.count({ where: { title: 'Logged late' } })).toBe(0);

    const late = await api.request('POST', '/api/tasks', { cookie: ownerCookie, body: { title: 'Logged late', dueAt: in2020, allowPastDue: true } });
    expect(late.status).toBe(201);
    const moved = await api.request('POST', '/api/tasks', { cookie: ownerCookie, body: { title: 'Moved back', dueAt: dueAt() } });
    await waitUntil('both tasks assigned', async () => (await findTask(late.body.id)).status === 'ASSIGNED' && (await findTask(moved.body.id)).status === 'ASSIGNED');

    const refusedMove = await api.request('PATCH', `/api/tasks/${moved.body.id}`, { cookie: ownerCookie, body: { dueAt: in2020, priority: 'HIGH' } });
    expect(refusedMove.status).toBe(400);
    expect(refusedMove.body.error.fields).toEqual({ dueAt: PAST_DUE_ERROR });
    expect(await findTask(moved.body.id)).toMatchObject({ priority: 'MEDIUM', dueAt: new Date(moved.body.dueAt) });
    const movedBack = await api.request('PATCH', `/api/tasks/${moved.body.id}`, { cookie: ownerCookie, body: { dueAt: in2020, allowPastDue: true } });
    expect(movedBack.status).toBe(200);
    // Another edit of a task already past due does not ask again.
    expect((await api.request('PATCH', `/api/tasks/${moved.body.id}`, { cookie: ownerCookie, body: { dueAt: in2020, priority: 'LOW' } })).status).toBe(200);

    // A control task that comes due while open is flagged and followed up: the timers run.
    const control = await api.request('POST', '/api/tasks', { cookie: ownerCookie, body: { title: 'Comes due', dueAt: new Date(Date.now() + 1_000).toISOString() } });
    await waitUntil('the control task followed up', () => api.testDb.db.task.findFirst({ where: { parentTaskId: control.body.id } }), 60_000);
    for (const id of [late.body.id, moved.body.id]) {
      expect(await findTask(id)).toMatchObject({ overdue: false });
      expect(await api.testDb.db.task.count({ where: { parentTaskId: id } })).toBe(0);
    }
    // Both took the manual-past-due patch: one when it started, one in its reschedule update.
    await recordHistory(api.temporal, 'task-manual-past-due-created', taskWorkflowId(late.body.id));
    await recordHistory(api.temporal, 'task-manual-past-due-rescheduled', taskWorkflowId(moved.body.id));
  });
});

describe('PATCH /api/tasks/:id', () => {
  const findTask = (id: string) => api.testDb.db.task.findUniqueOrThrow({ where: { id } });

  it('refuses a title, description or review flag with a 400 naming each, instead of a 200 that saves only the priority', async () => {
    const created = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Call the seller', dueAt: dueAt() } });
    await waitUntil('the task to be assigned', async () => (await findTask(created.body.id)).status === 'ASSIGNED');

    const renamed = await api.request('PATCH', `/api/tasks/${created.body.id}`, { cookie, body: { title: 'renamed', description: 'added', priority: 'LOW', requiresReview: true } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.fields).toEqual({ title: 'cannot be changed here', description: 'cannot be changed here', requiresReview: 'cannot be changed here' });
    expect(renamed.body.error.message).toBe('Invalid body: Title cannot be changed here; Description cannot be changed here; Requires review cannot be changed here');
    // Nothing of it was applied, the priority included.
    expect(await findTask(created.body.id)).toMatchObject({ title: 'Call the seller', description: null, priority: 'MEDIUM', requiresReview: false });

    const titleAlone = await api.request('PATCH', `/api/tasks/${created.body.id}`, { cookie, body: { title: 'renamed' } });
    expect(titleAlone.status).toBe(400);
    expect(titleAlone.body.error.fields).toEqual({ title: 'cannot be changed here' });
  });

  it.each([
    [{ status: 'COMPLETED' }, { status: 'cannot be changed here' }],
    [{ leadId: 'lead-1', type: 'LEAD' }, { leadId: 'cannot be changed here', type: 'cannot be changed here' }],
    [{ priority: 'LOW', bogus: 1 }, { bogus: 'cannot be set here' }],
  ])('refuses %p, naming the field', async (body, fields) => {
    const created = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Left alone', dueAt: dueAt() } });
    const response = await api.request('PATCH', `/api/tasks/${created.body.id}`, { cookie, body });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual(fields);
    expect(await findTask(created.body.id)).toMatchObject({ priority: 'MEDIUM', leadId: null, type: 'FOLLOW_UP' });
  });

  it('says an empty change names no change in the body, not a problem with the assignee', async () => {
    const created = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Nothing to change', dueAt: dueAt() } });
    for (const body of [{}, { allowPastDue: true }]) {
      const response = await api.request('PATCH', `/api/tasks/${created.body.id}`, { cookie, body });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        message: 'Invalid body: body changes nothing: give an assignee, a due date or a priority',
        fields: { body: 'changes nothing: give an assignee, a due date or a priority' },
      });
    }
  });
});

describe('tasks on an archived or merged lead or buyer', () => {
  it('refuses a task or a follow-up on an archived lead, naming it, as an offer is refused; once unarchived, both are taken', async () => {
    const supervisor = await buildUser(api.testDb.db, { role: 'SUPERVISOR' });
    const supervisorCookie = await api.login(supervisor.email);
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
    const parent = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Measure the garage', type: 'LEAD', dueAt: dueAt(), leadId: lead.id } });
    expect(parent.status).toBe(201);
    expect((await api.request('POST', `/api/leads/${lead.id}/archive`, { cookie: supervisorCookie })).status).toBe(200);

    const task = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Call again', type: 'LEAD', dueAt: dueAt(), leadId: lead.id } });
    expect(task.status).toBe(422);
    expect(task.body.error).toMatchObject({ message: 'Lead is archived: unarchive it to add a task', fields: { leadId: 'names an archived lead' } });
    // The follow-up's lead is its parent's: the refusal says so and names no field of the request.
    const followUp = await api.request('POST', `/api/tasks/${parent.body.id}/follow-ups`, { cookie, body: { title: 'Call again', dueAt: dueAt() } });
    expect(followUp.status).toBe(422);
    expect(followUp.body.error).toEqual({ code: 'UNPROCESSABLE', message: "This task's lead is archived: unarchive it to add a follow-up" });
    expect(await api.testDb.db.task.count({ where: { leadId: lead.id, title: 'Call again' } })).toBe(0);

    expect((await api.request('POST', `/api/leads/${lead.id}/unarchive`, { cookie: supervisorCookie })).status).toBe(200);
    expect((await api.request('POST', '/api/tasks', { cookie, body: { title: 'Call again', type: 'LEAD', dueAt: dueAt(), leadId: lead.id } })).status).toBe(201);
    expect((await api.request('POST', `/api/tasks/${parent.body.id}/follow-ups`, { cookie, body: { title: 'Call again', dueAt: dueAt() } })).status).toBe(201);
  });

  it.each([
    ['an archived buyer', { archivedAt: new Date(), merged: false }, { buyerId: 'names an archived buyer' }, 'Buyer is archived: unarchive it to add a task'],
    ['a merged buyer', { archivedAt: new Date(), merged: true }, { buyerId: 'names a merged buyer' }, 'Buyer was merged into another buyer: add a task there'],
  ])('refuses a task on %s, naming it', async (_case, { archivedAt, merged }, fields, message) => {
    const survivor = await api.testDb.db.buyer.create({ data: { name: 'Survivor Buyer' } });
    const buyer = await api.testDb.db.buyer.create({ data: { name: 'Closed Buyer', archivedAt, ...(merged ? { mergedIntoId: survivor.id } : {}) } });
    const response = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Meeting with Closed Buyer', type: 'BUYER', dueAt: dueAt(), buyerId: buyer.id } });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ message, fields });
    expect(await api.testDb.db.task.count({ where: { buyerId: buyer.id } })).toBe(0);
  });

  it('refuses a task on a merged lead, whose work lives on the lead it was merged into', async () => {
    const owner = await buildUser(api.testDb.db);
    const survivor = await buildLead(api.testDb.db, owner.id);
    const merged = await api.testDb.db.lead.update({ where: { id: (await buildLead(api.testDb.db, owner.id)).id }, data: { archivedAt: new Date(), mergedIntoId: survivor.id } });
    const response = await api.request('POST', '/api/tasks', { cookie, body: { title: 'Lost work', type: 'LEAD', dueAt: dueAt(), leadId: merged.id } });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ message: 'Lead was merged into another lead: add a task there', fields: { leadId: 'names a merged lead' } });
  });
});

describe('GET /api/tasks as the tasks page asks (fields=)', () => {
  it("answers each page's tasks as the whole page's, projected, with the same cursors, reading only the fields' columns and the subject's links", async () => {
    const { db } = api.testDb;
    const owner = await buildUser(db, { role: 'AGENT' });
    const ownerCookie = await api.login(owner.email);
    const lead = await buildLead(db, owner.id, { sellerName: 'Fielda Lean' });
    const hour = 3_600_000;
    const rows = [
      { title: 'Call the seller', type: 'LEAD', priority: 'HIGH', status: 'ASSIGNED', dueAt: new Date(Date.now() - 2 * hour), overdue: true, leadId: lead.id, description: 'Ask about the roof' },
      { title: 'Send the contract', type: 'LEAD', priority: 'LOW', status: 'IN_PROGRESS', dueAt: new Date(Date.now() + hour), leadId: lead.id },
      { title: 'File the paperwork', type: 'ADMIN', priority: 'MEDIUM', status: 'CREATED', dueAt: new Date(Date.now() + 2 * hour) },
      { title: 'Check the comps', type: 'FOLLOW_UP', priority: 'HIGH', status: 'PENDING_REVIEW', dueAt: new Date(Date.now() + 3 * hour), requiresReview: true },
      { title: 'Closed already', type: 'ADMIN', priority: 'LOW', status: 'COMPLETED', dueAt: new Date(Date.now() - hour), completedAt: new Date() },
    ];
    for (const row of rows) await db.task.create({ data: { ...row, assigneeId: owner.id, createdById: owner.id } });

    type ListPage = { items: Array<Record<string, unknown>>; nextCursor: string | null };
    const picked = (fields: readonly string[]) => (record: Record<string, unknown>) => Object.fromEntries(['id', ...fields].filter((key) => key in record).map((key) => [key, record[key]]));
    for (const fields of [TASK_LIST_PAGE_FIELDS, ['title', 'dueAt', 'completedAt', 'description']]) {
      for (const query of ['view=mine&sort=dueAt', 'view=mine&sort=priority&status=CREATED,ASSIGNED,IN_PROGRESS,PENDING_REVIEW', 'view=mine&sort=-createdAt']) {
        const page = async (lean: string, cursor: string | null): Promise<ListPage> =>
          (await api.request('GET', `/api/tasks?${query}&limit=2${lean}${cursor ? `&cursor=${cursor}` : ''}`, { cookie: ownerCookie })).body as ListPage;
        let cursor: string | null = null;
        let seen = 0;
        do {
          const whole: ListPage = await page('', cursor);
          const lean: ListPage = await page(`&fields=${fields.join(',')}`, cursor);
          expect(lean.items).toEqual(whole.items.map(picked(fields)));
          expect(lean.nextCursor).toBe(whole.nextCursor);
          seen += whole.items.length;
          cursor = whole.nextCursor;
        } while (cursor);
        expect(seen).toBeGreaterThanOrEqual(4);
      }
    }
    const asShown = (await api.request('GET', `/api/tasks?view=mine&sort=dueAt&fields=${TASK_LIST_PAGE_FIELDS.join(',')}`, { cookie: ownerCookie })).body as ListPage;
    expect(asShown.items[0]).toEqual({
      id: expect.any(String),
      title: 'Call the seller',
      subject: { type: 'lead', id: lead.id, label: expect.stringContaining('Fielda Lean'), leadId: lead.id },
      type: 'LEAD',
      priority: 'HIGH',
      status: 'ASSIGNED',
      assigneeId: owner.id,
      dueAt: rows[0]!.dueAt.toISOString(),
      overdue: true,
    });

    for (const query of ['fields=password', 'fields=', 'fields=title,automationKey']) {
      const refused = await api.request('GET', `/api/tasks?${query}`, { cookie: ownerCookie });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toHaveProperty('fields');
    }
  });
});
