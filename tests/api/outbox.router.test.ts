import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { buildLeadInput, buildUser } from '../support/factories';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

// Without SMTP_URL (the harness gives the worker none here), mail is written as .eml files and read on the Outbox.
let api: ApiHarness;
let adminCookie: string;
let supervisorCookie: string;
let supervisor: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  api = await startApiHarness();
  const { db } = api.testDb;
  supervisor = await buildUser(db, { role: 'SUPERVISOR', name: 'Sam Super' });
  supervisorCookie = await api.login(supervisor.email);
  adminCookie = await api.login((await buildUser(db, { role: 'ADMIN' })).email);
});
afterAll(() => api?.close());

describe('the outbox without an SMTP server', () => {
  it('writes each message as <id>.eml under DATA_DIR/outbox, and an admin reads it, both parts and the file, on the Outbox', async () => {
    const buyer = (await api.request('POST', '/api/buyers', { cookie: supervisorCookie, body: { name: 'Outbox Buyer', email: 'outbox@buyer.test', markets: ['Fairborn, OH'], propertyTypes: ['SFR'] } })).body;
    const lead = await api.testDb.db.lead.create({ data: { ...buildLeadInput({ city: 'Fairborn', street: '9 Outbox Ln', askingPrice: 70_000 }), ownerId: supervisor.id } });

    const sent = await api.request('POST', `/api/buyers/${buyer.id}/send-matches`, { cookie: supervisorCookie, body: {} });
    expect(sent.status).toBe(202);
    const id: string = sent.body.message.id;
    const file = path.join(api.outboxDir, `${id}.eml`);
    await waitUntil('the .eml file', async () => fs.existsSync(file));

    const eml = await simpleParser(fs.readFileSync(file));
    expect(eml.to).toMatchObject({ value: [{ address: 'outbox@buyer.test' }] });
    expect(eml.replyTo).toMatchObject({ value: [{ address: supervisor.email }] });
    expect(eml.subject).toBe('1 property matches your buy box');
    expect(eml.text).toContain('9 Outbox Ln');
    expect(eml.html).toContain('9 Outbox Ln');

    const listed = await waitUntil('the message marked sent', async () => {
      const outbox = await api.request('GET', '/api/outbox', { cookie: adminCookie });
      return outbox.body.items.find((item: { id: string; status: string }) => item.id === id && item.status === 'SENT');
    });
    expect(listed).toMatchObject({ to: 'outbox@buyer.test', transport: 'outbox', outboxFile: `${id}.eml`, leadIds: [lead.id], attempts: 1, lastError: null });

    const detail = await api.request('GET', `/api/outbox/${id}`, { cookie: adminCookie });
    expect(detail.status).toBe(200);
    expect(detail.body.eml).toBe(fs.readFileSync(file, 'utf8'));
    expect(detail.body.eml).toContain('Subject: 1 property matches your buy box');
    expect(detail.body.text).toContain('Asking $70,000');

    const html = await fetch(`${api.url}/api/outbox/${id}/html`, { headers: { cookie: adminCookie } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect(await html.text()).toContain('9 Outbox Ln');

    expect((await api.request('GET', `/api/outbox/${id}`, { cookie: supervisorCookie })).status).toBe(403);
    expect((await api.request('GET', '/api/outbox/nope', { cookie: adminCookie })).status).toBe(404);
  });
});
