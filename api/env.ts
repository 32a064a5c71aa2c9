import path from 'node:path';
import { z } from 'zod';
import { deadlineEnvFields, deadlinesFromEnv, parseEnv, portSchema, sharedEnvFields } from '../domain/config/env-fields';

/** `https://crm.example.com, http://localhost:5173`: each an origin (scheme, host, port), no path. */
const originList = z.string().transform((text, ctx) => {
  const origins = text.split(',').map((part) => part.trim()).filter(Boolean);
  const bad = origins.filter((origin) => !URL.canParse(origin) || new URL(origin).origin !== origin.replace(/\/$/, ''));
  if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `must be origins like https://crm.example.com (no path), not ${bad.join(', ')}` });
  return origins.map((origin) => (URL.canParse(origin) ? new URL(origin).origin : origin));
});

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const apiEnvSchema = z.object({
  ...sharedEnvFields,
  ...deadlineEnvFields,
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  WEB_DIST: z.string().min(1).default('web/dist'),
  COOKIE_SECURE: booleanFlag.default(false),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1, 'must be at least 1').default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1, 'must be at least 1').default(30),
  SESSIONS_PER_USER: z.coerce.number().int().min(1, 'must be at least 1').default(10),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1, 'must be at least 1').default(5),
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1, 'must be at least 1').default(50),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1, 'must be at least 1').default(30),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1, 'must be at least 1').default(15),
  /** API processes sharing the port (node:cluster), e.g. one per core; 1 runs the API in this process alone. */
  API_PROCESSES: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(32, 'must be at most 32').default(1),
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1, 'must be at least 1').max(64, 'must be at most 64').default(2),
  /** How long a route waits for a workflow start before answering (the worker's reconciler starts what it missed). */
  WORKFLOW_START_DEADLINE_MS: z.coerce.number().int('must be a whole number').min(100, 'must be at least 100').max(60_000, 'must be at most 60000').default(700),
  EVENT_POLL_MS: z.coerce.number().int().min(5, 'must be at least 5').max(5000, 'must be at most 5000').default(250),
  JSON_BODY_LIMIT_KB: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(10_240, 'must be at most 10240').default(64),
  APP_ORIGIN: originList.prefault(''),
  TEMPORAL_UI_URL: z.string().url('must be a URL').default('http://localhost:8233'),
  /** Uploaded documents, under their content hash; DATA_DIR/documents when absent. */
  DOCUMENTS_DIR: z.string().min(1).optional(),
  DOCUMENT_MAX_MB: z.coerce.number().positive('must be above 0').max(1024, 'must be at most 1024').default(25),
  /** Where the links in e-mails point: the app as its users reach it (default http://localhost:$PORT). */
  APP_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** When set, GET /metrics answers only `Authorization: Bearer <this>`; unset, only direct loopback requests. */
  METRICS_TOKEN: z.union([z.literal('').transform(() => undefined), z.string().min(16, 'must be at least 16 characters').regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')]).optional(),
});

/** Every variable this process reads (docker-compose.yml's test checks the file sets no other). */
export const API_ENV_NAMES: readonly string[] = Object.keys(apiEnvSchema.shape);

export function loadApiEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(apiEnvSchema, source);
  return {
    ...env,
    databaseFile: env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'),
    /** What openDb opens: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
    database: env.DATABASE_URL ?? env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'),
    documents: { dir: path.resolve(env.DOCUMENTS_DIR ?? path.join(env.DATA_DIR, 'documents')), maxBytes: Math.round(env.DOCUMENT_MAX_MB * 1024 * 1024) },
    deadlines: deadlinesFromEnv(env),
    loginLimits: {
      accountMaxFailures: env.LOGIN_MAX_FAILURES,
      accountAnyAddressMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
      ipMaxFailures: env.LOGIN_IP_MAX_FAILURES,
      windowMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
      lockoutMs: env.LOGIN_LOCKOUT_MINUTES * 60_000,
    },
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    outboxDir: path.join(env.DATA_DIR, 'outbox'),
    importsDir: path.resolve(env.DATA_DIR, 'imports'),
  };
}
export type ApiEnv = ReturnType<typeof loadApiEnv>;
