import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLeadInput, buildUser } from '../support/factories';

jest.setTimeout(180_000);

let api: ApiHarness;
let cookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  cookie = await api.login((await buildUser(api.testDb.db, { role: 'SUPERVISOR' })).email);
});
afterAll(() => api?.close());

describe('duplicates on create', () => {
  it('answers 409 DUPLICATE with the existing lead for the same address however it is written, and saves it with allowDuplicate', async () => {
    const first = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '123 North Main Street', zip: '45402' }) });
    expect(first.status).toBe(201);
    const again = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '123 n. main st', zip: '45402-1234' }) });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'DUPLICATE', message: 'A lead with this address exists already', existingId: first.body.id });
    expect(await api.testDb.db.lead.count({ where: { zip: { startsWith: '45402' }, street: { contains: 'ain' } } })).toBe(1);

    const anyway = await api.request('POST', '/api/leads', { cookie, body: { ...buildLeadInput({ street: '123 n. main st', zip: '45402' }), allowDuplicate: true } });
    expect(anyway.status).toBe(201);
    expect(anyway.body.id).not.toBe(first.body.id);
  });

  it('does not count an archived lead or another unit as the same address', async () => {
    const unit = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '77 Elm Ave Apt 2', zip: '45403' }) });
    expect(unit.status).toBe(201);
    expect((await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '77 Elm Ave Apt 3', zip: '45403' }) })).status).toBe(201);
    await api.request('POST', `/api/leads/${unit.body.id}/archive`, { cookie });
    expect((await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '77 Elm Avenue #2', zip: '45403' }) })).status).toBe(201);
  });

  it('answers 409 DUPLICATE for a buyer with the same e-mail or phone, and saves it with allowDuplicate', async () => {
    const first = await api.request('POST', '/api/buyers', { cookie, body: { name: 'Dup Capital', email: 'Deals@Dup.test', markets: ['Dayton, OH'] } });
    expect(first.status).toBe(201);
    const again = await api.request('POST', '/api/buyers', { cookie, body: { name: 'Dup Capital LLC', email: 'deals@dup.test ', markets: ['Dayton, OH'] } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'DUPLICATE', existingId: first.body.id });
    const phone = await api.request('POST', '/api/buyers', { cookie, body: { name: 'Phone Buyer', phone: '(937) 555-0177', markets: ['Dayton, OH'] } });
    expect(phone.status).toBe(201);
    const samePhone = await api.request('POST', '/api/buyers', { cookie, body: { name: 'Phone Buyer 2', phone: '937.555.0177', markets: ['Dayton, OH'] } });
    expect(samePhone.body.error).toMatchObject({ code: 'DUPLICATE', existingId: phone.body.id });
    const anyway = await api.request('POST', '/api/buyers', { cookie, body: { name: 'Dup Capital LLC', email: 'deals@dup.test', markets: ['Dayton, OH'], allowDuplicate: true } });
    expect(anyway.status).toBe(201);
    // A buyer with neither e-mail nor phone has no key: never a duplicate.
    expect((await api.request('POST', '/api/buyers', { cookie, body: { name: 'No Contact', markets: ['Dayton, OH'] } })).status).toBe(201);
    expect((await api.request('POST', '/api/buyers', { cookie, body: { name: 'No Contact', markets: ['Dayton, OH'] } })).status).toBe(201);
  });
});
