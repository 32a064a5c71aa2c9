import { Router } from 'express';
import { analyticsQuerySchema } from '../../domain/analytics/analytics.schema';
import type { Db } from '../../prisma/db';
import { loadAnalytics } from '../../prisma/analytics/analytics-query';
import { currentUser } from '../auth/require-user';
import { parseInput } from '../validate';
import { checkScope, rangeOf } from './dashboard.router';

export function createAnalyticsRouter({ db }: { db: Db }) {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = parseInput(analyticsQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const scope = req.query.scope === undefined && user.role !== 'SUPERVISOR' && user.role !== 'ADMIN' ? 'me' : query.scope;
    checkScope(scope, user);
    const { from, to } = rangeOf(query);
    res.json(await loadAnalytics(db, { scope, userId: user.id, from, to }));
  });

  return router;
}
