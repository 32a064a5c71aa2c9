import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationPriority } from './notification-kinds';
import { EMAIL_MODES } from './email-modes';
export { EMAIL_MODES, type EmailMode } from './email-modes';

/** The two kinds of notification worth an e-mail: HIGH priority assignments and overdue alerts. */
export const EMAIL_CATEGORIES = ['assignments', 'overdue'] as const;
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const notificationPreferencesSchema = z
  .object({
    /** Kinds the user never wants to hear about: none is created for them. */
    muted: z.array(z.enum(NOTIFICATION_KINDS, { error: 'Choose notification kinds from the list' })).max(NOTIFICATION_KINDS.length),
    email: z
      .object({
        assignments: z.enum(EMAIL_MODES, { error: 'Choose immediately, in the daily digest or never' }),
        overdue: z.enum(EMAIL_MODES, { error: 'Choose immediately, in the daily digest or never' }),
      })
      .strict(),
    /** IANA zone: the digest comes at 07:00 there, and the times in e-mails are written in it. */
    timeZone: z.string().max(64).refine(isTimeZone, 'Choose a time zone from the list'),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  muted: [],
  email: { assignments: 'DIGEST', overdue: 'DIGEST' },
  timeZone: 'UTC',
};

/** The preferences stored on a user (JSON, or null before they saved any); anything unreadable falls back to the defaults. */
export function readNotificationPreferences(stored: string | null | undefined): NotificationPreferences {
  if (!stored) return DEFAULT_NOTIFICATION_PREFERENCES;
  try {
    const parsed = notificationPreferencesSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_PREFERENCES;
  } catch {
    return DEFAULT_NOTIFICATION_PREFERENCES;
  }
}

/** Which mailed category a notification falls in, if any. */
export function emailCategoryOf(kind: NotificationKind, priority: NotificationPriority): EmailCategory | null {
  if (kind === 'TASK_OVERDUE' || kind === 'LEAD_CONTACT_OVERDUE') return 'overdue';
  if ((kind === 'TASK_ASSIGNED' || kind === 'NEW_LEAD') && priority === 'HIGH') return 'assignments';
  return null;
}

/** Whether a notification is e-mailed the moment it is created. */
export function emailsImmediately(preferences: NotificationPreferences, kind: NotificationKind, priority: NotificationPriority): boolean {
  const category = emailCategoryOf(kind, priority);
  return category !== null && preferences.email[category] === 'IMMEDIATELY';
}

/** Whether the user asked for the daily digest for anything. */
export const wantsDigest = (preferences: NotificationPreferences): boolean => EMAIL_CATEGORIES.some((category) => preferences.email[category] === 'DIGEST');
