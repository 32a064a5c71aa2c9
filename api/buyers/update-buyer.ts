import { boundProblems } from '../../domain/buyers/buy-box-bounds';
import type { UpdateBuyerInput } from '../../domain/buyers/buyer.schema';
import { changedBuyerFields } from '../../domain/buyers/changed-buyer-fields';
import { fieldLabel } from '../../domain/labels/field-labels';
import type { PublicUser } from '../../domain/users/user-role';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import type { Db } from '../../db/client';
import { replaceBuyerMarkets } from '../../db/writes/buyer-markets';
import { changedBuyerKeyData } from '../../db/writes/contact-keys';
import { recordEvent } from '../../db/writes/record-event';
import { lockedVersion } from '../../db/writes/row-version';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { proofOfFundsChangedSignal } from '../../workflows/buyers/buyer.messages';
import { AppError } from '../errors';
import { assertVersion, type ExpectedVersions } from '../record-version';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';
import { findBuyerToChange } from './find-buyer-to-change';

/**
 * "Update preferences": the fields that change, written directly with a `buyer.updated` event (none
 * when nothing changes); a new proof-of-funds expiry re-arms the workflow's reminders. With
 * `expected` versions (If-Match), a buyer changed since is a 412 and nothing is written.
 */
export async function updateBuyer(deps: TemporalDeps & { db: Db }, buyerId: string, input: UpdateBuyerInput, actor: PublicUser, expected?: ExpectedVersions): Promise<BuyerJson> {
  const { db } = deps;
  const existing = await findBuyerToChange(db, buyerId, actor, 'update');
  // The bound the request sets is the one named; a saved box crossed already does not block other edits.
  const problems = boundProblems(existing, input);
  if (Object.keys(problems).length > 0) {
    const summary = Object.entries(problems).map(([field, problem]) => `${fieldLabel(field)} ${problem}`).join('; ');
    throw new AppError('VALIDATION_FAILED', `Invalid body: ${summary}`, problems);
  }
  const before = toBuyerJson(existing);
  const changes = changedBuyerFields(before, input);
  if (Object.keys(changes).length === 0) return before;
  const { markets, propertyTypes, strategies, pofExpiresAt, ...fields } = changes;
  const updated = await db.$transaction(async (tx) => {
    if (expected) assertVersion((await lockedVersion(tx, 'buyer', buyerId)) ?? '', expected, 'buyer');
    const buyer = await tx.buyer.update({
      where: { id: buyerId },
      data: {
        ...fields,
        ...changedBuyerKeyData(existing, fields),
        ...(pofExpiresAt === undefined ? {} : { pofExpiresAt: pofExpiresAt === null ? null : new Date(pofExpiresAt) }),
        ...(markets ? { markets: JSON.stringify(markets) } : {}),
        ...(propertyTypes ? { propertyTypes: JSON.stringify(propertyTypes) } : {}),
        ...(strategies ? { strategies: JSON.stringify(strategies) } : {}),
      },
    });
    if (markets || propertyTypes) await replaceBuyerMarkets(tx, buyer);
    await recordEvent(tx, { entityType: 'buyer', entityId: buyerId, action: 'updated', entity: toBuyerJson(buyer), actorId: actor.id });
    return buyer;
  });
  if (pofExpiresAt !== undefined) {
    const expiresAt = updated.pofExpiresAt?.toISOString() ?? null;
    await signalWorkflow(deps, buyerWorkflowId(buyerId), proofOfFundsChangedSignal, { expiresAt }).catch((error: unknown) =>
      console.error(`buyer ${buyerId}: reminders not re-armed:`, error instanceof Error ? error.message : error),
    );
  }
  return toBuyerJson(updated);
}
