import { z } from 'zod';
import { LEAD_STATUSES } from '../../domain/leads/lead-statuses';
import type { OfferAcceptanceFacts } from '../../domain/offers/offer-acceptance-facts';
import type { Prisma } from '../client';
import { dialectOf } from '../queries/dialect';
import { parseColumn } from '../rows';

const leadStatusColumn = z.enum(LEAD_STATUSES);

// recordEvent writes JSON.stringify's output: a value of a text field holding these words has its quotes escaped.
const LEFT_CONTRACT = '"previousStatus":"UNDER_CONTRACT"';

/**
 * The id of the lead's newest event that moved it out of UNDER_CONTRACT (its contract fell
 * through, or it closed or died), 0 if it never left. Offers accepted before it belong to that
 * ended contract; an accepted offer's own status event is newer than any move of its contract.
 */
async function contractEndedAt(tx: Prisma.TransactionClient, leadId: string): Promise<number> {
  const left = await tx.event.findFirst({
    where: { entityType: 'lead', entityId: leadId, action: 'status_changed', payload: { contains: LEFT_CONTRACT } },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  return left?.id ?? 0;
}

async function acceptedAt(tx: Prisma.TransactionClient, offerId: string): Promise<number | null> {
  const event = await tx.event.findFirst({ where: { entityType: 'offer', entityId: offerId, action: 'status_changed' }, orderBy: { id: 'desc' }, select: { id: true } });
  return event?.id ?? null;
}

/**
 * What accepting offer `offerId` depends on (domain/offers/buyer-acceptance.ts,
 * domain/offers/purchase-acceptance.ts), read in the accepting transaction with the lead held, so
 * two acceptances on one lead take turns and the second sees the first: on PostgreSQL the lead's
 * row is locked first (two offers are two rows, so nothing else would make the second transaction
 * wait); SQLite's one writer at a time (`BEGIN IMMEDIATE`, db/client.ts) gives the same order.
 *
 * `acceptedOffer` is the newest other offer of the same kind accepted in the lead's current
 * contract: one accepted since the lead last left UNDER_CONTRACT. An offer accepted with no status
 * event (the demo data) counts unless the lead has left a contract since.
 */
export async function lockOfferAcceptance(
  tx: Prisma.TransactionClient,
  { leadId, offerId, kind }: { leadId: string; offerId: string; kind: 'PURCHASE' | 'BUYER' },
): Promise<OfferAcceptanceFacts> {
  if (dialectOf(tx) === 'postgres') await tx.$queryRaw`SELECT "id" FROM "Lead" WHERE "id" = ${leadId} FOR UPDATE`;
  const lead = await tx.lead.findUniqueOrThrow({ where: { id: leadId }, select: { status: true, archivedAt: true } });
  // Archived or not: the deal holds its buyer either way.
  const accepted = await tx.offer.findMany({
    where: { leadId, kind, status: 'ACCEPTED', id: { not: offerId } },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, amount: true, buyer: { select: { name: true } } },
  });
  const endedAt = accepted.length > 0 ? await contractEndedAt(tx, leadId) : 0;
  let current: (typeof accepted)[number] | undefined;
  for (const offer of accepted) {
    const at = await acceptedAt(tx, offer.id);
    if (at === null ? endedAt === 0 : at > endedAt) {
      current = offer;
      break;
    }
  }
  return {
    leadStatus: parseColumn(leadStatusColumn, lead.status, 'Lead.status'),
    leadArchived: lead.archivedAt !== null,
    acceptedOffer: current ? { amount: current.amount, buyerName: current.buyer?.name ?? null } : null,
  };
}
