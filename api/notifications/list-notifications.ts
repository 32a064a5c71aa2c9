import type { Db } from '../../db/client';
import { readNotifications } from '../../db/queries/notification-list';
import { toNotificationJson } from '../../db/rows';
import { groupNotifications } from '../../domain/notifications/notification-groups';

/** Rows the panel shows, and notifications read to fill them: enough for a burst of one kind to fold into one row. */
const PANEL_ROWS = 20;
const ROWS_READ = 100;

/** What the notification panel shows: the user's newest 20 rows (repeats grouped) and the unread count. */
export async function listNotifications(db: Db, userId: string) {
  const { rows, unread } = await readNotifications(db, userId, ROWS_READ);
  const items = groupNotifications(
    rows.map((row) => ({ ...toNotificationJson(row), groupKey: row.groupKey, subject: row.subject })),
    PANEL_ROWS,
  ).map(({ groupKey: _groupKey, subject: _subject, ...item }) => item);
  return { items, unread };
}
