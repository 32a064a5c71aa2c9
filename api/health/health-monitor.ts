import type { Client } from '@temporalio/client';
import type { Health } from '../../domain/health/health.schema';
import type { Db } from '../../db/client';
import { checkHealth } from './check-health';

export interface HealthMonitor {
  /** The latest results, at once; a result older than the interval starts a check in the background. */
  current(): Promise<Health>;
  /** Checks every interval from now on, whether asked or not. */
  start(): void;
  stop(): void;
}

// Before the first check has answered, a request waits this long for it, then answers "unknown".
const FIRST_CHECK_WAIT_MS = 50;

const UNKNOWN: Health = { status: 'down', db: 'unknown', temporal: 'unknown', checkedAt: null, reconciler: null };

/** Runs the health checks in the background and keeps their latest results, so `/api/health` never waits on a slow one. */
export function createHealthMonitor({ db, temporal, intervalMs = 2_000 }: { db: Db; temporal: Client; intervalMs?: number }): HealthMonitor {
  let latest: Health | undefined;
  let latestAt = 0;
  let checking: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const refresh = (): Promise<void> => {
    checking ??= checkHealth({ db, temporal })
      .then((health) => {
        latest = health;
        latestAt = Date.now();
      })
      .catch(() => undefined)
      .finally(() => {
        checking = undefined;
      });
    return checking;
  };

  return {
    async current() {
      if (Date.now() - latestAt >= intervalMs) {
        const pending = refresh();
        if (!latest) await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, FIRST_CHECK_WAIT_MS).unref())]);
      }
      return latest ?? UNKNOWN;
    },
    start() {
      void refresh();
      timer ??= setInterval(() => void refresh(), intervalMs).unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
