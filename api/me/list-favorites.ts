import type { Db } from '../../db/client';

/** The user's favorites, newest first. */
export async function listFavorites(db: Db, userId: string) {
  const rows = await db.favorite.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });
  return { items: rows.map(({ entityType, entityId, createdAt }) => ({ entityType, entityId, createdAt: createdAt.toISOString() })) };
}
