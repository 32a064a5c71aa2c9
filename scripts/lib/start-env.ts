import path from 'node:path';
import { z } from 'zod';
import { deadlineEnvFields, parseEnv, portSchema } from '../../domain/config/env-fields';

const startEnvSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: portSchema.default(3000),
  TEMPORAL_PORT: portSchema.default(7233),
  TEMPORAL_UI_PORT: portSchema.default(8233),
  // The worker reads these; checking them here stops start-up before anything runs.
  ...deadlineEnvFields,
});

export function loadStartEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(startEnvSchema, source);
  return { ...env, dataDir: path.resolve(env.DATA_DIR) };
}
