import path from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '../prisma/seed';
import { apiProcessCount } from './lib/node-program';
import { startStack } from './lib/stack';
import { loadStartEnv } from './lib/start-env';
import { ensureTemporalCli } from './lib/temporal-cli';
import { buildWebIfStale } from './lib/web-build';

async function main(): Promise<void> {
  const rootDir = path.resolve(__dirname, '..');
  const env = loadStartEnv();
  const temporalCli = ensureTemporalCli();
  const apiProcesses = apiProcessCount();
  buildWebIfStale(rootDir, console.log);

  let stopping = false;
  let stopStack: () => Promise<void> = async () => undefined;
  const shutdown = (reason: string, exitCode: number): void => {
    if (stopping) return;
    stopping = true;
    console.log(reason);
    void stopStack().then(() => process.exit(exitCode));
  };
  process.on('SIGINT', () => shutdown('Stopping…', 0));
  process.on('SIGTERM', () => shutdown('Stopping…', 0));

  const stack = await startStack({
    rootDir,
    dataDir: env.dataDir,
    port: env.PORT,
    temporalPort: env.TEMPORAL_PORT,
    temporalUiPort: env.TEMPORAL_UI_PORT,
    temporalCli,
    databaseUrl: env.DATABASE_URL,
    backgroundNice: env.BACKGROUND_NICE,
    env: { API_PROCESSES: apiProcesses },
    log: (line) => console.log(line),
    onGiveUp: (reason) => shutdown(`Flipstackk is stopping: ${reason}. Look at its last lines above, fix the cause, and run npm start again.`, 1),
  });
  stopStack = stack.stop;

  console.log(`
Flipstackk is running${stack.seeded ? ' (demo data seeded)' : ''}.
  App:          http://localhost:${env.PORT} (${apiProcesses} API process${apiProcesses === '1' ? '' : 'es'})
  Temporal UI:  ${stack.temporalUiUrl}
  Data:         ${env.dataDir}${env.DATABASE_URL ? ` (the app's data in ${env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')})` : ''}
  Demo logins (password "${DEMO_PASSWORD}"):
${DEMO_USERS.map((user) => `    ${user.email.padEnd(30)} ${user.role}`).join('\n')}
A worker, API or Temporal server that dies is restarted (and logged); Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
