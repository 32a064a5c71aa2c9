import type { Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import { pingDb } from '../../db/queries/ping-db';
import { pingTemporal } from '../temporal/ping-temporal';

const CHECK_MS = 2_000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);

/** Whether the database and Temporal answer within 2 s each: `status` is `ok` only when both do. */
export async function checkHealth({ db, temporal }: { db: Db; temporal: Client }) {
  const [dbCheck, temporalCheck] = await Promise.allSettled([withTimeout(pingDb(db), CHECK_MS), pingTemporal(temporal, CHECK_MS)]);
  return {
    status: dbCheck.status === 'fulfilled' && temporalCheck.status === 'fulfilled' ? 'ok' : 'down',
    db: dbCheck.status === 'fulfilled' ? 'ok' : 'down',
    temporal: temporalCheck.status === 'fulfilled' ? 'ok' : 'down',
  };
}
