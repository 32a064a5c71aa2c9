import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type ReplayResult } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal-env';

jest.setTimeout(180_000);

const HISTORIES_DIR = path.join(__dirname, 'histories');
// Recorded by the workflow tests with RECORD_HISTORIES=1; re-record when a workflow changes on purpose.
// A folder named after a patch keeps the histories recorded before it: runs like them may still be
// open, so the code must keep replaying them until the patch is deprecated.
const histories = fs.readdirSync(HISTORIES_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json')).sort();
const workflowIdOf = (file: string): string => path.basename(file, '.json');

// One replay worker for every history (a worker per history cost 1.7 s each); results come back in order.
const results = new Map<string, ReplayResult>();
beforeAll(async () => {
  const inputs = histories.map((file) => ({
    workflowId: workflowIdOf(file),
    history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8'))),
  }));
  let index = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, inputs)) {
    results.set(histories[index]!, result);
    index += 1;
  }
});

describe('recorded workflow histories replay against the current workflow code', () => {
  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(2);
  });

  it.each(histories)('%s replays without nondeterminism', (file) => {
    const result = results.get(file);
    expect(result?.workflowId).toBe(workflowIdOf(file));
    expect(result?.error).toBeUndefined();
  });
});
