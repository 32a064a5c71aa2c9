import { CALL_RETRY_DELAYS, nextCallAttemptIn, type CallRetryDelay } from '../../domain/calls/next-call-attempt';

jest.setTimeout(180_000);

describe('the next attempt after an unanswered call', () => {
  it.each<[string, string, CallRetryDelay, string, string]>([
    ['a Tuesday morning: Wednesday, same time', '2026-12-01T15:00:00Z', 'next-business-day', 'America/New_York', '2026-12-02T15:00:00Z'],
    ['a Friday afternoon: Monday, same time', '2026-12-04T21:30:00Z', 'next-business-day', 'America/New_York', '2026-12-07T21:30:00Z'],
    ['a Saturday: Monday', '2026-12-05T16:00:00Z', 'next-business-day', 'America/New_York', '2026-12-07T16:00:00Z'],
    ['a Sunday: Monday', '2026-12-06T16:00:00Z', 'next-business-day', 'America/New_York', '2026-12-07T16:00:00Z'],
    ['two business days from a Thursday: Monday', '2026-12-03T14:00:00Z', '2-business-days', 'America/New_York', '2026-12-07T14:00:00Z'],
    // Friday 11:30 PM in Dayton is already Saturday in UTC: the owner's Friday counts.
    ["the owner's Friday night, UTC's Saturday: Monday night", '2026-12-05T04:30:00Z', 'next-business-day', 'America/New_York', '2026-12-08T04:30:00Z'],
    // DST ends Sunday 1 November 2026 in New York: Friday 3 PM EDT (19:00Z) → Monday 3 PM EST (20:00Z).
    ['across the end of DST: the same wall-clock time', '2026-10-30T19:00:00Z', 'next-business-day', 'America/New_York', '2026-11-02T20:00:00Z'],
    // DST starts Sunday 8 March 2026: Friday 9 AM EST (14:00Z) → Monday 9 AM EDT (13:00Z).
    ['across the start of DST: the same wall-clock time', '2026-03-06T14:00:00Z', 'next-business-day', 'America/New_York', '2026-03-09T13:00:00Z'],
    ['Berlin, a Friday evening: Monday evening', '2026-12-04T22:30:00Z', 'next-business-day', 'Europe/Berlin', '2026-12-07T22:30:00Z'],
    ['two hours later, whatever the day', '2026-12-05T16:00:00Z', '2h', 'America/New_York', '2026-12-05T18:00:00Z'],
    ['four hours later', '2026-12-04T21:30:00Z', '4h', 'UTC', '2026-12-05T01:30:00Z'],
  ])('%s', (_case, now, delay, timeZone, expected) => {
    expect(nextCallAttemptIn(new Date(now), delay, timeZone).toISOString()).toBe(new Date(expected).toISOString());
  });

  it.each(CALL_RETRY_DELAYS.map((delay) => [delay]))('%s is always later than the call', (delay) => {
    for (const now of ['2026-03-08T06:30:00Z', '2026-11-01T05:30:00Z', '2026-12-31T23:59:00Z']) {
      expect(nextCallAttemptIn(new Date(now), delay, 'America/Chicago').getTime()).toBeGreaterThan(Date.parse(now));
    }
  });
});
