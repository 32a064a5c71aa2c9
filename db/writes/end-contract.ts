import type { Prisma } from '../client';
import { recordEvent } from './record-event';
import { toDealJson, toOfferJson } from '../rows';

/**
 * The open deal of a lead no longer has a buyer or a sale price (its buyer backed out, or the
 * contract fell through), so another buyer's offer can be accepted. A closed deal is left as it closed.
 */
export async function clearDealBuyer(tx: Prisma.TransactionClient, leadId: string): Promise<void> {
  const deal = await tx.deal.findUnique({ where: { leadId } });
  if (!deal || deal.closedAt || (deal.buyerId === null && deal.salePrice === null)) return;
  const cleared = await tx.deal.update({ where: { leadId }, data: { buyerId: null, salePrice: null, assignmentFee: null } });
  await recordEvent(tx, { entityType: 'deal', entityId: deal.id, action: 'buyer_cleared', entity: toDealJson(cleared) });
}

/**
 * A lead's contract fell through (it left UNDER_CONTRACT other than for CLOSED): the offers accepted
 * for it, the seller's and the buyer's, are withdrawn, each with its `offer.status_changed`, and the
 * deal loses its buyer. Running it again changes nothing. Returns the offers withdrawn.
 */
export async function endContract(tx: Prisma.TransactionClient, leadId: string, actorId: string | null): Promise<string[]> {
  const accepted = await tx.offer.findMany({ where: { leadId, status: 'ACCEPTED' }, select: { id: true } });
  for (const { id } of accepted) {
    const withdrawn = await tx.offer.update({ where: { id }, data: { status: 'WITHDRAWN' } });
    await recordEvent(tx, { entityType: 'offer', entityId: id, action: 'status_changed', entity: { ...toOfferJson(withdrawn), previousStatus: 'ACCEPTED' }, actorId });
  }
  await clearDealBuyer(tx, leadId);
  return accepted.map(({ id }) => id);
}
