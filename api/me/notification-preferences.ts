import type { Db } from '../../db/client';
import { readNotificationPreferences, type NotificationPreferences } from '../../domain/notifications/notification-preferences';

/** The user's notification preferences: muted kinds, what is e-mailed and when, their time zone. */
export async function readMyNotificationPreferences(db: Db, userId: string): Promise<NotificationPreferences> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { notificationPreferences: true } });
  return readNotificationPreferences(user.notificationPreferences);
}

/** Replaces the user's notification preferences; the next notification follows them. */
export async function saveMyNotificationPreferences(db: Db, userId: string, preferences: NotificationPreferences): Promise<NotificationPreferences> {
  const muted = [...new Set(preferences.muted)];
  const saved = { ...preferences, muted };
  await db.user.update({ where: { id: userId }, data: { notificationPreferences: JSON.stringify(saved) } });
  return saved;
}
