import { z } from 'zod';
import type { Deadlines } from './deadlines';
import { durationSchema } from './duration';

/** Environment variables read by more than one process. */
export const sharedEnvFields = {
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_FILE: z.string().min(1).optional(),
  /** postgresql://user:pass@host:5432/db: the app's data in PostgreSQL instead of the SQLite file. */
  DATABASE_URL: z.union([z.literal('').transform(() => undefined), z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgresql:// URL')]).optional(),
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port').default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('flipstackk'),
  /** How much the process logs (JSON lines on stdout): fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

export const deadlineEnvFields = {
  DEADLINE_CONTACT: durationSchema.prefault('1h'),
  DEADLINE_FOLLOW_UP: durationSchema.prefault('3d'),
  DEADLINE_VISIT: durationSchema.prefault('2d'),
  DEADLINE_CLOSING: durationSchema.prefault('2d'),
  DEADLINE_OFFER_FOLLOW_UP: durationSchema.prefault('2d'),
  DEADLINE_VERIFY_POF: durationSchema.prefault('1d'),
  BUYER_MATCHING_INTERVAL: durationSchema.prefault('7d'),
  DEADLINE_REVIEW: durationSchema.prefault('7d'),
  AUTOMATION_GRACE: durationSchema.prefault('15m'),
};

type DeadlineEnv = { [K in keyof typeof deadlineEnvFields]: number };

/** The deadlines an environment parsed with `deadlineEnvFields` sets. */
export function deadlinesFromEnv(env: DeadlineEnv): Deadlines {
  return {
    contactMs: env.DEADLINE_CONTACT,
    followUpMs: env.DEADLINE_FOLLOW_UP,
    visitMs: env.DEADLINE_VISIT,
    closingMs: env.DEADLINE_CLOSING,
    offerFollowUpMs: env.DEADLINE_OFFER_FOLLOW_UP,
    verifyPofMs: env.DEADLINE_VERIFY_POF,
    matchingIntervalMs: env.BUYER_MATCHING_INTERVAL,
    reviewDueMs: env.DEADLINE_REVIEW,
    automationGraceMs: env.AUTOMATION_GRACE,
  };
}

export const portSchema = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a port number')
  .min(1, 'must be a port number')
  .max(65535, 'must be a port number');

/** Parses an environment with a schema; a bad value throws a message naming each variable. */
export function parseEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return `  ${name}=${JSON.stringify(source[name] ?? '')}: ${issue.message}`;
  });
  throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
}
