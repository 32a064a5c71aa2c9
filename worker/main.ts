import { NativeConnection } from '@temporalio/worker';
import { connectTemporal } from '../api/temporal/client';
import { createLogger, errorFields, type Logger } from '../api/observability/create-logger';
import { openDb } from '../db/client';
import { createFlipstackkWorker } from './create-worker';
import { loadWorkerEnv } from './env';
import { ensureDailyDigestSchedule } from './daily-digest-schedule';
import { installRuntime } from './install-runtime';
import { ensureLeadRescoreSchedule } from './lead-rescore-schedule';
import { ensureMonthlyReviewSchedule } from './monthly-review-schedule';
import { startReconciler } from './reconciler';

/** Connects to Temporal, waiting (1 s, doubling up to 10 s) while it cannot be reached rather than exiting. */
async function connectWhenReachable(address: string, logger: Logger): Promise<NativeConnection> {
  for (let waitMs = 1_000, attempt = 1; ; attempt += 1, waitMs = Math.min(waitMs * 2, 10_000)) {
    try {
      return await NativeConnection.connect({ address });
    } catch (error) {
      if (attempt === 1) logger.warn(errorFields(error), `worker: waiting for Temporal at ${address} (${error instanceof Error ? error.message : String(error)})`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

async function main(logger: Logger): Promise<void> {
  const env = loadWorkerEnv();
  logger.level = env.LOG_LEVEL;
  const metricsAddress = env.WORKER_METRICS_PORT ? `${env.WORKER_METRICS_HOST}:${env.WORKER_METRICS_PORT}` : undefined;
  installRuntime({ logger, level: env.LOG_LEVEL, metricsAddress });
  const db = await openDb(env.database);
  const connection = await connectWhenReachable(env.TEMPORAL_ADDRESS, logger);
  const worker = await createFlipstackkWorker({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    db,
    deadlines: env.deadlines,
    mail: env.mail,
    maxActivities: env.WORKER_MAX_ACTIVITIES,
    maxWorkflowTasks: env.WORKER_MAX_WORKFLOW_TASKS,
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
    logger,
    ...(env.WORKFLOW_BUNDLE ? { workflowBundle: { codePath: env.WORKFLOW_BUNDLE } } : {}),
  });
  const client = connectTemporal(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE);
  const schedule = await ensureMonthlyReviewSchedule(client, env.TEMPORAL_TASK_QUEUE, env.REVIEW_SCHEDULE_TIMEZONE);
  logger.info(`worker: monthly review schedule ${schedule}`);
  logger.info(`worker: daily digest schedule ${await ensureDailyDigestSchedule(client, env.TEMPORAL_TASK_QUEUE)}`);
  logger.info(`worker: lead rescore schedule ${await ensureLeadRescoreSchedule(client, env.TEMPORAL_TASK_QUEUE)}`);
  const reconciler = startReconciler({
    db,
    temporal: client,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    intervalMs: env.RECONCILE_INTERVAL,
    batchSize: env.RECONCILE_BATCH,
    log: (line) => logger.info(line),
  });
  logger.info(`worker: reconciling missing workflows every ${env.RECONCILE_INTERVAL} ms, ${env.RECONCILE_BATCH} at a time`);
  logger.info(env.SMTP_URL ? 'worker: sending mail through SMTP_URL' : `worker: no SMTP_URL, writing mail to ${env.mail.outboxDir} (the Outbox page shows it)`);
  if (metricsAddress) logger.info(`worker: Temporal SDK metrics for Prometheus at http://${metricsAddress}/metrics`);
  logger.info(env.WORKFLOW_BUNDLE ? `worker: workflows from the bundle ${env.WORKFLOW_BUNDLE}` : 'worker: workflows bundled from workflows/ at start');
  logger.info({ taskQueue: env.TEMPORAL_TASK_QUEUE, temporalAddress: env.TEMPORAL_ADDRESS }, `worker: polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}`);
  // Worker.run() resolves after SIGINT/SIGTERM, once in-flight tasks have finished.
  await worker.run();
  await reconciler.stop();
  await client.connection.close();
  await connection.close();
  await db.$disconnect();
}

// Info until the environment is read (a bad LOG_LEVEL is itself reported).
const logger = createLogger({ name: 'worker', level: 'info' });
main(logger).catch((error: unknown) => {
  logger.fatal(errorFields(error), error instanceof Error ? error.message : String(error));
  process.exit(1);
});
