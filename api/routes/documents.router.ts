import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { Router } from 'express';
import { createDocumentInputSchema, listDocumentsQuerySchema } from '../../domain/documents/document.schema';
import type { Db } from '../../db/client';
import type { Document } from '../../prisma/generated/client';
import { recordEvent } from '../../db/writes/record-event';
import type { documentExpiryWorkflow } from '../../workflows/documents/document.workflow';
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

/** A document that expires gets `document-<id>`, which reminds 7 days and 1 day before (SPEC §4). */
async function startExpiryReminders(deps: { temporal: Client; taskQueue: string }, doc: Document): Promise<void> {
  if (!doc.expiresAt || doc.expiresAt.getTime() <= Date.now()) return;
  try {
    await deps.temporal.workflow.start<typeof documentExpiryWorkflow>('documentExpiryWorkflow', {
      workflowId: `document-${doc.id}`,
      taskQueue: deps.taskQueue,
      args: [{ documentId: doc.id, expiresAt: doc.expiresAt.toISOString() }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    });
  } catch (error) {
    // The document is saved either way; its reminders start when it is next saved with Temporal up.
    console.error(`document ${doc.id}: expiry reminders not started:`, error instanceof Error ? error.message : error);
  }
}

export function createDocumentsRouter(deps: { db: Db; temporal: Client; taskQueue: string }) {
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
