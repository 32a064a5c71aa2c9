import type { Db } from '../../db/client';
import { loadItemTitles } from '../../db/queries/item-titles';
import { readRecentItems } from '../../db/queries/user-items';

const RECENT_LIMIT = 20;

/** What the user opened last, newest first, each with its title. */
export async function listRecentItems(db: Db, userId: string) {
  const rows = await readRecentItems(db, userId, RECENT_LIMIT);
  const titles = await loadItemTitles(db, rows);
  return { items: rows.map(({ entityType, entityId, viewedAt }) => ({ entityType, entityId, title: titles.get(`${entityType}:${entityId}`) ?? null, viewedAt: viewedAt.toISOString() })) };
}
