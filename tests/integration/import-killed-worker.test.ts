import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { openDb, type Db } from '../../db/client';
import { leadWorkflowId } from '../../domain/workflow-ids';
import { startStackOnFreePorts } from '../../scripts/lib/temp-stack';
import type { Stack } from '../../scripts/lib/stack';
import { postCsv, writeGeneratedList } from '../support/import-files';
import { openEventStream } from '../support/sse-client';
import { waitUntil } from '../support/wait-until';
import { logInAsDemoUser } from '../../scripts/lib/log-in';

jest.setTimeout(420_000);

const logs: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-import-sigkill-'));
let stack: Stack | undefined;
let db: Db | undefined;

beforeAll(async () => {
  stack = await startStackOnFreePorts(dataDir, { log: (line) => logs.push(line) });
  db = await openDb(stack.databaseFile);
});

afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  const state = expect.getState();
  if (state.assertionCalls !== state.numPassingAsserts) console.log(logs.slice(-80).join('\n'));
});


/** How many runs Temporal has of each `lead-<id>` workflow (a continued-as-new run is the same start carrying on). */
async function leadWorkflowRuns(temporalAddress: string): Promise<Map<string, number>> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection });
    const runs = new Map<string, number>();
    for await (const workflow of client.workflow.list({ query: `WorkflowType = 'leadWorkflow'` })) {
      if (workflow.status.name === 'CONTINUED_AS_NEW') continue;
      runs.set(workflow.workflowId, (runs.get(workflow.workflowId) ?? 0) + 1);
    }
    return runs;
  } finally {
    await connection.close();
  }
}

describe('an import whose worker is killed with SIGKILL (the stack as processes)', () => {
  it('resumes on the restarted worker: COMPLETED, every row counted once, no lead twice, every lead workflow started once', async () => {
    const { appUrl, processes, temporalAddress } = stack!;
    // 2,950 owners (every 50th with a bad zip), then the first 50 again: 3,000 rows in 3 batches.
    // The repeats are 49 duplicates and 1 more bad row (owner 50's zip).
    const file = writeGeneratedList(path.join(dataDir, 'killed.csv'), 2_950, { street: 'Sigkill St', badEvery: 50 });
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    fs.appendFileSync(file, `${lines.slice(1, 51).join('\n')}\n`);

    const cookie = await logInAsDemoUser(appUrl, 'supervisor@flipstackk.test');
    const stream = openEventStream(`${appUrl}/api/events`, cookie, {}, ['import.progress']);
    let importId = '';
    try {
      await stream.opened;
      const started = await postCsv(`${appUrl}/api/imports`, cookie, file);
      expect(started.status).toBe(202);
      importId = started.body.id as string;

      // The first progress with rows written: the worker is in the middle of the import.
      await stream.waitFor((event) => event.data.entityId === importId && Number(event.data.entity.processed) > 0, 120_000);
      const workerPid = processes.worker.current().child.pid;
      processes.worker.current().child.kill('SIGKILL');
      await waitUntil('the worker restarted', async () => processes.worker.restarts() >= 1, 30_000);
      expect(processes.worker.current().child.pid).not.toBe(workerPid);
    } finally {
      stream.close();
    }
    const atKill = await db!.import.findUniqueOrThrow({ where: { id: importId } });
    expect(atKill.status).toBe('RUNNING');
    expect(atKill.processed).toBeLessThan(3_000);

    // A restarted worker bundles its workflows again (a minute or more on a loaded machine), then the batch's heartbeat timeout hands it on.
    const done = await waitUntil('the import to finish', async () => {
      const response = await fetch(`${appUrl}/api/imports/${importId}`, { headers: { cookie } });
      const body = (await response.json()) as { status: string };
      return body.status === 'QUEUED' || body.status === 'RUNNING' ? undefined : body;
    }, 300_000);
    expect(done).toMatchObject({ status: 'COMPLETED', total: 3_000, processed: 3_000, created: 2_891, duplicates: 49, errors: 60 });
    const counts = done as unknown as { created: number; duplicates: number; errors: number; total: number };
    expect(counts.created + counts.duplicates + counts.errors).toBe(counts.total);

    // No lead twice: one per address key, as many as the import says it created.
    const leads = await db!.lead.findMany({ where: { importId }, select: { id: true, addressKey: true, workflowStartedAt: true } });
    expect(leads).toHaveLength(2_891);
    expect(new Set(leads.map((lead) => lead.addressKey)).size).toBe(2_891);
    // The row report holds every bad row and every duplicate, each once.
    const reported = await db!.importError.findMany({ where: { importId }, select: { rowNumber: true, reason: true } });
    expect(reported).toHaveLength(60 + 49);
    expect(new Set(reported.map((row) => row.rowNumber)).size).toBe(60 + 49);
    expect(reported.filter((row) => row.reason.startsWith('duplicate of '))).toHaveLength(49);

    // Every imported lead's workflow started, and only once (one run per workflow id).
    await waitUntil('every imported lead marked as started', async () => (await db!.lead.count({ where: { importId, workflowStartedAt: null } })) === 0, 180_000);
    const ids = leads.map((lead) => leadWorkflowId(lead.id));
    const runs = await waitUntil('Temporal to list every imported lead workflow', async () => {
      const found = await leadWorkflowRuns(temporalAddress);
      return ids.every((id) => found.has(id)) ? found : undefined;
    }, 120_000);
    expect(ids.filter((id) => runs.get(id) !== 1)).toEqual([]);
  });
});
