import { canSeeEvent } from '../../domain/events/event-name';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { toEventJson, type EventJson } from '../../db/rows';

// Rows read at a time, and how many reads at most: a feed that finds fewer visible events in the
// newest 2,000 shows what it found rather than scanning the whole table.
const BATCH = 200;
const MAX_READS = 10;

/**
 * The activity feed's first page: the newest events the user may see, by the live stream's rule
 * (canSeeEvent): everyone's and the user's own, and a document's only to those who may see the
 * document. Read newest first in batches until the page is full.
 */
export async function listRecentEvents(db: Db, user: Pick<PublicUser, 'id' | 'role'>, limit: number): Promise<{ items: EventJson[] }> {
  const items: EventJson[] = [];
  let beforeId: number | undefined;
  for (let reads = 0; reads < MAX_READS && items.length < limit; reads += 1) {
    const rows = await db.event.findMany({
      // An import's progress ticks are not activity (the Imports page follows them).
      where: { OR: [{ audienceUserId: null }, { audienceUserId: user.id }], entityType: { not: 'import' }, ...(beforeId === undefined ? {} : { id: { lt: beforeId } }) },
      orderBy: { id: 'desc' },
      take: BATCH,
    });
    for (const row of rows) if (items.length < limit && canSeeEvent(row, user.id, user.role)) items.push(toEventJson(row));
    if (rows.length < BATCH) break;
    beforeId = rows.at(-1)!.id;
  }
  return { items };
}
