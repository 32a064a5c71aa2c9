import { Prisma } from '../../prisma/generated/client';
import type { Db } from '../client';
import { readRows } from '../read-rows';
import { dialectOf } from './dialect';
import { idIn } from './sql';

type Item = { entityType: string; entityId: string };

/** Each kind of item with a title: the read of the titles of the given ids. */
const TITLE_READS: Record<string, (ids: Prisma.Sql) => Prisma.Sql> = {
  lead: (ids) => Prisma.sql`SELECT 'lead' AS "entityType", "id", "sellerName" AS "title" FROM "Lead" WHERE ${ids}`,
  buyer: (ids) => Prisma.sql`SELECT 'buyer' AS "entityType", "id", "name" AS "title" FROM "Buyer" WHERE ${ids}`,
  task: (ids) => Prisma.sql`SELECT 'task' AS "entityType", "id", "title" FROM "Task" WHERE ${ids}`,
  offer: (ids) => Prisma.sql`SELECT 'offer' AS "entityType", o."id", 'Offer on ' || l."sellerName" AS "title" FROM "Offer" o JOIN "Lead" l ON l."id" = o."leadId" WHERE ${ids}`,
};

/**
 * What each lead, buyer, task or offer is called (a lead by its seller, an offer by its lead's),
 * keyed `type:id`; a record that no longer exists is absent. One raw read, whatever the count:
 * Prisma's findMany took milliseconds of the API's thread for the few titles of a page's header.
 */
export async function loadItemTitles(db: Db, items: Item[]): Promise<Map<string, string>> {
  const dialect = dialectOf(db);
  const reads = Object.entries(TITLE_READS).flatMap(([type, read]) => {
    const ids = [...new Set(items.filter((item) => item.entityType === type).map((item) => item.entityId))];
    return ids.length > 0 ? [read(idIn(Prisma.raw(type === 'offer' ? 'o."id"' : '"id"'), ids, dialect))] : [];
  });
  if (reads.length === 0) return new Map();
  const rows = await readRows<{ entityType: string; id: string; title: string }>(db, Prisma.join(reads, ' UNION ALL '));
  return new Map(rows.map((row): [string, string] => [`${row.entityType}:${row.id}`, row.title]));
}
