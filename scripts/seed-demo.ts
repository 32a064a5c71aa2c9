// `npm run seed`: demo users and leads into $DATA_DIR/flipstackk.db, or DATABASE_URL's PostgreSQL (migrated), once.
import path from 'node:path';
import { z } from 'zod';
import { parseEnv, sharedEnvFields } from '../domain/config/env-fields';
import { seedDemoDatabase } from '../prisma/seed';

const env = parseEnv(z.object({ DATA_DIR: sharedEnvFields.DATA_DIR, DATABASE_FILE: sharedEnvFields.DATABASE_FILE, DATABASE_URL: sharedEnvFields.DATABASE_URL }), process.env);

async function main(): Promise<void> {
  const { seeded } = await seedDemoDatabase(env.DATABASE_URL ?? env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'));
  console.log(seeded ? 'Demo data seeded.' : 'Users exist already: nothing seeded.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
