import fs from 'node:fs';
import path from 'node:path';
import type { ManagedProcess } from './processes';

/** Node's flags for a diagnostic report on SIGUSR2, written into `dir`. */
export const reportOnSignalArgs = (dir: string): string[] => ['--report-on-signal', '--report-signal=SIGUSR2', `--report-directory=${dir}`];

/**
 * Asks a child started with reportOnSignalArgs for its diagnostic report, as lines to log: for a
 * process that stopped answering, whether its event loop still runs (Node writes the report from
 * the loop) and, if it does, its open handles and where it waits.
 */
export async function describeStuckProcess(proc: ManagedProcess, dir: string, waitMs = 5_000): Promise<string[]> {
  if (proc.child.pid === undefined || proc.child.exitCode !== null || proc.child.signalCode !== null) return [`${proc.name}: not running`];
  const before = new Set(fs.readdirSync(dir));
  proc.child.kill('SIGUSR2');
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const file = fs.readdirSync(dir).find((name) => name.startsWith('report.') && name.endsWith('.json') && !before.has(name));
    if (file) {
      try {
        const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { javascriptStack?: { message?: string; stack?: string[] }; libuv?: Array<{ type: string; is_active?: boolean; remoteEndpoint?: unknown }> };
        const handles = (report.libuv ?? []).filter((handle) => handle.is_active).map((handle) => handle.type);
        return [
          `${proc.name} (pid ${proc.child.pid}) diagnostic report ${file}:`,
          `  JavaScript: ${report.javascriptStack?.message ?? '?'}`,
          ...(report.javascriptStack?.stack ?? []).slice(0, 25).map((frame) => `    ${frame}`),
          `  active libuv handles: ${handles.join(', ')}`,
        ];
      } catch {
        // Still being written.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return [`${proc.name} (pid ${proc.child.pid}) wrote no diagnostic report within ${waitMs / 1000} s (its event loop is blocked)`];
}
