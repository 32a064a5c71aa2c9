import { buyerSchema, normalizeMarket } from '../../domain/buyers/buyer.schema';
import type { Buyer } from '../../prisma/generated/client';
import type { Prisma } from '../client';
import { parseJsonColumn } from '../rows';

/** The property type of a market row whose buyer buys any type. */
export const ANY_PROPERTY_TYPE = '*';
/** The market of the rows of a buyer who buys in any market. */
export const ANY_MARKET = '*';

export type BuyerMarketRow = { buyerId: string; market: string; propertyType: string };

/**
 * A buyer's market rows: one per distinct market (normalised) and property type they buy, so a
 * lead's market and type find its candidate buyers in one index range. The rest of the buy box is
 * copied into each row by the database's triggers (see prisma/schema.prisma).
 */
export function buyerMarketRows(buyerId: string, markets: readonly string[], propertyTypes: readonly string[]): BuyerMarketRow[] {
  const types = propertyTypes.length > 0 ? [...new Set(propertyTypes)] : [ANY_PROPERTY_TYPE];
  const places = markets.length > 0 ? [...new Set(markets.map(normalizeMarket))] : [ANY_MARKET];
  return places.flatMap((market) => types.map((propertyType) => ({ buyerId, market, propertyType })));
}

/** Rewrites the buyer's market rows (what matching narrows its candidates by) from the buy box of their saved row. */
export async function replaceBuyerMarkets(tx: Prisma.TransactionClient, buyer: Pick<Buyer, 'id' | 'markets' | 'propertyTypes'>): Promise<void> {
  await tx.buyerMarket.deleteMany({ where: { buyerId: buyer.id } });
  const markets = parseJsonColumn(buyerSchema.shape.markets, buyer.markets, 'Buyer.markets');
  const propertyTypes = parseJsonColumn(buyerSchema.shape.propertyTypes, buyer.propertyTypes, 'Buyer.propertyTypes');
  const rows = buyerMarketRows(buyer.id, markets, propertyTypes);
  if (rows.length > 0) await tx.buyerMarket.createMany({ data: rows });
}
