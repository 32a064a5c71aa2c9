import path from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '../prisma/seed';
import { installClusterTools, startCluster } from './lib/cluster';
import { loadClusterEnv } from './lib/start-env';
import { ensureTemporalCli } from './lib/temporal-cli';
import { buildWebIfStale } from './lib/web-build';

// `npm run start:cluster`: PostgreSQL, a Temporal server on it, two workers, two APIs and Caddy
// in front of them, on one machine (README "Scaling out").
async function main(): Promise<void> {
  const rootDir = path.resolve(__dirname, '..');
  const env = loadClusterEnv();
  installClusterTools(rootDir);
  const temporalCli = ensureTemporalCli();
  buildWebIfStale(rootDir, console.log);

  let stopping = false;
  let stopCluster: () => Promise<void> = async () => undefined;
  const shutdown = (reason: string, exitCode: number): void => {
    if (stopping) return;
    stopping = true;
    console.log(reason);
    void stopCluster().then(() => process.exit(exitCode));
  };
  process.on('SIGINT', () => shutdown('Stopping the cluster…', 0));
  process.on('SIGTERM', () => shutdown('Stopping the cluster…', 0));

  const cluster = await startCluster({
    rootDir,
    dataDir: env.dataDir,
    port: env.PORT,
    portBase: env.CLUSTER_PORT_BASE,
    temporalCli,
    postgresBin: env.POSTGRES_BIN,
    postgresOsUser: env.POSTGRES_OS_USER,
    appDatabase: env.CLUSTER_APP_DATABASE,
    log: (line) => console.log(line),
    onGiveUp: (reason) => shutdown(`The cluster is stopping: ${reason}. Look at its last lines above, fix the cause, and run npm run start:cluster again.`, 1),
    registerStop: (stop) => {
      stopCluster = stop;
    },
  });
  const { ports } = cluster;

  console.log(`
Flipstackk is running as a cluster${cluster.seeded ? ' (demo data seeded)' : ''}.
  App (Caddy → 2 APIs):  http://localhost:${ports.proxy}
  APIs:                  http://127.0.0.1:${ports.apis[0]}  http://127.0.0.1:${ports.apis[1]}
  Workers:               2 on task queue "flipstackk"
  Temporal (gRPC):       ${cluster.temporalAddress}   e.g. temporal workflow list --address ${cluster.temporalAddress}
  Temporal UI:           ${cluster.temporalUiUrl ?? `not installed (.tools/cluster/temporal-ui-server); use the temporal CLI`}
  PostgreSQL:            ${cluster.postgresUrl}
  App data:              ${cluster.appDatabase.replace(/:[^:@/]+@/, ':…@')}
  Data:                  ${env.dataDir}
  Demo logins (password "${DEMO_PASSWORD}"):
${DEMO_USERS.map((user) => `    ${user.email.padEnd(30)} ${user.role}`).join('\n')}
Any process that dies is restarted (and logged); Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  console.error(`npm run start:cluster failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
