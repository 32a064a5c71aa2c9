import path from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '../prisma/seed';
import { startStack } from './lib/stack';
import { loadStartEnv } from './lib/start-env';
import { ensureTemporalCli } from './lib/temporal-cli';
import { buildWebIfStale } from './lib/web-build';

async function main(): Promise<void> {
  const rootDir = path.resolve(__dirname, '..');
  const env = loadStartEnv();
  const temporalCli = ensureTemporalCli();
  buildWebIfStale(rootDir, console.log);

  const stack = await startStack({
    rootDir,
    dataDir: env.dataDir,
    port: env.PORT,
    temporalPort: env.TEMPORAL_PORT,
    temporalUiPort: env.TEMPORAL_UI_PORT,
    temporalCli,
    log: (line) => console.log(line),
  });

  console.log(`
Flipstackk is running${stack.seeded ? ' (demo data seeded)' : ''}.
  App:          http://localhost:${env.PORT}
  Temporal UI:  ${stack.temporalUiUrl}
  Data:         ${env.dataDir}
  Demo logins (password "${DEMO_PASSWORD}"):
${DEMO_USERS.map((user) => `    ${user.email.padEnd(30)} ${user.role}`).join('\n')}
Press Ctrl-C to stop everything.
`);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    void stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
