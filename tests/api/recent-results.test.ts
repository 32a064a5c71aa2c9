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
});
