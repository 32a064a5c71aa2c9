import type { PasswordHashing } from '../../../api/auth/password-checker';
import { hashPassword, verifyPassword } from '../../../db/passwords';
import { buildUser, TEST_PASSWORD } from '../../support/factories';
import { startAppWithoutTemporal, type OfflineApp } from '../../support/offline-app';
import { CLIENT_HEADER } from '../../../domain/auth/client-header';

jest.setTimeout(180_000);

const MINUTE = 60_000;

/** Real argon2, counting each check (and against which hash) and the most that ran at once. */
function countingArgon2() {
  const verified: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const hashing: PasswordHashing = {
    hash: hashPassword,
    async verify(passwordHash, password) {
      verified.push(passwordHash);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await verifyPassword(passwordHash, password);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return { hashing, verified, maxInFlight: () => maxInFlight };
}

function logIn(app: OfflineApp, email: string, password: string) {
  return fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'test' }, body: JSON.stringify({ email, password }) });
}

describe('sign-in limits', () => {
  let app: OfflineApp;
  let at = Date.now();
  const argon2 = countingArgon2();
  beforeAll(async () => {
    app = await startAppWithoutTemporal({
      app: {
        now: () => new Date(at),
        passwordHashing: argon2.hashing,
        loginLimits: { accountMaxFailures: 5, accountAnyAddressMaxFailures: 50, ipMaxFailures: 1_000, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
      },
    });
  });
  afterAll(() => app?.close());

  it('locks an account after 5 wrong passwords: the right one is then a 429 with Retry-After, until the lock ends', async () => {
    const user = await buildUser(app.testDb.db);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await logIn(app, user.email, `wrong guess ${attempt}`)).status).toBe(401);
    const locked = await logIn(app, user.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe(String(15 * 60));
    expect(await locked.json()).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: 'Too many failed sign-ins: try again in 15 minute(s)' } });
    // Another account is not locked with it.
    const other = await buildUser(app.testDb.db);
    expect((await logIn(app, other.email, TEST_PASSWORD)).status).toBe(200);
    at += 15 * MINUTE;
    expect((await logIn(app, user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('locks an unknown e-mail the same way as a known one', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await logIn(app, 'nobody@flipstackk.test', `guess ${attempt}`)).status).toBe(401);
    expect((await logIn(app, 'nobody@flipstackk.test', 'guess 6')).status).toBe(429);
  });

  it('checks the password of an unknown e-mail and of an inactive user against a hash too (the dummy), as for a known one', async () => {
    const user = await buildUser(app.testDb.db);
    const inactive = await buildUser(app.testDb.db, { active: false });
    argon2.verified.length = 0;
    expect((await logIn(app, user.email, 'not the password')).status).toBe(401);
    expect((await logIn(app, 'unknown.person@flipstackk.test', TEST_PASSWORD)).status).toBe(401);
    expect((await logIn(app, inactive.email, TEST_PASSWORD)).status).toBe(401);
    expect(argon2.verified).toHaveLength(3);
    const [known, unknown, ofInactive] = argon2.verified;
    expect(known).toBe(user.passwordHash);
    expect(unknown).toMatch(/^\$argon2id\$/);
    expect(unknown).not.toBe(user.passwordHash);
    expect(ofInactive).toBe(inactive.passwordHash);
  });

  it('runs at most 2 argon2 checks at once under 40 concurrent sign-ins, and answers every one', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => buildUser(app.testDb.db)));
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => logIn(app, users[index % 8]!.email, index < 8 ? TEST_PASSWORD : `wrong ${index}`)));
    expect(argon2.maxInFlight()).toBe(2);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(8);
    expect(statuses.every((status) => status === 200 || status === 401 || status === 429)).toBe(true);
  });
});

describe('per-address limit', () => {
  let app: OfflineApp;
  beforeAll(async () => {
    app = await startAppWithoutTemporal({ app: { loginLimits: { accountMaxFailures: 5, accountAnyAddressMaxFailures: 50, ipMaxFailures: 8, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE } } });
  });
  afterAll(() => app?.close());

  it('locks an address after 8 wrong passwords over many e-mails: even a right sign-in from it is a 429', async () => {
    const fresh = await buildUser(app.testDb.db);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const user = await buildUser(app.testDb.db);
      expect((await logIn(app, user.email, 'password spraying')).status).toBe(401);
    }
    const refused = await logIn(app, fresh.email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  });
});
