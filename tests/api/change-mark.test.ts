import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { createChangeMark } from '../../api/change-mark';

/** Runs a request of `method` through the middleware; the answer ends when `end` is called. */
function request(countWrites: ReturnType<typeof createChangeMark>['countWrites'], method: string) {
  const res = new EventEmitter();
  let passed = false;
  countWrites({ method } as Request, res as unknown as Response, () => {
    passed = true;
  });
  return { passed: () => passed, end: (how: 'finish' | 'close' = 'finish') => res.emit(how) };
}

describe('change mark', () => {
  it('stays the same through reads, and moves with each streamed event', () => {
    let eventId = 7;
    const { countWrites, current } = createChangeMark(() => eventId);
    const before = current();
    const read = request(countWrites, 'GET');
    expect(read.passed()).toBe(true);
    read.end();
    expect(current()).toBe(before);
    eventId = 8;
    expect(current()).not.toBe(before);
  });

  it('equals nothing while a request that may write is in progress, and differs from every earlier mark after it', () => {
    const { countWrites, current } = createChangeMark(() => 1);
    const before = current();
    const write = request(countWrites, 'PATCH');
    expect(write.passed()).toBe(true);
    const during = current();
    expect(during === during).toBe(false);
    // An answer both finished and closed ends the request once.
    write.end('finish');
    write.end('close');
    const after = current();
    expect(after).not.toBe(before);
    expect(after).toBe(current());
    const aborted = request(countWrites, 'POST');
    aborted.end('close');
    expect(current()).not.toBe(after);
    expect(current()).toBe(current());
  });
});
