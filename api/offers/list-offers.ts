import type { ListOffersQuery } from '../../domain/offers/offer.schema';
import type { Db } from '../../db/client';
import { readOfferPage } from '../../db/queries/offer-list';
import { toOfferJson } from '../../db/rows';
import { knownCursor, projectFields } from '../paginate';

/** One page of live offers, newest first, by lead, buyer or status, each with its buyer's name, with the `fields=` projection. */
export async function listOffers(db: Db, query: ListOffersQuery) {
  const page = knownCursor(await readOfferPage(db, query));
  return { items: page.rows.map((row) => projectFields(Object.assign(toOfferJson(row), { buyerName: row.buyerName }), query.fields)), nextCursor: page.nextCursor };
}
