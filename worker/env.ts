import path from 'node:path';
import { z } from 'zod';
import { durationSchema } from '../domain/config/duration';
import { deadlineEnvFields, deadlinesFromEnv, parseEnv, portSchema, sharedEnvFields } from '../domain/config/env-fields';

const count = (max: number) => z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

const workerEnvSchema = z.object({
  ...sharedEnvFields,
  ...deadlineEnvFields,
  /** IANA time zone of the monthly review schedule's "first day of the month, 08:00". */
  REVIEW_SCHEDULE_TIMEZONE: z.string().min(1).default('UTC'),
  /** Pause between the reconciler's passes over records whose workflow has not started. */
  RECONCILE_INTERVAL: durationSchema.prefault('5s'),
  /** Records the reconciler reads and starts per page, oldest first. */
  RECONCILE_BATCH: count(1000).default(50),
  /** Activities (and local activities) one worker runs at once: database writes on one SQLite file. */
  WORKER_MAX_ACTIVITIES: count(1000).default(20),
  /** Workflow tasks one worker runs at once. */
  WORKER_MAX_WORKFLOW_TASKS: count(1000).default(40),
  /**
   * Workflows kept in memory between their tasks. The SDK sizes its cache from the heap limit, so on
   * a big machine every running lead stays cached: 20k imported leads took the worker to 4.6 GB.
   * An evicted workflow is replayed from its (short) history when its next timer or signal comes.
   * 100 rather than 500: the worker's memory after a 30 s intake 652 → 471 MB, the intake as fast.
   */
  WORKER_MAX_CACHED_WORKFLOWS: count(100_000).default(100),
  /** smtp://user:pass@host:587 (smtps:// for TLS); without it every message is written to DATA_DIR/outbox as an .eml file. */
  SMTP_URL: z.union([z.literal('').transform(() => undefined), z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')]).optional(),
  /** Where the links in e-mails point: the app as its users reach it (default http://localhost:$PORT). */
  APP_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** The From of every e-mail. */
  /** A workflow bundle built beforehand (tests build one per run); without it the worker bundles `workflows/` as it starts. */
  WORKFLOW_BUNDLE: z.string().min(1).optional(),
  /** Where the worker serves the Temporal SDK's metrics for Prometheus (`/metrics`); unset, it serves none. */
  WORKER_METRICS_PORT: z.union([z.literal('').transform(() => undefined), portSchema]).optional(),
  /** The address WORKER_METRICS_PORT listens on (`0.0.0.0` in a container). */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  MAIL_FROM: z.string().min(3).regex(/@/, 'must contain an e-mail address').default('Flipstackk <no-reply@flipstackk.local>'),
});

/** Every variable this process reads (docker-compose.yml's test checks the file sets no other). */
export const WORKER_ENV_NAMES: readonly string[] = Object.keys(workerEnvSchema.shape);

export function loadWorkerEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(workerEnvSchema, source);
  return {
    ...env,
    databaseFile: env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'),
    /** What openDb opens: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
    database: env.DATABASE_URL ?? env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'),
    deadlines: deadlinesFromEnv(env),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: path.join(env.DATA_DIR, 'outbox'), appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '') },
  };
}
export type WorkerEnv = ReturnType<typeof loadWorkerEnv>;
