import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type Worker } from '@temporalio/worker';
import { createApp } from '../../api/app';
import { createLogger, type Logger } from '../../api/observability/create-logger';
import { createMetrics, type Metrics } from '../../api/observability/metrics';
import { createEventHub, type EventHub } from '../../api/sse/event-hub';
import { apiClientInterceptors } from '../../api/temporal/request-id-interceptor';
import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { DEFAULT_DOCUMENT_MAX_BYTES } from '../../domain/documents/document-files';
import { logIn } from '../../scripts/lib/log-in';
import { createFlipstackkWorker, workflowInterceptorModules } from '../../worker/create-worker';
import { TEST_PASSWORD } from './factories';
import { startTemporalDevServer } from './temporal-env';
import { createTestDb, type TestDb } from './test-db';
import { keepIdleConnections } from '../../api/keep-idle-connections';

export type LogLine = Record<string, unknown> & { msg: string; level: string };

/** A logger whose JSON lines are kept (parsed) in `lines`. */
export function capturedLogger(name: string): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({ name, level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } });
  return { logger, lines };
}

export interface ObservedApp {
  url: string;
  testDb: TestDb;
  temporal: TestWorkflowEnvironment;
  /** The API's Temporal client, made as api/temporal/client.ts makes it (request id and error interceptors). */
  client: Client;
  hub: EventHub;
  metrics: Metrics;
  taskQueue: string;
  /** The workflows, bundled with the request-id interceptor. */
  workflowBundleCode: string;
  /** The JSON lines the API logged. */
  apiLog: LogLine[];
  /** The JSON lines the worker logged (one per activity run). */
  workerLog: LogLine[];
  login(email: string): Promise<string>;
  /** Another app on the same database and Temporal, with other settings (a task queue nobody polls, a metrics token). */
  startSibling(options: { taskQueue?: string; metricsToken?: string }): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

const quiet = () => undefined;

/**
 * The real app with the logger, metrics and Temporal client interceptors the process entries
 * wire, a real Temporal dev server and a worker whose workflows are bundled with the request-id
 * interceptor (the run's shared bundle has none).
 */
export async function startObservedApp(): Promise<ObservedApp> {
  const [temporal, testDb, bundle] = await Promise.all([
    startTemporalDevServer(),
    createTestDb(),
    bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      workflowInterceptorModules: workflowInterceptorModules(),
      logger: { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: (message) => console.error(message) },
    }),
  ]);
  const taskQueue = 'observed-test';
  const api = capturedLogger('api');
  const workerLog = capturedLogger('worker');
  const metrics = createMetrics();
  const client = new Client({
    connection: temporal.connection,
    namespace: temporal.namespace ?? 'default',
    interceptors: apiClientInterceptors({ onError: (operation, error) => metrics.temporalClientErrors.inc({ operation, error: error instanceof Error ? error.name : 'unknown' }) }),
  });
  const worker: Worker = await createFlipstackkWorker({
    connection: temporal.nativeConnection,
    namespace: temporal.namespace ?? 'default',
    taskQueue,
    db: testDb.db,
    deadlines: DEFAULT_DEADLINES,
    mail: { from: 'Flipstackk <deals@flipstackk.test>', outboxDir: path.join(path.dirname(testDb.file), 'outbox'), appUrl: 'http://crm.flipstackk.test' },
    workflowBundle: { code: bundle.code },
    logger: workerLog.logger,
  });
  const workerRun = worker.run();
  const hub = createEventHub({ db: testDb.db, pollMs: 25 });
  await hub.start();
  const documents = { dir: path.join(path.dirname(testDb.file), 'documents'), maxBytes: DEFAULT_DOCUMENT_MAX_BYTES };

  const listen = async (options: { taskQueue: string; metricsToken?: string; logger: Logger; metrics: Metrics }) => {
    const app = createApp({
      db: testDb.db,
      temporal: client,
      hub,
      taskQueue: options.taskQueue,
      secureCookie: false,
      sessionTtlMs: 3_600_000,
      temporalUiUrl: 'http://localhost:8233',
      documents,
      logger: options.logger,
      metrics: options.metrics,
      ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    });
    const server: Server = await new Promise((resolve) => {
      const listening = keepIdleConnections(app.listen(0, '127.0.0.1', () => resolve(listening)));
    });
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      async close() {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  };
  const main = await listen({ taskQueue, logger: api.logger, metrics });
  const siblings: Array<{ close(): Promise<void> }> = [];

  return {
    url: main.url,
    testDb,
    temporal,
    client,
    hub,
    metrics,
    taskQueue,
    workflowBundleCode: bundle.code,
    apiLog: api.lines,
    workerLog: workerLog.lines,
    login: (email) => logIn(main.url, email, TEST_PASSWORD, 'test'),
    async startSibling(options) {
      const sibling = await listen({ taskQueue: options.taskQueue ?? taskQueue, ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}), logger: capturedLogger('api').logger, metrics: createMetrics() });
      siblings.push(sibling);
      return sibling;
    },
    async close() {
      hub.stop();
      for (const sibling of siblings) await sibling.close();
      await main.close();
      worker.shutdown();
      await workerRun;
      await temporal.teardown();
      await testDb.close();
    },
  };
}
