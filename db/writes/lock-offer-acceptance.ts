import { z } from 'zod';
import { LEAD_STATUSES } from '../../domain/leads/lead-statuses';
import type { OfferAcceptanceFacts } from '../../domain/offers/offer-acceptance-facts';
import type { Prisma } from '../client';
import { dialectOf } from '../queries/dialect';
import { parseColumn } from '../rows';

const leadStatusColumn = z.enum(LEAD_STATUSES);

/**
 * What accepting offer `offerId` depends on (domain/offers/buyer-acceptance.ts,
 * domain/offers/purchase-acceptance.ts), read in the accepting transaction with the lead held, so
 * two acceptances on one lead take turns and the second sees the first: on PostgreSQL the lead's
 * row is locked first (two offers are two rows, so nothing else would make the second transaction
 * wait); SQLite's one writer at a time (`BEGIN IMMEDIATE`, db/client.ts) gives the same order.
 * An accepted offer stops holding the lead once withdrawn: its buyer backed out, or the lead's
 * contract fell through (activities/lead-status.activities.ts).
 */
export async function lockOfferAcceptance(
  tx: Prisma.TransactionClient,
  { leadId, offerId, kind }: { leadId: string; offerId: string; kind: 'PURCHASE' | 'BUYER' },
): Promise<OfferAcceptanceFacts> {
  if (dialectOf(tx) === 'postgres') await tx.$queryRaw`SELECT "id" FROM "Lead" WHERE "id" = ${leadId} FOR UPDATE`;
  const lead = await tx.lead.findUniqueOrThrow({ where: { id: leadId }, select: { status: true, archivedAt: true } });
  // Archived or not: the deal holds its buyer either way. The newest, should older data hold two.
  const accepted = await tx.offer.findFirst({
    where: { leadId, kind, status: 'ACCEPTED', id: { not: offerId } },
    orderBy: { updatedAt: 'desc' },
    select: { amount: true, buyer: { select: { name: true } } },
  });
  return {
    leadStatus: parseColumn(leadStatusColumn, lead.status, 'Lead.status'),
    leadArchived: lead.archivedAt !== null,
    acceptedOffer: accepted ? { amount: accepted.amount, buyerName: accepted.buyer?.name ?? null } : null,
  };
}
