import { createLoginLimiter, type LoginLimits } from '../../../api/auth/login-limiter';
import { AppError } from '../../../api/errors';

jest.setTimeout(180_000);

const MINUTE = 60_000;
const LIMITS: LoginLimits = { accountMaxFailures: 5, accountAnyAddressMaxFailures: 12, ipMaxFailures: 8, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE };

function setUp() {
  let at = Date.UTC(2026, 10, 30, 9);
  const limiter = createLoginLimiter(LIMITS, () => at);
  const refusal = (email: string, ip: string): AppError | null => {
    try {
      limiter.assertAllowed(email, ip);
      return null;
    } catch (error) {
      return error as AppError;
    }
  };
  return { limiter, refusal, advance: (ms: number) => void (at += ms) };
}

describe('login limiter', () => {
  it('locks an e-mail from one address after 5 failures for 15 minutes, then lets it try again; its owner elsewhere still signs in', () => {
    const { limiter, refusal, advance } = setUp();
    for (let attempt = 0; attempt < 4; attempt += 1) limiter.recordFailure('Sam@flipstackk.test', '10.0.0.9');
    expect(refusal('sam@flipstackk.test', '10.0.0.9')).toBeNull();
    limiter.recordFailure('sam@flipstackk.test', '10.0.0.9');
    expect(refusal('sam@flipstackk.test', '10.0.0.9')).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 15 * 60 });
    // Someone who knows Sam's e-mail cannot lock Sam out with a few wrong passwords of their own.
    expect(refusal('sam@flipstackk.test', '10.0.1.1')).toBeNull();
    expect(refusal('someone.else@flipstackk.test', '10.0.0.9')).toBeNull();
    advance(10 * MINUTE);
    expect(refusal('sam@flipstackk.test', '10.0.0.9')).toMatchObject({ retryAfterSeconds: 5 * 60 });
    advance(5 * MINUTE);
    expect(refusal('sam@flipstackk.test', '10.0.0.9')).toBeNull();
  });

  it('locks an e-mail for every address after 12 failures spread over many addresses', () => {
    const { limiter, refusal } = setUp();
    for (let attempt = 0; attempt < 11; attempt += 1) limiter.recordFailure('sam@flipstackk.test', `10.0.0.${attempt}`);
    expect(refusal('sam@flipstackk.test', '10.0.1.1')).toBeNull();
    limiter.recordFailure('sam@flipstackk.test', '10.0.0.99');
    expect(refusal('sam@flipstackk.test', '10.0.1.1')).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 15 * 60 });
    expect(refusal('someone.else@flipstackk.test', '10.0.1.1')).toBeNull();
  });

  it('locks an address after 8 failures over any e-mails', () => {
    const { limiter, refusal } = setUp();
    for (let attempt = 0; attempt < 8; attempt += 1) limiter.recordFailure(`user${attempt}@flipstackk.test`, '203.0.113.7');
    expect(refusal('fresh@flipstackk.test', '203.0.113.7')).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(refusal('fresh@flipstackk.test', '203.0.113.8')).toBeNull();
  });

  it('forgets failures older than the window, and an e-mail\'s count after a success', () => {
    const { limiter, refusal, advance } = setUp();
    for (let attempt = 0; attempt < 4; attempt += 1) limiter.recordFailure('sam@flipstackk.test', '10.0.0.1');
    advance(15 * MINUTE);
    limiter.recordFailure('sam@flipstackk.test', '10.0.0.1');
    expect(refusal('sam@flipstackk.test', '10.0.0.1')).toBeNull();
    for (let attempt = 0; attempt < 3; attempt += 1) limiter.recordFailure('sam@flipstackk.test', '10.0.0.2');
    limiter.recordSuccess('sam@flipstackk.test', '10.0.0.2');
    for (let attempt = 0; attempt < 4; attempt += 1) limiter.recordFailure('sam@flipstackk.test', '10.0.0.2');
    expect(refusal('sam@flipstackk.test', '10.0.0.2')).toBeNull();
  });

  it('a success does not open a lock', () => {
    const { limiter, refusal } = setUp();
    for (let attempt = 0; attempt < 5; attempt += 1) limiter.recordFailure('sam@flipstackk.test', '10.0.0.1');
    limiter.recordSuccess('sam@flipstackk.test', '10.0.0.1');
    expect(refusal('sam@flipstackk.test', '10.0.0.1')).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
