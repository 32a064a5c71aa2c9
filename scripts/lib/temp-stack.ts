import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './processes';
import { startStack, type Stack, type StackOptions } from './stack';
import { ensureTemporalCli } from './temporal-cli';

/**
 * The whole stack on free ports over `dataDir`, headless; its log is printed only if it fails to
 * start, and goes to `log` when given. Only the start-up's lines are kept for that: the lines after
 * it (one per API request) cost about 0.8 KB of heap each (8,448 lines: 7 MB) in the process that
 * times the requests (the bench).
 */
export type FreePortStackOptions = Pick<StackOptions, 'env' | 'onGiveUp' | 'backgroundNice'> & { log?: (line: string) => void };

export async function startStackOnFreePorts(dataDir: string, options: FreePortStackOptions = {}): Promise<Stack> {
  let logs: string[] | undefined = [];
  const stack = await startStack({
    rootDir: path.resolve(__dirname, '..', '..'),
    dataDir,
    port: await freePort(),
    temporalPort: await freePort(),
    temporalUiPort: await freePort(),
    temporalCli: ensureTemporalCli(),
    headless: true,
    env: options.env,
    backgroundNice: options.backgroundNice,
    onGiveUp: options.onGiveUp,
    log: (line) => {
      logs?.push(line);
      options.log?.(line);
    },
  }).catch((error: unknown) => {
    console.error(logs?.join('\n'));
    throw error;
  });
  logs = undefined;
  return stack;
}

/** A whole stack on free ports in a temp folder (benchmarks, fuzzing); `stop()` also removes the folder. */
export async function startTempStack(name: string, options: FreePortStackOptions = {}): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `flipstackk-${name}-`));
  const stack = await startStackOnFreePorts(dataDir, options).catch((error: unknown) => {
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
