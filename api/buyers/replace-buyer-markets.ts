import { normalizeMarket } from '../../domain/buyers/buyer.schema';
import type { Prisma } from '../../db/client';

/** The buyer's market rows (what the market filter and matching read), one per distinct market. */
export async function replaceBuyerMarkets(tx: Prisma.TransactionClient, buyerId: string, markets: string[]): Promise<void> {
  await tx.buyerMarket.deleteMany({ where: { buyerId } });
  const unique = [...new Set(markets.map(normalizeMarket))];
  if (unique.length > 0) await tx.buyerMarket.createMany({ data: unique.map((market) => ({ buyerId, market })) });
}
