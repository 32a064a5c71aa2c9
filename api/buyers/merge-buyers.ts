import type { MergeInput, MergeResult } from '../../domain/merge/merge-records';
import type { PublicUser } from '../../domain/users/user-role';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import type { Db } from '../../db/client';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { mergeBuyerRecords } from '../../db/writes/merge-records';
import { buyerMergedSignal } from '../../workflows/buyers/buyer.messages';
import { AppError } from '../errors';
import { closeCancelledTaskWorkflows } from '../leads/close-cancelled-task-workflows';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';

type Deps = TemporalDeps & { db: Db };

/**
 * `POST /api/buyers/:id/merge {sourceId}`: the buyer `:id` takes the source's work (see
 * `mergeBuyerRecords`) in one transaction; then the source's workflow ends and its cancelled
 * tasks' workflows are closed. Whoever may change both buyers may merge them; a retried merge is
 * refused with 409 naming where the source went.
 */
export async function mergeBuyers(deps: Deps, survivorId: string, input: MergeInput, actor: PublicUser): Promise<{ buyer: BuyerJson; merge: MergeResult }> {
  const { db } = deps;
  const [survivor, source] = await Promise.all([db.buyer.findUnique({ where: { id: survivorId } }), db.buyer.findUnique({ where: { id: input.sourceId } })]);
  if (!survivor) throw new AppError('NOT_FOUND', `Buyer ${survivorId} does not exist`);
  if (!source) throw new AppError('NOT_FOUND', `Buyer ${input.sourceId} does not exist`, { sourceId: 'names no buyer' });
  assertPermission(actor, 'update', { type: 'buyer', ownerId: survivor.ownerId });
  assertPermission(actor, 'update', { type: 'buyer', ownerId: source.ownerId });
  const write = await mergeBuyerRecords(db, { survivorId, sourceId: source.id, actorId: actor.id });
  if (!write.ok) throw new AppError(write.refusal.code, write.refusal.message, { [write.refusal.field]: write.refusal.message });
  await signalWorkflow(deps, buyerWorkflowId(source.id), buyerMergedSignal, { intoBuyerId: survivorId }).catch((error: unknown) => {
    console.error(`buyer ${source.id}: workflow not told it was merged:`, error instanceof Error ? error.message : error);
  });
  await closeCancelledTaskWorkflows(deps, write.result.cancelledTaskIds);
  return { buyer: toBuyerJson(write.survivor), merge: write.result };
}
