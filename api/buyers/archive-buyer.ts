import type { PublicUser } from '../../domain/users/user-role';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { buyerArchiveChangedSignal } from '../../workflows/buyers/buyer.messages';
import { AppError } from '../errors';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';
import { findBuyerToChange } from './find-buyer-to-change';

type Deps = TemporalDeps & { db: Db };

/** Tells the buyer's workflow; the row is saved whatever Temporal answers (the matching activity also skips an archived buyer). */
async function tellWorkflow(deps: Deps, buyerId: string, archived: boolean): Promise<void> {
  await signalWorkflow(deps, buyerWorkflowId(buyerId), buyerArchiveChangedSignal, { archived }).catch((error: unknown) => {
    console.error(`buyer ${buyerId}: workflow not told it was ${archived ? 'archived' : 'unarchived'}:`, error instanceof Error ? error.message : error);
  });
}

/** Hides the buyer from lists and matching and ends its automation (no weekly matching, open automatic tasks cancelled), with a `buyer.archived` event. */
export async function archiveBuyer(deps: Deps, buyerId: string, actor: PublicUser): Promise<BuyerJson> {
  const { db } = deps;
  await findBuyerToChange(db, buyerId, actor, 'archive');
  const archived = await db.$transaction(async (tx) => {
    const row = await tx.buyer.update({ where: { id: buyerId }, data: { archivedAt: new Date() } });
    await recordEvent(tx, { entityType: 'buyer', entityId: buyerId, action: 'archived', entity: toBuyerJson(row), actorId: actor.id });
    return row;
  });
  await tellWorkflow(deps, buyerId, true);
  return toBuyerJson(archived);
}

/** `POST /api/buyers/:id/unarchive`: the buyer is live again; matching and reminders restart from now, with a `buyer.unarchived` event. */
export async function unarchiveBuyer(deps: Deps, buyerId: string, actor: PublicUser): Promise<BuyerJson> {
  const { db } = deps;
  const buyer = await db.buyer.findUnique({ where: { id: buyerId } });
  if (!buyer) throw new AppError('NOT_FOUND', `Buyer ${buyerId} does not exist`);
  assertPermission(actor, 'archive', { type: 'buyer', ownerId: buyer.ownerId });
  if (!buyer.archivedAt) throw new AppError('CONFLICT', 'The buyer is not archived');
  if (buyer.mergedIntoId) throw new AppError('CONFLICT', `The buyer was merged into ${buyer.mergedIntoId}: its work is there`);
  const row = await db.$transaction(async (tx) => {
    const live = await tx.buyer.update({ where: { id: buyerId }, data: { archivedAt: null } });
    await recordEvent(tx, { entityType: 'buyer', entityId: buyerId, action: 'unarchived', entity: toBuyerJson(live), actorId: actor.id });
    return live;
  });
  await tellWorkflow(deps, buyerId, false);
  return toBuyerJson(row);
}
