import type { Db } from '../client';
import { readRows } from '../read-rows';
import { Prisma } from '../../prisma/generated/client';

/** What a user opened last, newest first (raw: Prisma's findMany cost milliseconds of the API's thread on every page's header). */
export function readRecentItems(db: Db, userId: string, limit: number) {
  return readRows<{ entityType: string; entityId: string; viewedAt: Date }>(
    db,
    Prisma.sql`SELECT "entityType", "entityId", "viewedAt" FROM "RecentItem" WHERE "userId" = ${userId} ORDER BY "viewedAt" DESC LIMIT ${limit}`,
  );
}

/** A user's favorites, newest first. */
export function readFavorites(db: Db, userId: string) {
  return readRows<{ entityType: string; entityId: string; createdAt: Date }>(db, Prisma.sql`SELECT "entityType", "entityId", "createdAt" FROM "Favorite" WHERE "userId" = ${userId} ORDER BY "createdAt" DESC`);
}
