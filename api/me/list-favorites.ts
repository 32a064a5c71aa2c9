import type { Db } from '../../db/client';
import { loadItemTitles } from '../../db/queries/item-titles';
import { readRows } from '../../db/read-rows';
import { Prisma } from '../../prisma/generated/client';

/** The user's favorites, newest first, each with its title. */
export async function listFavorites(db: Db, userId: string) {
  const rows = await readRows<{ entityType: string; entityId: string; createdAt: Date }>(db, Prisma.sql`SELECT "entityType", "entityId", "createdAt" FROM "Favorite" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC`);
  const titles = await loadItemTitles(db, rows);
  return { items: rows.map(({ entityType, entityId, createdAt }) => ({ entityType, entityId, title: titles.get(`${entityType}:${entityId}`) ?? null, createdAt: createdAt.toISOString() })) };
}
