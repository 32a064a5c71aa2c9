import type { LeadRecord } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import { leadWorkflowId } from '../../domain/workflow-ids';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toLeadJson } from '../../db/rows';
import { leadArchiveChangedSignal } from '../../workflows/leads/lead.messages';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';
import { findLeadToChange } from './find-lead-to-change';

type Deps = TemporalDeps & { db: Db };

/**
 * Tells the lead's workflow; the row is saved whatever Temporal answers. A workflow that is not
 * running has nothing to stop (a closed or dead lead's has ended) or will be started by the
 * reconciler once the lead is live again; a running one that misses the signal still never flags
 * an archived lead (the overdue activity checks the row).
 */
async function tellWorkflow(deps: Deps, leadId: string, archived: boolean): Promise<void> {
  await signalWorkflow(deps, leadWorkflowId(leadId), leadArchiveChangedSignal, { archived }).catch((error: unknown) => {
    console.error(`lead ${leadId}: workflow not told it was ${archived ? 'archived' : 'unarchived'}:`, error instanceof Error ? error.message : error);
  });
}

/** Hides the lead from lists and matching and ends its automation (open automatic tasks cancelled), with a `lead.archived` event. */
export async function archiveLead(deps: Deps, leadId: string, actor: PublicUser): Promise<LeadRecord> {
  const { db } = deps;
  await findLeadToChange(db, leadId, actor, 'archive');
  const archived = await db.$transaction(async (tx) => {
    const row = await tx.lead.update({ where: { id: leadId }, data: { archivedAt: new Date() } });
    await recordEvent(tx, { entityType: 'lead', entityId: leadId, action: 'archived', entity: toLeadJson(row), actorId: actor.id });
    return row;
  });
  await tellWorkflow(deps, leadId, true);
  return toLeadJson(archived);
}

/** `POST /api/leads/:id/unarchive`: the lead is live again and its automation restarts from now, with a `lead.unarchived` event. */
export async function unarchiveLead(deps: Deps, leadId: string, actor: PublicUser): Promise<LeadRecord> {
  const { db } = deps;
  const lead = await db.lead.findUnique({ where: { id: leadId } });
  if (!lead) throw new AppError('NOT_FOUND', `Lead ${leadId} does not exist`);
  assertPermission(actor, 'archive', { type: 'lead', ownerId: lead.ownerId });
  if (!lead.archivedAt) throw new AppError('CONFLICT', 'The lead is not archived');
  if (lead.mergedIntoId) throw new AppError('CONFLICT', `The lead was merged into ${lead.mergedIntoId}: its work is there`);
  const row = await db.$transaction(async (tx) => {
    const live = await tx.lead.update({ where: { id: leadId }, data: { archivedAt: null } });
    await recordEvent(tx, { entityType: 'lead', entityId: leadId, action: 'unarchived', entity: toLeadJson(live), actorId: actor.id });
    return live;
  });
  await tellWorkflow(deps, leadId, false);
  return toLeadJson(row);
}
