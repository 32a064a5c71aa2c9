import type { z } from 'zod';
import type { createDocumentInputSchema, DocumentItem } from '../../domain/documents/document.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { saveIdempotentResult, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { recordEvent } from '../../db/writes/record-event';
import { toDocumentJson } from '../../db/rows';
import { assertPermission } from '../permissions/assert-permission';
import { findAttachmentTarget } from '../record-target';
import type { TemporalDeps } from '../temporal/client';
import { startRecordWorkflow } from '../temporal/start-record-workflow';
import { startOrLog } from '../temporal/start-workflow';
import { documentWorkflowStart } from '../temporal/workflow-starts';

/**
 * Saves the document's metadata with its `document.created` event. A document that expires gets
 * `document-<id>`, which reminds 7 days and 1 day before.
 */
export async function createDocument(
  deps: TemporalDeps & { db: Db },
  { expiresAt, ...input }: z.infer<typeof createDocumentInputSchema>,
  actor: PublicUser,
  claim?: IdempotencyClaim,
): Promise<DocumentItem> {
  const { db } = deps;
  assertPermission(actor, 'create', { type: 'document', uploadedById: actor.id });
  await findAttachmentTarget(db, { leadId: input.leadId, buyerId: input.buyerId, offerId: input.offerId });
  const doc = await db.$transaction(async (tx) => {
    const created = await tx.document.create({ data: { ...input, expiresAt: expiresAt ? new Date(expiresAt) : null, uploadedById: actor.id } });
    await recordEvent(tx, { entityType: 'document', entityId: created.id, action: 'created', entity: toDocumentJson(created), actorId: actor.id });
    await saveIdempotentResult(tx, claim, toDocumentJson(created));
    return created;
  });
  const expiry = doc.expiresAt;
  if (expiry && expiry.getTime() > Date.now()) {
    // The document is saved either way; if Temporal is down, the worker's reconciler starts its workflow.
    await startOrLog(`document ${doc.id}`, () => startRecordWorkflow(deps, 'document', doc.id, documentWorkflowStart(doc.id, expiry.toISOString())));
  }
  return toDocumentJson(doc);
}
