import type { Db } from '../../db/client';
import type { Document as DocumentRow } from '../../prisma/generated/client';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import { recordEvent } from '../../db/writes/record-event';
import { toBuyerJson } from '../../db/rows';
import { proofOfFundsChangedSignal } from '../../workflows/buyers/buyer.messages';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { startOrLog } from '../temporal/start-workflow';
import { documentWorkflowStart } from '../temporal/workflow-starts';

/**
 * After a document's expiry was set or changed: `document-<id>` runs again with the new date (a
 * new run replaces the old one, so its 7-day and 1-day reminders are re-armed). Saved either way:
 * if Temporal is down, the worker's reconciler starts it (the row's workflowStartedAt is null).
 */
export async function armDocumentReminders(deps: TemporalDeps & { db: Db }, doc: DocumentRow): Promise<void> {
  const expiry = doc.expiresAt;
  if (!expiry || expiry.getTime() <= Date.now()) return;
  await startOrLog(`document ${doc.id}`, () => startRecordWorkflow(deps, 'document', doc.id, documentWorkflowStart(doc.id, expiry.toISOString())));
}

/**
 * A proof-of-funds letter on a buyer sets the buyer's proof-of-funds expiry (with its
 * `buyer.updated` event) and re-arms the buyer workflow's reminders, as editing the buyer would.
 */
export async function applyProofOfFunds(deps: TemporalDeps & { db: Db }, doc: DocumentRow, actorId: string): Promise<void> {
  if (doc.kind !== 'PROOF_OF_FUNDS' || !doc.buyerId || !doc.expiresAt) return;
  const { buyerId, expiresAt } = doc;
  await deps.db.$transaction(async (tx) => {
    const buyer = await tx.buyer.update({ where: { id: buyerId }, data: { pofExpiresAt: expiresAt } });
    await recordEvent(tx, { entityType: 'buyer', entityId: buyerId, action: 'updated', entity: toBuyerJson(buyer), actorId });
  });
  await signalWorkflow(deps, buyerWorkflowId(buyerId), proofOfFundsChangedSignal, { expiresAt: expiresAt.toISOString() }).catch((error: unknown) =>
    console.error(`buyer ${buyerId}: reminders not re-armed:`, error instanceof Error ? error.message : error),
  );
}
