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

const WORKFLOWS_DIR = path.join(__dirname, '..', '..', 'workflows');

/** Every patch id the workflow code asks `patched()` about, by its constant or written inline. */
function patchIdsInWorkflows(): string[] {
  const ids = new Set<string>();
  for (const file of fs.readdirSync(WORKFLOWS_DIR, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8');
    for (const match of source.matchAll(/_PATCH = '([^']+)'|patched\('([^']+)'\)/g)) ids.add((match[1] ?? match[2])!);
  }
  return [...ids].sort();
}

/** The patch ids a recorded run took: its `core_patch` markers. */
function patchesTakenBy(file: string): string[] {
  const { events } = JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')) as {
    events: Array<{ markerRecordedEventAttributes?: { markerName?: string; details?: Record<string, { payloads?: Array<{ data?: string }> }> } }>;
  };
  return events.flatMap(({ markerRecordedEventAttributes: marker }) => {
    const data = marker?.markerName === 'core_patch' ? marker.details?.['patch-data']?.payloads?.[0]?.data : undefined;
    return data ? [(JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as { id: string }).id] : [];
  });
}

describe('recorded workflow histories replay against the current workflow code', () => {
  // A patched path with no recorded run is a path whose replay nobody has checked.
  it.each(patchIdsInWorkflows())('patch %s has a recorded run that took it', (patchId) => {
    expect(histories.filter((file) => patchesTakenBy(file).includes(patchId))).not.toEqual([]);
  });

  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThanOrEqual(2);
  });

  it.each(histories)('%s replays without nondeterminism', (file) => {
    const result = results.get(file);
    expect(result?.workflowId).toBe(workflowIdOf(file));
    expect(result?.error).toBeUndefined();
  });
});
