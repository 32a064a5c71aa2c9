import { createSessionStore, SESSION_TOUCH_MS, type SessionLimits } from '../../api/auth/sessions';
import { buildUser } from '../support/factories';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.close());

const HOUR = 3_600_000;
const MINUTE = 60_000;
const LIMITS: SessionLimits = { ttlMs: 12 * HOUR, idleMs: 30 * MINUTE, maxPerUser: 10 };

/** A clock the test moves by hand. */
function testClock(start = Date.UTC(2026, 10, 30, 9)) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

const endedEvents = (userId: string) =>
  testDb.db.event.findMany({ where: { entityType: 'session', action: 'ended', entityId: userId }, orderBy: { id: 'asc' } }).then((rows) => rows.map((row) => JSON.parse(row.payload)));

describe('session store', () => {
  it('finds the user of a live session, and nobody for an unknown token or after sign-out', async () => {
    const sessions = createSessionStore(testDb.db, LIMITS);
    const user = await buildUser(testDb.db, { role: 'SUPERVISOR', name: 'Sue' });
    const { token, sessionId } = await sessions.create(user.id, { userAgent: 'Firefox', ip: '10.0.0.1' });
    expect(await sessions.findUser(token)).toEqual({ id: user.id, email: user.email, name: 'Sue', role: 'SUPERVISOR' });
    expect(await sessions.findUser('not-a-token')).toBeNull();
    await sessions.destroy(token);
    expect(await sessions.findUser(token)).toBeNull();
    expect(await endedEvents(user.id)).toEqual([{ userId: user.id, sessionIds: [sessionId], reason: 'logout' }]);
  });

  it('trusts a session it read for `cacheMs` only: one ended by another process is refused after that', async () => {
    const clock = testClock();
    const sessions = createSessionStore(testDb.db, LIMITS, { cacheMs: 1_000, now: clock.now });
    const user = await buildUser(testDb.db);
    const { token } = await sessions.create(user.id);
    expect(await sessions.findUser(token)).toMatchObject({ id: user.id });
    await testDb.db.session.deleteMany({ where: { userId: user.id } });
    clock.advance(999);
    expect(await sessions.findUser(token)).toMatchObject({ id: user.id });
    clock.advance(1);
    expect(await sessions.findUser(token)).toBeNull();
  });

  it('ends a session at its absolute lifetime, however active, even while it is cached', async () => {
    const clock = testClock();
    const sessions = createSessionStore(testDb.db, LIMITS, { cacheMs: HOUR, now: clock.now });
    const user = await buildUser(testDb.db);
    const { token, sessionId } = await sessions.create(user.id);
    for (let step = 0; step < 23; step += 1) {
      clock.advance(29 * MINUTE);
      expect(await sessions.findUser(token)).toMatchObject({ id: user.id });
    }
    clock.advance(12 * HOUR - 23 * 29 * MINUTE);
    expect(await sessions.findUser(token)).toBeNull();
    expect(await testDb.db.session.findUnique({ where: { id: sessionId } })).toBeNull();
    expect(await endedEvents(user.id)).toEqual([{ userId: user.id, sessionIds: [sessionId], reason: 'expired' }]);
  });

  it('ends a session after 30 idle minutes, even while it is cached; any request before then starts the count again', async () => {
    const clock = testClock();
    const sessions = createSessionStore(testDb.db, LIMITS, { cacheMs: HOUR, now: clock.now });
    const user = await buildUser(testDb.db);
    const { token } = await sessions.create(user.id);
    clock.advance(29 * MINUTE);
    expect(await sessions.findUser(token)).toMatchObject({ id: user.id });
    clock.advance(29 * MINUTE);
    expect(await sessions.findUser(token)).toMatchObject({ id: user.id });
    clock.advance(30 * MINUTE);
    expect(await sessions.findUser(token)).toBeNull();
  });

  it('sees activity through another API process: its lastSeenAt keeps the session alive here', async () => {
    const clock = testClock();
    const here = createSessionStore(testDb.db, LIMITS, { cacheMs: HOUR, now: clock.now });
    const there = createSessionStore(testDb.db, LIMITS, { cacheMs: HOUR, now: clock.now });
    const user = await buildUser(testDb.db);
    const { token } = await here.create(user.id);
    expect(await here.findUser(token)).toMatchObject({ id: user.id });
    clock.advance(20 * MINUTE);
    expect(await there.findUser(token)).toMatchObject({ id: user.id });
    clock.advance(20 * MINUTE);
    expect(await here.findUser(token)).toMatchObject({ id: user.id });
  });

  it('writes lastSeenAt at most once a minute, not on every request', async () => {
    const clock = testClock();
    const sessions = createSessionStore(testDb.db, LIMITS, { cacheMs: 0, now: clock.now });
    const user = await buildUser(testDb.db);
    const { token, sessionId } = await sessions.create(user.id);
    const lastSeen = async () => (await testDb.db.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime();
    const created = await lastSeen();
    clock.advance(SESSION_TOUCH_MS - 1);
    await sessions.findUser(token);
    expect(await lastSeen()).toBe(created);
    clock.advance(1);
    await sessions.findUser(token);
    expect(await lastSeen()).toBe(created + SESSION_TOUCH_MS);
  });

  it('keeps at most 10 sessions per user: the 11th sign-in ends the oldest', async () => {
    const clock = testClock();
    const sessions = createSessionStore(testDb.db, LIMITS, { now: clock.now });
    const user = await buildUser(testDb.db);
    const created = [];
    for (let index = 0; index < 11; index += 1) {
      clock.advance(1_000);
      created.push(await sessions.create(user.id));
    }
    const left = await testDb.db.session.findMany({ where: { userId: user.id } });
    expect(left.map((row) => row.id).sort()).toEqual(created.slice(1).map((session) => session.sessionId).sort());
    expect(await sessions.findUser(created[0]!.token)).toBeNull();
    expect(await sessions.findUser(created[10]!.token)).toMatchObject({ id: user.id });
    expect(await endedEvents(user.id)).toEqual([{ userId: user.id, sessionIds: [created[0]!.sessionId], reason: 'replaced' }]);
  });

  it('reads every session afresh after forgetAll (a user changed)', async () => {
    const sessions = createSessionStore(testDb.db, LIMITS, { cacheMs: 60_000 });
    const user = await buildUser(testDb.db, { role: 'AGENT' });
    const { token } = await sessions.create(user.id);
    expect(await sessions.findUser(token)).toMatchObject({ role: 'AGENT' });
    await testDb.db.user.update({ where: { id: user.id }, data: { role: 'SUPERVISOR' } });
    expect(await sessions.findUser(token)).toMatchObject({ role: 'AGENT' });
    sessions.forgetAll();
    expect(await sessions.findUser(token)).toMatchObject({ role: 'SUPERVISOR' });
  });
});
