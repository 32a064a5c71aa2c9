import { Router } from 'express';
import { createDocumentInputSchema, listDocumentsQuerySchema, updateDocumentInputSchema, uploadDocumentFieldsSchema } from '../../domain/documents/document.schema';
import type { Db } from '../../db/client';
import { requireAdmin } from '../auth/require-admin';
import { currentUser } from '../auth/require-user';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { archiveDocument } from '../documents/archive-document';
import { createDocument } from '../documents/create-document';
import { sendDocumentFile } from '../documents/get-document-file';
import { listDocuments } from '../documents/list-documents';
import { purgeDocument } from '../documents/purge-document';
import { receivedFile, receiveUpload, type DocumentStorage } from '../documents/receive-upload';
import { updateDocument } from '../documents/update-document';
import { uploadDocument } from '../documents/upload-document';
import type { TemporalDeps } from '../temporal/client';
import { parseInput } from '../validate';

export function createDocumentsRouter(deps: TemporalDeps & { db: Db; storage: DocumentStorage }) {
  const router = Router();

  // Multipart (`file` + fields) uploads a file; JSON records a document without one.
  router.post('/', receiveUpload(deps.storage), idempotentCreate(deps.db, async (req, res, claim) => {
    const file = receivedFile(req);
    if (file) return uploadDocument(deps, file, parseInput(uploadDocumentFieldsSchema, req.body), currentUser(res), claim);
    return createDocument(deps, parseInput(createDocumentInputSchema, req.body), currentUser(res), claim);
  }));

  router.get('/', async (req, res) => {
    res.json(await listDocuments(deps.db, parseInput(listDocumentsQuerySchema, req.query, 'query'), currentUser(res)));
  });

  router.get('/:id/file', async (req, res) => {
    await sendDocumentFile(deps, req.params.id, currentUser(res), res);
  });

  router.patch('/:id', async (req, res) => {
    res.json(await updateDocument(deps, req.params.id, parseInput(updateDocumentInputSchema, req.body), currentUser(res)));
  });

  router.post('/:id/archive', async (req, res) => {
    res.json(await archiveDocument(deps.db, req.params.id, currentUser(res)));
  });

  router.delete('/:id', requireAdmin('purge a document'), async (req, res) => {
    await purgeDocument(deps, String(req.params.id), currentUser(res));
    res.status(204).end();
  });

  return router;
}
