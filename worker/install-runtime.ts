import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import type { LogLevel, Logger } from '../api/observability/create-logger';

const SDK_LEVELS = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'ERROR', silent: 'ERROR' } as const;
const PINO_LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * The Temporal SDK's runtime for this process, before any connection: its own log lines (worker
 * state, workflow and activity `log` calls, with their request id) go to our JSON logger, and
 * with `metricsAddress` (WORKER_METRICS_HOST:WORKER_METRICS_PORT) it serves its metrics for
 * Prometheus at `http://<address>/metrics`.
 */
export function installRuntime({ logger, level, metricsAddress }: { logger: Logger; level: LogLevel; metricsAddress?: string | undefined }): void {
  Runtime.install({
    logger: new DefaultLogger(SDK_LEVELS[level], (entry: LogEntry) => {
      logger[PINO_LEVELS[entry.level]]({ ...entry.meta, sdk: true }, entry.message);
    }),
    ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } } : {}),
  });
}
