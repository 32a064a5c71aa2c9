import type { Db } from '../client';

/** The cheapest statement the database can answer: does it answer at all? */
export async function pingDb(db: Db): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1');
}
