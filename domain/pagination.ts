import { z } from 'zod';

/** One page of a list read by cursor: `nextCursor` is null on the last page. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<Item> = z.infer<ReturnType<typeof pageSchema<z.ZodType<Item>>>>;

/** A whole list in one answer, e.g. a lead's notes or the caller's favorites. */
export function listSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item) });
}
export type List<Item> = z.infer<ReturnType<typeof listSchema<z.ZodType<Item>>>>;
