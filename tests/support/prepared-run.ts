import path from 'node:path';

/**
 * What the system tests' global setup builds once per Jest run (see system-setup.ts): the workflow
 * bundle and a migrated database, which every suite would otherwise build again (5 s and 2.5 s each).
 * Without the setup (a tool that skips it) the helpers build their own.
 */
const PREPARED_DIR_VAR = 'FLIPSTACKK_TEST_PREPARED_DIR';

export interface PreparedRun {
  workflowBundle: string;
  migratedDatabase: string;
}

export const preparedFiles = (dir: string): PreparedRun => ({
  workflowBundle: path.join(dir, 'workflow-bundle.js'),
  migratedDatabase: path.join(dir, 'migrated.db'),
});

export function preparedRun(): PreparedRun | undefined {
  const dir = process.env[PREPARED_DIR_VAR];
  return dir ? preparedFiles(dir) : undefined;
}

export function announcePreparedRun(dir: string): void {
  process.env[PREPARED_DIR_VAR] = dir;
}

export const preparedRunDir = (): string | undefined => process.env[PREPARED_DIR_VAR];
