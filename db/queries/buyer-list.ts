import { normalizeMarket, type ListBuyersQuery } from '../../domain/buyers/buyer.schema';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import type { PartialRow } from '../rows';
import { Prisma, type Buyer } from '../../prisma/generated/client';
import { keysetPage, sortedBy, type KeysetPage, type KeysetQuery } from './keyset-page';
import { columnContains } from './sql';

const NULLABLE_SORTS = new Set(['maxPrice']);

/** The partial index of live buyers in each sort's order (the list_order_indexes migration). */
const LIVE_INDEX: Record<string, string> = { createdAt: 'Buyer_live_createdAt_id_idx', name: 'Buyer_live_name_id_idx', maxPrice: 'Buyer_live_maxPrice_id_idx' };

/** The list's query, and for exports the owner an agent's rows are narrowed to. */
type BuyerPageQuery = ListBuyersQuery & { ownerId?: string };

function buyerConditions(query: BuyerPageQuery): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`"archivedAt" IS NULL`];
  if (query.ownerId) conditions.push(Prisma.sql`"ownerId" = ${query.ownerId}`);
  if (query.status) conditions.push(Prisma.sql`"status" = ${query.status}`);
  if (query.cash !== undefined) conditions.push(Prisma.sql`"cashBuyer" = ${query.cash ? 1 : 0}`);
  if (query.market) {
    const market = normalizeMarket(query.market);
    // A bare city ("toledo") also finds its "City, ST" markets ("toledo, oh"): a range on the market index (',!' sorts just after ', ').
    const withState = /^[^\d,][^,]*$/.test(market) ? Prisma.sql` OR ("market" > ${`${market}, `} AND "market" < ${`${market},!`})` : Prisma.empty;
    conditions.push(Prisma.sql`"id" IN (SELECT "buyerId" FROM "BuyerMarket" WHERE "market" = ${market}${withState})`);
  }
  // propertyTypes is a JSON array of names: look for the quoted name.
  if (query.propertyType) conditions.push(columnContains('propertyTypes', `"${query.propertyType}"`));
  const search = query.q;
  if (search) conditions.push(Prisma.sql`(${Prisma.join(['name', 'company', 'email'].map((column) => columnContains(column, search)), ' OR ')})`);
  if (query.price !== undefined) {
    conditions.push(Prisma.sql`("minPrice" IS NULL OR "minPrice" <= ${query.price}) AND ("maxPrice" IS NULL OR "maxPrice" >= ${query.price})`);
  }
  return conditions;
}

/** The buyer list's filters and sort as a keyset query (tests/integration/query-plans checks its plans). */
export function buyerListQuery(query: BuyerPageQuery, columns?: readonly string[]): KeysetQuery {
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const column = query.sort.replace(/^-/, '');
  return {
    table: 'Buyer',
    where: buyerConditions(query),
    segments: sortedBy(column, direction, NULLABLE_SORTS.has(column)),
    direction,
    limit: query.limit,
    cursor: query.cursor,
    // Without statistics SQLite reads the archivedAt index and sorts every live buyer; a market's buyers are few, read from BuyerMarket.
    index: query.market ? undefined : LIVE_INDEX[column],
    ...(columns ? { columns } : {}),
  };
}

/** One page of live buyers with the list filters (status, cash, market, property type, price, search) and sort; null when the cursor is no buyer. Given `columns`, the rows hold only those (and the id). */
export function readBuyerPage(db: Db, query: BuyerPageQuery): Promise<KeysetPage<Buyer> | null>;
export function readBuyerPage(db: Db, query: BuyerPageQuery, columns: readonly string[]): Promise<KeysetPage<PartialRow<Buyer>> | null>;
export function readBuyerPage(db: Db, query: BuyerPageQuery, columns?: readonly string[]): Promise<KeysetPage<PartialRow<Buyer>> | null> {
  return keysetPage<PartialRow<Buyer>>(db, buyerListQuery(query, columns));
}

/** One buyer's row by id (archived ones too), null when there is none: raw, as the list reads (Prisma's findUnique costs milliseconds of CPU per row). */
export async function readBuyer(db: Db, buyerId: string): Promise<Buyer | null> {
  const [row] = await readRows<Buyer>(db, Prisma.sql`SELECT * FROM "Buyer" WHERE "id" = ${buyerId}`);
  return row ?? null;
}
