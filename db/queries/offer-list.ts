import type { ListOffersQuery } from '../../domain/offers/offer.schema';
import type { Db } from '../client';
import { Prisma, type Offer } from '../../prisma/generated/client';
import { readRows } from '../read-rows';
import { keysetPage, type KeysetPage, type KeysetQuery } from './keyset-page';
import { dialectOf } from './dialect';
import { idIn } from './sql';

/** Live offers, newest first, by lead, buyer or status: the list's keyset query. */
export function offerListQuery({ leadId, buyerId, status, limit, cursor }: ListOffersQuery): KeysetQuery {
  const where = [Prisma.sql`"archivedAt" IS NULL`];
  if (leadId) where.push(Prisma.sql`"leadId" = ${leadId}`);
  if (buyerId) where.push(Prisma.sql`"buyerId" = ${buyerId}`);
  if (status) where.push(Prisma.sql`"status" = ${status}`);
  // Without statistics SQLite would read the archivedAt index and sort every live offer; a lead's or buyer's offers are few.
  const index = leadId || buyerId ? undefined : status ? 'Offer_live_status_createdAt_id_idx' : 'Offer_live_createdAt_id_idx';
  return { table: 'Offer', where, segments: [{ where: Prisma.sql`1 = 1`, column: 'createdAt' }], direction: 'desc', limit, cursor, index };
}

/** One page of live offers with each one's buyer name; null when the cursor is no offer. */
export async function readOfferPage(db: Db, query: ListOffersQuery): Promise<KeysetPage<Offer & { buyerName: string | null }> | null> {
  const page = await keysetPage<Offer>(db, offerListQuery(query));
  if (page === null) return null;
  const buyerIds = [...new Set(page.rows.flatMap((row) => (row.buyerId ? [row.buyerId] : [])))];
  const buyers = await readRows<{ id: string; name: string }>(db, Prisma.sql`SELECT "id", "name" FROM "Buyer" WHERE ${idIn(Prisma.sql`"id"`, buyerIds, dialectOf(db))}`);
  const names = new Map(buyers.map((buyer) => [buyer.id, buyer.name]));
  // Each row read here is the page's own: it takes its buyer's name in place rather than being copied.
  return { ...page, rows: page.rows.map((row) => Object.assign(row, { buyerName: row.buyerId ? (names.get(row.buyerId) ?? null) : null })) };
}
