jest.setTimeout(180_000);

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { postgresSchemaOf } from '../../scripts/lib/postgres-schema';
import { adminQuery, startPostgres, type PostgresServer } from '../../scripts/lib/postgres-server';
import { migrateDatabase } from '../../scripts/lib/stack';
import { createTestDb } from '../support/test-db';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('the PostgreSQL schema is generated from the SQLite one', () => {
  it('prisma/postgresql/schema.prisma is what npm run prisma:postgres makes of prisma/schema.prisma', () => {
    expect(read('prisma/postgresql/schema.prisma')).toBe(postgresSchemaOf(read('prisma/schema.prisma')));
  });
});

/** What a database holds, as lines to compare: every column, index and constraint. */
async function describeDatabase(url: string): Promise<Set<string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const lines = new Set<string>();
    const columns = await client.query(`SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') AS "default" FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    for (const row of columns.rows) lines.add(`column ${row.table_name}.${row.column_name} ${row.data_type} null=${row.is_nullable} default=${row.default}`);
    const indexes = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    for (const row of indexes.rows) lines.add(`index ${row.indexname}: ${row.indexdef}`);
    const constraints = await client.query(`SELECT conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND conname NOT LIKE '_prisma_migrations%'`);
    for (const row of constraints.rows) lines.add(`constraint ${row.conname}: ${row.def}`);
    return lines;
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL migrations', () => {
  let server: PostgresServer;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-pg-drift-'));
    fs.chmodSync(dir, 0o711);
    server = await startPostgres({ dataDir: path.join(dir, 'postgres') });
    await adminQuery(server, 'CREATE DATABASE migrated');
    await adminQuery(server, 'CREATE DATABASE from_schema');
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('build exactly the schema plus the indexes written by hand, and every SQLite index has its PostgreSQL twin', async () => {
    migrateDatabase(ROOT, server.urlOf('migrated'));
    const prismaCli = path.join(ROOT, 'node_modules', 'prisma', 'build', 'index.js');
    const script = execFileSync(process.execPath, [prismaCli, 'migrate', 'diff', '--config', 'prisma/postgresql/prisma.config.ts', '--from-empty', '--to-schema-datamodel', 'prisma/postgresql/schema.prisma', '--script'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: server.urlOf('from_schema') },
    });
    const client = new Client({ connectionString: server.urlOf('from_schema') });
    await client.connect();
    await client.query(script);
    await client.end();

    const migrated = await describeDatabase(server.urlOf('migrated'));
    const fromSchema = await describeDatabase(server.urlOf('from_schema'));
    expect([...fromSchema].filter((line) => !migrated.has(line))).toEqual([]);
    const extra = [...migrated].filter((line) => !fromSchema.has(line));
    const extraIndexNames = extra.map((line) => /^index (\S+):/.exec(line)?.[1] ?? line);

    // Every index SQLite has (Prisma's and those written by hand: partial, on an expression) PostgreSQL has too.
    const sqlite = await createTestDb();
    const sqliteFile = sqlite.file;
    await sqlite.db.$disconnect();
    if (!fs.existsSync(sqliteFile)) migrateDatabase(ROOT, sqliteFile);
    const sqliteIndexes = new Database(sqliteFile, { readonly: true })
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)
      .all()
      .map((row) => (row as { name: string }).name);
    await sqlite.close();
    // PostgreSQL's search indexes stand for SQLite's FTS5 tables (virtual tables, not indexes).
    const searchIndexes = ['Buyer_search_idx', 'Lead_search_idx', 'Task_search_idx'];
    const postgresIndexes = [...migrated].flatMap((line) => /^index (\S+):/.exec(line)?.[1] ?? []).filter((name) => !name.endsWith('_pkey'));
    expect(postgresIndexes.filter((name) => !searchIndexes.includes(name)).sort()).toEqual(sqliteIndexes.sort());
    expect(postgresIndexes).toEqual(expect.arrayContaining(searchIndexes));
    expect(extraIndexNames.length).toBeGreaterThan(10);
    expect(extra.filter((line) => !line.startsWith('index '))).toEqual([]);
  });
});
