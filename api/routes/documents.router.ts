import { Router } from 'express';
import { createDocumentInputSchema, listDocumentsQuerySchema } from '../../domain/documents/document.schema';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { createDocument } from '../documents/create-document';
import { listDocuments } from '../documents/list-documents';
import type { TemporalDeps } from '../temporal/client';
import { parseInput } from '../validate';

export function createDocumentsRouter(deps: TemporalDeps & { db: Db }) {
  const router = Router();

  router.post('/', idempotentCreate(deps.db, async (req, res, claim) => {
    const input = parseInput(createDocumentInputSchema, req.body);
    return createDocument(deps, input, currentUser(res), claim);
  }));

  router.get('/', async (req, res) => {
    res.json(await listDocuments(deps.db, parseInput(listDocumentsQuerySchema, req.query, 'query')));
  });

  return router;
}
