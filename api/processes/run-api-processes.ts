import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { LoginLimiter } from '../auth/login-limiter';
import type { Logger } from '../observability/create-logger';
import { answerCalls, type CallHandlers } from './primary-calls';
import { limiterHandlers } from './shared-login-limiter';

const RESTART_DELAY_MS = 1_000;
/** A process that ends this soon after it started counts as failing to start. */
const QUICK_EXIT_MS = 10_000;
/** Failed starts in a row before the primary gives up (and its own supervisor takes over). */
const MAX_QUICK_EXITS = 5;
const STOP_GRACE_MS = 10_000;

/**
 * The primary of several API processes (node:cluster, API_PROCESSES): they share the port (the
 * kernel gives each new connection to one of them), the primary's login limiter and, on GET
 * /metrics, the metrics of all (summed by the primary); everything else they share through the
 * database, as separate API machines do. A process that ends is started again a second later;
 * SIGINT or SIGTERM stops them all, then the primary.
 */
export function runApiProcesses({ count, limiter, logger }: { count: number; limiter: LoginLimiter; logger: Logger }): void {
  const running = new Set<Worker>();
  let stopping = false;
  let stopExitCode = 0;
  let quickExits = 0;
  const aggregator = new AggregatorRegistry();
  const handlers: CallHandlers = { ...limiterHandlers(limiter), 'metrics.all': () => aggregator.clusterMetrics() };

  const stop = (exitCode: number): void => {
    if (stopping) return;
    stopping = true;
    stopExitCode = exitCode;
    if (running.size === 0) process.exit(exitCode);
    for (const worker of running) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of running) worker.process.kill('SIGKILL');
      process.exit(exitCode);
    }, STOP_GRACE_MS).unref();
  };

  const start = (): void => {
    const startedAt = Date.now();
    const worker = cluster.fork();
    running.add(worker);
    answerCalls(worker, handlers);
    worker.on('exit', (code, signal) => {
      running.delete(worker);
      if (stopping) {
        if (running.size === 0) process.exit(stopExitCode);
        return;
      }
      quickExits = Date.now() - startedAt < QUICK_EXIT_MS ? quickExits + 1 : 0;
      if (quickExits >= MAX_QUICK_EXITS) {
        logger.fatal({ pid: worker.process.pid, code, signal }, `api: ${MAX_QUICK_EXITS} processes in a row ended as they started; stopping`);
        stop(1);
        return;
      }
      logger.error({ pid: worker.process.pid, code, signal }, `api: process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => {
        if (!stopping) start();
      }, RESTART_DELAY_MS);
    });
  };

  // Each process accepts from the shared socket itself: with the primary handing connections out
  // (SCHED_RR), a connection handed to a process that had just been killed hung, never answered.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  logger.info(`api: starting ${count} processes`);
  for (let index = 0; index < count; index += 1) start();
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
}
