import type { Db } from '../../db/client';
import { loadItemTitles } from '../../db/queries/item-titles';
import { readFavorites } from '../../db/queries/user-items';

/** The user's favorites, newest first, each with its title. */
export async function listFavorites(db: Db, userId: string) {
  const rows = await readFavorites(db, userId);
  const titles = await loadItemTitles(db, rows);
  return { items: rows.map(({ entityType, entityId, createdAt }) => ({ entityType, entityId, title: titles.get(`${entityType}:${entityId}`) ?? null, createdAt: createdAt.toISOString() })) };
}
