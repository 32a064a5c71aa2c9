/**
 * `npm run bench`: the speed targets, measured on a volume database.
 *
 * Seeds `data/bench-volume` once (`npm run seed:volume`, 100k leads, 20k buyers, 300k tasks;
 * reused by later runs), starts the whole stack on it, then measures with autocannon (20
 * connections) the dashboard, the lead list, lead detail with matches, buyer matches, task
 * lists, search and the call queue; the SSE latencies; a commit → visible in a second browser (Chromium); and the initial web JS. Each figure is printed beside its target.
 *
 * `npm run bench -- --cluster` then measures the same on PostgreSQL and the cluster (two workers,
 * two APIs behind Caddy, scripts/bench/cluster-run.ts) seeded with the same volume data, plus
 * the sustained intake with two workers and with one, and prints both beside each other.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEnv } from '../domain/config/env-fields';
import { runClusterBench } from './bench/cluster-run';
import { compareTable } from './bench/compare-table';
import { bareLeadInsertRate, bareWorkflowStartRate } from './bench/import-floors';
import { measureImport } from './bench/import-volume';
import { largestResidentMb, residentMb } from './bench/memory';
import { measureRoutes, TARGETS, type Measure, type RouteOptions } from './bench/routes';
import { intakeReport, measureSustainedIntake, type SustainedIntake } from './bench/sustained-intake';
import { reportLine } from './bench/stats';
import { initialWebJsGzipBytes } from './bench/web-size';
import { apiProcessCount } from './lib/node-program';
import { logInAsDemoUser } from './lib/log-in';
import { loadStartEnv } from './lib/start-env';
import { startStackOnFreePorts } from './lib/temp-stack';
import { ensureTemporalCli } from './lib/temporal-cli';
import { buildWebIfStale } from './lib/web-build';

const ROOT_DIR = path.resolve(__dirname, '..');
const env = parseEnv(
  z.object({
    BENCH_DATA_DIR: z.string().min(1).default(path.join(ROOT_DIR, 'data', 'bench-volume')),
    BENCH_LEADS: z.coerce.number().int().min(1).max(10_000).default(200),
    BENCH_SECONDS: z.coerce.number().int().min(1).max(120).default(5),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(200).default(20),
    BENCH_BROWSER_LEADS: z.coerce.number().int().min(1).max(1_000).default(40),
    BENCH_PAGE_LOADS: z.coerce.number().int().min(1).max(100).default(10),
    BENCH_IMPORT_ROWS: z.coerce.number().int().min(0).max(1_000_000).default(100_000),
    /** Seconds of sustained intake (10 clients creating leads back to back); 0 skips it. */
    BENCH_INTAKE_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
    BENCH_DEEP_ROW: z.coerce.number().int().min(200).max(100_000).default(10_000),
  }),
  process.env,
);
const { cluster: withCluster } = parseArgs({ options: { cluster: { type: 'boolean', default: false } } }).values;
const routeOptions: RouteOptions = { connections: env.BENCH_CONNECTIONS, seconds: env.BENCH_SECONDS, sseLeads: env.BENCH_LEADS, browserLeads: env.BENCH_BROWSER_LEADS, pageLoads: env.BENCH_PAGE_LOADS, deepRow: env.BENCH_DEEP_ROW };
const intakeTargets = { leadsPerSecond: TARGETS.intakeLeadsPerSecond, taskLagMs: TARGETS.intakeTaskLagMs };

function seedIfMissing(): void {
  if (fs.existsSync(path.join(env.BENCH_DATA_DIR, 'flipstackk.db'))) return;
  console.log(`Seeding the volume database in ${env.BENCH_DATA_DIR} (once; later runs reuse it)…`);
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT_DIR, 'scripts', 'seed-volume.ts'), '--data-dir', env.BENCH_DATA_DIR], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('seed:volume failed');
}

const FLOOR_INSERT_ROWS = 20_000;
const FLOOR_WORKFLOW_STARTS = 2_000;

/** What the machine allows an import of `rows` at best: its bare writes and its dev server's bare starts. */
function importFloorLines(floors: { rowsPerSecond: number; startsPerSecond: number }, rows: number): string[] {
  const count = rows.toLocaleString('en-US');
  return [
    `  floor: bare lead inserts (the row, its indexes and search index; nothing else running) ${floors.rowsPerSecond.toFixed(0)} rows/s: ${count} rows in ${(rows / floors.rowsPerSecond).toFixed(0)} s at best`,
    `  floor: bare workflow starts on a dev server (no worker; nothing else running) ${floors.startsPerSecond.toFixed(0)}/s: ${count} workflows in ${(rows / floors.startsPerSecond).toFixed(0)} s at best`,
  ];
}

/** The SQLite stack (`npm start`'s shape) on a fresh copy of the volume database: every measure, then it stops. */
async function benchSqlite(): Promise<{ measures: Measure[]; intake: SustainedIntake | null; memory: Array<{ name: string; rss: number; peak: number }> }> {
  // Each run works on a fresh copy, so what one run creates (leads, an import) never weighs on the next.
  const runDir = `${env.BENCH_DATA_DIR}-run`;
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  fs.copyFileSync(path.join(env.BENCH_DATA_DIR, 'flipstackk.db'), path.join(runDir, 'flipstackk.db'));
  // The import's floors, measured before the stack starts, on a machine with nothing else running.
  const importFloors =
    env.BENCH_IMPORT_ROWS > 0
      ? { rowsPerSecond: bareLeadInsertRate(path.join(env.BENCH_DATA_DIR, 'flipstackk.db'), Math.min(env.BENCH_IMPORT_ROWS, FLOOR_INSERT_ROWS)), startsPerSecond: await bareWorkflowStartRate(ensureTemporalCli(), FLOOR_WORKFLOW_STARTS) }
      : null;
  console.log('Starting the stack on a copy of the volume database…');
  // The API as `npm start` runs it (apiProcessCount: one process on 2 cores), Temporal and the worker at its niceness.
  const { BACKGROUND_NICE: backgroundNice } = loadStartEnv();
  const stack = await startStackOnFreePorts(runDir, { env: { API_PROCESSES: apiProcessCount() }, backgroundNice });
  try {
    const appUrl = stack.appUrl;
    console.log(`\nFlipstackk benchmark: ${os.cpus().length} cores, ${env.BENCH_CONNECTIONS} connections, ${env.BENCH_SECONDS} s per measure, Temporal and the worker at nice ${backgroundNice}, ${stack.databaseFile}\n`);
    const measures = await measureRoutes(appUrl, routeOptions, console.log);

    let intake: SustainedIntake | null = null;
    if (env.BENCH_INTAKE_SECONDS > 0) {
      const agent = await logInAsDemoUser(appUrl, 'agent@flipstackk.test');
      intake = await measureSustainedIntake({ appUrl, cookie: agent, databaseFile: stack.databaseFile, temporalAddress: stack.temporalAddress, clients: 10, seconds: env.BENCH_INTAKE_SECONDS, waitMs: 5 * 60_000 });
      for (const line of intakeReport(`sustained intake, 10 clients for ${env.BENCH_INTAKE_SECONDS} s`, intake, intakeTargets)) console.log(line);
    }

    if (env.BENCH_IMPORT_ROWS > 0) {
      const supervisor = await logInAsDemoUser(appUrl, 'supervisor@flipstackk.test');
      const imported = await measureImport({ appUrl, cookie: supervisor, databaseFile: stack.databaseFile, apiPid: stack.processes.api.current().child.pid!, rows: env.BENCH_IMPORT_ROWS, connections: env.BENCH_CONNECTIONS, maxWaitMs: 15 * 60_000 });
      const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');
      console.log(`import of a ${imported.rows.toLocaleString('en-US')}-row PropStream file: ${imported.created.toLocaleString('en-US')} created, ${imported.errors} errors, ${imported.rowsPerSecond.toFixed(0)} rows/s`);
      if (importFloors) for (const line of importFloorLines(importFloors, imported.rows)) console.log(line);
      console.log(`  posted → COMPLETED ${imported.completedSeconds.toFixed(1)} s   target < ${TARGETS.importSeconds} s: ${verdict(imported.completedSeconds < TARGETS.importSeconds)}`);
      console.log(
        `  posted → every imported lead's workflow started ${imported.workflowsStartedSeconds === null ? 'not within the wait' : `${imported.workflowsStartedSeconds.toFixed(1)} s`}   target < ${TARGETS.importWorkflowsSeconds} s: ${verdict(imported.workflowsStartedSeconds !== null && imported.workflowsStartedSeconds < TARGETS.importWorkflowsSeconds)}`,
      );
      console.log(`  API peak RSS during the import ${imported.apiPeakRssMb.toFixed(0)} MB   target < ${TARGETS.rssMb} MB: ${verdict(imported.apiPeakRssMb < TARGETS.rssMb)}`);
      console.log(reportLine('  lead list while the import runs', imported.leadListDuringImport, TARGETS.listDuringImportMs));
    }

    // Each API process on its own (the largest of them), as each must stay under the target.
    const api = largestResidentMb(stack.processes.api.current().child.pid);
    const memory = [{ name: api.processes > 1 ? `api (largest of ${api.processes} processes)` : 'api', rss: api.rss, peak: api.peak }, { name: 'worker', ...residentMb(stack.processes.worker.current().child.pid) }];
    for (const { name, rss, peak } of memory) {
      console.log(`${name} memory after the bench${' '.repeat(Math.max(1, 27 - name.length))} ${rss.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)   target RSS < ${TARGETS.rssMb} MB: ${peak < TARGETS.rssMb ? 'MET' : 'MISSED'}`);
    }
    const kb = initialWebJsGzipBytes(path.join(ROOT_DIR, 'web', 'dist')) / 1024;
    console.log(`initial web JS (gzip)${' '.repeat(29)} ${kb.toFixed(1)} KB   target ≤ ${TARGETS.webJsKb} KB: ${kb <= TARGETS.webJsKb ? 'MET' : 'MISSED'}`);
    return { measures, intake, memory };
  } finally {
    await stack.stop();
  }
}

async function main(): Promise<void> {
  seedIfMissing();
  buildWebIfStale(ROOT_DIR, (line) => console.log(line));
  const sqlite = await benchSqlite();
  if (!withCluster) return;
  // After the SQLite stack has stopped: the two share the machine's cores otherwise.
  console.log('\n== the same on PostgreSQL and the cluster (2 workers, 2 APIs behind Caddy)\n');
  const cluster = await runClusterBench({ rootDir: ROOT_DIR, dataDir: `${env.BENCH_DATA_DIR}-cluster`, routes: routeOptions, intakeSeconds: env.BENCH_INTAKE_SECONDS, log: console.log });
  console.log(`\n== SQLite (npm start: 1 worker, 1 API) beside the cluster (PostgreSQL, 2 workers, 2 APIs behind Caddy); ${os.cpus().length} cores, ${env.BENCH_CONNECTIONS} connections, ${env.BENCH_SECONDS} s per measure\n`);
  for (const line of compareTable(sqlite, cluster, TARGETS.rssMb, intakeTargets)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
