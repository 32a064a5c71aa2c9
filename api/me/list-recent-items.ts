import type { Db } from '../../db/client';
import { loadItemTitles } from '../../db/queries/item-titles';
import { readRows } from '../../db/read-rows';
import { Prisma } from '../../prisma/generated/client';

const RECENT_LIMIT = 20;

/** What the user opened last, newest first, each with its title. */
export async function listRecentItems(db: Db, userId: string) {
  const rows = await readRows<{ entityType: string; entityId: string; viewedAt: Date }>(
    db,
    Prisma.sql`SELECT "entityType", "entityId", "viewedAt" FROM "RecentItem" WHERE "userId" = ${userId} ORDER BY "viewedAt" DESC LIMIT ${RECENT_LIMIT}`,
  );
  const titles = await loadItemTitles(db, rows);
  return { items: rows.map(({ entityType, entityId, viewedAt }) => ({ entityType, entityId, title: titles.get(`${entityType}:${entityId}`) ?? null, viewedAt: viewedAt.toISOString() })) };
}
