import type { z } from 'zod';
import type { Analytics, analyticsQuerySchema } from '../../domain/analytics/analytics.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { loadAnalytics } from '../../db/queries/load-analytics';
import { reportRange, reportScope } from './report-range';

/** The analytics page's numbers over the range, for the scope the user may see. */
export async function getAnalytics(db: Db, query: z.infer<typeof analyticsQuerySchema>, user: PublicUser): Promise<Analytics> {
  const { from, to } = reportRange(query);
  return loadAnalytics(db, { scope: reportScope(query.scope, user), userId: user.id, from, to });
}
