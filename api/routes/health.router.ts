import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Db } from '../../db/client';
import { pingDb } from '../../db/queries/ping-db';

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);

export function createHealthRouter({ db, temporal }: { db: Db; temporal: Client }) {
  const router = Router();

  router.get('/', async (_req, res) => {
    const [dbCheck, temporalCheck] = await Promise.allSettled([
      withTimeout(pingDb(db), 2_000),
      // A deadline on the call itself: the client would otherwise keep retrying an unreachable server.
      temporal.connection.withDeadline(Date.now() + 2_000, () => temporal.workflowService.getSystemInfo({})),
    ]);
    const body = {
      status: dbCheck.status === 'fulfilled' && temporalCheck.status === 'fulfilled' ? 'ok' : 'down',
      db: dbCheck.status === 'fulfilled' ? 'ok' : 'down',
      temporal: temporalCheck.status === 'fulfilled' ? 'ok' : 'down',
    };
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  });

  return router;
}
