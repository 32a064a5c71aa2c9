import type { BuyerStatus } from '../../domain/buyers/buyer.schema';
import type { Db } from '../../db/client';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { buyerWorkflowStart } from '../temporal/workflow-starts';

type BuyerRef = { id: string; status: string; pofExpiresAt: Date | null; createdAt: Date };

/** Starts `buyer-<id>` as a new buyer's (a running one is kept) and records that it runs. */
export async function startBuyerWorkflow(deps: TemporalDeps & { db: Db }, buyer: BuyerRef): Promise<void> {
  const input = {
    buyerId: buyer.id,
    status: buyer.status as BuyerStatus,
    isNew: true,
    pofExpiresAt: buyer.pofExpiresAt?.toISOString() ?? null,
    createdAt: buyer.createdAt.toISOString(),
  };
  await startRecordWorkflow(deps, 'buyer', buyer.id, buyerWorkflowStart(input));
}
