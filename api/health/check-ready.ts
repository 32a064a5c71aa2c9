import type { Client } from '@temporalio/client';
import type { Ready } from '../../domain/health/ready.schema';
import type { Db } from '../../db/client';
import { pingDb } from '../../db/queries/ping-db';

const CHECK_MS = 2_000;
// temporal.api.enums.v1: TASK_QUEUE_KIND_NORMAL, TASK_QUEUE_TYPE_WORKFLOW (the proto package is not a dependency of ours).
const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;

// A worker's long poll lasts up to a minute: one that polled within this window is alive.
export const POLLER_WINDOW_MS = 90_000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);

const toMs = (at: { seconds?: { toString(): string } | number | null; nanos?: number | null } | null | undefined): number =>
  at ? Number(String(at.seconds ?? 0)) * 1000 + Math.floor((at.nanos ?? 0) / 1e6) : 0;

/** Workers that polled the task queue's workflow tasks within POLLER_WINDOW_MS; rejects when Temporal does not answer. */
async function countRecentPollers(temporal: Client, taskQueue: string, now: number): Promise<number> {
  const response = await temporal.connection.withDeadline(Date.now() + CHECK_MS, () =>
    temporal.workflowService.describeTaskQueue({
      namespace: temporal.options.namespace,
      taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
      taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
    }),
  );
  return (response.pollers ?? []).filter((poller) => now - toMs(poller.lastAccessTime) <= POLLER_WINDOW_MS).length;
}

/** Database, Temporal and a polling worker, each within 2 s: what `/api/ready` answers. */
export async function checkReady({ db, temporal, taskQueue }: { db: Db; temporal: Client; taskQueue: string }): Promise<Ready> {
  const [dbCheck, pollers] = await Promise.allSettled([withTimeout(pingDb(db), CHECK_MS), countRecentPollers(temporal, taskQueue, Date.now())]);
  const database = dbCheck.status === 'fulfilled' ? 'ok' : 'down';
  const temporalOk = pollers.status === 'fulfilled';
  const count = temporalOk ? pollers.value : 0;
  const workers = !temporalOk ? 'unknown' : count > 0 ? 'ok' : 'none';
  return { ready: database === 'ok' && temporalOk && workers === 'ok', database, temporal: temporalOk ? 'ok' : 'down', workers, pollers: count };
}
