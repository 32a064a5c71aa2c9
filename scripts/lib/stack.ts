import { Connection } from '@temporalio/client';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../db/client';
import { seedDemoData } from '../../prisma/seed';
import { isPortOpen, startProcess, stopProcess, waitFor, type ManagedProcess } from './processes';

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
  /** More environment for the worker and the API, e.g. DEADLINE_CONTACT. */
  env?: Record<string, string>;
  log: (line: string) => void;
}

export interface Stack {
  appUrl: string;
  temporalAddress: string;
  temporalUiUrl: string;
  databaseFile: string;
  seeded: boolean;
  stop(): Promise<void>;
}

async function temporalAnswers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/** Applies the Prisma migrations to the database file (creating it). */
export function migrateDatabase(rootDir: string, databaseFile: string): void {
  const prismaCli = path.join(rootDir, 'node_modules', 'prisma', 'build', 'index.js');
  const result = spawnSync(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    cwd: rootDir,
    env: { ...process.env, DATABASE_FILE: databaseFile },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

/** Temporal dev server, migrations, demo data, worker and API — the whole product on one machine. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { rootDir, dataDir, log } = options;
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, 'flipstackk.db');
  const temporalAddress = `127.0.0.1:${options.temporalPort}`;
  const temporalUiUrl = `http://localhost:${options.temporalUiPort}`;
  const appUrl = `http://127.0.0.1:${options.port}`;
  const processes: ManagedProcess[] = [];

  const stop = async (): Promise<void> => {
    // API and worker first, Temporal last, so nothing in flight loses its server.
    for (const proc of [...processes].reverse()) await stopProcess(proc);
  };

  try {
    if (await isPortOpen(options.temporalPort)) throw new Error(`port ${options.temporalPort} (TEMPORAL_PORT) is already in use`);
    if (await isPortOpen(options.port)) throw new Error(`port ${options.port} (PORT) is already in use`);

    const temporalArgs = [
      'server', 'start-dev',
      '--db-filename', path.join(dataDir, 'temporal.db'),
      '--port', String(options.temporalPort),
      '--ui-port', String(options.temporalUiPort),
      '--namespace', 'default',
      '--log-level', 'error',
      // WAL with synchronous=NORMAL survives any process kill and saves an fsync per commit.
      '--sqlite-pragma', 'journal_mode=wal',
      '--sqlite-pragma', 'synchronous=normal',
      ...(options.headless ? ['--headless'] : []),
    ];
    const temporal = startProcess('temporal', options.temporalCli, temporalArgs, { log });
    processes.push(temporal);
    await waitFor('Temporal server', () => temporalAnswers(temporalAddress), 60_000, temporal.exited);

    migrateDatabase(rootDir, databaseFile);
    let seeded = false;
    if (options.seed !== false) {
      const db = await openDb(databaseFile);
      seeded = (await seedDemoData(db)).seeded;
      await db.$disconnect();
    }

    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_FILE: databaseFile,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_UI_URL: temporalUiUrl,
      PORT: String(options.port),
      WEB_DIST: path.join(rootDir, 'web', 'dist'),
      ...options.env,
    };
    const tsx = path.join(rootDir, 'node_modules', '.bin', 'tsx');
    let workerReady = false;
    const worker = startProcess('worker', tsx, [path.join(rootDir, 'worker', 'main.ts')], {
      cwd: rootDir,
      env,
      log: (line) => {
        if (line.includes('worker: polling')) workerReady = true;
        log(line);
      },
    });
    processes.push(worker);
    const api = startProcess('api', tsx, [path.join(rootDir, 'api', 'main.ts')], { cwd: rootDir, env, log });
    processes.push(api);

    await waitFor('worker', async () => workerReady, 120_000, worker.exited);
    await waitFor('API', async () => (await fetch(`${appUrl}/api/health`)).ok, 60_000, api.exited);
    return { appUrl, temporalAddress, temporalUiUrl, databaseFile, seeded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
