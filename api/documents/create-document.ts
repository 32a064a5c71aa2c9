import type { z } from 'zod';
import type { createDocumentInputSchema, DocumentItem } from '../../domain/documents/document.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import type { Prisma } from '../../prisma/generated/client';
import { saveIdempotentResult, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { recordEvent } from '../../db/writes/record-event';
import { toDocumentJson } from '../../db/rows';
import { assertPermission } from '../permissions/assert-permission';
import { findAttachmentTarget } from '../record-target';
import type { TemporalDeps } from '../temporal/client';
import { applyProofOfFunds, armDocumentReminders, assertMaySetProofOfFunds } from './arm-document-reminders';
import { DOCUMENT_WITH_RECORD, toDocumentEvent } from './find-document';

type DocumentData = Omit<Prisma.DocumentUncheckedCreateInput, 'id' | 'uploadedById' | 'createdAt'>;

/**
 * Saves a document's row with its `document.created` event (and the Idempotency-Key's result). A
 * document that expires gets `document-<id>`, which reminds 7 days and 1 day before; a proof of
 * funds on a buyer sets the buyer's expiry, when the actor may change the buyer and the date is ahead.
 */
export async function saveDocument(deps: TemporalDeps & { db: Db }, data: DocumentData, actor: PublicUser, claim?: IdempotencyClaim): Promise<DocumentItem> {
  const { db } = deps;
  assertPermission(actor, 'create', { type: 'document', uploadedById: actor.id });
  await findAttachmentTarget(db, { leadId: data.leadId ?? undefined, buyerId: data.buyerId ?? undefined, offerId: data.offerId ?? undefined });
  await assertMaySetProofOfFunds(db, { kind: data.kind, buyerId: data.buyerId ?? null, expiresAt: data.expiresAt ? new Date(data.expiresAt) : null }, actor);
  const doc = await db.$transaction(async (tx) => {
    const created = await tx.document.create({ data: { ...data, uploadedById: actor.id }, include: DOCUMENT_WITH_RECORD });
    await recordEvent(tx, { entityType: 'document', entityId: created.id, action: 'created', entity: toDocumentEvent(created), actorId: actor.id });
    await saveIdempotentResult(tx, claim, toDocumentJson(created));
    return created;
  });
  await applyProofOfFunds(deps, doc, actor.id);
  await armDocumentReminders(deps, doc);
  return toDocumentJson(doc);
}

/** A document recorded without its file (JSON metadata: a paper original kept elsewhere). */
export async function createDocument(
  deps: TemporalDeps & { db: Db },
  { expiresAt, ...input }: z.infer<typeof createDocumentInputSchema>,
  actor: PublicUser,
  claim?: IdempotencyClaim,
): Promise<DocumentItem> {
  return saveDocument(deps, { ...input, expiresAt: expiresAt ? new Date(expiresAt) : null }, actor, claim);
}
