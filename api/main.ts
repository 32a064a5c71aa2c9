import { openDb } from '../db/client';
import { createApp } from './app';
import { loadApiEnv } from './env';
import { startMissingBuyerWorkflows } from './buyers/start-buyer-workflow';
import { startMissingLeadWorkflows } from './leads/start-lead-workflow';
import { createEventHub } from './sse/event-hub';
import { connectTemporal } from './temporal/client';

async function main(): Promise<void> {
  const env = loadApiEnv();
  const db = await openDb(env.databaseFile);
  const temporal = await connectTemporal(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE);
  const hub = createEventHub({ db, pollMs: env.EVENT_POLL_MS });
  await hub.start();
  const app = createApp({
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
  });
  const workflowDeps = { db, temporal, taskQueue: env.TEMPORAL_TASK_QUEUE };
  const started = (await startMissingLeadWorkflows(workflowDeps)) + (await startMissingBuyerWorkflows(workflowDeps));
  if (started > 0) console.log(`api: started ${started} workflow(s) that were missing`);

  const server = app.listen(env.PORT, env.HOST, () => {
    console.log(`api: listening on http://${env.HOST}:${env.PORT}`);
  });
  const shutdown = (): void => {
    hub.stop();
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
