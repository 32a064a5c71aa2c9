import type { z } from 'zod';
import type { Dashboard, dashboardQuerySchema } from '../../domain/analytics/dashboard.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { loadDashboard } from '../../db/queries/load-dashboard';
import type { createRecentResults } from './recent-results';
import { reportRange, reportScope } from './report-range';

/**
 * The dashboard's KPIs over the range, for the scope the user may see; `recent` serves the same
 * question again from memory while nothing has changed.
 */
export async function getDashboard(
  { db, recent }: { db: Db; recent: ReturnType<typeof createRecentResults<Dashboard>> },
  query: z.infer<typeof dashboardQuerySchema>,
  user: PublicUser,
): Promise<Dashboard> {
  const scope = reportScope(query.scope, user);
  const range = reportRange(query);
  // Per user whatever the scope: the "my tasks due this week" chart is always the user's own.
  const key = JSON.stringify([scope, user.id, range.from, range.to, range.dayStart]);
  return recent(key, () => loadDashboard(db, { scope, userId: user.id, ...range }));
}
