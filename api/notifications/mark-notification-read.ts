import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toNotificationJson } from '../../db/rows';
import { AppError } from '../errors';

/** Marks one of the user's notifications read, with the unread rest of its group; the event reaches only the user's other tabs. */
export async function markNotificationRead(db: Db, notificationId: string, user: PublicUser) {
  const notification = await db.$transaction(async (tx) => {
    const found = await tx.notification.findUnique({ where: { id: notificationId } });
    // Someone else's notification is as unknown to this user as a missing one.
    if (!found || found.recipientId !== user.id) throw new AppError('NOT_FOUND', `Notification ${notificationId} does not exist`);
    if (found.readAt) return found;
    const readAt = new Date();
    const read = await tx.notification.update({ where: { id: found.id }, data: { readAt } });
    if (found.groupKey) await tx.notification.updateMany({ where: { recipientId: user.id, groupKey: found.groupKey, readAt: null }, data: { readAt } });
    await recordEvent(tx, { entityType: 'notification', entityId: read.id, action: 'read', entity: toNotificationJson(read), actorId: user.id, audienceUserId: user.id });
    return read;
  });
  return toNotificationJson(notification);
}
