import { randomBytes } from 'node:crypto';
import type { Db } from '../client';

/**
 * A secret of this installation, made on first use and kept in the Setting table (the same in every
 * process on the database): it signs links that must work without a sign-in, such as unsubscribe.
 */
export async function getSigningKey(db: Db, name: string): Promise<string> {
  const key = `secret.${name}`;
  const candidate = JSON.stringify(randomBytes(32).toString('base64url'));
  // upsert with an empty update keeps the first process's secret when two start at once.
  const row = await db.setting.upsert({ where: { key }, create: { key, value: candidate }, update: {} });
  return JSON.parse(row.value) as string;
}
