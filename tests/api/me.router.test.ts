import { buildLead, buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

jest.setTimeout(180_000);

let api: ApiHarness;
let cookie: string;
let otherCookie: string;
beforeAll(async () => {
  api = await startApiHarness();
  cookie = await api.login((await buildUser(api.testDb.db)).email);
  otherCookie = await api.login((await buildUser(api.testDb.db)).email);
});
afterAll(() => api?.close());

describe('favorites, recent items and saved views', () => {
  it('keeps favorites per user, idempotently', async () => {
    const item = { entityType: 'lead', entityId: 'lead-1' };
    await api.request('POST', '/api/me/favorites', { cookie, body: item });
    await api.request('POST', '/api/me/favorites', { cookie, body: item });
    expect((await api.request('GET', '/api/me/favorites', { cookie })).body.items).toEqual([expect.objectContaining(item)]);
    expect((await api.request('GET', '/api/me/favorites', { cookie: otherCookie })).body.items).toEqual([]);
    await api.request('POST', '/api/me/favorites/remove', { cookie, body: item });
    expect((await api.request('GET', '/api/me/favorites', { cookie })).body.items).toEqual([]);
    expect((await api.request('POST', '/api/me/favorites', { cookie, body: { entityType: 'planet', entityId: 'x' } })).status).toBe(400);
  });

  it('lists recent items newest first', async () => {
    await api.request('POST', '/api/me/recent', { cookie, body: { entityType: 'lead', entityId: 'a' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.request('POST', '/api/me/recent', { cookie, body: { entityType: 'buyer', entityId: 'b' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.request('POST', '/api/me/recent', { cookie, body: { entityType: 'lead', entityId: 'a' } });
    expect((await api.request('GET', '/api/me/recent', { cookie })).body.items.map((item: { entityId: string }) => item.entityId)).toEqual(['a', 'b']);
  });

  it('names each favorite and recent item: a lead by its seller, a buyer, a task by its title, an offer by its lead; null once it is gone', async () => {
    const user = await buildUser(api.testDb.db);
    const mine = await api.login(user.email);
    const lead = await buildLead(api.testDb.db, user.id, { sellerName: 'Titled Seller' });
    const buyer = await api.testDb.db.buyer.create({ data: { name: 'Titled Buyer' } });
    const task = await api.testDb.db.task.create({ data: { title: 'Titled task', type: 'FOLLOW_UP', priority: 'LOW', dueAt: new Date() } });
    const offer = await api.testDb.db.offer.create({ data: { leadId: lead.id, kind: 'PURCHASE', amount: 90_000, createdById: user.id } });
    for (const [entityType, entityId] of [['lead', lead.id], ['buyer', buyer.id], ['task', task.id], ['offer', offer.id], ['lead', 'gone'], ['task', 'gone-task']]) {
      await api.request('POST', '/api/me/favorites', { cookie: mine, body: { entityType, entityId } });
      await api.request('POST', '/api/me/recent', { cookie: mine, body: { entityType, entityId } });
    }
    const titles = (items: Array<{ entityId: string; title: string | null }>) => Object.fromEntries(items.map((item) => [item.entityId, item.title]));
    const expected = { [lead.id]: 'Titled Seller', [buyer.id]: 'Titled Buyer', [task.id]: 'Titled task', [offer.id]: 'Offer on Titled Seller', gone: null, 'gone-task': null };
    expect(titles((await api.request('GET', '/api/me/favorites', { cookie: mine })).body.items)).toEqual(expected);
    expect(titles((await api.request('GET', '/api/me/recent', { cookie: mine })).body.items)).toEqual(expected);
  });

  it('saves, replaces by name and deletes list views', async () => {
    await api.request('POST', '/api/me/saved-views', { cookie, body: { page: 'leads', name: 'Hot Dayton', query: { city: 'Dayton', status: 'NEW' } } });
    await api.request('POST', '/api/me/saved-views', { cookie, body: { page: 'leads', name: 'Hot Dayton', query: { city: 'Dayton', status: 'CONTACTED' } } });
    const views = (await api.request('GET', '/api/me/saved-views?page=leads', { cookie })).body.items;
    expect(views).toEqual([expect.objectContaining({ name: 'Hot Dayton', query: { city: 'Dayton', status: 'CONTACTED' } })]);
    expect((await api.request('POST', `/api/me/saved-views/${views[0].id}/delete`, { cookie: otherCookie })).status).toBe(404);
    expect((await api.request('POST', `/api/me/saved-views/${views[0].id}/delete`, { cookie })).status).toBe(204);
    expect((await api.request('POST', '/api/me/saved-views', { cookie, body: { page: 'leads', name: '', query: {} } })).body.error.fields).toEqual({ name: 'is required' });
  });
});

describe('history', () => {
  it('returns an entity\'s events oldest first', async () => {
    const lead = (await api.request('POST', '/api/leads', { cookie, body: buildLeadInput() })).body;
    await api.request('PATCH', `/api/leads/${lead.id}`, { cookie, body: { beds: 4 } });
    const history = await api.request('GET', `/api/history/lead/${lead.id}`, { cookie });
    expect(history.body.items.map((event: { action: string }) => event.action)).toEqual(['created', 'updated']);
    expect((await api.request('GET', `/api/history/planet/${lead.id}`, { cookie })).status).toBe(400);
  });
});
