import type { z } from 'zod';
import type { DocumentItem, updateDocumentInputSchema } from '../../domain/documents/document.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toDocumentJson } from '../../db/rows';
import type { TemporalDeps } from '../temporal/client';
import { applyProofOfFunds, armDocumentReminders, assertMaySetProofOfFunds } from './arm-document-reminders';
import { DOCUMENT_WITH_RECORD, findDocumentFor, toDocumentEvent } from './find-document';

/**
 * `PATCH /api/documents/:id`: a new kind or expiry, with a `document.updated` event. A new expiry
 * re-arms `document-<id>`'s reminders (its workflow is marked not started until the new run is,
 * so the reconciler starts it if Temporal is down); a proof of funds on a buyer sets the buyer's
 * expiry too, when the actor may change the buyer and the date is ahead (assertMaySetProofOfFunds).
 * The uploader, a supervisor or an admin may change it.
 */
export async function updateDocument(deps: TemporalDeps & { db: Db }, documentId: string, input: z.infer<typeof updateDocumentInputSchema>, actor: PublicUser): Promise<DocumentItem> {
  const existing = await findDocumentFor(deps.db, documentId, actor, 'update');
  const expiresAt = input.expiresAt === undefined ? existing.expiresAt : input.expiresAt === null ? null : new Date(input.expiresAt);
  const expiryChanged = (expiresAt?.getTime() ?? null) !== (existing.expiresAt?.getTime() ?? null);
  // A new expiry, or a document that becomes a proof of funds, sets its buyer's proof-of-funds expiry.
  const setsProofOfFunds = expiryChanged || (input.kind === 'PROOF_OF_FUNDS' && existing.kind !== 'PROOF_OF_FUNDS');
  if (setsProofOfFunds) await assertMaySetProofOfFunds(deps.db, { kind: input.kind ?? existing.kind, buyerId: existing.buyerId, expiresAt }, actor);
  const doc = await deps.db.$transaction(async (tx) => {
    const updated = await tx.document.update({
      where: { id: documentId },
      data: { ...(input.kind ? { kind: input.kind } : {}), expiresAt, ...(expiryChanged ? { workflowStartedAt: null } : {}) },
      include: DOCUMENT_WITH_RECORD,
    });
    await recordEvent(tx, { entityType: 'document', entityId: documentId, action: 'updated', entity: toDocumentEvent(updated), actorId: actor.id });
    return updated;
  });
  if (setsProofOfFunds) await applyProofOfFunds(deps, doc, actor.id);
  if (expiryChanged) await armDocumentReminders(deps, doc);
  return toDocumentJson(doc);
}
