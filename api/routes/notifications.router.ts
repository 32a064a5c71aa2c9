import { Router } from 'express';
import type { Db } from '../../prisma/db';
import { toNotificationJson } from '../../prisma/to-json';
import { currentUser } from '../auth/require-user';

export function createNotificationsRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    const user = currentUser(res);
    const [rows, unread] = await Promise.all([
      db.notification.findMany({ where: { recipientId: user.id }, orderBy: { createdAt: 'desc' }, take: 100 }),
      db.notification.count({ where: { recipientId: user.id, readAt: null } }),
    ]);
    res.json({ items: rows.map(toNotificationJson), unread });
  });

  return router;
}
