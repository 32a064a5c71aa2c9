import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { bundleWorkflows } from '../../worker/bundle-workflows';
import { preparedRun } from './prepared-run';
import { createActivities, type Activities } from '../../activities';
import type { Deadlines } from '../../domain/config/deadlines';
import type { Db } from '../../db/client';
import type { MailConfig } from '../../mail/create-mailer';
import { freePort, startProcess, stopProcess, waitFor } from '../../scripts/lib/processes';
import { temporalAnswers } from '../../scripts/lib/stack';
import { findTemporalCli, searchAttributeArgs } from '../../scripts/lib/temporal-cli';
import { createFlipstackkWorker } from '../../worker/create-worker';

const SERVER_START_MS = 120_000;

export function requireTemporalCli(): string {
  const cli = findTemporalCli();
  if (!cli) throw new Error('Temporal CLI not found: set TEMPORAL_CLI or run `go install github.com/temporalio/cli/cmd/temporal@v1.5.1`');
  return cli;
}

const START_ATTEMPTS = 3;
const LOG_TAIL_LINES = 20;

/**
 * Starts a Temporal server process on a free port, waits (up to 2 minutes) until it answers, and
 * makes the environment's teardown stop it too. A server that exits before it answers is started
 * again on a new port: the dev server binds several ports of its own choosing besides `--port`, and
 * one of them can be taken between its choice and its bind (seen once in about 100 starts on CI).
 */
async function startServerProcess(
  name: string,
  command: string,
  args: (port: string) => string[],
  connect: (address: string) => Promise<TestWorkflowEnvironment>,
): Promise<TestWorkflowEnvironment> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt += 1) {
    const port = String(await freePort());
    const address = `127.0.0.1:${port}`;
    const logTail: string[] = [];
    const server = startProcess(name, command, args(port), {
      log: (line) => {
        logTail.push(line);
        if (logTail.length > LOG_TAIL_LINES) logTail.shift();
      },
    });
    try {
      await waitFor(name, () => temporalAnswers(address), SERVER_START_MS, server.exited);
    } catch (error) {
      await stopProcess(server, 1_000);
      const exitedEarly = server.child.exitCode !== null || server.child.signalCode !== null;
      failures.push(`attempt ${attempt} on port ${port}: ${(error as Error).message}\n${logTail.join('\n')}`);
      if (exitedEarly && attempt < START_ATTEMPTS) continue;
      throw new Error(`${name} did not start:\n${failures.join('\n')}`);
    }
    try {
      const env = await connect(address);
      const teardown = env.teardown.bind(env);
      env.teardown = async () => {
        await teardown();
        await stopProcess(server, 5_000);
      };
      return env;
    } catch (error) {
      await stopProcess(server, 1_000);
      throw error;
    }
  }
  throw new Error(`${name} did not start:\n${failures.join('\n')}`);
}

/**
 * A real Temporal dev server from the CLI binary (never a download). Started here rather than by
 * `createLocal`, which gives the server 5 s to answer: a busy CI machine needs longer.
 */
export function startTemporalDevServer(): Promise<TestWorkflowEnvironment> {
  return startServerProcess(
    'Temporal dev server',
    requireTemporalCli(),
    (port) => ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', port, '--namespace', 'default', '--log-level', 'error', ...searchAttributeArgs()],
    (address) => TestWorkflowEnvironment.createFromExistingServer({ address, namespace: 'default' }),
  );
}

const TEST_SERVER = path.join(__dirname, '..', '..', '.tools', 'temporal-test-server', 'run');

// `createTimeSkipping` gives the JVM 5 s to answer, which a busy CI machine misses (load 25 on two
// cores: every attempt failed). The server is started here with the dev server's patience, and the
// environment is made the way `createTimeSkipping` makes it, through the SDK's own factory, which
// its typings keep private.
const createEnvironment = (TestWorkflowEnvironment as unknown as {
  create(options: { server: { type: 'existing' }; address: string; namespace: string; supportsTimeSkipping: boolean }): Promise<TestWorkflowEnvironment>;
}).create.bind(TestWorkflowEnvironment);

/**
 * Temporal's Java time-skipping test server, installed by scripts/install-test-server.sh. Started
 * without `--enable-time-skipping`, as the SDK starts it: the SDK's client unlocks skipping only
 * around `sleep` and `result()`; a server started unlocked skips time while a workflow task runs
 * and times the task out, again and again.
 */
export function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  if (!fs.existsSync(TEST_SERVER)) throw new Error(`${TEST_SERVER} is missing: run bash scripts/install-test-server.sh`);
  return startServerProcess('Temporal test server', TEST_SERVER, (port) => [port], (address) =>
    createEnvironment({ server: { type: 'existing' }, address, namespace: 'default', supportsTimeSkipping: true }),
  );
}

let bundle: Promise<WorkflowBundleOption> | undefined;

/** The workflows, bundled once per run by the global setup (else once per test file). */
export function workflowBundle(): Promise<WorkflowBundleOption> {
  const prepared = preparedRun()?.workflowBundle;
  if (prepared) return Promise.resolve({ codePath: prepared });
  bundle ??= bundleWorkflows();
  return bundle;
}

/** Runs `body` while a worker with the real activities (on `db`) polls `taskQueue`. */
export async function withWorker<T>(
  env: TestWorkflowEnvironment,
  options: { db: Db; deadlines: Deadlines; taskQueue: string; mail?: MailConfig },
  body: () => Promise<T>,
): Promise<T> {
  const worker = await createFlipstackkWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: options.taskQueue,
    db: options.db,
    deadlines: options.deadlines,
    ...(options.mail ? { mail: options.mail } : {}),
    workflowBundle: await workflowBundle(),
  });
  return worker.runUntil(body());
}

/**
 * Like `withWorker`, but the activity `failing` fails for good (non-retryable) on its first call,
 * as a write the database refuses; later calls run the real activity.
 */
export async function withFailingActivity<T>(
  env: TestWorkflowEnvironment,
  options: { db: Db; deadlines: Deadlines; taskQueue: string; failing: keyof Activities },
  body: () => Promise<T>,
): Promise<T> {
  const activities: Record<string, (...args: never[]) => Promise<unknown>> = createActivities({ db: options.db, deadlines: options.deadlines });
  const real = activities[options.failing]!;
  let failed = false;
  activities[options.failing] = (...args) => {
    if (failed) return real(...args);
    failed = true;
    return Promise.reject(ApplicationFailure.nonRetryable(`${options.failing} refused by the database`, 'WRITE_REFUSED'));
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: options.taskQueue,
    activities,
    workflowBundle: await workflowBundle(),
  });
  return worker.runUntil(body());
}

/** Keeps a workflow's history (its latest run, or `runId`) for the replay test when RECORD_HISTORIES=1. */
export async function recordHistory(env: TestWorkflowEnvironment, name: string, workflowId: string, runId?: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
  fs.writeFileSync(path.join(__dirname, '..', 'workflows', 'histories', `${name}.json`), historyToJSON(history));
}
