import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  emailCategoryOf,
  emailsImmediately,
  notificationPreferencesSchema,
  readNotificationPreferences,
  wantsDigest,
} from '../../../domain/notifications/notification-preferences';

describe('notification preferences', () => {
  it('reads the defaults for a user who saved none, or whose stored value is unreadable', () => {
    expect(readNotificationPreferences(null)).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(readNotificationPreferences('{not json')).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(readNotificationPreferences(JSON.stringify({ muted: ['NOPE'] }))).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  });

  it.each([
    [{ muted: ['SOMETHING'] }, 'muted'],
    [{ email: { assignments: 'HOURLY', overdue: 'NEVER' } }, 'email'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('refuses %j naming %s', (change, field) => {
    const result = notificationPreferencesSchema.safeParse({ ...DEFAULT_NOTIFICATION_PREFERENCES, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it.each([
    ['TASK_OVERDUE', 'NORMAL', 'overdue'],
    ['LEAD_CONTACT_OVERDUE', 'NORMAL', 'overdue'],
    ['TASK_ASSIGNED', 'HIGH', 'assignments'],
    ['NEW_LEAD', 'HIGH', 'assignments'],
    ['TASK_ASSIGNED', 'NORMAL', null],
    ['MENTION', 'NORMAL', null],
  ] as const)('%s (%s) is in the e-mail category %s', (kind, priority, category) => {
    expect(emailCategoryOf(kind, priority)).toBe(category);
  });

  it('e-mails at once only the categories set to IMMEDIATELY, and wants the digest when one is set to DIGEST', () => {
    const preferences = { ...DEFAULT_NOTIFICATION_PREFERENCES, email: { assignments: 'IMMEDIATELY', overdue: 'NEVER' } } as const;
    expect(emailsImmediately(preferences, 'TASK_ASSIGNED', 'HIGH')).toBe(true);
    expect(emailsImmediately(preferences, 'TASK_OVERDUE', 'NORMAL')).toBe(false);
    expect(wantsDigest(preferences)).toBe(false);
    expect(wantsDigest(DEFAULT_NOTIFICATION_PREFERENCES)).toBe(true);
  });
});
