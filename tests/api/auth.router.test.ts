import { createSessionStore, SESSION_CACHE_MS } from '../../api/auth/sessions';
import { buildUser, TEST_PASSWORD } from '../support/factories';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { waitUntil } from '../support/wait-until';
import { CLIENT_HEADER } from '../../domain/auth/client-header';

jest.setTimeout(180_000);

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api?.close());

describe('auth', () => {
  it('signs in with the right password, sets an httpOnly SameSite=Strict cookie and answers /api/me', async () => {
    const user = await buildUser(api.testDb.db, { role: 'SUPERVISOR', name: 'Sue Pervisor' });
    const response = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test' },
      body: JSON.stringify({ email: user.email.toUpperCase(), password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;

    const me = await api.request('GET', '/api/me', { cookie });
    expect(me).toEqual({ status: 200, body: { id: user.id, email: user.email, name: 'Sue Pervisor', role: 'SUPERVISOR' } });
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const user = await buildUser(api.testDb.db);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('refuses a wrong password, an unknown e-mail and an inactive user with the same 401', async () => {
    const user = await buildUser(api.testDb.db);
    const inactive = await buildUser(api.testDb.db, { active: false });
    for (const credentials of [
      { email: user.email, password: 'wrong' },
      { email: 'nobody@flipstackk.test', password: TEST_PASSWORD },
      { email: inactive.email, password: TEST_PASSWORD },
    ]) {
      const response = await api.request('POST', '/api/auth/login', { body: credentials });
      expect(response.status).toBe(401);
      expect(response.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password' });
    }
  });

  it('answers a malformed login with a 400 naming the fields', async () => {
    const response = await api.request('POST', '/api/auth/login', { body: { email: 'not-an-email' } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.fields).toEqual({ email: 'must be an e-mail address', password: 'is required' });
  });

  it.each(['/api/me', '/api/leads', '/api/tasks', '/api/notifications', '/api/dashboard', '/api/events', '/api/events/recent', '/api/unknown'])(
    'GET %s without a session is 401',
    async (path) => {
      const response = await api.request('GET', path);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    },
  );

  it('logs out: the session cookie stops working', async () => {
    const user = await buildUser(api.testDb.db);
    const cookie = await api.login(user.email);
    expect((await api.request('GET', '/api/me', { cookie })).status).toBe(200);
    expect((await api.request('POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await api.request('GET', '/api/me', { cookie })).status).toBe(401);
    const ended = await api.testDb.db.event.findFirst({ where: { entityType: 'session', action: 'ended', entityId: user.id } });
    expect(ended).toMatchObject({ audienceUserId: user.id, actorId: user.id });
  });

  it('refuses a session signed out through another API process as soon as its event streams by', async () => {
    const user = await buildUser(api.testDb.db);
    const cookie = await api.login(user.email);
    expect((await api.request('GET', '/api/me', { cookie })).status).toBe(200);
    const otherProcess = createSessionStore(api.testDb.db);
    await otherProcess.destroy(cookie.split('=')[1]!);
    // Sooner than the cache would let the session go by itself.
    await waitUntil('the sign-out to reach this process', async () => (await api.request('GET', '/api/me', { cookie })).status === 401, SESSION_CACHE_MS / 2);
  });
});

describe('health', () => {
  it('reports the database and Temporal as ok', async () => {
    // The body also carries when it was checked and the reconciler's backlog (tests/api/health.router.test.ts).
    // Answered from a background check: on a loaded machine the first may not be in yet (503, unknown).
    const health = await waitUntil('the first health check', async () => {
      const response = await api.request('GET', '/api/health');
      return response.status === 200 && response;
    });
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', db: 'ok', temporal: 'ok' } });
  });
});
