import { Router } from 'express';
import { callQueueQuerySchema } from '../../domain/calls/call-queue';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { getCallQueue } from '../calls/get-call-queue';
import type { SettingsCache } from '../settings/settings-cache';
import { parseInput } from '../validate';

export function createQueueRouter(deps: { db: Db; settings: SettingsCache }) {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = parseInput(callQueueQuerySchema, req.query, 'query');
    res.json(await getCallQueue(deps.db, query, currentUser(res), { dealMath: await deps.settings.get(), contactMs: await deps.settings.contactMs() }));
  });

  return router;
}
