import type { Db } from '../client';

/** The answer recorded under a user's Idempotency-Key, if any (expired or not). */
export function findIdempotencyKey(db: Db, userId: string, key: string) {
  return db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
}
