import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProcess, stopProcess } from '../../scripts/lib/processes';
import { describeStuckProcess, reportOnSignalArgs } from '../../scripts/lib/node-report';

jest.setTimeout(60_000);

/** A node child running `program` with the report flags; what describeStuckProcess says of it. */
async function reportOf(program: string, waitMs: number): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-report-'));
  const child = startProcess('child', process.execPath, [...reportOnSignalArgs(dir), '-e', program], { log: () => undefined });
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return await describeStuckProcess(child, dir, waitMs);
  } finally {
    await stopProcess(child, 1_000, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('describeStuckProcess', () => {
  it('tells a live event loop (its report, with the open handles) from a blocked one (no report)', async () => {
    const live = await reportOf('setInterval(() => {}, 1000);', 15_000);
    expect(live[0]).toMatch(/^child \(pid \d+\) diagnostic report report\..*\.json:$/);
    expect(live.at(-1)).toMatch(/active libuv handles: .*timer/);

    const blocked = await reportOf('setTimeout(function spinForever() { for (;;) {} }, 100);', 2_000);
    expect(blocked).toEqual([expect.stringMatching(/^child \(pid \d+\) wrote no diagnostic report within 2 s \(its event loop is blocked\)$/)]);
  });
});
