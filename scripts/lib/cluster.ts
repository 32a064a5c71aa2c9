import { Connection } from '@temporalio/client';
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { isPostgresUrl } from '../../db/client';
import { seedDemoDatabase } from '../../prisma/seed';
import { writeWorkflowBundle } from '../../worker/bundle-workflows';
import { SEARCH_ATTRIBUTE_KEYS } from '../../workflows/shared/search-attributes';
import { buildNodeProgram, NODE_PROGRAM_ENV, nodeProgramArgs } from './node-program';
import { isPortOpen, startProcess, waitFor, type ManagedProcess } from './processes';
import { migrateDatabase, temporalAnswers, waitForDemoWorkflows } from './stack';
import { supervise, type SupervisedProcess, type SupervisorOptions } from './supervisor';

/**
 * Where each part of the cluster listens: `port` is the proxy (the one port users reach), the
 * rest are `portBase` and the 12 ports after it, so a second cluster (or `npm start`) fits beside.
 */
export function clusterPorts(port: number, portBase: number) {
  return {
    proxy: port,
    temporalFrontend: portBase,
    temporalFrontendHttp: portBase + 1,
    temporalHistory: portBase + 2,
    temporalMatching: portBase + 3,
    temporalWorker: portBase + 4,
    temporalFrontendMembership: portBase + 5,
    temporalHistoryMembership: portBase + 6,
    temporalMatchingMembership: portBase + 7,
    temporalWorkerMembership: portBase + 8,
    temporalUi: portBase + 9,
    postgres: portBase + 10,
    apis: [portBase + 11, portBase + 12] as const,
  };
}
export type ClusterPorts = ReturnType<typeof clusterPorts>;

export interface ClusterOptions {
  rootDir: string;
  dataDir: string;
  port: number;
  portBase: number;
  temporalCli: string;
  postgresBin: string;
  /** The user PostgreSQL runs as when this process is root. */
  postgresOsUser: string;
  /**
   * Where the app's own data lives: `postgres` (default), the `flipstackk` database on the
   * cluster's PostgreSQL server, or `sqlite`, DATA_DIR/flipstackk.db shared by every process.
   */
  appDatabase?: 'postgres' | 'sqlite';
  /** No Temporal Web UI (tests). */
  headless?: boolean;
  /**
   * Fills the app's database (migrated, before any worker or API starts) instead of the demo seed:
   * the benchmark's volume seed, which makes the demo logins itself.
   */
  seedAppDatabase?: (appDatabase: string) => Promise<void>;
  /** More environment for the workers and the APIs (e.g. DEADLINE_CONTACT). */
  env?: Record<string, string>;
  log: (line: string) => void;
  onGiveUp?: (reason: string) => void;
  /** Receives `stop` before anything starts, so a Ctrl-C during start-up stops what has started. */
  registerStop?: (stop: () => Promise<void>) => void;
}

export interface Cluster {
  appUrl: string;
  /** The app's database: a postgresql:// URL (password included) or the SQLite file. */
  appDatabase: string;
  temporalAddress: string;
  /** Undefined when headless or the UI server is not installed. */
  temporalUiUrl: string | undefined;
  postgresUrl: string;
  ports: ClusterPorts;
  seeded: boolean;
  processes: { postgres: SupervisedProcess; temporal: SupervisedProcess; workers: SupervisedProcess[]; apis: SupervisedProcess[]; proxy: SupervisedProcess; ui?: SupervisedProcess };
  stop(): Promise<void>;
}

const PG_SUPERUSER = 'flipstackk';
const APP_DATABASE = 'flipstackk';
const TEMPORAL_DATABASES = [
  { name: 'temporal', schema: 'postgresql/v12/temporal' },
  { name: 'temporal_visibility', schema: 'postgresql/v12/visibility' },
] as const;

/** The binaries scripts/install-cluster-tools.sh builds into .tools/cluster/. */
export function clusterTools(rootDir: string) {
  const dir = path.join(rootDir, '.tools', 'cluster');
  return { temporalServer: path.join(dir, 'temporal-server'), sqlTool: path.join(dir, 'temporal-sql-tool'), caddy: path.join(dir, 'caddy'), ui: path.join(dir, 'temporal-ui-server') };
}

/** Runs scripts/install-cluster-tools.sh (builds whatever is missing; a no-op once installed). */
export function installClusterTools(rootDir: string): void {
  const result = spawnSync('bash', [path.join(rootDir, 'scripts', 'install-cluster-tools.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/install-cluster-tools.sh failed (exit ${result.status})`);
}

function osUser(name: string): { uid: number; gid: number } {
  try {
    return { uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim()), gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim()) };
  } catch {
    throw new Error(`PostgreSQL refuses to run as root and the user "${name}" (POSTGRES_OS_USER) does not exist: install Debian's postgresql package (it adds the user) or set POSTGRES_OS_USER`);
  }
}

/** `initdb` on first run: a cluster owned by the PostgreSQL user, password auth only, its password kept beside it. */
function initPostgres(options: ClusterOptions, pgData: string, runAs: { uid: number; gid: number } | undefined): string {
  const passwordFile = path.join(options.dataDir, 'postgres.password');
  if (fs.existsSync(path.join(pgData, 'PG_VERSION'))) {
    if (!fs.existsSync(passwordFile)) throw new Error(`${passwordFile} is missing: it holds the password of ${pgData}'s "${PG_SUPERUSER}" user`);
    return fs.readFileSync(passwordFile, 'utf8').trim();
  }
  fs.mkdirSync(pgData, { recursive: true, mode: 0o700 });
  if (fs.readdirSync(pgData).length > 0) throw new Error(`${pgData} is neither empty nor a PostgreSQL data folder: move it away and start again`);
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  // initdb reads the password from a file the PostgreSQL user can read; it is removed at once.
  const pwFile = path.join(options.dataDir, 'postgres.initdb-password');
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      fs.chownSync(pgData, runAs.uid, runAs.gid);
      fs.chownSync(pwFile, runAs.uid, runAs.gid);
      // The PostgreSQL user must reach its folder: DATA_DIR itself gets o+x (search, not read).
      fs.chmodSync(options.dataDir, fs.statSync(options.dataDir).mode | 0o001);
      const reach = spawnSync('test', ['-w', pgData], { uid: runAs.uid, gid: runAs.gid });
      if (reach.status !== 0) throw new Error(`PostgreSQL runs as "${options.postgresOsUser}", who cannot reach ${pgData}: make its parent folders searchable (chmod o+x) or choose another DATA_DIR`);
    }
    const initdb = spawnSync(
      path.join(options.postgresBin, 'initdb'),
      ['-D', pgData, '-U', PG_SUPERUSER, `--pwfile=${pwFile}`, '--auth-host=scram-sha-256', '--auth-local=scram-sha-256', '-E', 'UTF8', '--no-locale'],
      { encoding: 'utf8', uid: runAs?.uid, gid: runAs?.gid, cwd: pgData },
    );
    if (initdb.error) throw new Error(`initdb could not run (${initdb.error.message}): install Debian's postgresql package or set POSTGRES_BIN`);
    if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stdout}\n${initdb.stderr}`);
  } catch (error) {
    fs.rmSync(pgData, { recursive: true, force: true });
    fs.rmSync(passwordFile, { force: true });
    throw error;
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  options.log(`[cluster] PostgreSQL data folder created: ${pgData}`);
  return password;
}

async function postgresAnswers(port: number, password: string): Promise<boolean> {
  const client = new PgClient({ host: '127.0.0.1', port, user: PG_SUPERUSER, password, database: 'postgres', connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The app's own database beside Temporal's (created on the first run); its URL. */
async function ensureAppDatabase(port: number, password: string): Promise<string> {
  const client = new PgClient({ host: '127.0.0.1', port, user: PG_SUPERUSER, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [APP_DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${APP_DATABASE}`);
  } finally {
    await client.end();
  }
  return `postgresql://${PG_SUPERUSER}:${password}@127.0.0.1:${port}/${APP_DATABASE}`;
}

/** Temporal's two databases, created and brought to 1.29's schema by its own tool (each step a no-op once done). */
function setUpTemporalSchema(sqlTool: string, port: number, password: string, log: (line: string) => void): void {
  const env = { ...process.env, SQL_PASSWORD: password };
  const common = ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(port), '-u', PG_SUPERUSER];
  for (const database of TEMPORAL_DATABASES) {
    for (const args of [
      ['--db', database.name, 'create-database'],
      ['--db', database.name, 'setup-schema', '-v', '0.0'],
      ['--db', database.name, 'update-schema', '--schema-name', database.schema],
    ]) {
      const result = spawnSync(sqlTool, [...common, ...args], { env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`temporal-sql-tool ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    }
    log(`[cluster] Temporal database "${database.name}" at schema ${database.schema}'s latest version`);
  }
}

function runTemporalCli(cli: string, address: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(cli, [...args, '--address', address], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

const CLI_TYPE_NAMES = { TEXT: 'Text', KEYWORD: 'Keyword', INT: 'Int', DOUBLE: 'Double', BOOL: 'Bool', DATETIME: 'Datetime', KEYWORD_LIST: 'KeywordList' } as const;
const SAMPLE_VALUE = { TEXT: "''", KEYWORD: "''", INT: '0', DOUBLE: '0', BOOL: 'true', DATETIME: "'2000-01-01T00:00:00Z'", KEYWORD_LIST: "''" } as const;

/**
 * The `default` namespace and the workflows' custom search attributes (the same ones
 * `npm start` declares to the dev server), through the `temporal` CLI; then waits until the
 * frontend accepts a query naming every attribute (its namespace cache refreshes every 10 s).
 */
async function ensureNamespace(cli: string, address: string, log: (line: string) => void, failed: Promise<unknown>): Promise<void> {
  if (!runTemporalCli(cli, address, ['operator', 'namespace', 'describe', '-n', 'default']).ok) {
    const created = runTemporalCli(cli, address, ['operator', 'namespace', 'create', '-n', 'default', '--retention', '30d']);
    if (!created.ok && !/already/i.test(created.output)) throw new Error(`temporal operator namespace create failed: ${created.output}`);
    log('[cluster] Temporal namespace "default" registered');
  }
  // A namespace just registered is "not found" by the frontend until its cache refreshes (≤ 10 s).
  let custom: Record<string, string> = {};
  await waitFor('the namespace "default"', async () => {
    const listed = runTemporalCli(cli, address, ['operator', 'search-attribute', 'list', '-n', 'default', '-o', 'json']);
    if (listed.ok) custom = (JSON.parse(listed.output) as { customAttributes?: Record<string, string> }).customAttributes ?? {};
    return listed.ok;
  }, 60_000, failed);
  const missing = SEARCH_ATTRIBUTE_KEYS.filter((key) => !(key.name in custom));
  if (missing.length > 0) {
    const created = runTemporalCli(cli, address, ['operator', 'search-attribute', 'create', '-n', 'default', ...missing.flatMap((key) => ['--name', key.name, '--type', CLI_TYPE_NAMES[key.type]])]);
    if (!created.ok && !/already/i.test(created.output)) throw new Error(`temporal operator search-attribute create failed: ${created.output}`);
    log(`[cluster] search attributes registered: ${missing.map((key) => key.name).join(', ')}`);
  }
  const query = SEARCH_ATTRIBUTE_KEYS.map((key) => `${key.name} = ${SAMPLE_VALUE[key.type]}`).join(' AND ');
  await waitFor('the search attributes', async () => {
    const connection = await Connection.connect({ address, connectTimeout: 2_000 });
    try {
      await connection.workflowService.listWorkflowExecutions({ namespace: 'default', pageSize: 1, query });
      return true;
    } finally {
      await connection.close();
    }
  }, 60_000, failed);
}

/**
 * The product as a cluster on one machine: PostgreSQL (Temporal's persistence and, unless
 * `appDatabase` is `sqlite`, the app's own database), the Temporal server on it, two workers and
 * two API processes, Caddy in
 * front of the APIs on `port`, and Temporal's Web UI. Every child is supervised (restarted when it
 * dies); `stop()` ends them all, the proxy first and PostgreSQL last.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { rootDir, dataDir, log } = options;
  const ports = clusterPorts(options.port, options.portBase);
  // Temporal's PostgreSQL schema keeps membership ports in a smallint: above 32767 it cannot start.
  if (ports.temporalWorkerMembership > 32_767) throw new Error(`CLUSTER_PORT_BASE ${options.portBase} is too high: Temporal's membership ports (base +5…+8) must be at most 32767`);
  const tools = clusterTools(rootDir);
  for (const [name, file] of Object.entries({ 'temporal-server': tools.temporalServer, 'temporal-sql-tool': tools.sqlTool, caddy: tools.caddy })) {
    if (!fs.existsSync(file)) throw new Error(`${name} is not installed (${file}): run scripts/install-cluster-tools.sh`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, 'flipstackk.db');
  const temporalAddress = `127.0.0.1:${ports.temporalFrontend}`;
  const withUi = !options.headless && fs.existsSync(tools.ui);
  const temporalUiUrl = withUi ? `http://localhost:${ports.temporalUi}` : undefined;
  const appUrl = `http://127.0.0.1:${ports.proxy}`;
  const started: SupervisedProcess[] = [];
  let reportGiveUp: (reason: string) => void = () => undefined;
  const gaveUp = new Promise<string>((resolve) => {
    reportGiveUp = resolve;
  });
  const supervision: SupervisorOptions = {
    log,
    onGiveUp: (reason: string) => {
      reportGiveUp(reason);
      options.onGiveUp?.(reason);
    },
  };
  let stopping = false;
  const stop = async (): Promise<void> => {
    stopping = true;
    // Proxy and APIs first, then workers, Temporal, PostgreSQL last: nothing loses its server mid-request.
    for (const proc of [...started].reverse()) await proc.stop();
  };
  options.registerStop?.(stop);
  // Each child in a process group of its own (startProcess's `detached`): Ctrl-C reaches only this
  // process, which stops them in order, instead of every child at once (and the supervisor
  // restarting the ones that exited).
  const spawnDetached = (...[name, command, args, spawnOptions]: Parameters<typeof startProcess>): ManagedProcess =>
    startProcess(name, command, args, { ...spawnOptions, detached: true });
  const supervised = (name: string, spawnChild: () => ManagedProcess, extra: Partial<SupervisorOptions> = {}): SupervisedProcess => {
    if (stopping) throw new Error('the cluster was stopped while it started');
    const proc = supervise(name, spawnChild, { ...supervision, ...extra });
    started.push(proc);
    return proc;
  };

  try {
    const taken: string[] = [];
    const { apis: apiPorts, ...single } = ports;
    const named: Array<[string, number]> = [...Object.entries(single), ['api-1', apiPorts[0]], ['api-2', apiPorts[1]]];
    for (const [name, port] of named) {
      if (name === 'temporalUi' && !withUi) continue;
      if (await isPortOpen(port)) taken.push(`${port} (${name})`);
    }
    if (taken.length > 0) throw new Error(`ports already in use: ${taken.join(', ')}. Choose PORT and CLUSTER_PORT_BASE (it takes the 13 ports from it) elsewhere`);

    // PostgreSQL: as root it must run as another user; SIGINT is its fast shutdown.
    const runAs = process.getuid?.() === 0 ? osUser(options.postgresOsUser) : undefined;
    const pgData = path.join(dataDir, 'postgres');
    const pgPassword = initPostgres(options, pgData, runAs);
    const postgres = supervised(
      'postgres',
      () =>
        spawnDetached(
          'postgres',
          path.join(options.postgresBin, 'postgres'),
          ['-D', pgData, '-p', String(ports.postgres), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
          { log, cwd: pgData, ...runAs },
        ),
      { stopSignal: 'SIGINT' },
    );
    await waitFor('PostgreSQL', () => postgresAnswers(ports.postgres, pgPassword), 60_000, gaveUp);
    setUpTemporalSchema(tools.sqlTool, ports.postgres, pgPassword, log);

    const temporalEnv = {
      ...process.env,
      TEMPORAL_PG_PORT: String(ports.postgres),
      TEMPORAL_PG_USER: PG_SUPERUSER,
      TEMPORAL_PG_PASSWORD: pgPassword,
      TEMPORAL_FRONTEND_PORT: String(ports.temporalFrontend),
      TEMPORAL_FRONTEND_HTTP_PORT: String(ports.temporalFrontendHttp),
      TEMPORAL_HISTORY_PORT: String(ports.temporalHistory),
      TEMPORAL_MATCHING_PORT: String(ports.temporalMatching),
      TEMPORAL_WORKER_PORT: String(ports.temporalWorker),
      TEMPORAL_FRONTEND_MEMBERSHIP_PORT: String(ports.temporalFrontendMembership),
      TEMPORAL_HISTORY_MEMBERSHIP_PORT: String(ports.temporalHistoryMembership),
      TEMPORAL_MATCHING_MEMBERSHIP_PORT: String(ports.temporalMatchingMembership),
      TEMPORAL_WORKER_MEMBERSHIP_PORT: String(ports.temporalWorkerMembership),
      TEMPORAL_DYNAMIC_CONFIG: path.join(rootDir, 'deploy', 'temporal', 'dynamicconfig', 'cluster.yaml'),
    };
    const temporal = supervised(
      'temporal',
      () =>
        spawnDetached('temporal', tools.temporalServer, ['--root', rootDir, '--config', 'deploy/temporal/config', '--env', 'cluster', '--allow-no-auth', 'start'], {
          cwd: rootDir,
          env: temporalEnv,
          log,
        }),
    );
    await waitFor('Temporal server', () => temporalAnswers(temporalAddress), 120_000, gaveUp);
    await ensureNamespace(options.temporalCli, temporalAddress, log, gaveUp);

    const appDatabase = (options.appDatabase ?? 'postgres') === 'postgres' ? await ensureAppDatabase(ports.postgres, pgPassword) : databaseFile;
    migrateDatabase(rootDir, appDatabase);
    let seeded = false;
    if (options.seedAppDatabase) {
      await options.seedAppDatabase(appDatabase);
    } else {
      seeded = (await seedDemoDatabase(appDatabase)).seeded;
    }
    // One workflow bundle for both workers (and their restarts), built afresh at each start.
    const bundleFile = await writeWorkflowBundle(path.join(dataDir, 'workflow-bundle.js'));

    const appEnv = {
      ...process.env,
      ...NODE_PROGRAM_ENV,
      DATA_DIR: dataDir,
      DATABASE_FILE: databaseFile,
      ...(isPostgresUrl(appDatabase) ? { DATABASE_URL: appDatabase } : {}),
      TEMPORAL_ADDRESS: temporalAddress,
      APP_URL: `http://localhost:${ports.proxy}`,
      WEB_DIST: path.join(rootDir, 'web', 'dist'),
      WORKFLOW_BUNDLE: bundleFile,
      ...(temporalUiUrl ? { TEMPORAL_UI_URL: temporalUiUrl } : {}),
      ...options.env,
    };
    const bundles = { api: buildNodeProgram(rootDir, 'api'), worker: buildNodeProgram(rootDir, 'worker') };
    const workersReady = new Set<string>();
    const workers = ['worker-1', 'worker-2'].map((name) => {
      return supervised(
        name,
        () =>
          spawnDetached(name, process.execPath, nodeProgramArgs('worker', bundles.worker), {
            cwd: rootDir,
            env: appEnv,
            log: (line) => {
              if (line.includes('worker: polling')) workersReady.add(name);
              log(line);
            },
          }),
      );
    });
    const apis = ports.apis.map((apiPort, index) => {
      const name = `api-${index + 1}`;
      return supervised(name, () => spawnDetached(name, process.execPath, nodeProgramArgs('api', bundles.api), { cwd: rootDir, env: { ...appEnv, PORT: String(apiPort) }, log }));
    });

    let ui: SupervisedProcess | undefined;
    if (withUi) {
      // The UI server reads a YAML folder; it is written afresh each start from the ports chosen.
      const uiConfigDir = path.join(dataDir, 'temporal-ui');
      fs.mkdirSync(uiConfigDir, { recursive: true });
      fs.writeFileSync(
        path.join(uiConfigDir, 'cluster.yaml'),
        [
          '# Written by scripts/start-cluster.ts at each start.',
          `temporalGrpcAddress: ${temporalAddress}`,
          'host: 127.0.0.1',
          `port: ${ports.temporalUi}`,
          'enableUi: true',
          'defaultNamespace: default',
          'cors:',
          '  cookieInsecure: true',
          '  allowOrigins:',
          `    - http://localhost:${ports.temporalUi}`,
          '',
        ].join('\n'),
      );
      ui = supervised('temporal-ui', () => spawnDetached('temporal-ui', tools.ui, ['--root', dataDir, '--config', 'temporal-ui', '--env', 'cluster', 'start'], { log }));
    }

    // Caddy keeps its state (nothing here: no TLS) under DATA_DIR, not under $HOME.
    const caddyHome = path.join(dataDir, 'caddy');
    fs.mkdirSync(caddyHome, { recursive: true });
    const proxy = supervised(
      'proxy',
      () =>
        spawnDetached('proxy', tools.caddy, ['run', '--config', path.join(rootDir, 'deploy', 'caddy', 'Caddyfile.cluster'), '--adapter', 'caddyfile'], {
          cwd: rootDir,
          env: {
            ...process.env,
            HOME: caddyHome,
            XDG_DATA_HOME: caddyHome,
            XDG_CONFIG_HOME: caddyHome,
            FLIPSTACKK_PROXY_PORT: String(ports.proxy),
            FLIPSTACKK_API_1: `127.0.0.1:${ports.apis[0]}`,
            FLIPSTACKK_API_2: `127.0.0.1:${ports.apis[1]}`,
          },
          log,
        }),
    );

    await waitFor('both workers', async () => workersReady.size === 2, 240_000, gaveUp);
    for (const apiPort of ports.apis) await waitFor(`API on ${apiPort}`, async () => (await fetch(`http://127.0.0.1:${apiPort}/api/health`)).ok, 120_000, gaveUp);
    // Ready when the proxy sends requests to both APIs: its active health check, every 2 s, may have
    // found one still starting and left it out until the next check.
    const reached = new Set<string>();
    await waitFor(
      'the proxy to reach both APIs',
      async () => {
        const answer = await fetch(`${appUrl}/api/health`);
        if (answer.ok) reached.add(answer.headers.get('x-flipstackk-upstream') ?? '');
        return ports.apis.every((port) => reached.has(`127.0.0.1:${port}`));
      },
      60_000,
      gaveUp,
    );
    if (seeded) await waitForDemoWorkflows(appDatabase, log);
    return {
      appUrl,
      appDatabase,
      temporalAddress,
      temporalUiUrl,
      postgresUrl: `postgresql://${PG_SUPERUSER}@127.0.0.1:${ports.postgres} (databases temporal, temporal_visibility${isPostgresUrl(appDatabase) ? `, ${APP_DATABASE}` : ''}; password in ${path.join(dataDir, 'postgres.password')})`,
      ports,
      seeded,
      processes: { postgres, temporal, workers, apis, proxy, ui },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
