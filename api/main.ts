import cluster from 'node:cluster';
import { createLoginLimiter } from './auth/login-limiter';
import { loadApiEnv } from './env';
import { createLogger, errorFields, type Logger } from './observability/create-logger';
import { callPrimaryOver, type CallChannel } from './processes/primary-calls';
import { runApiProcesses } from './processes/run-api-processes';

async function main(logger: Logger): Promise<void> {
  const env = loadApiEnv();
  logger.level = env.LOG_LEVEL;
  if (cluster.isPrimary && env.API_PROCESSES > 1) {
    runApiProcesses({ count: env.API_PROCESSES, limiter: createLoginLimiter(env.loginLimits), logger });
    return;
  }
  // Loaded only where the API serves: a primary of several processes holds none of it (50 MB less).
  const { serveApi } = await import('./serve-api');
  await serveApi(env, logger, cluster.isWorker ? callPrimaryOver(process as CallChannel) : undefined);
}

// Info until the environment is read (a bad LOG_LEVEL is itself reported).
const logger = createLogger({ name: 'api', level: 'info' });
main(logger).catch((error: unknown) => {
  logger.fatal(errorFields(error), error instanceof Error ? error.message : String(error));
  process.exit(1);
});
