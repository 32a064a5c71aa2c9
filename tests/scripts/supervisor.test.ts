import { startProcess } from '../../scripts/lib/processes';
import { supervise } from '../../scripts/lib/supervisor';
import { waitUntil } from '../support/wait-until';

const node = (code: string) => () => startProcess('child', process.execPath, ['-e', code], { log: () => undefined });

describe('supervise', () => {
  it('restarts a child killed with SIGKILL, says why, and restarts nothing once stopped', async () => {
    const lines: string[] = [];
    const child = supervise('child', node('setInterval(() => {}, 1000)'), { log: (line) => lines.push(line), onGiveUp: () => undefined, backoffMs: 50 });
    const firstPid = child.current().child.pid;
    child.current().child.kill('SIGKILL');
    await waitUntil('the restart', async () => child.restarts() === 1);
    expect(child.current().child.pid).not.toBe(firstPid);
    expect(lines[0]).toBe('[supervisor] child died (killed by SIGKILL); restarting in 0.1 s');
    expect(lines[1]).toMatch(/^\[supervisor\] child restarted \(pid \d+, restart 1\)$/);

    await child.stop();
    expect(child.current().child.signalCode).toBe('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(child.restarts()).toBe(1);
  });

  it('gives up after repeated crashes within the window and reports the last exit', async () => {
    const reasons: string[] = [];
    const child = supervise('flaky', node('process.exit(3)'), { log: () => undefined, onGiveUp: (reason) => reasons.push(reason), backoffMs: 10, maxCrashes: 3, windowMs: 60_000 });
    await waitUntil('the supervisor to give up', async () => reasons.length === 1);
    expect(reasons).toEqual(['flaky died 3 times within 60 s (last: exit code 3); not restarting it']);
    expect(child.restarts()).toBe(2);
  });
});
