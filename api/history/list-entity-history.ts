import type { Db } from '../../db/client';
import { listMergedSourceIds } from '../../db/queries/duplicates';
import { readEntityHistory } from '../../db/queries/events';
import { toEventJson, type EventJson } from '../../db/rows';

/**
 * An entity's history timeline, from its Event rows, oldest first. A lead's or buyer's includes
 * the history of the records merged into it: the survivor took their work, and their story.
 */
export async function listEntityHistory(db: Db, entityType: string, entityId: string): Promise<{ items: EventJson[] }> {
  const merged = entityType === 'lead' || entityType === 'buyer' ? await listMergedSourceIds(db, entityType, entityId) : [];
  const histories = await Promise.all([entityId, ...merged].map((id) => readEntityHistory(db, entityType, id)));
  const rows = histories.flat().sort((a, b) => a.id - b.id);
  return { items: rows.map(toEventJson) };
}
