import type { z } from 'zod';
import type { listOffersQuerySchema } from '../../domain/offers/offer.schema';
import type { Db } from '../../db/client';
import { toOfferJson } from '../../db/rows';
import { pageArgs, projectFields, toPage } from '../paginate';

/** One page of live offers, newest first, by lead, buyer or status, each with its buyer's name, with the `fields=` projection. */
export async function listOffers(db: Db, { leadId, buyerId, status, fields, limit, cursor }: z.infer<typeof listOffersQuerySchema>) {
  const rows = await db.offer.findMany({
    where: { archivedAt: null, ...(leadId ? { leadId } : {}), ...(buyerId ? { buyerId } : {}), ...(status ? { status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: { buyer: { select: { name: true } } },
    ...pageArgs(limit, cursor),
  });
  return toPage(rows, limit, (row) => projectFields({ ...toOfferJson(row), buyerName: row.buyer?.name ?? null }, fields));
}
