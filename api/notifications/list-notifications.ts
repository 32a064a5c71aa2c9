import type { Db } from '../../db/client';
import { readNotifications } from '../../db/queries/notification-list';
import { toNotificationJson } from '../../db/rows';

/** What the notification panel shows: the user's newest 20 and the unread count. */
export async function listNotifications(db: Db, userId: string) {
  const { rows, unread } = await readNotifications(db, userId, 20);
  return { items: rows.map(toNotificationJson), unread };
}
