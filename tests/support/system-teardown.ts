import fs from 'node:fs';
import { preparedRunDir } from './prepared-run';

/** Jest globalTeardown of the system tests: removes what system-setup.ts built. */
export default function removePreparedRun(): void {
  const dir = preparedRunDir();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
