import { localDate, localDayBounds, localHour } from '../../../domain/time/zoned-day';

describe('zoned days', () => {
  it.each([
    ['2026-12-01T12:30:00Z', 'America/Chicago', 6, '2026-12-01', '2026-12-01T06:00:00.000Z', '2026-12-02T06:00:00.000Z'],
    ['2026-12-01T04:00:00Z', 'Asia/Kolkata', 9, '2026-12-01', '2026-11-30T18:30:00.000Z', '2026-12-01T18:30:00.000Z'],
    ['2026-12-01T03:00:00Z', 'America/Los_Angeles', 19, '2026-11-30', '2026-11-30T08:00:00.000Z', '2026-12-01T08:00:00.000Z'],
    // The day clocks spring forward is 23 hours long; the day they fall back, 25.
    ['2026-03-08T12:00:00Z', 'America/New_York', 8, '2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ['2026-11-01T12:00:00Z', 'America/New_York', 7, '2026-11-01', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
  ])('%s in %s: hour %i of %s, from %s to %s', (iso, zone, hour, date, start, end) => {
    const instant = new Date(iso);
    expect(localHour(instant, zone)).toBe(hour);
    expect(localDate(instant, zone)).toBe(date);
    const bounds = localDayBounds(instant, zone);
    expect([bounds.start.toISOString(), bounds.end.toISOString()]).toEqual([start, end]);
  });
});
