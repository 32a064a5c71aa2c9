import { durationSchema, parseDuration } from '../../domain/config/duration';

describe('parseDuration', () => {
  it.each([
    ['1h', 3_600_000],
    ['3d', 259_200_000],
    ['90m', 5_400_000],
    ['5s', 5_000],
    ['250ms', 250],
    [' 2h ', 7_200_000],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '0h', '1.5h', '1 hour', 'h', '-1h', '1w', '10'])('refuses %p', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('explains a bad setting', () => {
    const result = durationSchema.safeParse('soon');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be a duration like 1h, 3d, 30m or 5s');
  });
});
