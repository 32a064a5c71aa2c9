import { Router } from 'express';
import { analyticsQuerySchema } from '../../domain/analytics/analytics.schema';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { getAnalytics } from '../reports/get-analytics';
import { parseInput } from '../validate';

export function createAnalyticsRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = parseInput(analyticsQuerySchema, req.query, 'query');
    res.json(await getAnalytics(db, query, currentUser(res)));
  });

  return router;
}
