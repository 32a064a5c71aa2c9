import path from 'node:path';
import { z } from 'zod';
import { deadlineEnvFields, parseEnv, sharedEnvFields } from '../domain/config/env-fields';

const workerEnvSchema = z.object({ ...sharedEnvFields, ...deadlineEnvFields });

export function loadWorkerEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(workerEnvSchema, source);
  return {
    ...env,
    databaseFile: env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'),
    deadlines: {
      contactMs: env.DEADLINE_CONTACT,
      followUpMs: env.DEADLINE_FOLLOW_UP,
      visitMs: env.DEADLINE_VISIT,
      closingMs: env.DEADLINE_CLOSING,
      offerFollowUpMs: env.DEADLINE_OFFER_FOLLOW_UP,
      verifyPofMs: env.DEADLINE_VERIFY_POF,
      matchingIntervalMs: env.BUYER_MATCHING_INTERVAL,
      reviewDueMs: env.DEADLINE_REVIEW,
    },
  };
}
export type WorkerEnv = ReturnType<typeof loadWorkerEnv>;
