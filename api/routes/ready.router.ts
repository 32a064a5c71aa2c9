import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Db } from '../../db/client';
import type { Ready } from '../../domain/health/ready.schema';
import { checkReady } from '../health/check-ready';

export function createReadyRouter(deps: { db: Db; temporal: Client; taskQueue: string }) {
  const router = Router();
  // Probes from a load balancer arrive together: they share one check in flight.
  let checking: Promise<Ready> | undefined;

  router.get('/', async (_req, res) => {
    checking ??= checkReady(deps).finally(() => {
      checking = undefined;
    });
    const body = await checking;
    res.status(body.ready ? 200 : 503).json(body);
  });

  return router;
}
