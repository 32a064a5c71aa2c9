import type { Db } from '../../db/client';
import { loadItemTitles } from '../../db/queries/item-titles';

const RECENT_LIMIT = 20;

/** What the user opened last, newest first, each with its title. */
export async function listRecentItems(db: Db, userId: string) {
  const rows = await db.recentItem.findMany({ where: { userId }, orderBy: { viewedAt: 'desc' }, take: RECENT_LIMIT });
  const titles = await loadItemTitles(db, rows);
  return { items: rows.map(({ entityType, entityId, viewedAt }) => ({ entityType, entityId, title: titles.get(`${entityType}:${entityId}`) ?? null, viewedAt: viewedAt.toISOString() })) };
}
