import type { Db, Prisma } from '../client';

/** A request that carried an Idempotency-Key and found no earlier answer: the create it runs records its answer under it. */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  /** `POST /api/leads`: the same key is refused on any other route. */
  route: string;
  /** sha256 of the body's canonical JSON. */
  requestHash: string;
}

const idOf = ({ userId, key }: IdempotencyClaim) => ({ userId_key: { userId, key } });

/**
 * Records a create's answer (201 and its body) under its key; without a claim it does nothing.
 * Call it last inside the create's transaction: the entity, its Event and this row commit
 * together, so a retry after a lost answer finds the first one. A concurrent request with the
 * same key fails here on the primary key, and its whole transaction rolls back.
 */
export async function saveIdempotentResult(tx: Prisma.TransactionClient, claim: IdempotencyClaim | undefined, body: unknown): Promise<void> {
  if (!claim) return;
  await tx.idempotencyKey.create({ data: { ...claim, status: 201, response: JSON.stringify(body) } });
}

/** Replaces the recorded answer, for a create that goes on after its transaction (an offer sent straight away). */
export async function replaceIdempotentResult(db: Db, claim: IdempotencyClaim | undefined, body: unknown): Promise<void> {
  if (!claim) return;
  await db.idempotencyKey.update({ where: idOf(claim), data: { response: JSON.stringify(body) } });
}

/** Deletes one key's row when it is older than `before` (an expired key is free for a new request). */
export async function deleteExpiredIdempotencyKey(db: Db, userId: string, key: string, before: Date): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { userId, key, createdAt: { lt: before } } });
}

/** Deletes every key recorded before `before`. */
export async function purgeIdempotencyKeys(db: Db, before: Date): Promise<number> {
  return (await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: before } } })).count;
}
