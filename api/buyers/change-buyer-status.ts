import type { BuyerStatus } from '../../domain/buyers/buyer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { changeBuyerStatusUpdate } from '../../workflows/buyers/buyer.messages';
import type { TemporalDeps } from '../temporal/client';
import { updateWithStart } from '../temporal/update-with-start';
import { buyerWorkflowStart } from '../temporal/workflow-starts';
import { findBuyerToChange } from './find-buyer-to-change';

/**
 * Sends the status change to `buyer-<id>`. A buyer saved while Temporal was down has no workflow
 * yet: the Update starts it, as a new buyer's (its proof-of-funds task included).
 */
export async function changeBuyerStatus(deps: TemporalDeps & { db: Db }, buyerId: string, status: BuyerStatus, actor: PublicUser): Promise<BuyerJson> {
  const buyer = await findBuyerToChange(deps.db, buyerId, actor, 'update');
  const start = buyerWorkflowStart({
    buyerId,
    status: buyer.status as BuyerStatus,
    isNew: buyer.workflowStartedAt === null,
    pofExpiresAt: buyer.pofExpiresAt?.toISOString() ?? null,
    createdAt: buyer.createdAt.toISOString(),
  });
  await updateWithStart(deps, start, changeBuyerStatusUpdate, { status, actorId: actor.id });
  return toBuyerJson(await deps.db.buyer.findUniqueOrThrow({ where: { id: buyerId } }));
}
