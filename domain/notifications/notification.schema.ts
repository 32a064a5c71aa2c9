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

/** The bell's panel: the newest notifications and how many of all are unread. */
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number() });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const readAllNotificationsSchema = z.object({ updated: z.number() });
