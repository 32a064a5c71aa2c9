import path from 'node:path';
import { z } from 'zod';
import { deadlineEnvFields, parseEnv, portSchema, sharedEnvFields } from '../../domain/config/env-fields';

const startEnvSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: portSchema.default(3000),
  TEMPORAL_PORT: portSchema.default(7233),
  TEMPORAL_UI_PORT: portSchema.default(8233),
  /** The app's data in this PostgreSQL database (migrated and seeded like the SQLite file) instead of DATA_DIR's SQLite file. */
  DATABASE_URL: sharedEnvFields.DATABASE_URL,
  /** The niceness of the Temporal server and the worker: the API gets the cores first when they are busy (0: all alike). */
  BACKGROUND_NICE: z.coerce.number().int().min(0).max(19).default(10),
  // The worker reads these; checking them here stops start-up before anything runs.
  ...deadlineEnvFields,
});

export function loadStartEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(startEnvSchema, source);
  return { ...env, dataDir: path.resolve(env.DATA_DIR) };
}

const clusterEnvSchema = z.object({
  // Its own folder by default, so it never shares a database with `npm start`'s ./data.
  DATA_DIR: z.string().min(1).default('./data/cluster'),
  /** The proxy: the one port users reach. */
  PORT: portSchema.default(3000),
  /** The first of the 13 ports after it the cluster takes (Temporal's services, its UI, PostgreSQL, the two APIs). */
  // Temporal keeps its membership ports (base+5…+8) in a PostgreSQL smallint: they must stay ≤ 32767.
  CLUSTER_PORT_BASE: portSchema.refine((port) => port + 8 <= 32_767, 'must be at most 32759 (Temporal stores its membership ports, from it +5 to +8, as a PostgreSQL smallint)').default(7300),
  /** The app's data: `postgres` (its own database on the cluster's PostgreSQL) or `sqlite` (DATA_DIR/flipstackk.db). */
  CLUSTER_APP_DATABASE: z.enum(['postgres', 'sqlite']).default('postgres'),
  /** Where Debian's PostgreSQL server binaries are (initdb, postgres). */
  POSTGRES_BIN: z.string().min(1).default('/usr/lib/postgresql/15/bin'),
  /** The user PostgreSQL runs as when this runs as root (it refuses to run as root). */
  POSTGRES_OS_USER: z.string().min(1).default('postgres'),
  ...deadlineEnvFields,
});

export function loadClusterEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(clusterEnvSchema, source);
  return { ...env, dataDir: path.resolve(env.DATA_DIR) };
}
