import { Router } from 'express';
import { analyticsQuerySchema } from '../../domain/analytics/analytics.schema';
import type { Db } from '../../db/client';
import { loadAnalytics } from '../../db/queries/load-analytics';
import { currentUser } from '../auth/require-user';
import { reportRange, reportScope } from '../reports/report-range';
import { parseInput } from '../validate';

export function createAnalyticsRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = parseInput(analyticsQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const { from, to } = reportRange(query);
    res.json(await loadAnalytics(db, { scope: reportScope(query.scope, user), userId: user.id, from, to }));
  });

  return router;
}
