import { buyerWorkflowId, leadWorkflowId, taskWorkflowId } from '../../domain/workflow-ids';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLeadInput, buildUser } from '../support/factories';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
let cookie: string;
let agentCookie: string;
let supervisor: Awaited<ReturnType<typeof buildUser>>;
let agent: Awaited<ReturnType<typeof buildUser>>;
const db = () => api.testDb.db;

beforeAll(async () => {
  api = await startApiHarness();
  supervisor = await buildUser(db(), { role: 'SUPERVISOR', name: 'Sue Pervisor' });
  agent = await buildUser(db(), { role: 'AGENT', name: 'Aggie Agent' });
  cookie = await api.login(supervisor.email);
  agentCookie = await api.login(agent.email);
});
afterAll(() => api?.close());

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

async function post(path: string, body: unknown, as = cookie) {
  const response = await api.request('POST', path, { cookie: as, body });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The lead's open automatic "contact" task, once its workflow has made it. */
const contactTaskOf = (leadId: string) =>
  waitUntil(`the contact task of ${leadId}`, () => db().task.findFirst({ where: { leadId, automationKey: { not: null }, status: { in: ['CREATED', 'ASSIGNED'] } } }));

/** Everything a lead holds, counted. */
async function holdings(leadId: string) {
  const [tasks, offers, notes, calls, documents, events] = await Promise.all([
    db().task.count({ where: { leadId } }),
    db().offer.count({ where: { leadId } }),
    db().note.count({ where: { leadId } }),
    db().call.count({ where: { leadId } }),
    db().document.count({ where: { leadId } }),
    db().event.count({ where: { entityType: 'lead', entityId: leadId, audienceUserId: null } }),
  ]);
  return { tasks, offers, notes, calls, documents, events };
}

const workflowStatus = async (workflowId: string) => (await api.temporal.client.workflow.getHandle(workflowId).describe()).status.name;

describe('merging leads', () => {
  it('moves every task, offer, note, call, document, favorite and tag to the survivor, fills its empty fields, cancels the source automation and ends its workflow', async () => {
    const survivor = await post('/api/leads', buildLeadInput({ sellerName: 'Pat Keeper', street: '40 Merge Ln', zip: '45410' }));
    const source = await post('/api/leads', { ...buildLeadInput({ sellerName: 'Pat Keeper', street: '40 Merge Lane', zip: '45410', sellerEmail: 'pat@keeper.test' }), allowDuplicate: true });
    const patch = async (id: string, body: unknown) => expect((await api.request('PATCH', `/api/leads/${id}`, { cookie, body })).status).toBe(200);
    await patch(survivor.id, { tags: ['probate'] });
    await patch(source.id, { beds: 3, sqft: 1_400, tags: ['Probate', 'absentee'] });
    const [survivorContact, sourceContact] = [await contactTaskOf(survivor.id), await contactTaskOf(source.id)];
    // What the source holds beside its automatic contact task.
    const manual = await post('/api/tasks', { title: 'Pull the title report', leadId: source.id, dueAt: inADay(), assigneeId: agent.id });
    await post('/api/notes', { body: 'Owner wants to close before winter', leadId: source.id });
    await post('/api/offers', { leadId: source.id, kind: 'PURCHASE', amount: 61_000 });
    await post(`/api/leads/${source.id}/calls`, { outcome: 'NO_ANSWER' });
    await db().document.create({ data: { kind: 'PHOTO', fileName: 'front.jpg', leadId: source.id, uploadedById: supervisor.id } });
    await post('/api/me/favorites', { entityType: 'lead', entityId: source.id });
    await post('/api/notes', { body: 'Met at the door', leadId: survivor.id });
    await waitUntil('the manual task assigned', async () => (await db().task.findUniqueOrThrow({ where: { id: manual.id } })).status === 'ASSIGNED');

    const before = { survivor: await holdings(survivor.id), source: await holdings(source.id) };
    expect(before.source).toMatchObject({ tasks: 2, offers: 1, notes: 1, calls: 1, documents: 1 });

    const merged = await api.request('POST', `/api/leads/${survivor.id}/merge`, { cookie, body: { sourceId: source.id } });
    expect(merged.status).toBe(200);
    expect(merged.body.merge).toMatchObject({ survivorId: survivor.id, sourceId: source.id, moved: { tasks: 1, offers: 1, notes: 1, calls: 1, documents: 1, favorites: 1 }, cancelledTaskIds: [sourceContact.id] });
    expect(merged.body.lead).toMatchObject({ id: survivor.id, beds: 3, sqft: 1_400, sellerEmail: 'pat@keeper.test', tags: ['probate', 'absentee'] });
    expect(merged.body.merge.filled).toEqual(expect.arrayContaining(['beds', 'sqft', 'sellerEmail', 'tags']));

    // Nothing lost: the source's work is on the survivor, but its automatic task, cancelled where it was.
    const after = { survivor: await holdings(survivor.id), source: await holdings(source.id) };
    expect(after.survivor).toMatchObject({
      tasks: before.survivor.tasks + before.source.tasks - 1,
      offers: before.survivor.offers + before.source.offers,
      notes: before.survivor.notes + before.source.notes,
      calls: before.survivor.calls + before.source.calls,
      documents: before.survivor.documents + before.source.documents,
    });
    expect(after.source).toMatchObject({ tasks: 1, offers: 0, notes: 0, calls: 0, documents: 0 });
    expect(await db().task.findUniqueOrThrow({ where: { id: manual.id } })).toMatchObject({ leadId: survivor.id, status: 'ASSIGNED', assigneeId: agent.id });
    expect(await db().task.findUniqueOrThrow({ where: { id: sourceContact.id } })).toMatchObject({ leadId: source.id, status: 'CANCELLED' });
    // The survivor keeps its own contact task: one, not two.
    expect(await db().task.count({ where: { leadId: survivor.id, automationKey: { not: null }, status: { in: ['CREATED', 'ASSIGNED'] } } })).toBe(1);
    expect((await db().task.findUniqueOrThrow({ where: { id: survivorContact.id } })).status).not.toBe('CANCELLED');
    expect(await db().favorite.findMany({ where: { userId: supervisor.id, entityType: 'lead', entityId: { in: [survivor.id, source.id] } } })).toEqual([expect.objectContaining({ entityId: survivor.id })]);

    // The source is archived as merged, and says where it went.
    const sourceNow = await api.request('GET', `/api/leads/${source.id}`, { cookie });
    expect(sourceNow.body).toMatchObject({ id: source.id, mergedIntoId: survivor.id });
    expect((await db().lead.findUniqueOrThrow({ where: { id: source.id } })).archivedAt).not.toBeNull();

    // The survivor's history has the source's story and the merge; the source's says where it went.
    const history = (await api.request('GET', `/api/history/lead/${survivor.id}`, { cookie })).body.items as Array<{ name: string; entityId: string; entity: Record<string, unknown> }>;
    // Its own, the source's (with the source's "merged into"), and the merge.
    expect(history.length).toBe(before.survivor.events + before.source.events + 2);
    expect(history.filter((item) => item.entityId === source.id).length).toBe(before.source.events + 1);
    expect(history.at(-1)).toMatchObject({ name: 'lead.merged', entityId: survivor.id, entity: { sourceId: source.id, sourceName: 'Pat Keeper, 40 Merge Lane' } });
    const sourceHistory = (await api.request('GET', `/api/history/lead/${source.id}`, { cookie })).body.items as Array<{ name: string; entity: Record<string, unknown> }>;
    expect(sourceHistory.at(-1)).toMatchObject({ name: 'lead.merged_into', entity: { survivorId: survivor.id } });

    // The source's workflow and its cancelled task's workflow end cleanly; the survivor's runs on.
    await waitUntil('the source workflow completed', async () => (await workflowStatus(leadWorkflowId(source.id))) === 'COMPLETED');
    await waitUntil('the cancelled task workflow closed', async () => (await workflowStatus(taskWorkflowId(sourceContact.id))) !== 'RUNNING');
    expect(await workflowStatus(leadWorkflowId(survivor.id))).toBe('RUNNING');
    expect(await workflowStatus(taskWorkflowId(manual.id))).toBe('RUNNING');

    // A retry is refused (never applied twice), naming where the source went; so is unarchiving it.
    const again = await api.request('POST', `/api/leads/${survivor.id}/merge`, { cookie, body: { sourceId: source.id } });
    expect(again.status).toBe(409);
    expect(again.body.error.fields.sourceId).toContain(`already merged into ${survivor.id}`);
    expect(await holdings(survivor.id)).toEqual(after.survivor);
    expect((await api.request('POST', `/api/leads/${source.id}/unarchive`, { cookie })).status).toBe(409);
  });

  it('refuses a merge into itself, an unknown or archived source, a source of another kind, and an agent who may not change both leads', async () => {
    const mine = await post('/api/leads', buildLeadInput({ street: '1 Refusal Rd' }), agentCookie);
    const alsoMine = await post('/api/leads', buildLeadInput({ street: '2 Refusal Rd' }), agentCookie);
    const notMine = await post('/api/leads', buildLeadInput({ street: '3 Refusal Rd' }));

    const self = await api.request('POST', `/api/leads/${mine.id}/merge`, { cookie: agentCookie, body: { sourceId: mine.id } });
    expect(self).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', fields: { sourceId: 'A lead cannot be merged into itself' } } } });
    const missing = await api.request('POST', `/api/leads/${mine.id}/merge`, { cookie: agentCookie, body: {} });
    expect(missing).toMatchObject({ status: 400, body: { error: { fields: { sourceId: 'is required' } } } });
    const unknown = await api.request('POST', `/api/leads/${mine.id}/merge`, { cookie: agentCookie, body: { sourceId: 'no-such-lead' } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { fields: { sourceId: 'names no lead' } } } });
    const buyer = await post('/api/buyers', { name: 'Not A Lead', markets: ['Dayton, OH'] });
    const otherKind = await api.request('POST', `/api/leads/${mine.id}/merge`, { cookie: agentCookie, body: { sourceId: buyer.id } });
    expect(otherKind).toMatchObject({ status: 404, body: { error: { fields: { sourceId: 'names no lead' } } } });
    const forbidden = await api.request('POST', `/api/leads/${mine.id}/merge`, { cookie: agentCookie, body: { sourceId: notMine.id } });
    expect(forbidden.status).toBe(403);

    await post(`/api/leads/${alsoMine.id}/archive`, undefined, agentCookie);
    const archived = await api.request('POST', `/api/leads/${mine.id}/merge`, { cookie: agentCookie, body: { sourceId: alsoMine.id } });
    expect(archived).toMatchObject({ status: 409, body: { error: { fields: { sourceId: expect.stringContaining('archived') } } } });
    expect(await db().lead.count({ where: { id: { in: [mine.id, alsoMine.id, notMine.id] }, mergedIntoId: { not: null } } })).toBe(0);

    // An agent who owns both merges them.
    const third = await post('/api/leads', buildLeadInput({ street: '4 Refusal Rd' }), agentCookie);
    expect((await api.request('POST', `/api/leads/${mine.id}/merge`, { cookie: agentCookie, body: { sourceId: third.id } })).status).toBe(200);
  });

  it('lists possible duplicates: the same address key, or the same phone or owner name in the same ZIP, never itself or an archived lead', async () => {
    const lead = await post('/api/leads', buildLeadInput({ sellerName: 'Dana Dupe', sellerPhone: '(937) 555-0142', street: '9 Twin Oaks Drive', zip: '45420' }));
    const { sellerPhone: _none, ...noPhone } = buildLeadInput({ sellerName: 'Someone Else', street: '9 twin oaks dr.', zip: '45420-1111' });
    const sameAddress = await post('/api/leads', { ...noPhone, allowDuplicate: true });
    const samePhone = await post('/api/leads', buildLeadInput({ sellerName: 'D. Dupe', sellerPhone: '937.555.0142', street: '500 Far Away St', zip: '45420' }));
    const sameName = await post('/api/leads', buildLeadInput({ sellerName: 'dana  DUPE', sellerPhone: '(937) 555-0999', street: '12 Elsewhere Ave', zip: '45420' }));
    // The same phone in another ZIP is another property of the same owner, not a duplicate.
    await post('/api/leads', buildLeadInput({ sellerName: 'Dana Dupe', sellerPhone: '9375550142', street: '77 Other Zip Rd', zip: '45499' }));
    const archived = await post('/api/leads', buildLeadInput({ sellerName: 'Dana Dupe', street: '13 Gone Ct', zip: '45420' }));
    await post(`/api/leads/${archived.id}/archive`, undefined);

    const response = await api.request('GET', `/api/leads/${lead.id}/duplicates`, { cookie: agentCookie });
    expect(response.status).toBe(200);
    const byId = Object.fromEntries((response.body.items as Array<{ id: string; reasons: string[] }>).map((item) => [item.id, item.reasons]));
    expect(byId).toEqual({
      [sameAddress.id]: ['same address'],
      [samePhone.id]: ['same phone'],
      [sameName.id]: ['same owner name in 45420'],
    });
    expect(response.body.items[0]).toMatchObject({ id: sameAddress.id, name: 'Someone Else', detail: '9 twin oaks dr., Dayton 45420-1111', status: 'NEW' });
    expect((await api.request('GET', '/api/leads/nope/duplicates', { cookie })).status).toBe(404);
  });
});

describe('merging buyers', () => {
  it('moves tasks, notes, offers and documents to the survivor, fills its buy box, cancels the source automation and ends its workflow', async () => {
    const survivor = await post('/api/buyers', { name: 'Oak Capital', email: 'deals@oak.test', markets: [] });
    const source = await post('/api/buyers', { name: 'Oak Capital LLC', email: 'DEALS@oak.test', phone: '(937) 555-0188', markets: ['Dayton, OH'], propertyTypes: ['SFR', 'CONDO'], maxPrice: 150_000, allowDuplicate: true });
    const verifyTask = await waitUntil('the source buyer\'s proof-of-funds task', () => db().task.findFirst({ where: { buyerId: source.id, automationKey: { not: null } } }));
    await waitUntil('the survivor\'s proof-of-funds task', () => db().task.findFirst({ where: { buyerId: survivor.id, automationKey: { not: null } } }));
    const manual = await post('/api/tasks', { title: 'Call about Dayton flips', buyerId: source.id, dueAt: inADay() });
    await post('/api/notes', { body: 'Buys in cash, closes in 10 days', buyerId: source.id });
    const lead = await post('/api/leads', buildLeadInput({ street: '8 Buyer Offer St' }));
    await post('/api/offers', { leadId: lead.id, buyerId: source.id, kind: 'BUYER', amount: 99_000 });
    await db().document.create({ data: { kind: 'PROOF_OF_FUNDS', fileName: 'pof.pdf', buyerId: source.id, uploadedById: supervisor.id } });
    const count = async (buyerId: string) => ({
      tasks: await db().task.count({ where: { buyerId } }),
      notes: await db().note.count({ where: { buyerId } }),
      offers: await db().offer.count({ where: { buyerId } }),
      documents: await db().document.count({ where: { buyerId } }),
      events: await db().event.count({ where: { entityType: 'buyer', entityId: buyerId, audienceUserId: null } }),
    });
    const before = { survivor: await count(survivor.id), source: await count(source.id) };

    const duplicates = await api.request('GET', `/api/buyers/${survivor.id}/duplicates`, { cookie });
    expect(duplicates.body.items).toEqual([expect.objectContaining({ id: source.id, name: 'Oak Capital LLC', reasons: ['same e-mail'] })]);

    const merged = await api.request('POST', `/api/buyers/${survivor.id}/merge`, { cookie, body: { sourceId: source.id } });
    expect(merged.status).toBe(200);
    expect(merged.body.buyer).toMatchObject({ id: survivor.id, email: 'deals@oak.test', phone: '(937) 555-0188', markets: ['Dayton, OH'], propertyTypes: ['SFR', 'CONDO'], maxPrice: 150_000 });
    expect(merged.body.merge).toMatchObject({ moved: { tasks: 1, notes: 1, offers: 1, documents: 1 }, cancelledTaskIds: [verifyTask.id] });

    const after = { survivor: await count(survivor.id), source: await count(source.id) };
    expect(after.survivor).toMatchObject({
      tasks: before.survivor.tasks + before.source.tasks - 1,
      notes: before.survivor.notes + before.source.notes,
      offers: before.survivor.offers + before.source.offers,
      documents: before.survivor.documents + before.source.documents,
    });
    expect(await db().task.findUniqueOrThrow({ where: { id: manual.id } })).toMatchObject({ buyerId: survivor.id });
    expect(await db().task.findUniqueOrThrow({ where: { id: verifyTask.id } })).toMatchObject({ buyerId: source.id, status: 'CANCELLED' });
    // The survivor's market rows follow its filled buy box (matching narrows by them): a row per market and type, each with the box's copy.
    const marketRows = await db().buyerMarket.findMany({
      where: { buyerId: survivor.id },
      orderBy: { propertyType: 'asc' },
      select: { buyerId: true, market: true, propertyType: true, live: true, maxPrice: true },
    });
    const { maxPrice } = await db().buyer.findUniqueOrThrow({ where: { id: survivor.id } });
    expect(maxPrice).not.toBeNull();
    expect(marketRows).toEqual([
      { buyerId: survivor.id, market: 'dayton, oh', propertyType: 'CONDO', live: true, maxPrice },
      { buyerId: survivor.id, market: 'dayton, oh', propertyType: 'SFR', live: true, maxPrice },
    ]);
    const history = (await api.request('GET', `/api/history/buyer/${survivor.id}`, { cookie })).body.items as Array<{ name: string }>;
    expect(history.length).toBe(before.survivor.events + before.source.events + 2);
    expect(history.at(-1)?.name).toBe('buyer.merged');

    expect((await api.request('GET', `/api/buyers/${source.id}`, { cookie })).body).toMatchObject({ id: source.id, mergedIntoId: survivor.id });
    await waitUntil('the source buyer workflow completed', async () => (await workflowStatus(buyerWorkflowId(source.id))) === 'COMPLETED');
    await waitUntil('the cancelled task workflow closed', async () => (await workflowStatus(taskWorkflowId(verifyTask.id))) !== 'RUNNING');
    expect(await workflowStatus(buyerWorkflowId(survivor.id))).toBe('RUNNING');

    const again = await api.request('POST', `/api/buyers/${survivor.id}/merge`, { cookie, body: { sourceId: source.id } });
    expect(again).toMatchObject({ status: 409, body: { error: { fields: { sourceId: expect.stringContaining('already merged') } } } });
    const byAgent = await api.request('POST', `/api/buyers/${survivor.id}/merge`, { cookie: agentCookie, body: { sourceId: source.id } });
    expect(byAgent.status).toBe(403);
  });

  it("fills no bound that would cross the survivor's other one: the survivor's max price wins, and the buyer stays editable", async () => {
    const survivor = await post('/api/buyers', { name: 'V Survivor', maxPrice: 100_000 });
    const source = await post('/api/buyers', { name: 'V Source', minPrice: 200_000, maxPrice: 400_000, maxRepair: 30_000 });
    const merged = await api.request('POST', `/api/buyers/${survivor.id}/merge`, { cookie, body: { sourceId: source.id } });
    expect(merged.status).toBe(200);
    expect(merged.body.buyer).toMatchObject({ minPrice: null, maxPrice: 100_000, maxRepair: 30_000 });
    expect(merged.body.merge.filled).toEqual(['maxRepair']);
    const event = await db().event.findFirstOrThrow({ where: { entityType: 'buyer', entityId: survivor.id, action: 'merged' } });
    expect(JSON.parse(event.payload)).toMatchObject({ minPrice: null, maxPrice: 100_000, filled: ['maxRepair'] });
    expect(await api.request('PATCH', `/api/buyers/${survivor.id}`, { cookie, body: { company: 'Acme' } })).toMatchObject({ status: 200, body: { company: 'Acme' } });
  });

  it('fills a bound that fits inside the survivor\'s other one', async () => {
    const survivor = await post('/api/buyers', { name: 'Fit Survivor', maxPrice: 100_000 });
    const source = await post('/api/buyers', { name: 'Fit Source', minPrice: 40_000, maxPrice: 400_000 });
    const merged = await api.request('POST', `/api/buyers/${survivor.id}/merge`, { cookie, body: { sourceId: source.id } });
    expect(merged.body).toMatchObject({ buyer: { minPrice: 40_000, maxPrice: 100_000 }, merge: { filled: ['minPrice'] } });
  });
});
