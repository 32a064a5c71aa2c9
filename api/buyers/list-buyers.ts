import type { ListBuyersQuery } from '../../domain/buyers/buyer.schema';
import type { Db } from '../../db/client';
import { readBuyerPage } from '../../db/queries/buyer-list';
import { buyerJson } from '../../db/rows';
import { knownCursor } from '../paginate';

/** One page of live buyers with the list filters (buy box, market, price, search), sort and `fields=` projection. */
export async function listBuyers(db: Db, query: ListBuyersQuery) {
  const page = knownCursor(await readBuyerPage(db, query));
  return { items: page.rows.map((row) => buyerJson(row, query.fields)), nextCursor: page.nextCursor };
}
