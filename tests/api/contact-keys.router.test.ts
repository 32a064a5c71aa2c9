import { buildLeadInput, buildUser } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

jest.setTimeout(180_000);

let api: ApiHarness;
let cookie: string;

beforeAll(async () => {
  api = await startApiHarness();
  cookie = await api.login((await buildUser(api.testDb.db, { role: 'ADMIN' })).email);
});
afterAll(() => api?.close());

describe('address and contact keys', () => {
  it('a lead gets its address key when created and a new one when its street or zip changes', async () => {
    const { db } = api.testDb;
    const created = await api.request('POST', '/api/leads', { cookie, body: buildLeadInput({ street: '400 West Third Street Unit 2', zip: '45402' }) });
    expect(created.status).toBe(201);
    expect((await db.lead.findUniqueOrThrow({ where: { id: created.body.id } })).addressKey).toBe('400 w third st #2|45402');

    expect((await api.request('PATCH', `/api/leads/${created.body.id}`, { cookie, body: { askingPrice: 95_000 } })).status).toBe(200);
    expect((await db.lead.findUniqueOrThrow({ where: { id: created.body.id } })).addressKey).toBe('400 w third st #2|45402');

    expect((await api.request('PATCH', `/api/leads/${created.body.id}`, { cookie, body: { zip: '45403-0001' } })).status).toBe(200);
    expect((await db.lead.findUniqueOrThrow({ where: { id: created.body.id } })).addressKey).toBe('400 w third st #2|45403');
  });

  it('a buyer gets its contact key from the e-mail, else the phone, and follows edits', async () => {
    const { db } = api.testDb;
    const created = await api.request('POST', '/api/buyers', { cookie, body: { name: 'Gem City Capital', phone: '(937) 555-0142' } });
    expect(created.status).toBe(201);
    expect((await db.buyer.findUniqueOrThrow({ where: { id: created.body.id } })).contactKey).toBe('phone:9375550142');

    expect((await api.request('PATCH', `/api/buyers/${created.body.id}`, { cookie, body: { email: 'Deals@GemCity.test' } })).status).toBe(200);
    expect((await db.buyer.findUniqueOrThrow({ where: { id: created.body.id } })).contactKey).toBe('email:deals@gemcity.test');
  });
});
