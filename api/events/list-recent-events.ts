import type { Db } from '../../db/client';
import { toEventJson, type EventJson } from '../../db/rows';

/** The activity feed's first page: the newest events everyone may see and the user's own. */
export async function listRecentEvents(db: Db, userId: string, limit: number): Promise<{ items: EventJson[] }> {
  const rows = await db.event.findMany({
    // An import's progress ticks are not activity (the Imports page follows them).
    where: { OR: [{ audienceUserId: null }, { audienceUserId: userId }], entityType: { not: 'import' } },
    orderBy: { id: 'desc' },
    take: limit,
  });
  return { items: rows.map(toEventJson) };
}
