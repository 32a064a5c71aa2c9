import { Router } from 'express';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { listNotifications } from '../notifications/list-notifications';
import { markAllNotificationsRead } from '../notifications/mark-all-notifications-read';
import { markNotificationRead } from '../notifications/mark-notification-read';

/** My notifications; reading one (or all) is an event for my other tabs only. */
export function createNotificationsRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json(await listNotifications(db, currentUser(res).id));
  });

  router.post('/read-all', async (_req, res) => {
    res.json(await markAllNotificationsRead(db, currentUser(res)));
  });

  router.post('/:id/read', async (req, res) => {
    res.json(await markNotificationRead(db, req.params.id, currentUser(res)));
  });

  return router;
}
