import { openDb } from '../db/client';
import { backfillContactKeys } from '../db/writes/contact-keys';
import { watchCommits } from '../db/watch-commits';
import { createApp } from './app';
import { createHealthMonitor } from './health/health-monitor';
import { loadApiEnv } from './env';
import { createEventHub } from './sse/event-hub';
import { connectTemporal } from './temporal/client';

async function main(): Promise<void> {
  const env = loadApiEnv();
  const db = await openDb(env.databaseFile);
  // Keys of rows saved before the address/contact keys existed: SQL migrations cannot run the TS rule.
  const keyed = await backfillContactKeys(db);
  if (keyed.leads + keyed.buyers > 0) console.log(`api: address keys written for ${keyed.leads} lead(s), contact keys for ${keyed.buyers} buyer(s)`);
  // Connects on first use: the API serves while Temporal is down, and records saved meanwhile are started by the worker's reconciler.
  const temporal = connectTemporal(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE);
  const hub = createEventHub({ db, pollMs: env.EVENT_POLL_MS });
  await hub.start();
  // Events stream the moment a process commits them; the hub's poll only catches a lost wake-up.
  const stopWatching = watchCommits(env.databaseFile, () => hub.wake());
  const health = createHealthMonitor({ db, temporal });
  health.start();
  const app = createApp({
    health,
    db,
    temporal,
    hub,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    secureCookie: env.COOKIE_SECURE,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    maxSessionsPerUser: env.SESSIONS_PER_USER,
    loginLimits: {
      accountMaxFailures: env.LOGIN_MAX_FAILURES,
      ipMaxFailures: env.LOGIN_IP_MAX_FAILURES,
      windowMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
      lockoutMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
    },
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
  });
  const server = app.listen(env.PORT, env.HOST, () => {
    console.log(`api: listening on http://${env.HOST}:${env.PORT}`);
  });
  const shutdown = (): void => {
    stopWatching();
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
