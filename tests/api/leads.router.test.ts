import { buildLeadInput, buildUser } from '../support/factories';
import { LEAD_LIST_PAGE_FIELDS } from '../../domain/leads/lead-list-fields';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';
import { leadWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { recordHistory } from '../support/temporal-env';
import { getLeadStateQuery } from '../../workflows/leads/lead.messages';

jest.setTimeout(180_000);

let api: ApiHarness;
let agent: { id: string; email: string };
let cookie: string;
let supervisorCookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  agent = await buildUser(api.testDb.db, { role: 'AGENT' });
  cookie = await api.login(agent.email);
  supervisorCookie = await api.login((await buildUser(api.testDb.db, { role: 'SUPERVISOR' })).email);
});
afterAll(() => api?.close());

describe('POST /api/leads', () => {
  it('saves the property details and motivation given with a new lead (scored with them); a field it cannot set, or a state that is none, is a 400 naming it and saves nothing', async () => {
    const details = { beds: 3, baths: 2, sqft: 1200, yearBuilt: 1985, arv: 180_000, repairEstimate: 25_000, motivation: 4, tags: ['vacant'] };
    const created = await api.request('POST', '/api/leads', { cookie, body: { ...buildLeadInput({ street: '7 Details Ct' }), ...details } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...details, mao: expect.any(Number) });
    expect(created.body.scoreParts.map((part: { key: string }) => part.key)).toEqual(expect.arrayContaining(['motivation']));
    expect(await api.testDb.db.lead.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({ beds: 3, arv: 180_000, motivation: 4, tags: '["vacant"]' });

    const before = await api.testDb.db.lead.count();
    const withStatus = await api.request('POST', '/api/leads', { cookie, body: { ...buildLeadInput({ street: '8 Details Ct' }), status: 'QUALIFIED' } });
    expect(withStatus.status).toBe(400);
    expect(withStatus.body.error.fields).toEqual({ status: 'cannot be set here' });
    const badState = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '9 Details Ct', state: 'XX' }) });
    expect(badState.status).toBe(400);
    expect(badState.body.error.fields).toEqual({ state: 'must be the code of a US state or territory' });
    expect(await api.testDb.db.lead.count()).toBe(before);
  });

  it('keeps each tag once, whatever its case or spacing, on a new lead and on an edit', async () => {
    const created = await api.request('POST', '/api/leads', { cookie, body: { ...buildLeadInput({ street: '10 Tagged Ct' }), tags: ['Probate', 'probate ', 'PROBATE', 'Vacant  house', 'vacant house'] } });
    expect(created.status).toBe(201);
    expect(created.body.tags).toEqual(['Probate', 'Vacant house']);
    const edited = await api.request('PATCH', `/api/leads/${created.body.id}`, { cookie, body: { tags: ['Absentee', 'absentee', 'Probate'] } });
    expect(edited.status).toBe(200);
    expect(edited.body.tags).toEqual(['Absentee', 'Probate']);
    expect((await api.testDb.db.lead.findUniqueOrThrow({ where: { id: created.body.id } })).tags).toBe('["Absentee","Probate"]');
  });

  it('creates a NEW lead owned by the caller and starts workflow lead-<id>', async () => {
    const response = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ sellerName: 'Maria Lopez', state: 'oh' }) });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ sellerName: 'Maria Lopez', state: 'OH', status: 'NEW', ownerId: agent.id });
    expect(response.body.id).toEqual(expect.any(String));
    expect(Date.parse(response.body.createdAt)).not.toBeNaN();

    const run = await api.temporal.client.workflow.getHandle(leadWorkflowId(response.body.id)).describe();
    expect(run.status.name).toBe('RUNNING');
    const event = await api.testDb.db.event.findFirst({ where: { entityId: response.body.id, action: 'created' } });
    expect(event).toMatchObject({ entityType: 'lead', actorId: agent.id });
  });

  it('saves the contact task with the lead, and its workflow takes that task up and assigns it under GET /api/tasks?leadId=', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
    // There when the POST answers (tests/worker/reconciler.test.ts: even with Temporal down), with its task.created event.
    const saved = await api.testDb.db.task.findMany({ where: { leadId: lead.id } });
    expect(saved).toEqual([expect.objectContaining({ title: 'Contact lead within 1 hour', assigneeId: agent.id })]);
    expect(await api.testDb.db.event.count({ where: { entityType: 'task', entityId: saved[0]!.id, action: 'created' } })).toBe(1);
    const tasks = await waitUntil('the contact task', async () => {
      const response = await api.request('GET', `/api/tasks?leadId=${lead.id}`, { cookie });
      return response.body.items.length > 0 && response.body.items[0].status === 'ASSIGNED' ? response.body : undefined;
    });
    expect(tasks.nextCursor).toBeNull();
    expect(tasks.items).toEqual([
      expect.objectContaining({
        title: 'Contact lead within 1 hour',
        type: 'LEAD',
        priority: 'HIGH',
        status: 'ASSIGNED',
        assigneeId: agent.id,
        leadId: lead.id,
        overdue: false,
        dueAt: new Date(Date.parse(lead.createdAt) + 3_600_000).toISOString(),
      }),
    ]);
    expect(tasks.items[0].id).toBe(saved[0]!.id);
    // The API started the task's workflow beside the lead's (no parent): the lead's run armed the task's deadline and started no child.
    expect((await api.temporal.client.workflow.getHandle(taskWorkflowId(saved[0]!.id)).describe()).parentExecution).toBeUndefined();
    const leadRun = api.temporal.client.workflow.getHandle(leadWorkflowId(lead.id));
    const leadHistory = await waitUntil('the lead run to arm the contact deadline', async () => {
      const history = await leadRun.fetchHistory();
      return history.events?.some((event) => event.timerStartedEventAttributes) ? history : undefined;
    });
    expect(leadHistory.events?.filter((event) => event.startChildWorkflowExecutionInitiatedEventAttributes)).toEqual([]);
    expect(await leadRun.query(getLeadStateQuery)).toMatchObject({ status: 'NEW', contactTaskId: saved[0]!.id });
    await recordHistory(api.temporal, 'lead-new-contact-task-started', leadWorkflowId(lead.id));
    const notifications = await api.request('GET', '/api/notifications', { cookie });
    expect(notifications.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'TASK_ASSIGNED', link: `/tasks/${tasks.items[0].id}` })]));
    expect(notifications.body.unread).toBeGreaterThan(0);
  });

  it('assigns the lead to another active user when a supervisor names ownerId; an agent cannot', async () => {
    const other = await buildUser(api.testDb.db);
    const response = await api.request('POST', '/api/leads', { cookie: supervisorCookie, body: buildLeadInput({ ownerId: other.id }) });
    expect(response.status).toBe(201);
    expect(response.body.ownerId).toBe(other.id);
    const before = await api.testDb.db.lead.count();
    const refused = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ ownerId: other.id }) });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'only a supervisor or an admin can reassign this lead' } } });
    expect(await api.testDb.db.lead.count()).toBe(before);
  });

  it.each([
    ['an unknown owner', { ownerId: 'nobody' }, 422, { ownerId: 'must name an active user' }],
    ['a missing seller name and a bad ZIP', { sellerName: undefined, zip: '123' }, 400, { sellerName: 'is required', zip: 'must be a 5-digit ZIP code' }],
    ['a state that is not two letters', { state: 'Ohio' }, 400, { state: 'must be a two-letter state code' }],
    ['a negative price', { askingPrice: -5 }, 400, { askingPrice: 'must not be negative' }],
    ['a price as text', { askingPrice: 'lots' as unknown as number }, 400, { askingPrice: 'must be a number' }],
    ['an unknown property type', { propertyType: 'CASTLE' as 'SFR' }, 400, { propertyType: expect.stringContaining('must be one of SFR') }],
    ['a bad e-mail', { sellerEmail: 'nope' }, 400, { sellerEmail: 'must be an e-mail address' }],
  ])('refuses %s with a clear error and saves nothing', async (_case, overrides, status, fields) => {
    const before = await api.testDb.db.lead.count();
    // Naming an owner is a supervisor's (or an admin's) move.
    const response = await api.request('POST', '/api/leads', { cookie: 'ownerId' in overrides ? supervisorCookie : cookie, body: { ...buildLeadInput(), ...overrides } });
    expect(response.status).toBe(status);
    expect(response.body.error.fields).toEqual(fields);
    expect(response.body.error.message).toEqual(expect.any(String));
    expect(await api.testDb.db.lead.count()).toBe(before);
  });

  it.each([
    ['malformed JSON', '{"sellerName": ', 'INVALID_JSON'],
    ['a JSON array', '[1,2]', 'VALIDATION_FAILED'],
    ['JSON null', 'null', 'INVALID_JSON'],
    ['a JSON string', '"lead"', 'INVALID_JSON'],
  ])('answers %s with a 400', async (_case, rawBody, code) => {
    const response = await api.request('POST', '/api/leads', { cookie, rawBody });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
  });
});

describe('GET /api/leads', () => {
  it('reads one lead, and 404s an unknown id', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
    expect(await api.request('GET', `/api/leads/${lead.id}`, { cookie })).toEqual({ status: 200, body: lead });
    const missing = await api.request('GET', '/api/leads/does-not-exist', { cookie });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('pages through leads newest first with a cursor', async () => {
    for (let i = 0; i < 3; i += 1) await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() });
    const all = await api.testDb.db.lead.count();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api.request(
        'GET',
        `/api/leads?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { cookie },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
  });

  it('answers a bad limit with a 400 naming it', async () => {
    const response = await api.request('GET', '/api/leads?limit=0', { cookie });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ limit: 'must be at least 1' });
  });
});

describe('GET /api/dashboard', () => {
  it('counts leads, new today, open and overdue tasks', async () => {
    const { db } = api.testDb;
    // Earlier tests' contact tasks are created asynchronously by their workflows; let them land first.
    await waitUntil('every lead to have its contact task', async () => (await db.task.count()) === (await db.lead.count()));
    const before = (await api.request('GET', '/api/dashboard', { cookie })).body;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const dayStart = new Date().toISOString();
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
    await waitUntil('the contact task', () => api.testDb.db.task.findFirst({ where: { leadId: lead.id } }));
    const after = (await api.request('GET', `/api/dashboard?dayStart=${encodeURIComponent(dayStart)}`, { cookie })).body;
    expect(after.leads).toBe(before.leads + 1);
    expect(after.openTasks).toBe(before.openTasks + 1);
    expect(after.overdueTasks).toBe(0);
    expect(after.newToday).toBe(1);
  });

  it('refuses a dayStart that is not a date-time', async () => {
    const response = await api.request('GET', '/api/dashboard?dayStart=yesterday', { cookie });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ dayStart: 'must be an ISO date-time' });
  });
});

describe('lead list filters, sort and fields', () => {
  it('filters by status, source, city, price and text, sorts, and projects fields', async () => {
    const make = (overrides: Record<string, unknown>) => api.request('POST', '/api/leads', { cookie, body: buildLeadInput(overrides) });
    const cheap = (await make({ sellerName: 'Filter Cheap', city: 'Xenia', zip: '45385', askingPrice: 40_000, source: 'SMS' })).body;
    const pricey = (await make({ sellerName: 'Filter Pricey', city: 'Xenia', zip: '45385', askingPrice: 240_000, source: 'PPC' })).body;
    const list = async (query: string) => (await api.request('GET', `/api/leads?${query}`, { cookie })).body;

    expect((await list('city=Xenia&sort=askingPrice')).items.map((l: { id: string }) => l.id)).toEqual([cheap.id, pricey.id]);
    expect((await list('city=Xenia&sort=-askingPrice')).items.map((l: { id: string }) => l.id)).toEqual([pricey.id, cheap.id]);
    expect((await list('city=Xenia&source=SMS,REFERRAL')).items.map((l: { id: string }) => l.id)).toEqual([cheap.id]);
    expect((await list('zip=45385&minPrice=100000')).items.map((l: { id: string }) => l.id)).toEqual([pricey.id]);
    expect((await list('q=Filter%20Ch')).items.map((l: { id: string }) => l.id)).toEqual([cheap.id]);
    expect((await list('city=Xenia&status=CONTACTED')).items).toEqual([]);
    expect((await list('city=Xenia&fields=sellerName,askingPrice&sort=askingPrice')).items).toEqual([
      { id: cheap.id, sellerName: 'Filter Cheap', askingPrice: 40_000 },
      { id: pricey.id, sellerName: 'Filter Pricey', askingPrice: 240_000 },
    ]);
  });

  it("answers the list as the web app asks for it (fields=, only those columns read): each page's items are the whole page's, projected, with the same cursors", async () => {
    for (const overrides of [{ askingPrice: undefined, arv: 150_000 }, { askingPrice: 70_000 }, { askingPrice: 90_000, arv: undefined }]) {
      await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ city: 'Lebanon', zip: '45036', ...overrides }) });
    }
    const picked = (record: Record<string, unknown>) => Object.fromEntries(['id', ...LEAD_LIST_PAGE_FIELDS].filter((key) => key in record).map((key) => [key, record[key]]));
    for (const sort of ['askingPrice', '-createdAt']) {
      type ListPage = { items: Array<Record<string, unknown>>; nextCursor: string | null };
      const page = async (fields: string, cursor: string | null): Promise<ListPage> =>
        (await api.request('GET', `/api/leads?city=Lebanon&limit=2&sort=${sort}${fields}${cursor ? `&cursor=${cursor}` : ''}`, { cookie })).body as ListPage;
      let cursor: string | null = null;
      do {
        const whole: ListPage = await page('', cursor);
        const lean: ListPage = await page(`&fields=${LEAD_LIST_PAGE_FIELDS.join(',')}`, cursor);
        expect(lean.items).toEqual(whole.items.map(picked));
        expect(lean.nextCursor).toBe(whole.nextCursor);
        cursor = whole.nextCursor;
      } while (cursor);
    }
  });

  it.each([
    ['status=SOLD', 'status'],
    ['sort=price', 'sort'],
    ['fields=password', 'fields'],
    ['createdFrom=yesterday', 'createdFrom'],
    ['minPrice=cheap', 'minPrice'],
  ])('answers ?%s with a 400 naming %s', async (query, field) => {
    const response = await api.request('GET', `/api/leads?${query}`, { cookie });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields)).toEqual([expect.stringMatching(new RegExp(`^${field}`))]);
  });
});

describe('PATCH /api/leads/:id and archive', () => {
  it('edits plain fields with a lead.updated event, shows the deal math, and refuses the status', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
    const edited = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { arv: 200_000, repairEstimate: 30_000, beds: 3, sellerPhone: '' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ arv: 200_000, repairEstimate: 30_000, beds: 3, sellerPhone: null, mao: 100_000, status: 'NEW' });
    expect(await api.testDb.db.event.findFirst({ where: { entityId: lead.id, action: 'updated' } })).not.toBeNull();

    const status = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { status: 'CLOSED' } });
    expect(status).toMatchObject({ status: 400, body: { error: { fields: { status: 'cannot be set here' } } } });
    const bad = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { motivation: 9, yearBuilt: 'old' } });
    expect(bad.body.error.fields).toEqual({ motivation: 'must be 1 to 5', yearBuilt: 'must be a number' });
  });

  it("refuses an edit made against a version someone else has changed since (If-Match), with a 412 that says so, and keeps their change", async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '11 Version Way' }) })).body;
    const read = await fetch(`${api.url}/api/leads/${lead.id}`, { headers: { cookie } });
    const etag = read.headers.get('etag');
    expect(etag).toBe(`"${(await read.json()).updatedAt}"`);

    // A supervisor edits first; the agent's edit was started from the version read above.
    const theirs = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie: supervisorCookie, body: { askingPrice: 91_000 } });
    expect(theirs.status).toBe(200);
    const stale = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { askingPrice: 80_000, beds: 4 }, headers: { 'if-match': etag! } });
    expect(stale).toMatchObject({
      status: 412,
      body: {
        error: {
          code: 'PRECONDITION_FAILED',
          message: 'Someone else changed this lead after you opened it, so nothing was saved. Open it again to see their change, then make yours',
          fields: { 'If-Match': `is not the lead's current version (${theirs.body.updatedAt})` },
        },
      },
    });
    expect(await api.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ askingPrice: 91_000, beds: null });

    // Made against the current version (as the ETag of the last edit says), it is saved and answers the next version.
    const current = await fetch(`${api.url}/api/leads/${lead.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', 'x-flipstackk-client': 'test', 'if-match': `"${theirs.body.updatedAt}"` },
      body: JSON.stringify({ beds: 4 }),
    });
    expect(current.status).toBe(200);
    const saved = await current.json();
    expect(saved).toMatchObject({ askingPrice: 91_000, beds: 4 });
    expect(current.headers.get('etag')).toBe(`"${saved.updatedAt}"`);
    // Without If-Match (or with *), an edit is made whatever changed, as before.
    expect((await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { beds: 5 } })).status).toBe(200);
    expect((await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { beds: 6 }, headers: { 'if-match': '*' } })).status).toBe(200);
    const malformed = await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { beds: 7 }, headers: { 'if-match': 'yesterday' } });
    expect(malformed).toMatchObject({ status: 400, body: { error: { fields: { 'If-Match': 'must be an ETag in quotes, like "2026-12-05T10:42:00.000Z"' } } } });
    expect((await api.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).beds).toBe(6);
  });

  it('archives a lead: gone from the list, marked archived on its page, kept in the database', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ sellerName: 'Archive Me' }) })).body;
    expect((await api.request('POST', `/api/leads/${lead.id}/archive`, { cookie })).status).toBe(200);
    expect((await api.request('GET', `/api/leads?q=Archive%20Me`, { cookie })).body.items).toEqual([]);
    expect((await api.request('GET', `/api/leads?q=Archive%20Me&includeArchived=true`, { cookie })).body.items).toHaveLength(1);
    expect((await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { beds: 2 } })).status).toBe(404);
    // Its page still reads it, marked archived (so it can be unarchived), and unmarked once it is live again.
    expect((await api.request('GET', `/api/leads/${lead.id}`, { cookie })).body).toMatchObject({ id: lead.id, archivedAt: expect.any(String) });
    expect((await api.request('POST', `/api/leads/${lead.id}/unarchive`, { cookie })).status).toBe(200);
    expect((await api.request('GET', `/api/leads/${lead.id}`, { cookie })).body).not.toHaveProperty('archivedAt');
  });

  it("refuses an agent's edit, move, reassignment or archive of another agent's lead with the matrix's reason, and changes nothing", async () => {
    const owner = await buildUser(api.testDb.db, { role: 'AGENT' });
    const lead = (await api.request('POST', '/api/leads', { cookie: await api.login(owner.email), body: buildLeadInput() })).body;
    const attempts = [
      ['PATCH', `/api/leads/${lead.id}`, { beds: 4 }, "only the lead's owner, a supervisor or an admin can change this lead"],
      ['PATCH', `/api/leads/${lead.id}`, { ownerId: agent.id }, "only the lead's owner, a supervisor or an admin can change this lead"],
      ['POST', `/api/leads/${lead.id}/status`, { status: 'CONTACTED' }, "only the lead's owner, a supervisor or an admin can change this lead"],
      ['POST', `/api/leads/${lead.id}/archive`, undefined, "only the lead's owner, a supervisor or an admin can archive this lead"],
    ] as const;
    for (const [method, path, body, message] of attempts) {
      expect(await api.request(method, path, { cookie, body })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message } } });
    }
    const saved = await api.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(saved).toMatchObject({ beds: null, ownerId: owner.id, status: 'NEW', archivedAt: null });

    // The owner edits it but cannot hand it on; a supervisor can.
    const ownerCookie = await api.login(owner.email);
    expect((await api.request('PATCH', `/api/leads/${lead.id}`, { cookie: ownerCookie, body: { beds: 4 } })).status).toBe(200);
    expect((await api.request('PATCH', `/api/leads/${lead.id}`, { cookie: ownerCookie, body: { ownerId: agent.id } })).body.error.message).toBe('only a supervisor or an admin can reassign this lead');
    expect((await api.request('PATCH', `/api/leads/${lead.id}`, { cookie: supervisorCookie, body: { ownerId: agent.id } })).body.ownerId).toBe(agent.id);
  });
});
