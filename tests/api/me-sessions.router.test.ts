import { recordEvent } from '../../db/writes/record-event';
import { buildUser, TEST_PASSWORD } from '../support/factories';
import { startAppWithoutTemporal, type OfflineApp } from '../support/offline-app';
import { openEventStream } from '../support/sse-client';
import { waitUntil } from '../support/wait-until';
import { CLIENT_HEADER } from '../../domain/auth/client-header';

jest.setTimeout(180_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let app: OfflineApp;
let at = Date.now();
beforeAll(async () => {
  app = await startAppWithoutTemporal({ app: { now: () => new Date(at), sessionTtlMs: 12 * HOUR, sessionIdleMs: 30 * MINUTE } });
});
afterAll(() => app?.close());

async function call(method: string, path: string, { cookie, body }: { cookie?: string; body?: unknown } = {}) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { [CLIENT_HEADER]: 'test', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function signIn(email: string, { password = TEST_PASSWORD, userAgent = 'jest' } = {}): Promise<string> {
  const response = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test', 'user-agent': userAgent },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

const meStatus = async (cookie: string) => (await call('GET', '/api/me', { cookie })).status;

/** A stream that the server ended and that may not come back: its reconnect was refused with a 401. */
async function expectEndedForGood(stream: ReturnType<typeof openEventStream>): Promise<void> {
  await waitUntil('the stream to end and its reconnect to be refused', async () => stream.readyState() === stream.CLOSED);
  expect(stream.errors.at(-1)).toMatchObject({ code: 401 });
}

function streamOf(cookie: string, names: string[] = ['lead.created', 'session.ended']) {
  return openEventStream(`${app.url}/api/events`, cookie, {}, names);
}

describe("where you're signed in", () => {
  it('lists my live sessions with their browser and address, the current one marked, and revokes another one', async () => {
    const user = await buildUser(app.testDb.db);
    const laptop = await signIn(user.email, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' });
    const phone = await signIn(user.email, { userAgent: 'Mozilla/5.0 (iPhone) Safari/604.1' });
    const listed = await call('GET', '/api/me/sessions', { cookie: laptop });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    const current = listed.body.items.find((item: { current: boolean }) => item.current);
    const other = listed.body.items.find((item: { current: boolean }) => !item.current);
    expect(current).toMatchObject({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', ip: expect.stringContaining('127.0.0.1') });
    expect(other).toMatchObject({ userAgent: 'Mozilla/5.0 (iPhone) Safari/604.1', current: false });
    expect(Object.keys(current).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'ip', 'lastSeenAt', 'userAgent']);

    expect((await call('DELETE', `/api/me/sessions/${other.id}`, { cookie: laptop })).status).toBe(204);
    expect(await meStatus(phone)).toBe(401);
    expect(await meStatus(laptop)).toBe(200);
    expect((await call('DELETE', `/api/me/sessions/${other.id}`, { cookie: laptop })).status).toBe(404);
  });

  it("cannot revoke someone else's session", async () => {
    const [me, them] = [await buildUser(app.testDb.db), await buildUser(app.testDb.db)];
    const mine = await signIn(me.email);
    const theirs = await signIn(them.email);
    const theirId = (await call('GET', '/api/me/sessions', { cookie: theirs })).body.items[0].id;
    expect((await call('DELETE', `/api/me/sessions/${theirId}`, { cookie: mine })).status).toBe(404);
    expect(await meStatus(theirs)).toBe(200);
  });

  it('keeps at most 10 sessions per user: the 11th sign-in ends the oldest', async () => {
    const user = await buildUser(app.testDb.db);
    const cookies: string[] = [];
    for (let index = 0; index < 11; index += 1) {
      at += 1_000;
      cookies.push(await signIn(user.email, { userAgent: `browser ${index}` }));
    }
    expect(await meStatus(cookies[0]!)).toBe(401);
    expect(await meStatus(cookies[1]!)).toBe(200);
    const listed = (await call('GET', '/api/me/sessions', { cookie: cookies[10]! })).body.items;
    expect(listed.map((item: { userAgent: string }) => item.userAgent).sort()).toEqual(Array.from({ length: 10 }, (_, index) => `browser ${index + 1}`).sort());
  });

  it('ends a session after 30 minutes without a request, and after 12 hours whatever happens', async () => {
    const user = await buildUser(app.testDb.db);
    const idle = await signIn(user.email);
    const busy = await signIn(user.email);
    at += 29 * MINUTE;
    expect(await meStatus(idle)).toBe(200);
    expect(await meStatus(busy)).toBe(200);
    at += 29 * MINUTE;
    expect(await meStatus(busy)).toBe(200);
    at += 2 * MINUTE;
    expect(await meStatus(idle)).toBe(401);
    // 60 minutes in: requests every 20 minutes keep it alive until 12 hours after sign-in.
    for (let minutes = 60; minutes + 20 < 12 * 60; minutes += 20) {
      at += 20 * MINUTE;
      expect(await meStatus(busy)).toBe(200);
    }
    at += 20 * MINUTE;
    expect(await meStatus(busy)).toBe(401);
  });
});

describe('changing my password', () => {
  it('needs the current password and a strong new one; my other sessions end, this one stays', async () => {
    const user = await buildUser(app.testDb.db);
    const here = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    const wrong = await call('POST', '/api/me/password', { cookie: here, body: { currentPassword: 'not it', newPassword: 'a brand new long passphrase' } });
    expect(wrong).toMatchObject({ status: 400, body: { error: { fields: { currentPassword: 'is not your current password' } } } });
    const short = await call('POST', '/api/me/password', { cookie: here, body: { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaa' } });
    expect(short).toMatchObject({ status: 400, body: { error: { fields: { newPassword: 'must be at least 12 characters' } } } });
    const common = await call('POST', '/api/me/password', { cookie: here, body: { currentPassword: TEST_PASSWORD, newPassword: 'Password2024!' } });
    expect(common.status).toBe(400);
    expect(common.body.error.fields).toEqual({ newPassword: expect.stringMatching(/^is too common/) });
    expect(await meStatus(elsewhere)).toBe(200);

    expect((await call('POST', '/api/me/password', { cookie: here, body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new long passphrase' } })).status).toBe(204);
    expect(await meStatus(here)).toBe(200);
    expect(await meStatus(elsewhere)).toBe(401);
    await expect(signIn(user.email)).rejects.toThrow('401');
    await signIn(user.email, { password: 'a brand new long passphrase' });
  });
});

describe("an admin's password reset and new users", () => {
  it("ends every session of the user; a weak or common password is refused on create and reset", async () => {
    const admin = await buildUser(app.testDb.db, { role: 'ADMIN' });
    const adminCookie = await signIn(admin.email);
    const user = await buildUser(app.testDb.db);
    const userCookie = await signIn(user.email);

    for (const password of ['aaaaaaaaaa', 'qwerty123456', 'Password2024!']) {
      const reset = await call('PATCH', `/api/users/${user.id}`, { cookie: adminCookie, body: { password } });
      expect(reset.status).toBe(400);
      expect(Object.keys(reset.body.error.fields)).toEqual(['password']);
      const created = await call('POST', '/api/users', { cookie: adminCookie, body: { email: `weak${password.length}@flipstackk.test`, name: 'Weak', role: 'AGENT', password } });
      expect(created.status).toBe(400);
      expect(Object.keys(created.body.error.fields)).toEqual(['password']);
    }
    expect(await meStatus(userCookie)).toBe(200);

    expect((await call('PATCH', `/api/users/${user.id}`, { cookie: adminCookie, body: { password: 'reset by the admin today' } })).status).toBe(200);
    expect(await meStatus(userCookie)).toBe(401);
    expect(await meStatus(adminCookie)).toBe(200);
    await signIn(user.email, { password: 'reset by the admin today' });
  });

  it("an admin resetting their own password keeps the session they did it from", async () => {
    const admin = await buildUser(app.testDb.db, { role: 'ADMIN' });
    const here = await signIn(admin.email);
    const elsewhere = await signIn(admin.email);
    expect((await call('PATCH', `/api/users/${admin.id}`, { cookie: here, body: { password: 'my own new passphrase' } })).status).toBe(200);
    expect(await meStatus(here)).toBe(200);
    expect(await meStatus(elsewhere)).toBe(401);
  });
});

describe('event streams end with their session', () => {
  it('on sign-out: that session\'s stream ends (after its session.ended), another session\'s stays', async () => {
    const user = await buildUser(app.testDb.db);
    const [first, second] = [await signIn(user.email), await signIn(user.email)];
    const ending = streamOf(first);
    const staying = streamOf(second);
    try {
      await Promise.all([ending.opened, staying.opened]);
      await waitUntil('both streams registered', async () => app.hub.streamCount(user.id) === 2);
      expect((await call('POST', '/api/auth/logout', { cookie: first })).status).toBe(204);
      await ending.waitFor((event) => event.name === 'session.ended');
      await expectEndedForGood(ending);
      await waitUntil('one stream left', async () => app.hub.streamCount(user.id) === 1);
      expect(staying.readyState()).not.toBe(staying.CLOSED);
    } finally {
      ending.close();
      staying.close();
    }
  });

  it('on deactivation: every stream of the user ends', async () => {
    const admin = await buildUser(app.testDb.db, { role: 'ADMIN' });
    const adminCookie = await signIn(admin.email);
    const user = await buildUser(app.testDb.db);
    const streams = [streamOf(await signIn(user.email)), streamOf(await signIn(user.email))];
    try {
      await Promise.all(streams.map((stream) => stream.opened));
      expect((await call('PATCH', `/api/users/${user.id}`, { cookie: adminCookie, body: { active: false } })).status).toBe(200);
      for (const stream of streams) await expectEndedForGood(stream);
      expect(app.hub.streamCount(user.id)).toBe(0);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('on a deactivation written by another process (only its user.updated event): every stream of the user ends', async () => {
    const user = await buildUser(app.testDb.db);
    const stream = streamOf(await signIn(user.email));
    try {
      await stream.opened;
      await waitUntil('the stream registered', async () => app.hub.streamCount(user.id) === 1);
      await app.testDb.db.$transaction(async (tx) => {
        const updated = await tx.user.update({ where: { id: user.id }, data: { active: false } });
        const entity = { id: updated.id, email: updated.email, name: updated.name, role: 'AGENT' as const, active: false, lastSignInAt: null, createdAt: updated.createdAt.toISOString() };
        await recordEvent(tx, { entityType: 'user', entityId: updated.id, action: 'updated', entity, actorId: null });
      });
      await expectEndedForGood(stream);
    } finally {
      stream.close();
    }
  });

  it('on revoke and on a password change: the other sessions\' streams end, the current one\'s stays', async () => {
    const user = await buildUser(app.testDb.db);
    const [here, revoked, changed] = [await signIn(user.email), await signIn(user.email), await signIn(user.email)];
    const streams = { here: streamOf(here), revoked: streamOf(revoked), changed: streamOf(changed) };
    try {
      await Promise.all(Object.values(streams).map((stream) => stream.opened));
      await waitUntil('three streams registered', async () => app.hub.streamCount(user.id) === 3);
      const revokedId = (await call('GET', '/api/me/sessions', { cookie: revoked })).body.items.find((item: { current: boolean }) => item.current).id;
      expect((await call('DELETE', `/api/me/sessions/${revokedId}`, { cookie: here })).status).toBe(204);
      await expectEndedForGood(streams.revoked);
      expect((await call('POST', '/api/me/password', { cookie: here, body: { currentPassword: TEST_PASSWORD, newPassword: 'streams end with sessions' } })).status).toBe(204);
      await expectEndedForGood(streams.changed);
      await waitUntil('only the current stream left', async () => app.hub.streamCount(user.id) === 1);
      expect(streams.here.readyState()).not.toBe(streams.here.CLOSED);
    } finally {
      for (const stream of Object.values(streams)) stream.close();
    }
  });

  it('on expiry: at the latest when the stream would next deliver, without delivering', async () => {
    const user = await buildUser(app.testDb.db);
    const stream = streamOf(await signIn(user.email));
    try {
      await stream.opened;
      await waitUntil('the stream registered', async () => app.hub.streamCount(user.id) === 1);
      at += 31 * MINUTE;
      const late = await app.testDb.db.$transaction((tx) =>
        recordEvent(tx, { entityType: 'session', entityId: 'someone-else', action: 'ended', entity: { userId: 'someone-else', sessionIds: [], reason: 'logout' }, actorId: null }),
      );
      await expectEndedForGood(stream);
      expect(stream.received.map((event) => event.id)).not.toContain(String(late.id));
    } finally {
      stream.close();
    }
  });
});
