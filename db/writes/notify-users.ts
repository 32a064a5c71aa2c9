import type { NotificationContent } from '../../domain/notifications/notification-kinds';
import { groupKeyOf, type NotificationSubject } from '../../domain/notifications/notification-groups';
import { emailsImmediately, readNotificationPreferences } from '../../domain/notifications/notification-preferences';
import { Prisma, type Notification } from '../../prisma/generated/client';
import { readRows } from '../read-rows';
import { dialectOf } from '../queries/dialect';
import { idIn } from '../queries/sql';
import { insertRow } from './insert-rows';
import { newRowId } from './new-row-id';
import { recordEvent } from './record-event';
import { toNotificationJson } from '../rows';

/** Kind, priority and wording come from `notificationFor`, so every notification reads as its kind says. */
export interface NotificationInput extends NotificationContent {
  recipientId: string;
  link?: string;
  /** Unique per notification, so a retried activity does not notify twice. */
  dedupeKey: string;
  /** What it is about: repeated notifications of one kind about one subject are shown as one. */
  about?: NotificationSubject;
}

/**
 * Creates each notification once, with its Event row visible only to its recipient; a kind the
 * recipient muted is not created, and one they want by e-mail at once is queued as a NOTIFICATION
 * message in the same transaction (the `email-<id>` workflow writes and sends it).
 */
export async function notifyUsers(tx: Prisma.TransactionClient, notifications: NotificationInput[]): Promise<void> {
  if (notifications.length === 0) return;
  const recipientIds = [...new Set(notifications.map((input) => input.recipientId))];
  const recipients = await readRows<{ id: string; email: string; active: boolean; notificationPreferences: string | null }>(
    tx,
    Prisma.sql`SELECT "id", "email", "active", "notificationPreferences" FROM "User" WHERE ${idIn(Prisma.sql`"id"`, recipientIds, dialectOf(tx))}`,
  );
  const recipientById = new Map(recipients.map((user) => [user.id, { ...user, preferences: readNotificationPreferences(user.notificationPreferences) }]));
  for (const { about, ...input } of notifications) {
    const recipient = recipientById.get(input.recipientId);
    if (recipient?.preferences.muted.includes(input.kind)) continue;
    const [existing] = await readRows<{ id: string }>(tx, Prisma.sql`SELECT "id" FROM "Notification" WHERE "dedupeKey" = ${input.dedupeKey}`);
    if (existing) continue;
    const notification = await insertRow<Notification>(tx, 'Notification', {
      id: newRowId(),
      recipientId: input.recipientId,
      kind: input.kind,
      priority: input.priority,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      dedupeKey: input.dedupeKey,
      groupKey: groupKeyOf(input.kind, about),
      subject: about?.label ?? null,
      createdAt: new Date(),
    });
    await recordEvent(tx, {
      entityType: 'notification',
      entityId: notification.id,
      action: 'created',
      entity: toNotificationJson(notification),
      audienceUserId: input.recipientId,
    });
    if (recipient?.active && emailsImmediately(recipient.preferences, input.kind, input.priority)) {
      await tx.emailMessage.create({
        data: { key: `notification:${notification.id}`, kind: 'NOTIFICATION', to: recipient.email, subject: notification.title, html: '', text: '', notificationId: notification.id },
      });
    }
  }
}
