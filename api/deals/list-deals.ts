import type { Deal } from '../../domain/deals/deal.schema';
import type { Db } from '../../db/client';
import { toDealJson } from '../../db/rows';
import { pageArgs, toPage } from '../paginate';

/** One page of deals, newest first, open or closed ones only when asked, with the lead's address and the buyer's name. */
export async function listDeals(db: Db, { closed, limit, cursor }: { closed?: boolean; limit: number; cursor?: string }): Promise<{ items: Deal[]; nextCursor: string | null }> {
  const rows = await db.deal.findMany({
    where: closed === undefined ? {} : { closedAt: closed ? { not: null } : null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    ...pageArgs(limit, cursor),
    include: { lead: { select: { sellerName: true, street: true, city: true } }, buyer: { select: { name: true } } },
  });
  return toPage(rows, limit, ({ lead, buyer, ...row }) => {
    const { createdAt: _created, updatedAt: _updated, ...figures } = toDealJson(row);
    return { ...figures, lead, buyerName: buyer?.name ?? null };
  });
}
