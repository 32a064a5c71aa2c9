import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';

/** Marks all the user's unread notifications read: `{updated}` says how many. */
export async function markAllNotificationsRead(db: Db, user: PublicUser): Promise<{ updated: number }> {
  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { recipientId: user.id, readAt: null }, data: { readAt: new Date() } });
    if (count > 0) {
      await recordEvent(tx, { entityType: 'notification', entityId: 'all', action: 'read', entity: { all: true }, actorId: user.id, audienceUserId: user.id });
    }
    return count;
  });
  return { updated };
}
