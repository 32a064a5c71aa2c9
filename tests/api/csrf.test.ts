import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { buildLead, buildUser, TEST_PASSWORD } from '../support/factories';
import { startAppWithoutTemporal, type OfflineApp } from '../support/offline-app';

jest.setTimeout(180_000);

// A page of our own on another port of the same host, as in the probe that archived a lead.
const OTHER_PORT_ORIGIN = 'http://127.0.0.1:1';
const CONFIGURED_ORIGIN = 'https://crm.example.com';

let app: OfflineApp;
let cookie: string;
let userId: string;
beforeAll(async () => {
  app = await startAppWithoutTemporal({ app: { appOrigins: [CONFIGURED_ORIGIN] } });
  const agent = await buildUser(app.testDb.db, { role: 'AGENT' });
  userId = agent.id;
  cookie = await app.login(agent.email);
});
afterAll(() => app?.close());

/** POST /api/leads/:id/archive as the signed-in agent with these headers; whether the lead was archived. */
async function archive(headers: Record<string, string>, body?: string) {
  const lead = await buildLead(app.testDb.db, userId);
  const response = await fetch(`${app.url}/api/leads/${lead.id}/archive`, { method: 'POST', headers: { cookie, ...headers }, body });
  const archivedAt = (await app.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).archivedAt;
  return { status: response.status, body: (await response.json()) as any, archived: archivedAt !== null };
}

describe('cross-site requests', () => {
  it.each([
    ['a text/plain form post from another port of the same host', { origin: OTHER_PORT_ORIGIN, 'content-type': 'text/plain' }, '{}'],
    ['a JSON post from another site', { origin: 'https://evil.example', 'content-type': 'application/json' }, '{}'],
    ['a post from a sandboxed frame (Origin: null)', { origin: 'null' }, undefined],
    ['a post whose only Referer is another site', { referer: 'https://evil.example/page' }, undefined],
    ['a post with neither Origin, Referer nor the client header', {}, undefined],
  ])('refuses %s with 403 before anything changes', async (_case, headers, body) => {
    const result = await archive(headers, body);
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: 'CROSS_SITE_REQUEST', message: expect.stringContaining(CLIENT_HEADER) });
    expect(result.archived).toBe(false);
  });

  it('refuses PATCH from another site too', async () => {
    const lead = await buildLead(app.testDb.db, userId, { sellerName: 'Unchanged' });
    const response = await fetch(`${app.url}/api/leads/${lead.id}`, {
      method: 'PATCH',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ sellerName: 'Changed' }),
    });
    expect(response.status).toBe(403);
    expect((await app.testDb.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).sellerName).toBe('Unchanged');
  });

  it('refuses a sign-in posted from another site, and sets no cookie', async () => {
    const user = await buildUser(app.testDb.db);
    const response = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('lets a GET through whatever its Origin: reading changes nothing', async () => {
    const response = await fetch(`${app.url}/api/leads`, { headers: { cookie, origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
  });
});

describe('our own requests', () => {
  it.each([
    ['the same origin', { origin: 'SELF' }],
    ['a configured APP_ORIGIN', { origin: CONFIGURED_ORIGIN }],
    ['a same-origin Referer without Origin', { referer: 'SELF/leads' }],
    ['the client header without Origin', { [CLIENT_HEADER]: 'test' }],
    ['the client header even with another Origin', { [CLIENT_HEADER]: 'web', origin: 'http://localhost:5173' }],
  ])('accepts %s', async (_case, headers) => {
    // SELF: the app's own origin, known once it listens.
    const result = await archive(Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace('SELF', app.url)])));
    expect(result.status).toBe(200);
    expect(result.archived).toBe(true);
  });
});

describe('the session cookie', () => {
  it('is httpOnly and SameSite=Strict', async () => {
    const user = await buildUser(app.testDb.db);
    const response = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { origin: app.url, 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
  });
});
