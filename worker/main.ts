import { NativeConnection } from '@temporalio/worker';
import { openDb } from '../prisma/db';
import { createFlipstackkWorker } from './create-worker';
import { loadWorkerEnv } from './env';

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
