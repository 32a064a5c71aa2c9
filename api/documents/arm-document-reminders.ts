import type { Db } from '../../db/client';
import type { Document as DocumentRow } from '../../prisma/generated/client';
import { checkPermission } from '../../domain/auth/permissions';
import { proofOfFundsExpiry, proofOfFundsExpiryProblem } from '../../domain/documents/proof-of-funds-expiry';
import type { PublicUser } from '../../domain/users/user-role';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import { recordEvent } from '../../db/writes/record-event';
import { toBuyerJson } from '../../db/rows';
import { proofOfFundsChangedSignal } from '../../workflows/buyers/buyer.messages';
import { AppError } from '../errors';
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
 * Before a document that would set its buyer's proof-of-funds expiry is saved: only someone who
 * may update the buyer (as PATCH /api/buyers/:id: acquisitions, a supervisor, an admin) may set it
 * this way (403 saying so), and not to a date already past (400 naming expiresAt). Anyone may still
 * add the letter without an expiry, which touches nothing of the buyer's.
 */
export async function assertMaySetProofOfFunds(db: Db, doc: { kind: string; buyerId: string | null; expiresAt: Date | null }, actor: PublicUser, now = new Date()): Promise<void> {
  const change = proofOfFundsExpiry(doc);
  if (!change) return;
  const buyer = await db.buyer.findUnique({ where: { id: change.buyerId }, select: { ownerId: true } });
  if (!buyer) return; // findAttachmentTarget refuses it (422)
  const check = checkPermission(actor, 'update', { type: 'buyer', ownerId: buyer.ownerId });
  if (!check.ok) {
    throw new AppError('FORBIDDEN', `A proof of funds with an expiry sets the buyer's proof-of-funds expiry, and ${check.reason}: add it without an expiry and acquisitions will set it`);
  }
  const problem = proofOfFundsExpiryProblem(change.expiresAt, now);
  if (problem) throw new AppError('VALIDATION_FAILED', `Invalid body: Expiry ${problem}`, { expiresAt: problem });
}

/**
 * A proof-of-funds letter on a buyer sets the buyer's proof-of-funds expiry (with its
 * `buyer.updated` event) and re-arms the buyer workflow's reminders, as editing the buyer would.
 * Only after assertMaySetProofOfFunds let it through.
 */
export async function applyProofOfFunds(deps: TemporalDeps & { db: Db }, doc: DocumentRow, actorId: string): Promise<void> {
  const change = proofOfFundsExpiry(doc);
  if (!change) return;
  const { buyerId, expiresAt } = change;
  await deps.db.$transaction(async (tx) => {
    const buyer = await tx.buyer.update({ where: { id: buyerId }, data: { pofExpiresAt: expiresAt } });
    await recordEvent(tx, { entityType: 'buyer', entityId: buyerId, action: 'updated', entity: toBuyerJson(buyer), actorId });
  });
  await signalWorkflow(deps, buyerWorkflowId(buyerId), proofOfFundsChangedSignal, { expiresAt: expiresAt.toISOString() }).catch((error: unknown) =>
    console.error(`buyer ${buyerId}: reminders not re-armed:`, error instanceof Error ? error.message : error),
  );
}
