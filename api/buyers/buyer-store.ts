import { normalizeMarket, type BuyerStatus, type CreateBuyerInput, type UpdateBuyerInput } from '../../domain/buyers/buyer.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db, Prisma } from '../../db/client';
import { recordEvent } from '../../db/writes/record-event';
import { toBuyerJson, type BuyerJson } from '../../db/rows';
import { proofOfFundsChangedSignal } from '../../workflows/buyers/buyer.messages';
import { buyerWorkflowId } from '../../domain/workflow-ids';
import { AppError } from '../errors';
import type { TemporalDeps } from '../temporal/client';
import { signalWorkflow } from '../temporal/signal-workflow';
import { startOrLog, startWorkflow } from '../temporal/start-workflow';
import { buyerWorkflowStart } from '../temporal/workflow-starts';

export type BuyerDeps = TemporalDeps & { db: Db };

const uniqueMarkets = (markets: string[]): string[] => [...new Set(markets.map(normalizeMarket))];

async function replaceMarketRows(tx: Prisma.TransactionClient, buyerId: string, markets: string[]): Promise<void> {
  await tx.buyerMarket.deleteMany({ where: { buyerId } });
  if (markets.length > 0) await tx.buyerMarket.createMany({ data: uniqueMarkets(markets).map((market) => ({ buyerId, market })) });
}

export async function startBuyerWorkflow(deps: BuyerDeps, buyer: { id: string; status: string; updatedAt: Date; pofExpiresAt: Date | null }): Promise<void> {
  await startWorkflow(
    deps,
    buyerWorkflowStart({ buyerId: buyer.id, status: buyer.status as BuyerStatus, isNew: true, pofExpiresAt: buyer.pofExpiresAt?.toISOString() ?? null }),
  );
  // Bookkeeping, not an edit: updatedAt keeps its value.
  await deps.db.buyer.update({ where: { id: buyer.id }, data: { workflowStartedAt: new Date(), updatedAt: buyer.updatedAt } });
}

/** Saves the buyer with its markets and `buyer.created` event, then starts `buyer-<id>`. */
export async function createBuyer(deps: BuyerDeps, input: CreateBuyerInput, actor: PublicUser): Promise<BuyerJson> {
  const { markets, propertyTypes, strategies, pofExpiresAt, ...fields } = input;
  const buyer = await deps.db.$transaction(async (tx) => {
    const created = await tx.buyer.create({
      data: {
        ...fields,
        markets: JSON.stringify(markets),
        propertyTypes: JSON.stringify(propertyTypes),
        strategies: JSON.stringify(strategies),
        pofExpiresAt: pofExpiresAt ? new Date(pofExpiresAt) : null,
        ownerId: actor.id,
      },
    });
    await replaceMarketRows(tx, created.id, markets);
    await recordEvent(tx, { entityType: 'buyer', entityId: created.id, action: 'created', entity: toBuyerJson(created), actorId: actor.id });
    return created;
  });
  await startOrLog(`buyer ${buyer.id}`, () => startBuyerWorkflow(deps, buyer));
  return toBuyerJson(buyer);
}

/** "Update preferences": plain fields, written directly with a `buyer.updated` event; a new proof-of-funds expiry re-arms the workflow's reminders. */
export async function updateBuyer(deps: BuyerDeps, buyerId: string, input: UpdateBuyerInput, actor: PublicUser): Promise<BuyerJson> {
  const { db } = deps;
  const existing = await db.buyer.findUnique({ where: { id: buyerId } });
  if (!existing || existing.archivedAt) throw new AppError('NOT_FOUND', `Buyer ${buyerId} does not exist`);
  const minPrice = input.minPrice === undefined ? existing.minPrice : input.minPrice;
  const maxPrice = input.maxPrice === undefined ? existing.maxPrice : input.maxPrice;
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) {
    throw new AppError('VALIDATION_FAILED', 'Invalid body: maxPrice must not be below minPrice', { maxPrice: 'must not be below minPrice' });
  }
  const { markets, propertyTypes, strategies, pofExpiresAt, ...fields } = input;
  const updated = await db.$transaction(async (tx) => {
    const buyer = await tx.buyer.update({
      where: { id: buyerId },
      data: {
        ...fields,
        ...(pofExpiresAt === undefined ? {} : { pofExpiresAt: pofExpiresAt === null ? null : new Date(pofExpiresAt) }),
        ...(markets ? { markets: JSON.stringify(markets) } : {}),
        ...(propertyTypes ? { propertyTypes: JSON.stringify(propertyTypes) } : {}),
        ...(strategies ? { strategies: JSON.stringify(strategies) } : {}),
      },
    });
    if (markets) await replaceMarketRows(tx, buyerId, markets);
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

/** Buyers saved while Temporal was unreachable get their workflow when the API boots. */
export async function startMissingBuyerWorkflows(deps: BuyerDeps): Promise<number> {
  const buyers = await deps.db.buyer.findMany({ where: { workflowStartedAt: null, archivedAt: null }, select: { id: true, status: true, updatedAt: true, pofExpiresAt: true } });
  for (const buyer of buyers) await startBuyerWorkflow(deps, buyer);
  return buyers.length;
}
