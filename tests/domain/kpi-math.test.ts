import { average, daysBetween, monthStart, perUserPerDay, rate, rounded } from '../../domain/analytics/kpi-math';

describe('KPI arithmetic', () => {
  it('gives rates as fractions, and null over nothing', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 5)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });

  it('averages, null without data', () => {
    expect(average(300, 4)).toBe(75);
    expect(average(10, 3)).toBe(3.33);
    expect(average(null, 0)).toBeNull();
    expect(average(0, 0)).toBeNull();
    expect(rounded(2180.3649)).toBe(2180.36);
    expect(rounded(null)).toBeNull();
  });

  it('spreads completions over users and days', () => {
    expect(perUserPerDay(30, 3, 5)).toBe(2);
    expect(perUserPerDay(0, 3, 5)).toBe(0);
    expect(perUserPerDay(4, 0, 5)).toBeNull();
  });

  it('counts whole days, at least one, and finds the month start', () => {
    expect(daysBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-08T00:00:00Z'))).toBe(7);
    expect(daysBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-01T05:00:00Z'))).toBe(1);
    expect(monthStart(new Date('2026-11-23T18:00:00Z')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});
