import type { ManagedProcess } from './processes';
import { stopProcess } from './processes';

export interface SupervisorOptions {
  log: (line: string) => void;
  /** Called once when a child keeps crashing: the caller stops everything. */
  onGiveUp: (reason: string) => void;
  /** Crashes within `windowMs` after which the supervisor gives up. */
  maxCrashes?: number;
  windowMs?: number;
  /** First restart delay; it doubles with each crash in the window, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** The signal that asks it to stop (SIGINT is PostgreSQL's fast shutdown); SIGTERM by default. */
  stopSignal?: NodeJS.Signals;
}

export interface SupervisedProcess {
  readonly name: string;
  /** The child running now (a new one after each restart). */
  current(): ManagedProcess;
  /** How many times it was restarted. */
  restarts(): number;
  /** Resolves each time a restarted child has been spawned. */
  onRestart(listener: (proc: ManagedProcess) => void): void;
  /** Stops the child and restarts nothing afterwards. */
  stop(): Promise<void>;
}

function describeExit(proc: ManagedProcess): string {
  const { exitCode, signalCode } = proc.child;
  if (signalCode) return `killed by ${signalCode}`;
  return `exit code ${exitCode ?? 'unknown'}`;
}

/**
 * Keeps a child process alive: logs each death with its exit reason and starts it again with a
 * backoff, until it crashes `maxCrashes` times within `windowMs`; then it reports and gives up.
 * Written by hand: the few process managers on npm (pm2, forever) are daemons of their own that
 * would outlive `npm start` and its Ctrl-C, which is the opposite of what a dev stack wants.
 */
export function supervise(name: string, spawnChild: () => ManagedProcess, options: SupervisorOptions): SupervisedProcess {
  const maxCrashes = options.maxCrashes ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const backoffMs = options.backoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 15_000;
  const crashes: number[] = [];
  const listeners: Array<(proc: ManagedProcess) => void> = [];
  let proc = spawnChild();
  let restarts = 0;
  let stopped = false;
  let pendingRestart: NodeJS.Timeout | undefined;

  const watch = (child: ManagedProcess): void => {
    void child.exited.then(() => {
      if (stopped || child !== proc) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - windowMs) crashes.shift();
      if (crashes.length >= maxCrashes) {
        stopped = true;
        const reason = `${name} died ${crashes.length} times within ${Math.round(windowMs / 1000)} s (last: ${describeExit(child)}); not restarting it`;
        options.log(`[supervisor] ${reason}`);
        options.onGiveUp(reason);
        return;
      }
      const delay = Math.min(maxBackoffMs, backoffMs * 2 ** (crashes.length - 1));
      options.log(`[supervisor] ${name} died (${describeExit(child)}); restarting in ${(delay / 1000).toFixed(1)} s`);
      pendingRestart = setTimeout(() => {
        pendingRestart = undefined;
        if (stopped) return;
        proc = spawnChild();
        restarts += 1;
        options.log(`[supervisor] ${name} restarted (pid ${proc.child.pid ?? '?'}, restart ${restarts})`);
        watch(proc);
        for (const listener of listeners) listener(proc);
      }, delay);
    });
  };
  watch(proc);

  return {
    name,
    current: () => proc,
    restarts: () => restarts,
    onRestart: (listener) => void listeners.push(listener),
    async stop() {
      stopped = true;
      if (pendingRestart) clearTimeout(pendingRestart);
      await stopProcess(proc, undefined, options.stopSignal);
    },
  };
}
