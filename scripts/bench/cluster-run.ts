import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCluster, type Cluster } from '../lib/cluster';
import { freePort, isPortOpen } from '../lib/processes';
import { loadClusterEnv } from '../lib/start-env';
import { ensureTemporalCli } from '../lib/temporal-cli';
import { logInAsDemoUser } from '../lib/log-in';
import { residentMb } from './memory';
import { measureRoutes, TARGETS, type Measure, type RouteOptions } from './routes';
import { intakeReport, measureSustainedIntake, type SustainedIntake } from './sustained-intake';

export interface ClusterBench {
  measures: Measure[];
  /** Sustained intake with both workers, then with worker-2 stopped; null when skipped. */
  intake: { twoWorkers: SustainedIntake; oneWorker: SustainedIntake } | null;
  /** RSS and peak per process (MB), read before worker-2 stops. */
  memory: Array<{ name: string; rss: number; peak: number }>;
  seedSeconds: number;
}

/** 13 free ports in a row below 32759 (Temporal keeps its membership ports in a smallint). */
async function freePortBase(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const open = await Promise.all(Array.from({ length: 13 }, (_, i) => isPortOpen(base + i)));
    if (!open.some(Boolean)) return base;
  }
}

/** seed:volume into the cluster's PostgreSQL database, as a child (the cluster's logs keep flowing meanwhile). */
function seedVolume(rootDir: string, databaseUrl: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(rootDir, 'scripts', 'seed-volume.ts'), '--database-url', databaseUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`seed:volume on PostgreSQL failed (exit ${code}):\n${output}`));
      for (const line of output.trim().split('\n')) log(line);
      resolve();
    });
  });
}

/**
 * The same measures on the cluster (`startCluster`: PostgreSQL, Temporal, two workers, two APIs
 * behind Caddy) on a fresh `dataDir` seeded with the volume data, then the sustained intake with
 * both workers and again with one. Everything it starts is stopped before it returns.
 */
export async function runClusterBench(options: { rootDir: string; dataDir: string; routes: RouteOptions; intakeSeconds: number; log: (line: string) => void }): Promise<ClusterBench> {
  const { rootDir, dataDir, log } = options;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const clusterEnv = loadClusterEnv();
  const logFile = path.join(dataDir, 'cluster.log');
  const clusterLog = (line: string) => fs.appendFileSync(logFile, `${line}\n`);
  let seedSeconds = 0;
  log(`Starting the cluster in ${dataDir} (its log: ${logFile}) and seeding its PostgreSQL with the volume data…`);
  let cluster: Cluster | undefined;
  let stopEarly: () => Promise<void> = async () => undefined;
  try {
    cluster = await startCluster({
      rootDir,
      dataDir,
      port: await freePort(),
      portBase: await freePortBase(),
      temporalCli: ensureTemporalCli(clusterLog),
      postgresBin: clusterEnv.POSTGRES_BIN,
      postgresOsUser: clusterEnv.POSTGRES_OS_USER,
      headless: true,
      log: clusterLog,
      registerStop: (stop) => (stopEarly = stop),
      seedAppDatabase: async (url) => {
        const started = Date.now();
        await seedVolume(rootDir, url, log);
        seedSeconds = (Date.now() - started) / 1000;
      },
    });
    log(`Cluster up at ${cluster.appUrl}; measuring…\n`);
    const measures = await measureRoutes(cluster.appUrl, options.routes, log);
    const memory = [...cluster.processes.apis, ...cluster.processes.workers, cluster.processes.temporal].map((proc) => ({ name: proc.name, ...residentMb(proc.current().child.pid) }));
    let intake: ClusterBench['intake'] = null;
    if (options.intakeSeconds > 0) {
      const agent = await logInAsDemoUser(cluster.appUrl, 'agent@flipstackk.test');
      const targets = { leadsPerSecond: TARGETS.intakeLeadsPerSecond, taskLagMs: TARGETS.intakeTaskLagMs };
      const measure = () => measureSustainedIntake({ appUrl: cluster!.appUrl, cookie: agent, databaseFile: cluster!.appDatabase, temporalAddress: cluster!.temporalAddress, clients: 10, seconds: options.intakeSeconds, waitMs: 5 * 60_000 });
      const twoWorkers = await measure();
      for (const line of intakeReport(`sustained intake, 10 clients for ${options.intakeSeconds} s, 2 workers`, twoWorkers, targets)) log(line);
      await cluster.processes.workers[1]!.stop();
      const oneWorker = await measure();
      for (const line of intakeReport(`sustained intake, 10 clients for ${options.intakeSeconds} s, 1 worker`, oneWorker, targets)) log(line);
      intake = { twoWorkers, oneWorker };
    }
    return { measures, intake, memory, seedSeconds };
  } catch (error) {
    log(`The cluster run failed; the last lines of ${logFile}:\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-40).join('\n') : '(none)'}`);
    throw error;
  } finally {
    await (cluster?.stop() ?? stopEarly());
  }
}
