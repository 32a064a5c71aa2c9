import type { Db } from '../../db/client';

const RECENT_LIMIT = 20;

/** What the user opened last, newest first. */
export async function listRecentItems(db: Db, userId: string) {
  const rows = await db.recentItem.findMany({ where: { userId }, orderBy: { viewedAt: 'desc' }, take: RECENT_LIMIT });
  return { items: rows.map(({ entityType, entityId, viewedAt }) => ({ entityType, entityId, viewedAt: viewedAt.toISOString() })) };
}
