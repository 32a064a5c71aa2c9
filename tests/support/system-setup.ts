import fs from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '../../scripts/lib/stack';
import { writeWorkflowBundle } from '../../worker/bundle-workflows';
import { startTestPostgres, testsUsePostgres } from './postgres';
import { announcePreparedRun, preparedFiles } from './prepared-run';

const ROOT_DIR = path.resolve(__dirname, '..', '..');

/**
 * Jest globalSetup of the system tests: the workflow bundle and a migrated database, built once for
 * the run (with TEST_DATABASE=postgres, also a PostgreSQL server with a migrated template database).
 */
export default async function prepareSystemTests(): Promise<void> {
  fs.mkdirSync(path.join(ROOT_DIR, 'tests', '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT_DIR, 'tests', '.tmp', 'prepared-'));
  const files = preparedFiles(dir);
  const bundle = writeWorkflowBundle(files.workflowBundle);
  migrateDatabase(ROOT_DIR, files.migratedDatabase);
  if (testsUsePostgres()) await startTestPostgres(ROOT_DIR, dir);
  await bundle;
  announcePreparedRun(dir);
}
