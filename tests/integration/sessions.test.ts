import { createSessionStore } from '../../api/auth/sessions';
import { buildUser } from '../support/factories';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.close());

const HOUR = 3_600_000;

describe('session store', () => {
  it('finds the user of a live session, and nobody for an unknown token or after sign-out', async () => {
    const sessions = createSessionStore(testDb.db, HOUR);
    const user = await buildUser(testDb.db, { role: 'SUPERVISOR', name: 'Sue' });
    const { token } = await sessions.create(user.id);
    expect(await sessions.findUser(token)).toEqual({ id: user.id, email: user.email, name: 'Sue', role: 'SUPERVISOR' });
    expect(await sessions.findUser('not-a-token')).toBeNull();
    await sessions.destroy(token);
    expect(await sessions.findUser(token)).toBeNull();
  });

  it('trusts a session it read for `cacheMs` only: one ended by another process is refused after that', async () => {
    const now = Date.now();
    const sessions = createSessionStore(testDb.db, HOUR, 1_000);
    const user = await buildUser(testDb.db);
    const { token } = await sessions.create(user.id, new Date(now));
    expect(await sessions.findUser(token, new Date(now))).toMatchObject({ id: user.id });
    await testDb.db.session.deleteMany({ where: { userId: user.id } });
    expect(await sessions.findUser(token, new Date(now + 999))).toMatchObject({ id: user.id });
    expect(await sessions.findUser(token, new Date(now + 1_000))).toBeNull();
  });

  it('refuses an expired session even while it is cached', async () => {
    const now = Date.now();
    const sessions = createSessionStore(testDb.db, 500, 60_000);
    const user = await buildUser(testDb.db);
    const { token } = await sessions.create(user.id, new Date(now));
    expect(await sessions.findUser(token, new Date(now + 100))).toMatchObject({ id: user.id });
    expect(await sessions.findUser(token, new Date(now + 500))).toBeNull();
  });

  it('reads every session afresh after forgetAll (a user changed)', async () => {
    const sessions = createSessionStore(testDb.db, HOUR, 60_000);
    const user = await buildUser(testDb.db, { role: 'AGENT' });
    const { token } = await sessions.create(user.id);
    expect(await sessions.findUser(token)).toMatchObject({ role: 'AGENT' });
    await testDb.db.user.update({ where: { id: user.id }, data: { role: 'SUPERVISOR' } });
    expect(await sessions.findUser(token)).toMatchObject({ role: 'AGENT' });
    sessions.forgetAll();
    expect(await sessions.findUser(token)).toMatchObject({ role: 'SUPERVISOR' });
  });
});
