import { Router } from 'express';
import { createDocumentInputSchema, listDocumentsQuerySchema } from '../../domain/documents/document.schema';
import type { Db } from '../../db/client';
import type { Document } from '../../prisma/generated/client';
import { recordEvent } from '../../db/writes/record-event';
import { currentUser } from '../auth/require-user';
import { findAttachmentTarget } from '../record-target';
import type { TemporalDeps } from '../temporal/client';
import { startOrLog, startWorkflow } from '../temporal/start-workflow';
import { documentWorkflowStart } from '../temporal/workflow-starts';
import { parseInput } from '../validate';

const toDocumentJson = (doc: Document) => ({
  id: doc.id,
  kind: doc.kind,
  fileName: doc.fileName,
  mimeType: doc.mimeType,
  sizeBytes: doc.sizeBytes,
  expiresAt: doc.expiresAt?.toISOString() ?? null,
  leadId: doc.leadId,
  buyerId: doc.buyerId,
  offerId: doc.offerId,
  uploadedById: doc.uploadedById,
  createdAt: doc.createdAt.toISOString(),
});

/** A document that expires gets `document-<id>`, which reminds 7 days and 1 day before it expires. */
async function startExpiryReminders(deps: TemporalDeps, doc: Document): Promise<void> {
  const expiresAt = doc.expiresAt;
  if (!expiresAt || expiresAt.getTime() <= Date.now()) return;
  // The document is saved either way; its reminders start when it is next saved with Temporal up.
  await startOrLog(`document ${doc.id}`, () => startWorkflow(deps, documentWorkflowStart(doc.id, expiresAt.toISOString())));
}

export function createDocumentsRouter(deps: TemporalDeps & { db: Db }) {
  const { db } = deps;
  const router = Router();

  router.post('/', async (req, res) => {
    const { expiresAt, ...input } = parseInput(createDocumentInputSchema, req.body);
    await findAttachmentTarget(db, { leadId: input.leadId, buyerId: input.buyerId, offerId: input.offerId });
    const actor = currentUser(res);
    const doc = await db.$transaction(async (tx) => {
      const created = await tx.document.create({ data: { ...input, expiresAt: expiresAt ? new Date(expiresAt) : null, uploadedById: actor.id } });
      await recordEvent(tx, { entityType: 'document', entityId: created.id, action: 'created', entity: toDocumentJson(created), actorId: actor.id });
      return created;
    });
    await startExpiryReminders(deps, doc);
    res.status(201).json(toDocumentJson(doc));
  });

  router.get('/', async (req, res) => {
    const target = parseInput(listDocumentsQuerySchema, req.query, 'query');
    const docs = await db.document.findMany({ where: target, orderBy: { createdAt: 'desc' }, take: 200 });
    res.json({ items: docs.map(toDocumentJson) });
  });

  return router;
}
