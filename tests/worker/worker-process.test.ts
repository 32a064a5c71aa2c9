import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { buildNodeProgram, NODE_PROGRAM_ENV, nodeProgramArgs } from '../../scripts/lib/node-program';
import { freePort } from '../../scripts/lib/processes';
import { startTemporalDevServer, workflowBundle } from '../support/temporal-env';
import { createTestDb, ROOT_DIR, type TestDb } from '../support/test-db';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

interface WorkerProcess {
  child: ChildProcess;
  /** Every stdout line, parsed when it is JSON, else kept as `{ notJson: line }`. */
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** worker/main.ts as `npm start` runs it (bundled, on plain `node`), its stdout read line by line. */
function startWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, nodeProgramArgs('worker', buildNodeProgram(ROOT_DIR, 'worker')), { cwd: ROOT_DIR, env: { ...process.env, ...NODE_PROGRAM_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Array<Record<string, unknown>> = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      lines.push({ notJson: line });
    }
  });
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

async function stop(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), 20_000);
  await worker.exited;
  clearTimeout(timer);
}

let temporal: TestWorkflowEnvironment;
let testDb: TestDb;
let bundleFile: string;
let dataDir: string;

beforeAll(async () => {
  [temporal, testDb] = await Promise.all([startTemporalDevServer(), createTestDb()]);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-worker-'));
  const bundle = await workflowBundle();
  if ('codePath' in bundle) bundleFile = bundle.codePath;
  else {
    bundleFile = path.join(dataDir, 'workflow-bundle.js');
    fs.writeFileSync(bundleFile, bundle.code);
  }
});
afterAll(async () => {
  await temporal?.teardown();
  await testDb?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

it('logs JSON lines (the polling line included) and serves the Temporal SDK metrics on WORKER_METRICS_PORT', async () => {
  const metricsPort = await freePort();
  const worker = startWorker({
    DATA_DIR: dataDir,
    DATABASE_FILE: testDb.file,
    TEMPORAL_ADDRESS: temporal.connection.options.address,
    TEMPORAL_TASK_QUEUE: 'worker-process-test',
    WORKFLOW_BUNDLE: bundleFile,
    WORKER_METRICS_PORT: String(metricsPort),
    LOG_LEVEL: 'info',
  });
  try {
    const polling = await waitUntil('the worker polling', async () => worker.lines.find((line) => typeof line.msg === 'string' && line.msg.includes('worker: polling')), 120_000);
    expect(polling).toMatchObject({ level: 'info', name: 'worker', taskQueue: 'worker-process-test', msg: 'worker: polling task queue "worker-process-test" on ' + temporal.connection.options.address });
    expect(worker.lines.filter((line) => 'notJson' in line)).toEqual([]);
    expect(worker.lines.map((line) => line.msg)).toEqual(expect.arrayContaining([expect.stringContaining('worker: monthly review schedule'), `worker: Temporal SDK metrics for Prometheus at http://127.0.0.1:${metricsPort}/metrics`]));

    const metrics = await waitUntil('the SDK metrics', async () => {
      const text = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((response) => response.text(), () => undefined);
      return text?.includes('temporal_') ? text : undefined;
    });
    expect(metrics).toMatch(/^temporal_\w+\{[^}]*task_queue="worker-process-test"/m);
  } finally {
    await stop(worker);
  }
  expect(worker.lines.filter((line) => 'notJson' in line)).toEqual([]);
});

it('stops at start with a JSON line naming LOG_LEVEL when it is not a level', async () => {
  const worker = startWorker({ DATA_DIR: dataDir, DATABASE_FILE: testDb.file, LOG_LEVEL: 'loud' });
  expect(await worker.exited).toBe(1);
  const fatal = worker.lines.find((line) => line.level === 'fatal');
  expect(fatal?.msg).toContain('LOG_LEVEL="loud"');
});
