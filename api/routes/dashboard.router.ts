import { Router } from 'express';
import { dashboardQuerySchema, type Dashboard } from '../../domain/analytics/dashboard.schema';
import type { Db } from '../../db/client';
import { loadDashboard } from '../../db/queries/load-dashboard';
import { currentUser } from '../auth/require-user';
import { createRecentResults } from '../reports/recent-results';
import { reportRange, reportScope } from '../reports/report-range';
import { parseInput } from '../validate';

export function createDashboardRouter({ db, lastEventId }: { db: Db; lastEventId: () => number }) {
  const router = Router();
  const recent = createRecentResults<Dashboard>(lastEventId);

  router.get('/', async (req, res) => {
    const query = parseInput(dashboardQuerySchema, req.query, 'query');
    const user = currentUser(res);
    const scope = reportScope(query.scope, user);
    const range = reportRange(query);
    const key = JSON.stringify([scope, scope === 'me' ? user.id : '', range.from, range.to, range.dayStart]);
    res.json(await recent(key, () => loadDashboard(db, { scope, userId: user.id, ...range })));
  });

  return router;
}
