import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrateDatabase } from '../../scripts/lib/stack';
import { startPostgres, type PostgresServer } from '../../scripts/lib/postgres-server';

/**
 * The system tests on PostgreSQL (`TEST_DATABASE=postgres npx jest …`): the global setup starts one
 * real server from the machine's PostgreSQL binaries (scripts/lib/postgres-server.ts) with a
 * migrated template database; each test file's database is a copy of it (CREATE DATABASE …
 * TEMPLATE, as createTestDb copies the migrated SQLite file), dropped when the file is done.
 */
const SERVER_VAR = 'FLIPSTACKK_TEST_POSTGRES_PORT';
export const TEMPLATE_DATABASE = 'flipstackk_migrated';

export const testsUsePostgres = (): boolean => process.env.TEST_DATABASE === 'postgres';

const urlOf = (port: string | number, database: string): string => `postgresql://flipstackk@127.0.0.1:${port}/${database}`;

declare global {
  var flipstackkTestPostgres: PostgresServer | undefined;
}

/** Global setup: the server (data under `dir`) and the migrated template; its port for the test files. */
export async function startTestPostgres(rootDir: string, dir: string): Promise<void> {
  fs.chmodSync(dir, 0o711); // PostgreSQL runs as another user than root and must enter it
  const server = await startPostgres({ dataDir: path.join(dir, 'postgres') });
  globalThis.flipstackkTestPostgres = server;
  await adminQuery(server.port, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  migrateDatabase(rootDir, server.urlOf(TEMPLATE_DATABASE));
  process.env[SERVER_VAR] = String(server.port);
}

/** Global teardown. */
export async function stopTestPostgres(): Promise<void> {
  await globalThis.flipstackkTestPostgres?.stop();
  globalThis.flipstackkTestPostgres = undefined;
}

async function adminQuery(port: string | number, sql: string): Promise<void> {
  const client = new Client({ connectionString: urlOf(port, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let copies = 0;

/** A fresh database copied from the migrated template: its URL, and how to drop it. */
export async function createPostgresTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const port = process.env[SERVER_VAR];
  if (!port) throw new Error('TEST_DATABASE=postgres needs the system tests\' global setup (tests/support/system-setup.ts), which starts the server');
  const name = `test_${process.pid}_${Date.now().toString(36)}_${copies++}`;
  await adminQuery(port, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  return { url: urlOf(port, name), drop: () => adminQuery(port, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A PostgreSQL server of a test file's own (beside the shared one of TEST_DATABASE=postgres), in a
 * temp folder, with an empty database `app`: its URL, the folder (for anything else the test keeps
 * there), and how to stop it and remove the folder.
 */
export async function startScratchPostgres(prefix: string): Promise<{ dir: string; url: string; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o711); // PostgreSQL runs as another user than root and must enter it
  const server = await startPostgres({ dataDir: path.join(dir, 'postgres') });
  await adminQuery(server.port, 'CREATE DATABASE app');
  return {
    dir,
    url: server.urlOf('app'),
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
