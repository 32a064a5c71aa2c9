import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { startImportFieldsSchema } from '../../domain/imports/import-fields';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { assertMayImport, cancelImport, getImport, listImports, previewImport, sendImportErrors, startImport } from '../imports/import-records';
import { receivedImportFile, receiveImportFile } from '../imports/receive-import-file';
import type { TemporalDeps } from '../temporal/client';
import { parseInput } from '../validate';

export const previewImportFieldsSchema = z.object({ mapping: startImportFieldsSchema.shape.mapping });

/** List imports (issue 15): preview a CSV, start its import, follow it, cancel it, read its bad rows. */
export function createImportsRouter(deps: TemporalDeps & { db: Db; dir: string }) {
  const router = Router();
  const upload = receiveImportFile(deps.dir);
  // The role first: the upload is read only for those who may import.
  const mayImport: RequestHandler = (_req, res, next) => {
    assertMayImport(currentUser(res));
    next();
  };

  router.post('/preview', mayImport, upload, async (req, res) => {
    const fields = parseInput(previewImportFieldsSchema, req.body);
    res.json(await previewImport(deps.db, receivedImportFile(req), fields.mapping, currentUser(res)));
  });

  router.post('/', mayImport, upload, async (req, res) => {
    const file = receivedImportFile(req);
    res.status(202).json(await startImport(deps, file, parseInput(startImportFieldsSchema, req.body), currentUser(res)));
  });

  router.get('/', async (_req, res) => {
    res.json(await listImports(deps.db, currentUser(res)));
  });

  router.get('/:id/errors.csv', async (req, res) => {
    await sendImportErrors(deps.db, req.params.id, currentUser(res), res);
  });

  router.get('/:id', async (req, res) => {
    res.json(await getImport(deps.db, req.params.id, currentUser(res)));
  });

  router.post('/:id/cancel', async (req, res) => {
    res.json(await cancelImport(deps.db, req.params.id, currentUser(res)));
  });

  return router;
}
