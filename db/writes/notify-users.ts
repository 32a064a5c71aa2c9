import type { NotificationContent } from '../../domain/notifications/notification-kinds';
import type { Prisma } from '../client';
import { recordEvent } from './record-event';
import { toNotificationJson } from '../rows';

/** Kind, priority and wording come from `notificationFor`, so every notification reads as its kind says. */
export interface NotificationInput extends NotificationContent {
  recipientId: string;
  link?: string;
  /** Unique per notification, so a retried activity does not notify twice. */
  dedupeKey: string;
}

/** Creates each notification once, with its Event row visible only to its recipient. */
export async function notifyUsers(tx: Prisma.TransactionClient, notifications: NotificationInput[]): Promise<void> {
  for (const input of notifications) {
    const existing = await tx.notification.findUnique({ where: { dedupeKey: input.dedupeKey } });
    if (existing) continue;
    const notification = await tx.notification.create({ data: input });
    await recordEvent(tx, {
      entityType: 'notification',
      entityId: notification.id,
      action: 'created',
      entity: toNotificationJson(notification),
      audienceUserId: input.recipientId,
    });
  }
}
