import { formatNotificationText } from '../../web/src/features/notifications/format-notification-text';

jest.setTimeout(180_000);

const BODY = 'This task was due {time:2026-11-30T21:15:00.000Z}.';

describe('formatNotificationText', () => {
  it.each([
    ['a reader in Chicago, the same day there', 'America/Chicago', '2026-11-30T22:00:00.000Z', 'This task was due 3:15 PM.'],
    ['a reader in New York, the same day there', 'America/New_York', '2026-11-30T22:00:00.000Z', 'This task was due 4:15 PM.'],
    ['a reader in UTC', 'UTC', '2026-11-30T22:00:00.000Z', 'This task was due 9:15 PM.'],
    // 21:15 UTC is already Dec 1 in Tokyo; a reader whose day is Dec 2 there sees the date too.
    ['a reader in Tokyo, a day later there', 'Asia/Tokyo', '2026-12-01T22:00:00.000Z', 'This task was due Dec 1, 6:15 AM.'],
    ['a reader in Chicago, days later', 'America/Chicago', '2026-12-03T15:00:00.000Z', 'This task was due Nov 30, 3:15 PM.'],
  ])('%s (%s)', (_case, timeZone, now, expected) => {
    expect(formatNotificationText(BODY, new Date(now), timeZone)).toBe(expected);
  });

  it('leaves text without a time token as it is, older server-formatted bodies included', () => {
    expect(formatNotificationText('This task was due 2026-11-24 15:30 UTC.')).toBe('This task was due 2026-11-24 15:30 UTC.');
  });
});
