import type { Request, RequestHandler, Response } from 'express';
import { IDEMPOTENCY_HEADER, idempotencyKeySchema } from '../../domain/idempotency-key.schema';
import type { Db } from '../../db/client';
import { findIdempotencyKey } from '../../db/queries/idempotency-keys';
import { deleteExpiredIdempotencyKey, purgeIdempotencyKeys, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { currentUser } from '../auth/require-user';
import { AppError, isUniqueViolation } from '../errors';
import { requestHash } from './request-hash';

export type { IdempotencyClaim };

/** How long a key answers its retries; older rows are deleted lazily. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

type Create<T> = (req: Request, res: Response, claim: IdempotencyClaim | undefined) => Promise<T>;
type Present<T> = (result: T) => unknown;

function claimOf(req: Request, res: Response): IdempotencyClaim | undefined {
  const header = req.get(IDEMPOTENCY_HEADER);
  if (header === undefined) return undefined;
  const key = idempotencyKeySchema.safeParse(header);
  if (!key.success) {
    const problem = key.error.issues[0]?.message ?? 'is invalid';
    throw new AppError('VALIDATION_FAILED', `Invalid header: ${IDEMPOTENCY_HEADER} ${problem}`, { [IDEMPOTENCY_HEADER]: problem });
  }
  const path = `${req.baseUrl}${req.path}`.replace(/\/$/, '');
  return { userId: currentUser(res).id, key: key.data, route: `${req.method} ${path}`, requestHash: requestHash(req.body) };
}

/** Answers the result recorded under the claim's key, if there is one; a different request under the key is a 422. */
async function replay<T>(db: Db, claim: IdempotencyClaim, res: Response, present: Present<T>): Promise<boolean> {
  const recorded = await findIdempotencyKey(db, claim.userId, claim.key);
  if (!recorded) return false;
  const expiredBefore = new Date(Date.now() - IDEMPOTENCY_TTL_MS);
  if (recorded.createdAt < expiredBefore) {
    await deleteExpiredIdempotencyKey(db, claim.userId, claim.key, expiredBefore);
    return false;
  }
  if (recorded.route !== claim.route || recorded.requestHash !== claim.requestHash) {
    throw new AppError(
      'UNPROCESSABLE',
      `This ${IDEMPOTENCY_HEADER} was already used for a different request (${recorded.route} with another body); send a new key for a new request`,
      { [IDEMPOTENCY_HEADER]: 'was already used for a different request' },
    );
  }
  res
    .status(recorded.status)
    .set('Idempotent-Replayed', 'true')
    .json(await present(JSON.parse(recorded.response) as T));
  return true;
}

/**
 * A create route (201) that honours an `Idempotency-Key` header; without one it runs as before.
 * The create receives the claim and records its result with `saveIdempotentResult` inside its
 * own transaction, so the entity, its Event and the key commit together. The same key with the
 * same body (same user, same route) then answers that first result and creates nothing; another
 * body or route is a 422. A duplicate sent while the first is still running waits on the
 * database's write lock and answers the first result: its own insert of the key fails, which
 * rolls its create back.
 * `present` turns the recorded result into the answer, both times (a lead gets its MAO).
 */
export function idempotentCreate<T>(db: Db, create: Create<T>, present: Present<T> = (result) => result): RequestHandler {
  let nextPurgeAt = 0;
  return async (req, res) => {
    const claim = claimOf(req, res);
    if (claim) {
      if (Date.now() >= nextPurgeAt) {
        nextPurgeAt = Date.now() + PURGE_EVERY_MS;
        await purgeIdempotencyKeys(db, new Date(Date.now() - IDEMPOTENCY_TTL_MS));
      }
      if (await replay(db, claim, res, present)) return;
    }
    let result: T;
    try {
      result = await create(req, res, claim);
    } catch (error) {
      // The same key committed first from another request: answer as a retry would be answered.
      if (claim && isUniqueViolation(error) && (await replay(db, claim, res, present))) return;
      throw error;
    }
    res.status(201).json(await present(result));
  };
}
