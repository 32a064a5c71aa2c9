// `npm run seed`: demo users and leads into $DATA_DIR/flipstackk.db, or DATABASE_URL's PostgreSQL (migrated), once.
import path from 'node:path';
import { z } from 'zod';
import { parseEnv, sharedEnvFields } from '../domain/config/env-fields';
import { openDb } from '../db/client';
import { SEED_TRANSACTION_TIMEOUT_MS, seedDemoData } from '../prisma/seed';

const env = parseEnv(z.object({ DATA_DIR: sharedEnvFields.DATA_DIR, DATABASE_FILE: sharedEnvFields.DATABASE_FILE, DATABASE_URL: sharedEnvFields.DATABASE_URL }), process.env);

async function main(): Promise<void> {
  const db = await openDb(env.DATABASE_URL ?? env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'), { transactionTimeoutMs: SEED_TRANSACTION_TIMEOUT_MS });
  const { seeded } = await seedDemoData(db);
  console.log(seeded ? 'Demo data seeded.' : 'Users exist already: nothing seeded.');
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
