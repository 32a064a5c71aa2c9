import { createRecentResults } from '../../api/reports/recent-results';

describe('recent report results', () => {
  it('computes once while no event arrives, again after one, and again after 30 seconds', async () => {
    let eventId = 1;
    let computed = 0;
    const remember = createRecentResults<number>(() => eventId);
    const compute = () => Promise.resolve(++computed);
    expect(await remember('k', compute)).toBe(1);
    expect(await remember('k', compute)).toBe(1);
    expect(await remember('other', compute)).toBe(2);
    eventId = 2;
    expect(await remember('k', compute)).toBe(3);

    jest.useFakeTimers({ now: Date.now() + 31_000 });
    try {
      expect(await remember('k', compute)).toBe(4);
    } finally {
      jest.useRealTimers();
    }
  });

  it('forgets a failed computation', async () => {
    const remember = createRecentResults<number>(() => 1);
    await expect(remember('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await remember('k', () => Promise.resolve(7))).toBe(7);
  });

  it('keeps nothing computed under a mark equal to nothing (a write in progress)', async () => {
    let mark: number | string = Number.NaN;
    let computed = 0;
    const remember = createRecentResults<number>(() => mark);
    const compute = () => Promise.resolve(++computed);
    expect(await remember('k', compute)).toBe(1);
    expect(await remember('k', compute)).toBe(2);
    mark = '3:2';
    expect(await remember('k', compute)).toBe(3);
    expect(await remember('k', compute)).toBe(3);
  });

  it('keeps at most the entries it is given, the oldest out first', async () => {
    let computed = 0;
    const remember = createRecentResults<number>(() => 1, 2);
    const compute = () => Promise.resolve(++computed);
    await remember('a', compute);
    await remember('b', compute);
    await remember('c', compute);
    expect(await remember('c', compute)).toBe(3);
    expect(await remember('b', compute)).toBe(2);
    expect(await remember('a', compute)).toBe(4);
  });
});
