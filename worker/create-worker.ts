import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Deadlines } from '../domain/config/deadlines';
import type { Db } from '../db/client';

export interface FlipstackkWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  deadlines: Deadlines;
  /** Tests pass a prebuilt bundle; processes bundle `workflows/` at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export function createFlipstackkWorker(options: FlipstackkWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, db, deadlines, workflowBundle } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities({ db, deadlines }),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
}
