import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal-env';

jest.setTimeout(180_000);

const HISTORIES_DIR = path.join(__dirname, 'histories');
// Recorded by the workflow tests with RECORD_HISTORIES=1; re-record when a workflow changes on purpose.
// A folder named after a patch keeps the histories recorded before it: runs like them may still be
// open, so the code must keep replaying them until the patch is deprecated.
const histories = fs.readdirSync(HISTORIES_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json')).sort();

describe('recorded workflow histories replay against the current workflow code', () => {
  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(2);
  });

  it.each(histories)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    const workflowId = path.basename(file, '.json');
    await expect(
      Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, workflowId),
    ).resolves.toBeUndefined();
  });
});
