import path from 'node:path';
import { z } from 'zod';
import { deadlineEnvFields, deadlinesFromEnv, parseEnv, sharedEnvFields } from '../domain/config/env-fields';

const workerEnvSchema = z.object({
  ...sharedEnvFields,
  ...deadlineEnvFields,
  /** IANA time zone of the monthly review schedule's "first day of the month, 08:00". */
  REVIEW_SCHEDULE_TIMEZONE: z.string().min(1).default('UTC'),
});

export function loadWorkerEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(workerEnvSchema, source);
  return {
    ...env,
    databaseFile: env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'),
    deadlines: deadlinesFromEnv(env),
  };
}
export type WorkerEnv = ReturnType<typeof loadWorkerEnv>;
