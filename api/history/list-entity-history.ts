import type { Db } from '../../db/client';
import { readEntityHistory } from '../../db/queries/events';
import { toEventJson, type EventJson } from '../../db/rows';

/** An entity's history timeline, from its Event rows, oldest first. */
export async function listEntityHistory(db: Db, entityType: string, entityId: string): Promise<{ items: EventJson[] }> {
  const rows = await readEntityHistory(db, entityType, entityId);
  return { items: rows.map(toEventJson) };
}
