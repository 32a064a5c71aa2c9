// `npm run seed`: demo users and leads into $DATA_DIR/flipstackk.db (migrated), once.
import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../domain/config/env-fields';
import { openDb } from '../db/client';
import { seedDemoData } from '../prisma/seed';

const env = parseEnv(z.object({ DATA_DIR: z.string().min(1).default('./data'), DATABASE_FILE: z.string().min(1).optional() }), process.env);

async function main(): Promise<void> {
  const db = await openDb(env.DATABASE_FILE ?? path.join(env.DATA_DIR, 'flipstackk.db'));
  const { seeded } = await seedDemoData(db);
  console.log(seeded ? 'Demo data seeded.' : 'Users exist already: nothing seeded.');
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
