import type { Deal } from '../../domain/deals/deal.schema';
import type { Db } from '../../db/client';
import { readDealPage, type DealListQuery } from '../../db/queries/deal-list';
import { toDealJson } from '../../db/rows';
import { knownCursor } from '../paginate';

/** One page of deals, newest first, open or closed ones only when asked, with the lead's address and the buyer's name. */
export async function listDeals(db: Db, query: DealListQuery): Promise<{ items: Deal[]; nextCursor: string | null }> {
  const page = knownCursor(await readDealPage(db, query));
  return {
    items: page.rows.map(({ lead, buyerName, ...row }) => {
      const { createdAt: _created, updatedAt: _updated, ...figures } = toDealJson(row);
      return { ...figures, lead, buyerName };
    }),
    nextCursor: page.nextCursor,
  };
}
