import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { openDb } from '../db/client';
import { createFlipstackkWorker } from './create-worker';
import { loadWorkerEnv } from './env';
import { ensureMonthlyReviewSchedule } from './monthly-review-schedule';

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const db = await openDb(env.databaseFile);
  const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await createFlipstackkWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    db,
    deadlines: env.deadlines,
  });
  const clientConnection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const schedule = await ensureMonthlyReviewSchedule(new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE }), env.TEMPORAL_TASK_QUEUE, env.REVIEW_SCHEDULE_TIMEZONE);
  await clientConnection.close();
  console.log(`worker: monthly review schedule ${schedule}`);
  console.log(`worker: polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}`);
  // Worker.run() resolves after SIGINT/SIGTERM, once in-flight tasks have finished.
  await worker.run();
  await connection.close();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
