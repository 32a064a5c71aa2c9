import { EventEmitter } from 'node:events';
import { createLoginLimiter, type LoginLimits } from '../../../api/auth/login-limiter';
import { AppError } from '../../../api/errors';
import { answerCalls, callPrimaryOver, type CallChannel } from '../../../api/processes/primary-calls';
import { limiterHandlers, limiterOfPrimary } from '../../../api/processes/shared-login-limiter';

// One account's failures from any address lock it at 3, so the counts of several processes' addresses add up.
const LIMITS: LoginLimits = { accountMaxFailures: 3, accountAnyAddressMaxFailures: 3, ipMaxFailures: 100, windowMs: 60_000, lockoutMs: 60_000 };

/** Two ends of a channel, as the primary's worker handle and the process's `process` are (messages delivered asynchronously, as IPC does). */
function channelPair(): [CallChannel, CallChannel] {
  const [a, b] = [new EventEmitter(), new EventEmitter()];
  const end = (self: EventEmitter, other: EventEmitter): CallChannel => ({
    send: (message) => setImmediate(() => other.emit('message', structuredClone(message))),
    on: (event, listener) => self.on(event, listener),
  });
  return [end(a, b), end(b, a)];
}

describe('calls from API processes to their primary: the sign-in limits they share', () => {
  it('counts the failures of every process in the one limiter: the third locks the account for all, with its Retry-After', async () => {
    const shared = createLoginLimiter(LIMITS, () => Date.UTC(2026, 11, 3, 10));
    const processes = [0, 1].map(() => {
      const [primarySide, processSide] = channelPair();
      answerCalls(primarySide, limiterHandlers(shared));
      return limiterOfPrimary(callPrimaryOver(processSide));
    });
    await processes[0]!.recordFailure('sam@flipstackk.test', '10.0.0.1');
    await processes[1]!.recordFailure('sam@flipstackk.test', '10.0.0.2');
    await expect(processes[0]!.assertAllowed('sam@flipstackk.test', '10.0.0.3')).resolves.toBeUndefined();
    await processes[1]!.recordFailure('sam@flipstackk.test', '10.0.0.2');
    for (const limiter of processes) {
      const refusal = await Promise.resolve(limiter.assertAllowed('sam@flipstackk.test', '10.0.0.3')).then(() => null, (error: unknown) => error);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 60 });
    }
    // Someone else signs in as before.
    await expect(processes[1]!.assertAllowed('kim@flipstackk.test', '10.0.0.3')).resolves.toBeUndefined();
  });

  it('answers concurrent questions each with its own answer', async () => {
    const shared = createLoginLimiter(LIMITS, () => Date.UTC(2026, 11, 3, 10));
    for (let attempt = 0; attempt < 3; attempt += 1) shared.recordFailure('locked@flipstackk.test', '10.0.0.1');
    const [primarySide, processSide] = channelPair();
    answerCalls(primarySide, limiterHandlers(shared));
    const limiter = limiterOfPrimary(callPrimaryOver(processSide));
    const outcomes = await Promise.all(
      ['free@flipstackk.test', 'locked@flipstackk.test', 'other@flipstackk.test', 'locked@flipstackk.test'].map((email) =>
        Promise.resolve(limiter.assertAllowed(email, '10.0.0.9')).then(() => 'allowed', () => 'refused'),
      ),
    );
    expect(outcomes).toEqual(['allowed', 'refused', 'allowed', 'refused']);
  });

  it('passes on a failure in the primary as an error, not as a lockout, and refuses a call it has no handler for', async () => {
    const [primarySide, processSide] = channelPair();
    answerCalls(primarySide, {
      ...limiterHandlers(createLoginLimiter(LIMITS)),
      'login.assertAllowed': () => {
        throw new Error('counts unavailable');
      },
      'metrics.all': async () => 'flipstackk_sse_clients 3',
    });
    const callPrimary = callPrimaryOver(processSide);
    const refusal = await Promise.resolve(limiterOfPrimary(callPrimary).assertAllowed('sam@flipstackk.test', '10.0.0.1')).then(() => null, (error: unknown) => error);
    expect(refusal).not.toBeInstanceOf(AppError);
    expect((refusal as Error).message).toBe('primary process: counts unavailable');
    await expect(callPrimary('metrics.all')).resolves.toBe('flipstackk_sse_clients 3');
    await expect(callPrimary('toString')).rejects.toThrow('primary process: the primary answers no call named toString');
  });
});
