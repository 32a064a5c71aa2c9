import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './processes';
import { startStack, type Stack } from './stack';
import { ensureTemporalCli } from './temporal-cli';

/** A whole stack on free ports in a temp folder (benchmarks, fuzzing); `stop()` also removes the folder. */
export async function startTempStack(name: string): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `flipstackk-${name}-`));
  const logs: string[] = [];
  const stack = await startStack({
    rootDir: path.resolve(__dirname, '..', '..'),
    dataDir,
    port: await freePort(),
    temporalPort: await freePort(),
    temporalUiPort: await freePort(),
    temporalCli: ensureTemporalCli(),
    headless: true,
    log: (line) => logs.push(line),
  }).catch((error: unknown) => {
    console.error(logs.join('\n'));
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...stack,
    async stop() {
      await stack.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
