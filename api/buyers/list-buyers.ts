import type { z } from 'zod';
import { normalizeMarket, type listBuyersQuerySchema } from '../../domain/buyers/buyer.schema';
import type { Db, Prisma } from '../../db/client';
import { toBuyerJson } from '../../db/rows';
import { pageArgs, projectFields, toPage } from '../paginate';

/** One page of live buyers with the list filters (buy box, market, price), sort and `fields=` projection. */
export async function listBuyers(db: Db, query: z.infer<typeof listBuyersQuerySchema>) {
  const where: Prisma.BuyerWhereInput = {
    archivedAt: null,
    ...(query.status ? { status: query.status } : {}),
    ...(query.cash === undefined ? {} : { cashBuyer: query.cash }),
    ...(query.market ? { marketRows: { some: { market: normalizeMarket(query.market) } } } : {}),
    ...(query.propertyType ? { propertyTypes: { contains: `"${query.propertyType}"` } } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { company: { contains: query.q } }, { email: { contains: query.q } }] } : {}),
    ...(query.price === undefined
      ? {}
      : {
          AND: [
            { OR: [{ minPrice: null }, { minPrice: { lte: query.price } }] },
            { OR: [{ maxPrice: null }, { maxPrice: { gte: query.price } }] },
          ],
        }),
  };
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const rows = await db.buyer.findMany({
    where,
    orderBy: [{ [query.sort.replace(/^-/, '')]: direction }, { id: direction }],
    ...pageArgs(query.limit, query.cursor),
  });
  return toPage(rows, query.limit, (row) => projectFields(toBuyerJson(row), query.fields));
}
