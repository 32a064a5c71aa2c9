import { AppError } from './errors';

/** `fields=` for lean list views: only these keys (and the id) of an item. */
export function projectFields<Item extends object>(item: Item, fields: readonly string[] | undefined): Partial<Item> {
  if (!fields) return item;
  // Copied by the fields asked for: filtering every entry of a 40-key record cost more than serialising the keys it dropped.
  const source = item as Record<string, unknown>;
  const lean: Record<string, unknown> = Object.hasOwn(source, 'id') ? { id: source.id } : {};
  for (const key of fields) if (Object.hasOwn(source, key)) lean[key] = source[key];
  return lean as Partial<Item>;
}

/** A keyset page, or the 400 of a cursor that is no row of the list. */
export function knownCursor<Page>(page: Page | null): Page {
  if (page === null) throw new AppError('VALIDATION_FAILED', 'cursor is not one this list gave', { cursor: 'is not one this list gave' });
  return page;
}
