import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../db/client';
import { migrateDatabase } from '../../scripts/lib/stack';
import { createPostgresTestDatabase, testsUsePostgres } from './postgres';
import { preparedRun } from './prepared-run';

export const ROOT_DIR = path.resolve(__dirname, '..', '..');

export interface TestDb {
  db: Db;
  /** The SQLite file; on PostgreSQL a path in the test's own temp folder (for outbox, documents …) where no file is. */
  file: string;
  /** What a process opens it by (openDb's target): the SQLite file, or the PostgreSQL database's URL. */
  target: string;
  /** The environment that points a worker or an API process at it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A fresh, migrated SQLite file in a temp folder (with TEST_DATABASE=postgres, a fresh PostgreSQL database). */
export async function createTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-test-'));
  const file = path.join(dir, 'flipstackk.db');
  if (testsUsePostgres()) {
    const database = await createPostgresTestDatabase();
    const db = await openDb(database.url);
    return {
      db,
      file,
      target: database.url,
      env: { DATABASE_URL: database.url },
      async close() {
        await db.$disconnect();
        await database.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const migrated = preparedRun()?.migratedDatabase;
  if (migrated) fs.copyFileSync(migrated, file);
  else migrateDatabase(ROOT_DIR, file);
  const db = await openDb(file);
  return {
    db,
    file,
    target: file,
    env: { DATABASE_FILE: file },
    async close() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: a fresh database before its tests (after `prepare`, e.g. seeding), closed after
 * them. `testDb.db` is the open client once the tests run.
 */
export function useTestDb(prepare?: (db: Db) => Promise<unknown>): { readonly db: Db; readonly file: string; readonly target: string } {
  let testDb: TestDb | undefined;
  beforeAll(async () => {
    testDb = await createTestDb();
    await prepare?.(testDb.db);
  });
  afterAll(() => testDb?.close());
  const open = (): TestDb => {
    if (!testDb) throw new Error('the test database is not open: use it inside a test or hook');
    return testDb;
  };
  return {
    get db() {
      return open().db;
    },
    get file() {
      return open().file;
    },
    get target() {
      return open().target;
    },
  };
}
