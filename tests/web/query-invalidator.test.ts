import type { QueryKey } from '@tanstack/react-query';
import { createQueryInvalidator } from '../../web/src/lib/query-invalidator';

jest.setTimeout(180_000);

/** An invalidator on a hand-moved clock: analytics waits 5 s between refetches, the rest not at all. */
function setUp() {
  jest.useFakeTimers({ now: 0 });
  const invalidated: string[] = [];
  const invalidator = createQueryInvalidator((key: QueryKey) => invalidated.push(String(key[0])), {
    delayMs: 25,
    gapMsFor: (key) => (key[0] === 'analytics' ? 5_000 : 0),
    now: () => Date.now(),
  });
  return { invalidated, invalidator };
}

afterEach(() => jest.useRealTimers());

describe('createQueryInvalidator', () => {
  it('refetches each query once for a burst of events', () => {
    const { invalidated, invalidator } = setUp();
    invalidator.add([['queue'], ['leads']]);
    invalidator.add([['queue'], ['tasks']]);
    jest.advanceTimersByTime(25);
    expect(invalidated.sort()).toEqual(['leads', 'queue', 'tasks']);
  });

  it('refetches the queue on every event a second apart, analytics at most once per gap, with the last change at its end', () => {
    const { invalidated, invalidator } = setUp();
    // Ten changes, one a second: the queue follows each; analytics at 0 s, 5 s and 10 s.
    for (let second = 0; second < 10; second += 1) {
      invalidator.add([['queue'], ['analytics']]);
      jest.advanceTimersByTime(1_000);
    }
    expect(invalidated.filter((key) => key === 'queue')).toHaveLength(10);
    expect(invalidated.filter((key) => key === 'analytics')).toHaveLength(2);
    jest.advanceTimersByTime(5_000);
    expect(invalidated.filter((key) => key === 'analytics')).toHaveLength(3);
    jest.advanceTimersByTime(60_000);
    expect(invalidated.filter((key) => key === 'analytics')).toHaveLength(3);
  });

  it('refetches analytics at once after a quiet gap', () => {
    const { invalidated, invalidator } = setUp();
    invalidator.add([['analytics']]);
    jest.advanceTimersByTime(25);
    jest.advanceTimersByTime(30_000);
    invalidator.add([['analytics']]);
    jest.advanceTimersByTime(25);
    expect(invalidated).toEqual(['analytics', 'analytics']);
  });

  it('cancel drops what was waiting', () => {
    const { invalidated, invalidator } = setUp();
    invalidator.add([['analytics']]);
    jest.advanceTimersByTime(25);
    invalidator.add([['analytics'], ['queue']]);
    invalidator.cancel();
    jest.advanceTimersByTime(10_000);
    expect(invalidated).toEqual(['analytics']);
  });
});
