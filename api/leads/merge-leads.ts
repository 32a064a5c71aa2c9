import type { LeadRecord } from '../../domain/leads/lead.schema';
import type { MergeInput, MergeResult } from '../../domain/merge/merge-records';
import type { PublicUser } from '../../domain/users/user-role';
import { leadWorkflowId } from '../../domain/workflow-ids';
import type { Db } from '../../db/client';
import { toLeadJson } from '../../db/rows';
import { mergeLeadRecords } from '../../db/writes/merge-records';
import { leadMergedSignal } from '../../workflows/leads/lead.messages';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';
import { closeCancelledTaskWorkflows } from './close-cancelled-task-workflows';

type Deps = TemporalDeps & { db: Db };

/**
 * `POST /api/leads/:id/merge {sourceId}`: the lead `:id` takes the source's work (see
 * `mergeLeadRecords`), in one transaction with its events; then the source's workflow is told
 * to end and the workflows of its cancelled automatic tasks that they are closed. Whoever may
 * change both leads may merge them. A merge asked again (a retry) is refused with 409 naming
 * where the source went: it is never applied twice.
 */
export async function mergeLeads(deps: Deps, survivorId: string, input: MergeInput, actor: PublicUser): Promise<{ lead: LeadRecord; merge: MergeResult }> {
  const { db } = deps;
  const [survivor, source] = await Promise.all([db.lead.findUnique({ where: { id: survivorId } }), db.lead.findUnique({ where: { id: input.sourceId } })]);
  if (!survivor) throw new AppError('NOT_FOUND', `Lead ${survivorId} does not exist`);
  if (!source) throw new AppError('NOT_FOUND', `Lead ${input.sourceId} does not exist`, { sourceId: 'names no lead' });
  assertPermission(actor, 'update', { type: 'lead', ownerId: survivor.ownerId });
  assertPermission(actor, 'update', { type: 'lead', ownerId: source.ownerId });
  const write = await mergeLeadRecords(db, { survivorId, sourceId: source.id, actorId: actor.id });
  if (!write.ok) throw new AppError(write.refusal.code, write.refusal.message, { [write.refusal.field]: write.refusal.message });
  // After the commit: the rows are right whatever Temporal answers (an archived lead's workflow is never restarted).
  await signalWorkflow(deps, leadWorkflowId(source.id), leadMergedSignal, { intoLeadId: survivorId }).catch((error: unknown) => {
    console.error(`lead ${source.id}: workflow not told it was merged:`, error instanceof Error ? error.message : error);
  });
  await closeCancelledTaskWorkflows(deps, write.result.cancelledTaskIds);
  return { lead: toLeadJson(write.survivor), merge: write.result };
}
