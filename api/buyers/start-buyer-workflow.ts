import type { BuyerStatus } from '../../domain/buyers/buyer.schema';
import type { Db } from '../../db/client';
import type { TemporalDeps } from '../temporal/client';
import { startWorkflow } from '../temporal/start-workflow';
import { buyerWorkflowStart } from '../temporal/workflow-starts';

type BuyerRef = { id: string; status: string; updatedAt: Date; pofExpiresAt: Date | null };

/** Starts `buyer-<id>` as a new buyer's (a running one is kept) and records that it runs. */
export async function startBuyerWorkflow(deps: TemporalDeps & { db: Db }, buyer: BuyerRef): Promise<void> {
  await startWorkflow(
    deps,
    buyerWorkflowStart({ buyerId: buyer.id, status: buyer.status as BuyerStatus, isNew: true, pofExpiresAt: buyer.pofExpiresAt?.toISOString() ?? null }),
  );
  // Bookkeeping, not an edit: updatedAt keeps its value.
  await deps.db.buyer.update({ where: { id: buyer.id }, data: { workflowStartedAt: new Date(), updatedAt: buyer.updatedAt } });
}

/** Buyers saved while Temporal was unreachable get their workflow when the API boots. */
export async function startMissingBuyerWorkflows(deps: TemporalDeps & { db: Db }): Promise<number> {
  const buyers = await deps.db.buyer.findMany({ where: { workflowStartedAt: null, archivedAt: null }, select: { id: true, status: true, updatedAt: true, pofExpiresAt: true } });
  for (const buyer of buyers) await startBuyerWorkflow(deps, buyer);
  return buyers.length;
}
