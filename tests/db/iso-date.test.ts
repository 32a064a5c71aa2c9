import { isoDate } from '../../db/iso-date';

/** A deterministic spread of instants (a linear congruential walk), so a failure names a date that fails again. */
function spreadOf(count: number, from: number, to: number): number[] {
  let state = 12345;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor(from + (state / 2 ** 31) * (to - from));
  });
}

describe('isoDate', () => {
  it('writes what toISOString writes, across years 1000 to 9999', () => {
    const instants = [...spreadOf(20_000, Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999)), Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999)];
    for (const instant of instants) expect(isoDate(new Date(instant))).toBe(new Date(instant).toISOString());
  });

  it('pads each part: the epoch, single-digit fields, leap days and a millisecond of 0, 5, 50 or 999', () => {
    const dates = ['1970-01-01T00:00:00.000Z', '2024-02-29T09:05:07.005Z', '2000-02-29T23:59:59.050Z', '2026-12-31T23:59:59.999Z', '1999-01-09T01:01:01.001Z'].map((text) => new Date(text));
    for (const date of dates) expect(isoDate(date)).toBe(date.toISOString());
  });

  it('leaves years outside 1000 to 9999 to toISOString: six digits and a sign, or four with zeros', () => {
    for (const date of [new Date(Date.UTC(10_000, 0, 1)), new Date(Date.UTC(-1, 5, 1)), new Date('0999-12-31T23:59:59.999Z'), new Date(Date.UTC(50, 0, 1))]) {
      expect(isoDate(date)).toBe(date.toISOString());
    }
  });

  it('refuses an invalid date as toISOString does', () => {
    expect(() => isoDate(new Date('not a date'))).toThrow(RangeError);
  });
});
