/**
 * A PostgreSQL server of our own from the machine's binaries (Debian's `postgresql` package):
 * `initdb` on first use, `postgres` on a port of ours, no system service. Tests start one per run,
 * the PostgreSQL schema script one for `prisma migrate diff`. PostgreSQL refuses to run as root:
 * as root the server runs as the `postgres` user (else `nobody`), which then owns the data folder.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, waitFor } from './processes';

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
/** The superuser `initdb` creates; trust authentication on the loopback address and the socket only. */
export const POSTGRES_USER = 'flipstackk';

/** The folder of `initdb` and `postgres`, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  for (const dir of BIN_DIRS) if (fs.existsSync(path.join(dir, 'postgres'))) return dir;
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return fs.existsSync(path.join(dir, 'postgres')) ? dir : null;
  } catch {
    return null;
  }
}

/** The user the server runs as: ourselves, or, as root, `postgres` (Debian's package creates it) or `nobody`. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const found = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    if (found.status !== 0) continue;
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    return { uid: Number(found.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('PostgreSQL refuses to run as root and this machine has neither a postgres nor a nobody user');
}

/** The server's user must reach its data folder: every folder above it must let others through (x). */
function assertReachable(dataDir: string): void {
  for (let dir = path.dirname(path.resolve(dataDir)); ; dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if ((mode & 0o001) === 0) throw new Error(`PostgreSQL runs as another user than root and cannot enter ${dir}: chmod o+x it or put the data folder elsewhere`);
    if (dir === path.dirname(dir)) return;
  }
}

export interface PostgresServer {
  port: number;
  /** `postgresql://flipstackk@127.0.0.1:<port>/<database>` */
  urlOf(database: string): string;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  dataDir: string;
  port?: number;
  /** Test servers trade durability for speed (fsync off …); a real one keeps PostgreSQL's defaults. */
  durable?: boolean;
  log?: (line: string) => void;
}

export async function startPostgres(options: PostgresOptions): Promise<PostgresServer> {
  const binDir = postgresBinDir();
  if (!binDir) throw new Error('PostgreSQL is not installed: apt-get install postgresql (its binaries go to /usr/lib/postgresql/<version>/bin)');
  const user = serverUser();
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  // HOME and the locale: initdb reads both, and `postgres`'s HOME may not exist.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
  const { dataDir } = options;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) assertReachable(dataDir);
  const socketDir = path.join(dataDir, 'socket');
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (user) fs.chownSync(dataDir, user.uid, user.gid);
    const init = spawnSync(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', POSTGRES_USER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'], { env, encoding: 'utf8', ...asUser });
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  }
  fs.mkdirSync(socketDir, { recursive: true });
  if (user) fs.chownSync(socketDir, user.uid, user.gid);
  const port = options.port ?? (await freePort());
  const settings = ['listen_addresses=127.0.0.1', `unix_socket_directories=${socketDir}`, 'max_connections=200'];
  if (!options.durable) settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  const args = ['-D', dataDir, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])];
  const child = spawn(path.join(binDir, 'postgres'), args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...asUser });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 40) output.shift();
      options.log?.(`[postgres] ${line}`);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = (database: string): string => `postgresql://${POSTGRES_USER}@127.0.0.1:${port}/${database}`;
  let died = false;
  void exited.then(() => {
    died = true;
  });
  try {
    await waitFor(
      'PostgreSQL',
      async () => {
        if (died) throw new Error(`PostgreSQL exited at start:\n${output.join('\n')}`);
        const client = new Client({ connectionString: url('postgres') });
        await client.connect();
        await client.end();
        return true;
      },
      60_000,
      exited,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output.join('\n')}`);
  }
  return {
    port,
    urlOf: url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops at once.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs statements outside any database of the app (CREATE/DROP DATABASE). */
export async function adminQuery(server: PostgresServer, sql: string): Promise<void> {
  const client = new Client({ connectionString: server.urlOf('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
