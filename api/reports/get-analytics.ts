import type { z } from 'zod';
import type { Analytics, analyticsQuerySchema } from '../../domain/analytics/analytics.schema';
import type { Scope } from '../../domain/analytics/dashboard.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { loadAnalytics } from '../../db/queries/load-analytics';
import type { createRecentResults } from './recent-results';
import { reportRange, reportScope } from './report-range';

/**
 * A kept answer's key: the team's and everyone's numbers are nobody's own, so every manager asking
 * over the same minutes shares one answer (an event then costs one computation, not one per
 * manager whose page refreshes); an agent's own are theirs alone.
 */
export const analyticsAnswerKey = (scope: Scope, userId: string, range: { from: Date; to: Date }): string =>
  JSON.stringify([scope, scope === 'me' ? userId : null, range.from, range.to]);

/** The analytics page's numbers over the range, for the scope the user may see; `recent` serves the same question again from memory while nothing has changed. */
export async function getAnalytics(
  { db, recent }: { db: Db; recent: ReturnType<typeof createRecentResults<Analytics>> },
  query: z.infer<typeof analyticsQuerySchema>,
  user: PublicUser,
): Promise<Analytics> {
  const scope = reportScope(query.scope, user);
  const { from, to } = reportRange(query);
  return recent(analyticsAnswerKey(scope, user.id, { from, to }), () => loadAnalytics(db, { scope, userId: user.id, from, to }));
}
