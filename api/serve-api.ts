import { AggregatorRegistry } from 'prom-client';
import { isPostgresUrl, openDb } from '../db/client';
import { TIMED_CHECKPOINT_EVERY_MS } from '../db/wal-checkpoints';
import { backfillContactKeys } from '../db/writes/contact-keys';
import { listenForCommits } from '../db/listen-commits';
import { watchCommits } from '../db/watch-commits';
import { createApp } from './app';
import type { ApiEnv } from './env';
import { createHealthMonitor } from './health/health-monitor';
import { keepIdleConnections } from './keep-idle-connections';
import type { Logger } from './observability/create-logger';
import { createMetrics } from './observability/metrics';
import { limiterOfPrimary } from './processes/shared-login-limiter';
import { createEventHub } from './sse/event-hub';
import { connectTemporal } from './temporal/client';

/** One API process: the whole API, or one of several, calling their primary for what they share. */
export async function serveApi(env: ApiEnv, logger: Logger, callPrimary?: (name: string, ...args: unknown[]) => Promise<unknown>): Promise<void> {
  const metrics = createMetrics();
  if (callPrimary) {
    // The primary sums every process's registry when one of them is asked for /metrics: this
    // process answers its requests once an AggregatorRegistry exists here (prom-client's cluster support).
    AggregatorRegistry.setRegistries([metrics.registry]);
    new AggregatorRegistry();
  }
  let wakeHub = (): void => undefined;
  const db = await openDb(env.database, { checkpointEveryMs: TIMED_CHECKPOINT_EVERY_MS, onCommit: () => wakeHub() });
  // Keys of rows saved before the address/contact keys existed: SQL migrations cannot run the TS rule.
  const keyed = await backfillContactKeys(db);
  if (keyed.leads + keyed.buyers > 0) logger.info(`api: address keys written for ${keyed.leads} lead(s), contact keys for ${keyed.buyers} buyer(s)`);
  // Connects on first use: the API serves while Temporal is down, and records saved meanwhile are started by the worker's reconciler.
  const temporal = connectTemporal(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE, {
    onError: (operation, error) => metrics.temporalClientErrors.inc({ operation, error: error instanceof Error ? error.name : 'unknown' }),
  });
  const hub = createEventHub({ db, pollMs: env.EVENT_POLL_MS });
  await hub.start();
  wakeHub = () => hub.wake();
  // Events stream the moment a process commits them (SQLite: this process's own commits through
  // onCommit, any process's through the WAL file's change; PostgreSQL: LISTEN/NOTIFY); the hub's
  // poll only catches a lost wake-up.
  const stopWatching = isPostgresUrl(env.database)
    ? listenForCommits(env.database, () => hub.wake(), (line) => logger.warn(line))
    : watchCommits(env.databaseFile, () => hub.wake());
  const health = createHealthMonitor({ db, temporal });
  health.start();
  const app = createApp({
    health,
    db,
    temporal,
    hub,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    startDeadlineMs: env.WORKFLOW_START_DEADLINE_MS,
    secureCookie: env.COOKIE_SECURE,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    maxSessionsPerUser: env.SESSIONS_PER_USER,
    loginLimits: env.loginLimits,
    ...(callPrimary ? { loginLimiter: limiterOfPrimary(callPrimary), readMetrics: async () => String(await callPrimary('metrics.all')) } : {}),
    passwordConcurrency: env.PASSWORD_HASH_CONCURRENCY,
    temporalUiUrl: env.TEMPORAL_UI_URL,
    deadlines: env.deadlines,
    webDist: env.WEB_DIST,
    jsonBodyLimitBytes: env.JSON_BODY_LIMIT_KB * 1024,
    documents: env.documents,
    appOrigins: env.APP_ORIGIN,
    appUrl: env.appUrl,
    outboxDir: env.outboxDir,
    importsDir: env.importsDir,
    logger,
    metrics,
    ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
  });
  const server = keepIdleConnections(app.listen(env.PORT, env.HOST, () => {
    logger.info({ host: env.HOST, port: env.PORT }, `api: listening on http://${env.HOST}:${env.PORT}`);
  }));
  const shutdown = (): void => {
    void stopWatching();
    hub.stop();
    health.stop();
    server.close(() => {
      void Promise.all([db.$disconnect(), temporal.connection.close()]).finally(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
