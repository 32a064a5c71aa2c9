import { createPasswordChecker, type PasswordHashing } from '../../../api/auth/password-checker';
import { hashPassword } from '../../../db/passwords';

jest.setTimeout(180_000);

/** Hashing that counts its calls and the most that ran at once, and finishes only when told to. */
function instrumentedHashing() {
  const calls = { hash: 0, verify: [] as string[] };
  let inFlight = 0;
  let maxInFlight = 0;
  const pending: Array<() => void> = [];
  const held = async <T>(value: T): Promise<T> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => pending.push(resolve));
    inFlight -= 1;
    return value;
  };
  const hashing: PasswordHashing = {
    hash: (password) => {
      calls.hash += 1;
      return held(`hash:${password}`);
    },
    verify: (passwordHash, password) => {
      calls.verify.push(passwordHash);
      return held(passwordHash === `hash:${password}`);
    },
  };
  const releaseAll = async (): Promise<void> => {
    // Release until nothing is waiting: each release may let a queued call start.
    for (let rounds = 0; rounds < 1000; rounds += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = pending.shift();
      if (next) next();
      else if (rounds > 2 && pending.length === 0 && inFlight === 0) return;
    }
  };
  return { hashing, calls, releaseAll, stats: () => ({ inFlight, maxInFlight, pending: pending.length }) };
}

describe('password checker', () => {
  it('runs at most N hashes or checks at once; the others wait their turn and all finish', async () => {
    const fake = instrumentedHashing();
    const checker = createPasswordChecker({ maxConcurrent: 2, hashing: fake.hashing });
    const results = Promise.all([
      ...Array.from({ length: 20 }, (_, index) => checker.verify('hash:right', index === 7 ? 'right' : `wrong ${index}`)),
      checker.hash('new one'),
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.stats()).toMatchObject({ inFlight: 2, pending: 2 });
    await fake.releaseAll();
    const answers = await results;
    expect(answers.filter((answer) => answer === true)).toHaveLength(1);
    expect(answers[7]).toBe(true);
    expect(answers[20]).toBe('hash:new one');
    expect(fake.stats().maxInFlight).toBe(2);
  });

  it('refuses with a 503 and Retry-After when the line is full', async () => {
    const fake = instrumentedHashing();
    const checker = createPasswordChecker({ maxConcurrent: 1, maxQueued: 2, hashing: fake.hashing });
    const accepted = [checker.verify('hash:a', 'a'), checker.verify('hash:a', 'b'), checker.verify('hash:a', 'c')];
    await expect(checker.verify('hash:a', 'd')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    await fake.releaseAll();
    expect(await Promise.all(accepted)).toEqual([true, false, false]);
  });

  it('checks a password of nobody against a dummy hash made once: the same work as for a real user, and false', async () => {
    const fake = instrumentedHashing();
    const checker = createPasswordChecker({ maxConcurrent: 2, hashing: fake.hashing });
    const first = checker.verify(null, 'guess one');
    await fake.releaseAll();
    const second = checker.verify(null, 'guess two');
    await fake.releaseAll();
    expect([await first, await second]).toEqual([false, false]);
    expect(fake.calls.hash).toBe(1);
    expect(fake.calls.verify).toHaveLength(2);
    expect(fake.calls.verify[0]).toMatch(/^hash:/);
    expect(fake.calls.verify[1]).toBe(fake.calls.verify[0]);
  });

  it('with real argon2: the dummy is an argon2id hash of the same cost as the users\' ones', async () => {
    const seen: string[] = [];
    const checker = createPasswordChecker({
      maxConcurrent: 2,
      hashing: { hash: hashPassword, verify: async (passwordHash) => (seen.push(passwordHash), false) },
    });
    expect(await checker.verify(null, 'anything')).toBe(false);
    const userHash = await hashPassword('correct horse battery staple');
    const params = (hash: string) => hash.split('$').slice(1, 4);
    expect(params(seen[0]!)).toEqual(params(userHash));
  });
});
