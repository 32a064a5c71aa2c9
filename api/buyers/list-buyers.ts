import type { ListBuyersQuery } from '../../domain/buyers/buyer.schema';
import type { Db } from '../../db/client';
import { readBuyerPage } from '../../db/queries/buyer-list';
import { buyerColumnsOf, leanBuyerJson, toBuyerJson } from '../../db/rows';
import { knownCursor } from '../paginate';

/** One page of live buyers with the list filters (buy box, market, price, search), sort and `fields=` projection (only its columns read). */
export async function listBuyers(db: Db, query: ListBuyersQuery) {
  const { fields } = query;
  if (!fields) {
    const page = knownCursor(await readBuyerPage(db, query));
    return { items: page.rows.map((row) => toBuyerJson(row)), nextCursor: page.nextCursor };
  }
  // A lean page reads only the columns of its fields.
  const page = knownCursor(await readBuyerPage(db, query, buyerColumnsOf(fields)));
  return { items: page.rows.map((row) => leanBuyerJson(row, fields)), nextCursor: page.nextCursor };
}
