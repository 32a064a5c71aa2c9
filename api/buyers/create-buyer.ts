import { AppError } from '../errors';
import { findBuyerWithContactKey } from '../../db/queries/duplicates';
import type { CreateBuyerInput } from '../../domain/buyers/buyer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { saveIdempotentResult, type IdempotencyClaim } from '../../db/writes/idempotency-keys';
import { replaceBuyerMarkets } from '../../db/writes/buyer-markets';
import { buyerKeyData } from '../../db/writes/contact-keys';
import { recordEvent } from '../../db/writes/record-event';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { assertPermission } from '../permissions/assert-permission';
import type { TemporalDeps } from '../temporal/client';
import { startOrLog } from '../temporal/start-workflow';
import { startBuyerWorkflow } from './start-buyer-workflow';

/** Saves the buyer with its markets and `buyer.created` event, then starts `buyer-<id>`. */
export async function createBuyer(deps: TemporalDeps & { db: Db }, input: CreateBuyerInput, actor: PublicUser, claim?: IdempotencyClaim): Promise<BuyerJson> {
  assertPermission(actor, 'create', { type: 'buyer', ownerId: actor.id });
  const { markets, propertyTypes, strategies, pofExpiresAt, allowDuplicate, ...fields } = input;
  const keys = buyerKeyData(fields);
  const existing = allowDuplicate ? null : await findBuyerWithContactKey(deps.db, keys.contactKey);
  if (existing) throw new AppError('DUPLICATE', 'A buyer with this e-mail or phone exists already', undefined, undefined, existing.id);
  const buyer = await deps.db.$transaction(async (tx) => {
    const created = await tx.buyer.create({
      data: {
        ...fields,
        ...keys,
        markets: JSON.stringify(markets),
        propertyTypes: JSON.stringify(propertyTypes),
        strategies: JSON.stringify(strategies),
        pofExpiresAt: pofExpiresAt ? new Date(pofExpiresAt) : null,
        ownerId: actor.id,
      },
    });
    await replaceBuyerMarkets(tx, created);
    await recordEvent(tx, { entityType: 'buyer', entityId: created.id, action: 'created', entity: toBuyerJson(created), actorId: actor.id });
    await saveIdempotentResult(tx, claim, toBuyerJson(created));
    return created;
  });
  // The buyer is saved either way; if Temporal is down, the worker's reconciler starts its workflow.
  await startOrLog(`buyer ${buyer.id}`, () => startBuyerWorkflow(deps, buyer));
  return toBuyerJson(buyer);
}
