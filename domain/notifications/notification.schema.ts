import { z } from 'zod';
import { NOTIFICATION_PRIORITIES } from './notification-kinds';

/** One notification of the signed-in user; `readAt` is null while unread. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** Set from the kind when it was created: HIGH ones raise a desktop alert. */
  priority: z.enum(NOTIFICATION_PRIORITIES),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

/** A row of the bell's panel: one notification, or several of one kind about one thing ("3 overdue tasks on 12 Elm St"). */
export const notificationGroupSchema = notificationSchema.extend({
  /** How many notifications the row stands for (1 when alone). */
  count: z.number().int(),
  /** Every notification in the row, newest first; reading the row reads them all. */
  ids: z.array(z.string()),
});
export type NotificationGroupItem = z.infer<typeof notificationGroupSchema>;

/** The bell's panel: the newest rows and how many unread rows there are in all. */
export const notificationListSchema = z.object({ items: z.array(notificationGroupSchema), unread: z.number() });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const readAllNotificationsSchema = z.object({ updated: z.number() });
