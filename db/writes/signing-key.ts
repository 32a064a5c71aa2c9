import { randomBytes } from 'node:crypto';
import type { Db } from '../client';
import { isUniqueViolation } from '../unique-violation';

/**
 * A secret of this installation, made on first use and kept in the Setting table (the same in every
 * process on the database): it signs links that must work without a sign-in, such as unsubscribe.
 */
export async function getSigningKey(db: Db, name: string): Promise<string> {
  const key = `secret.${name}`;
  const candidate = JSON.stringify(randomBytes(32).toString('base64url'));
  // upsert with an empty update keeps the first process's secret when two ask at once. Prisma's upsert
  // reads then writes: on PostgreSQL the second insert can fail on the key, and then reads the first's.
  try {
    const row = await db.setting.upsert({ where: { key }, create: { key, value: candidate }, update: {} });
    return JSON.parse(row.value) as string;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await db.setting.findUniqueOrThrow({ where: { key } });
    return JSON.parse(row.value) as string;
  }
}
