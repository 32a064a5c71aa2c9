import { randomBytes } from 'node:crypto';
import type { Db } from '../client';
import { onUniqueConflict } from '../unique-violation';

/**
 * A secret of this installation, made on first use and kept in the Setting table (the same in every
 * process on the database): it signs links that must work without a sign-in, such as unsubscribe.
 */
export async function getSigningKey(db: Db, name: string): Promise<string> {
  const key = `secret.${name}`;
  const candidate = JSON.stringify(randomBytes(32).toString('base64url'));
  // upsert with an empty update keeps the first process's secret when two ask at once.
  const row = await onUniqueConflict(
    () => db.setting.upsert({ where: { key }, create: { key, value: candidate }, update: {} }),
    () => db.setting.findUniqueOrThrow({ where: { key } }),
  );
  return JSON.parse(row.value) as string;
}
