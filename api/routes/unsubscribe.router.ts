import { Router } from 'express';
import type { Db } from '../../db/client';
import { getUnsubscribe, unsubscribeBuyer } from '../email/unsubscribe-buyer';

/** Public: the signed token in an e-mail's unsubscribe link is the permission. */
export function createUnsubscribeRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/:token', async (req, res) => {
    res.json(await getUnsubscribe(db, req.params.token));
  });

  router.post('/:token', async (req, res) => {
    res.json(await unsubscribeBuyer(db, req.params.token));
  });

  return router;
}
