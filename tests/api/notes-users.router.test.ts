import { SESSION_CACHE_MS } from '../../api/auth/sessions';
import { toUserJson } from '../../db/rows';
import { recordEvent } from '../../db/writes/record-event';
import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let api: ApiHarness;
let agentCookie: string;
let adminCookie: string;
let admin: { id: string; email: string };

beforeAll(async () => {
  api = await startApiHarness();
  const agent = await buildUser(api.testDb.db, { role: 'AGENT', name: 'Nora Notes' });
  admin = await buildUser(api.testDb.db, { role: 'ADMIN' });
  agentCookie = await api.login(agent.email);
  adminCookie = await api.login(admin.email);
});
afterAll(() => api?.close());

describe('notes', () => {
  it('adds a note to a lead with its author and lists the lead\'s notes newest first', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body;
    const first = await api.request('POST', '/api/notes', { cookie: agentCookie, body: { leadId: lead.id, body: 'Seller wants to close in 30 days' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ body: 'Seller wants to close in 30 days', authorName: 'Nora Notes', leadId: lead.id });
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct creation times
    const second = await api.request('POST', '/api/notes', { cookie: agentCookie, body: { leadId: lead.id, body: 'Called back' } });
    const listed = await api.request('GET', `/api/notes?leadId=${lead.id}`, { cookie: agentCookie });
    expect(listed.body.items.map((note: { body: string }) => note.body)).toEqual(['Called back', 'Seller wants to close in 30 days']);
    // Each listed note is the note as saved; the limit keeps the newest; another record's notes stay its own.
    expect(listed.body.items).toEqual([second.body, first.body]);
    expect((await api.request('GET', `/api/notes?leadId=${lead.id}&limit=1`, { cookie: agentCookie })).body.items).toEqual([second.body]);
    const other = (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body;
    expect((await api.request('GET', `/api/notes?leadId=${other.id}`, { cookie: agentCookie })).body.items).toEqual([]);
  });

  it('lets only the author edit or archive a note; archived notes leave the list', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body;
    const note = (await api.request('POST', '/api/notes', { cookie: agentCookie, body: { leadId: lead.id, body: 'Typo in teh note' } })).body;
    expect((await api.request('PATCH', `/api/notes/${note.id}`, { cookie: adminCookie, body: { body: 'Hijack' } })).status).toBe(403);
    const edited = await api.request('PATCH', `/api/notes/${note.id}`, { cookie: agentCookie, body: { body: 'Typo in the note' } });
    expect(edited.body).toMatchObject({ body: 'Typo in the note', editedAt: expect.any(String) });
    expect((await api.request('POST', `/api/notes/${note.id}/archive`, { cookie: agentCookie })).status).toBe(200);
    expect((await api.request('GET', `/api/notes?leadId=${lead.id}`, { cookie: agentCookie })).body.items).toEqual([]);
    expect((await api.request('PATCH', `/api/notes/${note.id}`, { cookie: agentCookie, body: { body: 'again' } })).status).toBe(404);
  });

  it.each([
    [{ body: 'x' }, 400, { leadId: 'give exactly one of leadId, buyerId, taskId, offerId' }],
    [{ body: '', leadId: 'a' }, 400, { body: 'is required' }],
    [{ body: 'x', leadId: 'nope' }, 422, { leadId: 'does not name a record' }],
    [{ body: 'x', leadId: 'a', authorId: 'someone-else', pinned: true }, 400, { authorId: 'cannot be set here', pinned: 'cannot be set here' }],
  ])('refuses %p', async (body, status, fields) => {
    const response = await api.request('POST', '/api/notes', { cookie: agentCookie, body });
    expect(response.status).toBe(status);
    expect(response.body.error.fields).toEqual(fields);
  });

  it('refuses a note on an archived or merged lead or buyer, naming it, as an offer is refused; once unarchived, it is taken', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie: adminCookie, body: buildLeadInput() })).body;
    expect((await api.request('POST', `/api/leads/${lead.id}/archive`, { cookie: adminCookie })).status).toBe(200);
    const onArchived = await api.request('POST', '/api/notes', { cookie: agentCookie, body: { leadId: lead.id, body: 'Still interested?' } });
    expect(onArchived.status).toBe(422);
    expect(onArchived.body.error).toMatchObject({ message: 'Lead is archived: unarchive it to add a note', fields: { leadId: 'names an archived lead' } });
    expect(await api.testDb.db.note.count({ where: { leadId: lead.id } })).toBe(0);

    const survivor = await api.testDb.db.buyer.create({ data: { name: 'Survivor' } });
    const mergedBuyer = await api.testDb.db.buyer.create({ data: { name: 'Merged away', archivedAt: new Date(), mergedIntoId: survivor.id } });
    const onMerged = await api.request('POST', '/api/notes', { cookie: agentCookie, body: { buyerId: mergedBuyer.id, body: 'Wants duplexes' } });
    expect(onMerged.status).toBe(422);
    expect(onMerged.body.error).toMatchObject({ message: 'Buyer was merged into another buyer: add a note there', fields: { buyerId: 'names a merged buyer' } });
    const archivedBuyer = await api.testDb.db.buyer.create({ data: { name: 'Archived', archivedAt: new Date() } });
    expect((await api.request('POST', '/api/notes', { cookie: agentCookie, body: { buyerId: archivedBuyer.id, body: 'x' } })).body.error.fields).toEqual({ buyerId: 'names an archived buyer' });

    expect((await api.request('POST', `/api/leads/${lead.id}/unarchive`, { cookie: adminCookie })).status).toBe(200);
    expect((await api.request('POST', '/api/notes', { cookie: agentCookie, body: { leadId: lead.id, body: 'Still interested?' } })).status).toBe(201);
  });

  it('refuses to move a note to another lead through an edit, naming the field, instead of a 200 that ignores it', async () => {
    const [lead, other] = [
      (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body,
      (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body,
    ];
    const note = (await api.request('POST', '/api/notes', { cookie: agentCookie, body: { leadId: lead.id, body: 'Stays here' } })).body;
    const moved = await api.request('PATCH', `/api/notes/${note.id}`, { cookie: agentCookie, body: { body: 'x', leadId: other.id } });
    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatchObject({ message: 'Invalid body: Lead cannot be set here', fields: { leadId: 'cannot be set here' } });
    expect(await api.testDb.db.note.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ body: 'Stays here', leadId: lead.id, editedAt: null });
  });
});

describe('users', () => {
  it('lets anyone list users but only an admin create or change them', async () => {
    const users = await api.request('GET', '/api/users', { cookie: agentCookie });
    expect(users.status).toBe(200);
    expect(users.body.items).toEqual((await api.testDb.db.user.findMany({ orderBy: { name: 'asc' } })).map(toUserJson));
    const body = { email: 'new.agent@flipstackk.test', name: 'New Agent', role: 'AGENT', password: 'a long enough password' };
    const refused = await api.request('POST', '/api/users', { cookie: agentCookie, body });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });

    const created = await api.request('POST', '/api/users', { cookie: adminCookie, body });
    expect(created).toMatchObject({ status: 201, body: { email: 'new.agent@flipstackk.test', role: 'AGENT', active: true } });
    const newCookie = await api.login('new.agent@flipstackk.test', 'a long enough password');
    expect((await api.request('GET', '/api/me', { cookie: newCookie })).body.role).toBe('AGENT');
    expect((await api.request('POST', '/api/users', { cookie: adminCookie, body })).status).toBe(409);

    await api.request('PATCH', `/api/users/${created.body.id}`, { cookie: adminCookie, body: { role: 'ACQUISITIONS' } });
    expect((await api.request('GET', '/api/me', { cookie: newCookie })).body.role).toBe('ACQUISITIONS');
    const deactivated = await api.request('PATCH', `/api/users/${created.body.id}`, { cookie: adminCookie, body: { active: false } });
    expect(deactivated.body.active).toBe(false);
    expect((await api.request('GET', '/api/me', { cookie: newCookie })).status).toBe(401);
    await expect(api.login('new.agent@flipstackk.test', 'a long enough password')).rejects.toThrow('401');
  });

  it("follows a user's change made by another API process, once its event is streamed", async () => {
    const user = await buildUser(api.testDb.db, { role: 'AGENT' });
    const cookie = await api.login(user.email);
    expect((await api.request('GET', '/api/me', { cookie })).body.role).toBe('AGENT');
    await api.testDb.db.$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id: user.id }, data: { role: 'SUPERVISOR' } });
      await recordEvent(tx, { entityType: 'user', entityId: updated.id, action: 'updated', entity: toUserJson(updated), actorId: admin.id });
    });
    // Sooner than the cache would let the session go by itself.
    await waitUntil('the new role', async () => (await api.request('GET', '/api/me', { cookie })).body.role === 'SUPERVISOR', SESSION_CACHE_MS / 2);
  });

  it('refuses a weak password and an admin locking themselves out', async () => {
    const weak = await api.request('POST', '/api/users', { cookie: adminCookie, body: { email: 'w@flipstackk.test', name: 'W', role: 'AGENT', password: 'short' } });
    expect(weak.body.error.fields).toEqual({ password: 'must be at least 12 characters' });
    const self = await api.request('PATCH', `/api/users/${admin.id}`, { cookie: adminCookie, body: { role: 'AGENT' } });
    expect(self.status).toBe(400);
  });
});

describe('documents (metadata)', () => {
  it('records a document on a lead and lists it', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie: agentCookie, body: buildLeadInput() })).body;
    const created = await api.request('POST', '/api/documents', {
      cookie: agentCookie,
      body: { leadId: lead.id, kind: 'PURCHASE_CONTRACT', fileName: 'contract.pdf', mimeType: 'application/pdf', sizeBytes: 120_000 },
    });
    expect(created).toMatchObject({ status: 201, body: { kind: 'PURCHASE_CONTRACT', fileName: 'contract.pdf', leadId: lead.id } });
    expect((await api.request('GET', `/api/documents?leadId=${lead.id}`, { cookie: agentCookie })).body.items).toHaveLength(1);
    const bad = await api.request('POST', '/api/documents', { cookie: agentCookie, body: { leadId: lead.id, kind: 'LETTER', fileName: '' } });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['fileName', 'kind']);
  });
});
