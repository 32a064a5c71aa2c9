import type { ListLeadsQuery } from '../../domain/leads/lead.schema';
import type { Db, Prisma } from '../../prisma/db';
import { loadDealMath } from '../../prisma/settings-store';
import { toLeadJson } from '../../prisma/to-json';
import { pageArgs, projectFields, toPage } from '../paginate';

function whereFor(query: ListLeadsQuery): Prisma.LeadWhereInput {
  const and: Prisma.LeadWhereInput[] = [];
  if (!query.includeArchived) and.push({ archivedAt: null });
  if (query.status) and.push({ status: { in: query.status } });
  if (query.ownerId) and.push({ ownerId: query.ownerId });
  if (query.source) and.push({ source: { in: query.source } });
  if (query.propertyType) and.push({ propertyType: { in: query.propertyType } });
  if (query.city) and.push({ city: query.city });
  if (query.zip) and.push({ zip: { startsWith: query.zip } });
  if (query.minPrice !== undefined) and.push({ askingPrice: { gte: query.minPrice } });
  if (query.maxPrice !== undefined) and.push({ askingPrice: { lte: query.maxPrice } });
  if (query.createdFrom) and.push({ createdAt: { gte: new Date(query.createdFrom) } });
  if (query.createdTo) and.push({ createdAt: { lt: new Date(query.createdTo) } });
  if (query.q) {
    and.push({
      OR: [{ sellerName: { contains: query.q } }, { street: { contains: query.q } }, { sellerPhone: { contains: query.q } }, { sellerEmail: { contains: query.q } }],
    });
  }
  return { AND: and };
}

/** One page of leads with the list filters, sort and `fields=` projection; `{items, nextCursor}`. */
export async function listLeads(db: Db, query: ListLeadsQuery) {
  const descending = query.sort.startsWith('-');
  const field = query.sort.replace(/^-/, '') as 'createdAt' | 'askingPrice' | 'sellerName' | 'city' | 'status';
  const direction = descending ? 'desc' : 'asc';
  const rows = await db.lead.findMany({
    where: whereFor(query),
    orderBy: [{ [field]: direction }, { id: direction }],
    ...pageArgs(query.limit, query.cursor),
  });
  const dealMath = await loadDealMath(db);
  return toPage(rows, query.limit, (row) => projectFields(toLeadJson(row, dealMath), query.fields));
}
