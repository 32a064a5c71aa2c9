import type { LeadRecord } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toLeadJson } from '../../db/rows';
import { findLeadToChange } from './find-lead-to-change';

/** Hides the lead from lists and matching, with a `lead.archived` event. */
export async function archiveLead(db: Db, leadId: string, actor: PublicUser): Promise<LeadRecord> {
  await findLeadToChange(db, leadId, actor, 'archive');
  const archived = await db.$transaction(async (tx) => {
    const row = await tx.lead.update({ where: { id: leadId }, data: { archivedAt: new Date() } });
    await recordEvent(tx, { entityType: 'lead', entityId: leadId, action: 'archived', entity: toLeadJson(row), actorId: actor.id });
    return row;
  });
  return toLeadJson(archived);
}
