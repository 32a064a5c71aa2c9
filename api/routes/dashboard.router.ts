import { Router } from 'express';
import { dashboardQuerySchema, type Dashboard, type Scope } from '../../domain/analytics/dashboard.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../prisma/db';
import { loadDashboard } from '../../prisma/analytics/dashboard-query';
import { currentUser } from '../auth/require-user';
import { createRecentResults } from '../dashboard/recent-results';
import { AppError } from '../errors';
import { parseInput } from '../validate';

const DAY_MS = 86_400_000;
const DEFAULT_RANGE_DAYS = 30;

function serverMidnight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Agents see their own numbers; supervisors and admins also the team's and everyone's. */
export function checkScope(scope: Scope, user: PublicUser): void {
  if (scope !== 'me' && user.role !== 'SUPERVISOR' && user.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', `Only supervisors and admins can see the ${scope === 'team' ? "team's" : "everyone's"} numbers`);
  }
}

const MINUTE_MS = 60_000;
const floorToMinute = (date: Date): Date => new Date(Math.floor(date.getTime() / MINUTE_MS) * MINUTE_MS);
const ceilToMinute = (date: Date): Date => new Date(Math.ceil(date.getTime() / MINUTE_MS) * MINUTE_MS);

/**
 * Parses the shared `scope, from, to, dayStart` of the dashboard and analytics, with their
 * defaults. The range is widened to whole minutes, so requests a moment apart ask the same question.
 */
export function rangeOf(query: { from?: string; to?: string; dayStart?: string }, now = new Date()) {
  const to = ceilToMinute(query.to ? new Date(query.to) : now);
  const from = floorToMinute(query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS));
  return { from, to, dayStart: query.dayStart ? new Date(query.dayStart) : serverMidnight(now), now };
}

export function createDashboardRouter({ db, lastEventId }: { db: Db; lastEventId: () => number }) {
  const router = Router();
  const recent = createRecentResults<Dashboard>(lastEventId);

  router.get('/', async (req, res) => {
    const query = parseInput(dashboardQuerySchema, req.query, 'query');
    const user = currentUser(res);
    // An agent's default is their own work; asking for more is refused.
    const scope = req.query.scope === undefined && user.role !== 'SUPERVISOR' && user.role !== 'ADMIN' ? 'me' : query.scope;
    checkScope(scope, user);
    const range = rangeOf(query);
    const key = JSON.stringify([scope, scope === 'me' ? user.id : '', range.from, range.to, range.dayStart]);
    res.json(await recent(key, () => loadDashboard(db, { scope, userId: user.id, ...range })));
  });

  return router;
}
