import { AppError } from './errors';

/** `fields=` for lean list views: only these keys (and the id) of an item. */
export function projectFields<Item extends object>(item: Item, fields: readonly string[] | undefined): Partial<Item> {
  if (!fields) return item;
  const keep = new Set(['id', ...fields]);
  return Object.fromEntries(Object.entries(item).filter(([key]) => keep.has(key))) as Partial<Item>;
}

/** A keyset page, or the 400 of a cursor that is no row of the list. */
export function knownCursor<Page>(page: Page | null): Page {
  if (page === null) throw new AppError('VALIDATION_FAILED', 'cursor is not one this list gave', { cursor: 'is not one this list gave' });
  return page;
}
