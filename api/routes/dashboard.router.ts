import { Router } from 'express';
import { dashboardQuerySchema, type Dashboard } from '../../domain/analytics/dashboard.schema';
import type { Db } from '../../db/client';
import type { ChangeMark } from '../change-mark';
import { currentUser } from '../auth/require-user';
import { getDashboard } from '../reports/get-dashboard';
import { createRecentResults } from '../reports/recent-results';
import { parseInput } from '../validate';

export function createDashboardRouter({ db, changeMark }: { db: Db; changeMark: ChangeMark }) {
  const router = Router();
  const recent = createRecentResults<Dashboard>(changeMark);

  router.get('/', async (req, res) => {
    const query = parseInput(dashboardQuerySchema, req.query, 'query');
    res.json(await getDashboard({ db, recent }, query, currentUser(res)));
  });

  return router;
}
