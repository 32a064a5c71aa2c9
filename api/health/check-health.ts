import type { Client } from '@temporalio/client';
import type { Health, WorkflowBacklog } from '../../domain/health/health.schema';
import type { Db } from '../../db/client';
import { countPendingWorkflows } from '../../db/queries/pending-workflows';
import { pingDb } from '../../db/queries/ping-db';
import { pingTemporal } from '../temporal/ping-temporal';

const CHECK_MS = 2_000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);

async function readBacklog(db: Db, now: Date): Promise<WorkflowBacklog> {
  const counts = await countPendingWorkflows(db);
  const oldest = Object.values(counts)
    .map((kind) => kind.oldestCreatedAt)
    .filter((at): at is Date => at !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    backlog: Object.values(counts).reduce((sum, kind) => sum + kind.count, 0),
    oldestCreatedAt: oldest?.toISOString() ?? null,
    oldestAgeMs: oldest ? Math.max(0, now.getTime() - oldest.getTime()) : null,
    byKind: { lead: counts.lead.count, buyer: counts.buyer.count, offer: counts.offer.count, task: counts.task.count, document: counts.document.count, email: counts.email.count, import: counts.import.count },
  };
}

/** Whether the database and Temporal answer within 2 s each, and the reconciler's backlog. Slow: run it in the background. */
export async function checkHealth({ db, temporal }: { db: Db; temporal: Client }): Promise<Health> {
  const now = new Date();
  const [dbCheck, temporalCheck] = await Promise.allSettled([withTimeout(pingDb(db).then(() => readBacklog(db, now)), CHECK_MS), pingTemporal(temporal, CHECK_MS)]);
  const dbOk = dbCheck.status === 'fulfilled';
  const temporalOk = temporalCheck.status === 'fulfilled';
  return {
    status: dbOk && temporalOk ? 'ok' : 'down',
    db: dbOk ? 'ok' : 'down',
    temporal: temporalOk ? 'ok' : 'down',
    checkedAt: now.toISOString(),
    reconciler: dbOk ? dbCheck.value : null,
  };
}
