import type { ListLeadsQuery } from '../../domain/leads/lead.schema';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import type { PartialRow } from '../rows';
import { Prisma, type Lead } from '../../prisma/generated/client';
import { keysetPage, oneOf, sortedBy, type KeysetPage, type KeysetQuery } from './keyset-page';
import { dialectOf, type Dialect } from './dialect';
import { columnContains, sqlDate, unindexed } from './sql';

const NULLABLE_SORTS = new Set(['askingPrice', 'nextFollowUpAt']);

function leadConditions(query: ListLeadsQuery, dialect: Dialect): Prisma.Sql[] {
  // Unindexed: almost every lead is live, so that index narrows nothing and costs the sort's.
  const conditions: Prisma.Sql[] = [];
  if (!query.includeArchived) conditions.push(Prisma.sql`${unindexed('archivedAt', dialect)} IS NULL`);
  if (query.status) conditions.push(oneOf('status', query.status, dialect));
  if (query.ownerId) conditions.push(Prisma.sql`"ownerId" = ${query.ownerId}`);
  if (query.source) conditions.push(oneOf('source', query.source, dialect));
  if (query.propertyType) conditions.push(oneOf('propertyType', query.propertyType, dialect));
  if (query.city) conditions.push(Prisma.sql`"city" = ${query.city}`);
  // A 5-digit ZIP and its ZIP+4 forms, as an index range ('~' sorts after digits and '-').
  if (query.zip) conditions.push(Prisma.sql`"zip" >= ${query.zip} AND "zip" < ${`${query.zip}~`}`);
  if (query.minPrice !== undefined) conditions.push(Prisma.sql`"askingPrice" >= ${query.minPrice}`);
  if (query.maxPrice !== undefined) conditions.push(Prisma.sql`"askingPrice" <= ${query.maxPrice}`);
  if (query.createdFrom) conditions.push(Prisma.sql`"createdAt" >= ${sqlDate(new Date(query.createdFrom))}`);
  if (query.createdTo) conditions.push(Prisma.sql`"createdAt" < ${sqlDate(new Date(query.createdTo))}`);
  const search = query.q;
  if (search) {
    const matches = ['sellerName', 'street', 'sellerPhone', 'sellerEmail'].map((column) => columnContains(column, search));
    conditions.push(Prisma.sql`(${Prisma.join(matches, ' OR ')})`);
  }
  return conditions;
}

/** The lead list's filters and sort as a keyset query (tests/integration/query-plans checks its plans); `columns`: a lean page's. */
export function leadListQuery(query: ListLeadsQuery, dialect: Dialect, columns?: readonly string[]): KeysetQuery {
  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const column = query.sort.replace(/^-/, '');
  return {
    table: 'Lead',
    where: leadConditions(query, dialect),
    segments: sortedBy(column, direction, NULLABLE_SORTS.has(column)),
    direction,
    limit: query.limit,
    cursor: query.cursor,
    ...(columns ? { columns } : {}),
  };
}

/** One page of lead rows with the list filters and sort; null when the cursor is no lead. Given `columns`, the rows hold only those (and the id). */
export function readLeadPage(db: Db, query: ListLeadsQuery): Promise<KeysetPage<Lead> | null>;
export function readLeadPage(db: Db, query: ListLeadsQuery, columns: readonly string[]): Promise<KeysetPage<PartialRow<Lead>> | null>;
export function readLeadPage(db: Db, query: ListLeadsQuery, columns?: readonly string[]): Promise<KeysetPage<PartialRow<Lead>> | null> {
  return keysetPage<PartialRow<Lead>>(db, leadListQuery(query, dialectOf(db), columns));
}

/** One lead's row by id (archived ones too), null when there is none: the lead page's read, raw like the list's. */
export async function readLead(db: Db, leadId: string): Promise<Lead | null> {
  const [row] = await readRows<Lead>(db, Prisma.sql`SELECT * FROM "Lead" WHERE "id" = ${leadId}`);
  return row ?? null;
}
