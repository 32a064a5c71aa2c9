import { Router } from 'express';
import { analyticsQuerySchema, type Analytics } from '../../domain/analytics/analytics.schema';
import type { Db } from '../../db/client';
import type { ChangeMark } from '../change-mark';
import { currentUser } from '../auth/require-user';
import { getAnalytics } from '../reports/get-analytics';
import { createRecentResults } from '../reports/recent-results';
import { parseInput } from '../validate';

export function createAnalyticsRouter({ db, changeMark }: { db: Db; changeMark: ChangeMark }) {
  const router = Router();
  const recent = createRecentResults<Analytics>(changeMark);

  router.get('/', async (req, res) => {
    const query = parseInput(analyticsQuerySchema, req.query, 'query');
    res.json(await getAnalytics({ db, recent }, query, currentUser(res)));
  });

  return router;
}
