import { AppError } from './errors';

/** Prisma arguments for one page after `cursor` (an id): one row more than asked tells whether more exist. */
export function pageArgs(limit: number, cursor: string | undefined) {
  return { take: limit + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) };
}

/** `fields=` for lean list views: only these keys (and the id) of an item. */
export function projectFields<Item extends object>(item: Item, fields: readonly string[] | undefined): Partial<Item> {
  if (!fields) return item;
  const keep = new Set(['id', ...fields]);
  return Object.fromEntries(Object.entries(item).filter(([key]) => keep.has(key))) as Partial<Item>;
}

/** `{items, nextCursor}` from the rows `pageArgs` fetched. */
export function toPage<Row extends { id: string }, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item) {
  const page = rows.slice(0, limit);
  return { items: page.map(toItem), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/** A keyset page, or the 400 of a cursor that is no row of the list. */
export function knownCursor<Page>(page: Page | null): Page {
  if (page === null) throw new AppError('VALIDATION_FAILED', 'cursor is not one this list gave', { cursor: 'is not one this list gave' });
  return page;
}
