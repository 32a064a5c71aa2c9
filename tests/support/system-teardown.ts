import fs from 'node:fs';
import { stopTestPostgres } from './postgres';
import { preparedRunDir } from './prepared-run';

/** Jest globalTeardown of the system tests: removes what system-setup.ts built. */
export default async function removePreparedRun(): Promise<void> {
  await stopTestPostgres();
  const dir = preparedRunDir();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
