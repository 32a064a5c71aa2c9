import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Deadlines } from '../domain/config/deadlines';
import type { Db } from '../db/client';
import type { MailConfig } from '../mail/create-mailer';
import { silentLogger, type Logger } from '../api/observability/create-logger';
import { activityLogInterceptor } from './activity-log-interceptor';
import { ensureSearchAttributes } from './search-attributes';

import { sharedWorkflowModules, workflowInterceptorModules, workflowsPath } from './bundle-workflows';

export { workflowInterceptorModules };

export interface FlipstackkWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  deadlines: Deadlines;
  /** Where mail goes: SMTP_URL, else DATA_DIR/outbox. */
  mail?: MailConfig;
  /** A prebuilt bundle (tests, WORKFLOW_BUNDLE); without it `workflows/` is bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Activities and local activities run at once (the SDK's default is 100 each). */
  maxActivities?: number;
  /** Workflow tasks run at once (the SDK's default is 40). */
  maxWorkflowTasks?: number;
  /** Workflows kept in the worker's cache between tasks (the SDK's default grows with the heap limit). */
  maxCachedWorkflows?: number;
  /** Where each activity run is logged (JSON, with its request id); silent when absent. */
  logger?: Logger;
}

/** The worker, once the namespace has the search attributes its workflows upsert. */
export async function createFlipstackkWorker(options: FlipstackkWorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, db, deadlines, workflowBundle } = options;
  await ensureSearchAttributes(connection, namespace);
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities({ db, deadlines, ...(options.mail ? { mail: options.mail } : {}) }),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: workflowsPath(), bundlerOptions: { preloadModules: sharedWorkflowModules() } }),
    // The workflow modules count only when the worker bundles `workflows/` itself (the SDK warns otherwise).
    interceptors: { activity: [activityLogInterceptor(options.logger ?? silentLogger)], ...(workflowBundle ? {} : { workflowModules: workflowInterceptorModules() }) },
    ...(options.maxActivities ? { maxConcurrentActivityTaskExecutions: options.maxActivities, maxConcurrentLocalActivityExecutions: options.maxActivities } : {}),
    ...(options.maxWorkflowTasks ? { maxConcurrentWorkflowTaskExecutions: options.maxWorkflowTasks } : {}),
    ...(options.maxCachedWorkflows ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
  });
}
