import { buildUser } from '../support/factories';
import { startAppWithoutTemporal, type OfflineApp } from '../support/offline-app';
import { CLIENT_HEADER } from '../../domain/auth/client-header';

jest.setTimeout(180_000);

// The app runs without Temporal: an invite's e-mail waits queued for the worker's reconciler.
let app: OfflineApp;
let adminCookie: string;

beforeAll(async () => {
  app = await startAppWithoutTemporal();
  adminCookie = await app.login((await buildUser(app.testDb.db, { role: 'ADMIN' })).email);
});
afterAll(() => app?.close());

async function call(method: string, path: string, { body, cookie }: { body?: unknown; cookie?: string } = {}) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { [CLIENT_HEADER]: 'test', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

let counter = 0;
async function invite(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const response = await call('POST', '/api/users/invites', { cookie: adminCookie, body: { email: `invitee${counter}@flipstackk.test`, name: `Invitee ${counter}`, role: 'AGENT', ...overrides } });
  expect(response.status).toBe(201);
  return { ...response.body, token: String(response.body.path).replace('/invite/', '') } as { user: { id: string; email: string }; path: string; expiresAt: string; emailed: boolean; token: string };
}

const PASSWORD = 'a long invite password';

describe('inviting a user', () => {
  it('invite → one-time link → accept with a password → signed in, and signs in again with that password', async () => {
    const link = await invite({ email: 'Rita.Recruit@Flipstackk.test', name: 'Rita Recruit', role: 'ACQUISITIONS' });
    expect(link).toMatchObject({ user: { email: 'rita.recruit@flipstackk.test', role: 'ACQUISITIONS', active: false, lastSignInAt: null }, emailed: true });
    // The link is e-mailed too: queued with the invite (Temporal is down here, so the worker's reconciler will send it).
    const message = await app.testDb.db.emailMessage.findFirstOrThrow({ where: { kind: 'INVITE', to: 'rita.recruit@flipstackk.test' } });
    expect(message).toMatchObject({ status: 'QUEUED', subject: expect.stringContaining('invited you to Flipstackk') });
    expect(message.text).toContain(link.path);
    expect(message.html).toContain(link.path);
    expect(link.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    // Only the hash is stored.
    const stored = await app.testDb.db.invite.findFirstOrThrow({ where: { userId: link.user.id } });
    expect(stored.tokenHash).not.toContain(link.token);

    // Invited, not yet a working account.
    await expect(app.login('rita.recruit@flipstackk.test')).rejects.toThrow('401');
    const pending = await call('GET', '/api/users/invites', { cookie: adminCookie });
    expect(pending.body.items).toContainEqual({ userId: link.user.id, expiresAt: link.expiresAt, createdAt: expect.any(String) });

    const preview = await call('GET', `/api/invites/${link.token}`);
    expect(preview).toMatchObject({ status: 200, body: { name: 'Rita Recruit', email: 'rita.recruit@flipstackk.test', role: 'ACQUISITIONS', expiresAt: link.expiresAt } });

    const accepted = await call('POST', `/api/invites/${link.token}/accept`, { body: { password: PASSWORD } });
    expect(accepted).toMatchObject({ status: 200, body: { id: link.user.id, role: 'ACQUISITIONS' } });
    expect((await call('GET', '/api/me', { cookie: accepted.cookie })).body).toMatchObject({ email: 'rita.recruit@flipstackk.test' });

    const login = await call('POST', '/api/auth/login', { body: { email: 'rita.recruit@flipstackk.test', password: PASSWORD } });
    expect(login.status).toBe(200);
    const listed = (await call('GET', '/api/users', { cookie: adminCookie })).body.items.find((user: { id: string }) => user.id === link.user.id);
    expect(listed).toMatchObject({ active: true, lastSignInAt: expect.any(String) });
    expect((await call('GET', '/api/users/invites', { cookie: adminCookie })).body.items.map((item: { userId: string }) => item.userId)).not.toContain(link.user.id);
  });

  it('a link works once: used again it answers 410, an unknown one 404', async () => {
    const link = await invite();
    expect((await call('POST', `/api/invites/${link.token}/accept`, { body: { password: PASSWORD } })).status).toBe(200);
    const again = await call('POST', `/api/invites/${link.token}/accept`, { body: { password: 'someone else entirely' } });
    expect(again).toMatchObject({ status: 410, body: { error: { code: 'GONE', message: expect.stringContaining('has been used already') } } });
    expect((await call('GET', `/api/invites/${link.token}`)).status).toBe(410);
    // The first password still holds.
    expect((await call('POST', '/api/auth/login', { body: { email: link.user.email, password: PASSWORD } })).status).toBe(200);
    const unknown = await call('GET', '/api/invites/not-a-real-token');
    expect(unknown).toMatchObject({ status: 404, body: { error: { message: expect.stringContaining('not valid') } } });
  });

  it('an expired link answers 410 and sets nothing; a new link from the admin works and the old one no longer does', async () => {
    const link = await invite();
    await app.testDb.db.invite.updateMany({ where: { userId: link.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call('POST', `/api/invites/${link.token}/accept`, { body: { password: PASSWORD } });
    expect(expired).toMatchObject({ status: 410, body: { error: { message: expect.stringContaining('expired') } } });
    expect((await app.testDb.db.user.findUniqueOrThrow({ where: { id: link.user.id } })).active).toBe(false);

    const renewed = await call('POST', `/api/users/${link.user.id}/invites`, { cookie: adminCookie });
    expect(renewed).toMatchObject({ status: 201, body: { user: { id: link.user.id } } });
    expect((await call('GET', `/api/invites/${link.token}`)).status).toBe(404);
    const token = String(renewed.body.path).replace('/invite/', '');
    expect((await call('POST', `/api/invites/${token}/accept`, { body: { password: PASSWORD } })).status).toBe(200);
    // Accepted: no more links for them.
    expect((await call('POST', `/api/users/${link.user.id}/invites`, { cookie: adminCookie })).status).toBe(409);
  });

  it('refuses a short password naming the field, and an e-mail that is taken', async () => {
    const link = await invite();
    const short = await call('POST', `/api/invites/${link.token}/accept`, { body: { password: 'short pass' } });
    expect(short).toMatchObject({ status: 400, body: { error: { fields: { password: 'must be at least 12 characters' } } } });
    expect((await call('GET', `/api/invites/${link.token}`)).status).toBe(200);
    const taken = await call('POST', '/api/users/invites', { cookie: adminCookie, body: { email: link.user.email, name: 'Again', role: 'AGENT' } });
    expect(taken).toMatchObject({ status: 409, body: { error: { fields: { email: 'is taken' } } } });
  });

  it('deactivating an invited user withdraws the link; reactivating them is refused until they accept a new one', async () => {
    const link = await invite();
    expect((await call('POST', `/api/users/${link.user.id}/deactivate`, { cookie: adminCookie, body: {} })).status).toBe(200);
    expect((await call('GET', `/api/invites/${link.token}`)).status).toBe(404);
    const reactivate = await call('POST', `/api/users/${link.user.id}/reactivate`, { cookie: adminCookie });
    expect(reactivate).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('has not accepted their invite') } } });
  });
});
