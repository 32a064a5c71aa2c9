import { Router } from 'express';
import { createDocumentInputSchema, listDocumentsQuerySchema } from '../../domain/documents/document.schema';
import type { Db } from '../../prisma/db';
import type { Document } from '../../prisma/generated/client';
import { recordEvent } from '../../prisma/record-event';
import { currentUser } from '../auth/require-user';
import { findAttachmentTarget } from '../record-target';
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

export function createDocumentsRouter({ db }: { db: Db }) {
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
    res.status(201).json(toDocumentJson(doc));
  });

  router.get('/', async (req, res) => {
    const target = parseInput(listDocumentsQuerySchema, req.query, 'query');
    const docs = await db.document.findMany({ where: target, orderBy: { createdAt: 'desc' }, take: 200 });
    res.json({ items: docs.map(toDocumentJson) });
  });

  return router;
}
