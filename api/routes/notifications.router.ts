import { Router } from 'express';
import type { Db } from '../../db/client';
import { readNotifications } from '../../db/queries/notification-list';
import { recordEvent } from '../../db/writes/record-event';
import { toNotificationJson } from '../../db/rows';
import { currentUser } from '../auth/require-user';
import { AppError } from '../errors';

/** My notifications; reading one (or all) is an event for my other tabs only. */
export function createNotificationsRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    const user = currentUser(res);
    // The panel's newest 20 and the unread count.
    const { rows, unread } = await readNotifications(db, user.id, 20);
    res.json({ items: rows.map(toNotificationJson), unread });
  });

  router.post('/read-all', async (_req, res) => {
    const user = currentUser(res);
    const updated = await db.$transaction(async (tx) => {
      const { count } = await tx.notification.updateMany({ where: { recipientId: user.id, readAt: null }, data: { readAt: new Date() } });
      if (count > 0) {
        await recordEvent(tx, { entityType: 'notification', entityId: 'all', action: 'read', entity: { all: true }, actorId: user.id, audienceUserId: user.id });
      }
      return count;
    });
    res.json({ updated });
  });

  router.post('/:id/read', async (req, res) => {
    const user = currentUser(res);
    const notification = await db.$transaction(async (tx) => {
      const found = await tx.notification.findUnique({ where: { id: req.params.id } });
      // Someone else's notification is as unknown to this user as a missing one.
      if (!found || found.recipientId !== user.id) throw new AppError('NOT_FOUND', `Notification ${req.params.id} does not exist`);
      if (found.readAt) return found;
      const read = await tx.notification.update({ where: { id: found.id }, data: { readAt: new Date() } });
      await recordEvent(tx, { entityType: 'notification', entityId: read.id, action: 'read', entity: toNotificationJson(read), actorId: user.id, audienceUserId: user.id });
      return read;
    });
    res.json(toNotificationJson(notification));
  });

  return router;
}
