import type { Db } from '../../db/client';
import { listMergedSourceIds } from '../../db/queries/duplicates';
import { readEntityHistory } from '../../db/queries/events';
import { readLead } from '../../db/queries/lead-list';
import { toEventJson, toLeadJson, type EventJson } from '../../db/rows';

/**
 * An entity's history timeline, from its Event rows, oldest first. A lead's or buyer's includes
 * the history of the records merged into it: the survivor took their work, and their story.
 */
export async function listEntityHistory(db: Db, entityType: string, entityId: string): Promise<{ items: EventJson[] }> {
  const merged = entityType === 'lead' || entityType === 'buyer' ? await listMergedSourceIds(db, entityType, entityId) : [];
  const histories = await Promise.all([entityId, ...merged].map((id) => readEntityHistory(db, entityType, id)));
  const rows = histories.flat().sort((a, b) => a.id - b.id);
  const items = rows.map(toEventJson);
  const imported = entityType === 'lead' ? await importedFrom(db, entityId) : null;
  return { items: imported ? [imported, ...items] : items };
}

/**
 * How an imported lead began, as the first line of its history: `lead.imported` with the list's
 * file name and the importer. An import writes one progress event per batch, not an event per
 * lead (a 100k-row list would flood every open page), so this line is read from the lead's import.
 * Its id is 0: it is no Event row, and the live stream never sends it.
 */
async function importedFrom(db: Db, leadId: string): Promise<EventJson | null> {
  const lead = await readLead(db, leadId);
  if (!lead?.importId) return null;
  const list = await db.import.findUnique({ where: { id: lead.importId }, select: { id: true, fileName: true, createdById: true } });
  if (!list) return null;
  return {
    id: 0,
    name: 'lead.imported',
    entityType: 'lead',
    entityId: lead.id,
    action: 'imported',
    actorId: list.createdById,
    createdAt: lead.createdAt.toISOString(),
    entity: { ...toLeadJson(lead), importId: list.id, fileName: list.fileName },
  };
}
