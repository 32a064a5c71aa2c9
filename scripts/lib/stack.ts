import { Connection } from '@temporalio/client';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isPostgresUrl, openDb } from '../../db/client';
import { countPendingWorkflows } from '../../db/queries/pending-workflows';
import { seedDemoDatabase } from '../../prisma/seed';
import { writeWorkflowBundle } from '../../worker/bundle-workflows';
import { isPortOpen, startProcess, waitFor } from './processes';
import { supervise, type SupervisedProcess } from './supervisor';
import { devServerArgs } from './temporal-cli';
import { describeStuckProcess, reportOnSignalArgs } from './node-report';
import { buildNodeProgram, NODE_PROGRAM_ENV, nodeProgramArgs } from './node-program';

export interface StackOptions {
  rootDir: string;
  dataDir: string;
  port: number;
  temporalPort: number;
  temporalUiPort: number;
  temporalCli: string;
  /** No Temporal Web UI (tests). */
  headless?: boolean;
  seed?: boolean;
  /** The app's data in this PostgreSQL database (migrated, seeded) instead of DATA_DIR's SQLite file. */
  databaseUrl?: string;
  /** A database file `prisma migrate deploy` made (tests): copied instead of migrating again. */
  migratedTemplate?: string;
  /**
   * The niceness (0–19) the Temporal server and the worker run at (`npm start`: BACKGROUND_NICE).
   * Above 0, the kernel gives the API the cores first when they are all busy, so people's requests
   * and live updates do not queue behind workflow work, whose deadlines are minutes. 0 (the default)
   * runs them like the API.
   */
  backgroundNice?: number;
  /** More environment for the worker and the API, e.g. DEADLINE_CONTACT. */
  env?: Record<string, string>;
  log: (line: string) => void;
  /** A child kept crashing and is no longer restarted (the default only logs it). */
  onGiveUp?: (reason: string) => void;
}

export type StackProcessName = 'temporal' | 'worker' | 'api';

export interface Stack {
  appUrl: string;
  temporalAddress: string;
  temporalUiUrl: string;
  databaseFile: string;
  seeded: boolean;
  /** The supervised children: each restarts with a backoff when it dies. */
  processes: Record<StackProcessName, SupervisedProcess>;
  stop(): Promise<void>;
}

/** Whether a Temporal frontend answers at `address`. */
export async function temporalAnswers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/**
 * Applies the Prisma migrations: to the SQLite file `target` (creating it), or, when `target` is a
 * postgresql:// URL, prisma/postgresql/migrations to that database (which must exist).
 */
export function migrateDatabase(rootDir: string, target: string): void {
  const prismaCli = path.join(rootDir, 'node_modules', 'prisma', 'build', 'index.js');
  const postgres = isPostgresUrl(target);
  const args = postgres ? ['migrate', 'deploy', '--config', path.join(rootDir, 'prisma', 'postgresql', 'prisma.config.ts')] : ['migrate', 'deploy'];
  const result = spawnSync(process.execPath, [prismaCli, ...args], {
    cwd: rootDir,
    env: { ...process.env, ...(postgres ? { DATABASE_URL: target } : { DATABASE_FILE: target }) },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The demo data's records wait for the worker's reconciler to start their workflows (a few dozen
 * at once): the stack is ready once none waits, so the first visit (or test) does not meet a
 * worker still busy starting them. Two minutes at most; after that it carries on as it is.
 */
export async function waitForDemoWorkflows(databaseFile: string, log: (line: string) => void): Promise<void> {
  const db = await openDb(databaseFile);
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const waiting = Object.values(await countPendingWorkflows(db)).reduce((sum, kind) => sum + kind.count, 0);
      if (waiting === 0) return;
      if (Date.now() > deadline) {
        log(`[stack] ${waiting} demo record(s) still wait for their workflow; the reconciler carries on`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await db.$disconnect();
  }
}

/** Temporal dev server, migrations, demo data, worker and API — the whole product on one machine. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { rootDir, dataDir, log } = options;
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, 'flipstackk.db');
  const database = options.databaseUrl ?? databaseFile;
  const temporalAddress = `127.0.0.1:${options.temporalPort}`;
  const temporalUiUrl = `http://localhost:${options.temporalUiPort}`;
  const appUrl = `http://127.0.0.1:${options.port}`;
  const processes: SupervisedProcess[] = [];
  // Starting counts as failed only once the supervisor gives up: a child that dies while starting
  // (a port another process grabbed between our check and its bind) is restarted like any other.
  let reportGiveUp: (reason: string) => void = () => undefined;
  const gaveUp = new Promise<string>((resolve) => {
    reportGiveUp = resolve;
  });
  const supervision = {
    log,
    onGiveUp: (reason: string) => {
      reportGiveUp(reason);
      options.onGiveUp?.(reason);
    },
  };

  const stop = async (): Promise<void> => {
    // API and worker first, Temporal last, so nothing in flight loses its server.
    for (const proc of [...processes].reverse()) await proc.stop();
  };

  let bundling: Promise<string> | undefined;
  try {
    if (await isPortOpen(options.temporalPort)) throw new Error(`port ${options.temporalPort} (TEMPORAL_PORT) is already in use`);
    if (await isPortOpen(options.port)) throw new Error(`port ${options.port} (PORT) is already in use`);

    const temporalArgs = devServerArgs({ dbFile: path.join(dataDir, 'temporal.db'), port: options.temporalPort, uiPort: options.temporalUiPort, headless: options.headless });
    // One workflow bundle for the worker and each of its restarts, built while Temporal starts: a
    // worker that bundles `workflows/` itself spends seconds of CPU on it at every restart, and the
    // deadlines of a killed worker's workflows wait that long more.
    bundling = options.env?.WORKFLOW_BUNDLE ? Promise.resolve(options.env.WORKFLOW_BUNDLE) : writeWorkflowBundle(path.join(dataDir, 'workflow-bundle.js'));
    // Handled where it is awaited; this keeps a failed build from counting as unhandled if Temporal fails first.
    bundling.catch(() => undefined);
    // Through nice(1), so every thread the program starts inherits the niceness (setpriority on a pid reaches only its first thread).
    const inBackground = (command: string, args: string[]): [string, string[]] =>
      options.backgroundNice ? ['nice', ['-n', String(options.backgroundNice), command, ...args]] : [command, args];
    const temporal = supervise('temporal', () => startProcess('temporal', ...inBackground(options.temporalCli, temporalArgs), { log }), supervision);
    processes.push(temporal);
    await waitFor('Temporal server', () => temporalAnswers(temporalAddress), 60_000, gaveUp);

    if (options.databaseUrl) migrateDatabase(rootDir, options.databaseUrl);
    else if (options.migratedTemplate) fs.copyFileSync(options.migratedTemplate, databaseFile);
    else migrateDatabase(rootDir, databaseFile);
    let seeded = false;
    if (options.seed !== false) seeded = (await seedDemoDatabase(database)).seeded;

    const env = {
      ...process.env,
      ...NODE_PROGRAM_ENV,
      DATA_DIR: dataDir,
      DATABASE_FILE: databaseFile,
      // Set, or emptied: a DATABASE_URL the stack did not choose never reaches its children.
      DATABASE_URL: options.databaseUrl ?? '',
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_UI_URL: temporalUiUrl,
      PORT: String(options.port),
      WEB_DIST: path.join(rootDir, 'web', 'dist'),
      WORKFLOW_BUNDLE: await bundling,
      ...options.env,
    };
    // Plain `node` on a bundle: a SIGKILL reaches the program itself (the tsx CLI runs it in a child
    // of its own, which would be orphaned still holding the port while the supervisor starts another).
    const bundles = { api: buildNodeProgram(rootDir, 'api'), worker: buildNodeProgram(rootDir, 'worker') };
    let workerReady = false;
    const worker = supervise(
      'worker',
      () =>
        startProcess('worker', ...inBackground(process.execPath, nodeProgramArgs('worker', bundles.worker)), {
          cwd: rootDir,
          env,
          log: (line) => {
            if (line.includes('worker: polling')) workerReady = true;
            log(line);
          },
        }),
      supervision,
    );
    processes.push(worker);
    // An API that never answers says what it was doing (a CI run saw one listen and then serve nothing for 2 minutes).
    const api = supervise('api', () => startProcess('api', process.execPath, [...reportOnSignalArgs(dataDir), ...nodeProgramArgs('api', bundles.api)], { cwd: rootDir, env, log }), supervision);
    processes.push(api);

    await waitFor('worker', async () => workerReady, 120_000, gaveUp);
    // What the last health check got, for the log when the API never gets ready.
    let lastHealth = 'no answer yet';
    const apiHealthy = async (): Promise<boolean> => {
      try {
        const response = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
        lastHealth = `${response.status} ${(await response.text()).slice(0, 300)}`;
        return response.ok;
      } catch (error) {
        // Not `instanceof Error`: under Jest, fetch's errors come from another realm, and only "fetch failed" was logged.
        const { message, cause } = error as { message?: string; cause?: { code?: string; message?: string } };
        lastHealth = `no answer: ${message ?? String(error)}${cause ? ` (${[cause.code, cause.message].filter(Boolean).join(': ')})` : ''}`;
        return false;
      }
    };
    const describeApi = async (): Promise<void> => {
      log(`[stack] the API's last health check: ${lastHealth}`);
      for (const line of await describeStuckProcess(api.current(), dataDir)) log(`[stack] ${line}`);
    };
    // Two minutes, then what the API is doing goes to the log, and two more: a clean-clone CI run
    // saw a stack whose worker ran its first activities only two minutes after it was ready (the
    // machine or Temporal stalled), while the API's health check was still waiting for Temporal.
    const healthyWithinTwoMinutes = () => waitFor('API', apiHealthy, 120_000, gaveUp);
    await healthyWithinTwoMinutes()
      .catch(async () => {
        await describeApi();
        await healthyWithinTwoMinutes();
      })
      .catch(async (error: unknown) => {
        await describeApi();
        throw error;
      });
    if (seeded) await waitForDemoWorkflows(database, log);
    return { appUrl, temporalAddress, temporalUiUrl, databaseFile, seeded, processes: { temporal, worker, api }, stop };
  } catch (error) {
    await stop();
    // A start that failed early leaves no bundling behind: webpack still running after a test's
    // environment is torn down failed the next test suite (it ran in the same process).
    await bundling?.catch(() => undefined);
    throw error;
  }
}
