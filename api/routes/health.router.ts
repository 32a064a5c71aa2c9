import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Db } from '../../db/client';
import { checkHealth } from '../health/check-health';

export function createHealthRouter(deps: { db: Db; temporal: Client }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    const body = await checkHealth(deps);
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  });

  return router;
}
