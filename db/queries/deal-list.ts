import type { Db } from '../client';
import { Prisma, type Deal } from '../../prisma/generated/client';
import { readRows } from '../read-rows';
import { keysetPage, type KeysetPage, type KeysetQuery } from './keyset-page';
import { dialectOf } from './dialect';
import { idIn } from './sql';

const ID = Prisma.sql`"id"`;

export interface DealListQuery {
  closed?: boolean;
  limit: number;
  cursor?: string;
}

/** Deals, newest first, open or closed ones only when asked: the list's keyset query. */
export function dealListQuery({ closed, limit, cursor }: DealListQuery): KeysetQuery {
  const where = closed === undefined ? [] : [closed ? Prisma.sql`"closedAt" IS NOT NULL` : Prisma.sql`"closedAt" IS NULL`];
  // Without statistics SQLite would read the closedAt index and sort the open deals.
  const index = closed === false ? 'Deal_open_createdAt_id_idx' : undefined;
  return { table: 'Deal', where, segments: [{ where: Prisma.sql`1 = 1`, column: 'createdAt' }], direction: 'desc', limit, cursor, index };
}

export type DealListRow = Deal & { lead: { sellerName: string; street: string; city: string }; buyerName: string | null };

/** One page of deals with the lead's address and the buyer's name; null when the cursor is no deal. */
export async function readDealPage(db: Db, query: DealListQuery): Promise<KeysetPage<DealListRow> | null> {
  const page = await keysetPage<Deal>(db, dealListQuery(query));
  if (page === null) return null;
  const dialect = dialectOf(db);
  const [leads, buyers] = await Promise.all([
    readRows<{ id: string; sellerName: string; street: string; city: string }>(db, Prisma.sql`SELECT "id", "sellerName", "street", "city" FROM "Lead" WHERE ${idIn(ID, [...new Set(page.rows.map((row) => row.leadId))], dialect)}`),
    readRows<{ id: string; name: string }>(db, Prisma.sql`SELECT "id", "name" FROM "Buyer" WHERE ${idIn(ID, [...new Set(page.rows.flatMap((row) => (row.buyerId ? [row.buyerId] : [])))], dialect)}`),
  ]);
  const leadOf = new Map(leads.map(({ id, ...lead }) => [id, lead]));
  const nameOf = new Map(buyers.map((buyer) => [buyer.id, buyer.name]));
  // Each row read here is the page's own: it takes its lead and buyer's name in place rather than being copied.
  const rows: DealListRow[] = [];
  for (const row of page.rows) {
    const lead = leadOf.get(row.leadId);
    // Every deal has its lead (a foreign key): the check only satisfies the types.
    if (lead) rows.push(Object.assign(row, { lead, buyerName: row.buyerId ? (nameOf.get(row.buyerId) ?? null) : null }));
  }
  return { ...page, rows };
}
