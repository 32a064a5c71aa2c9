import { z } from 'zod';
import { listOf, queryInt } from '../validation/fields';

export const SEARCH_TYPES = ['lead', 'buyer', 'task'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_MAX_LENGTH = 100;

/** `GET /api/search?q=&types=&limit=&includeArchived=`: `limit` is per type. */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'is required').max(SEARCH_MAX_LENGTH, `must be at most ${SEARCH_MAX_LENGTH} characters`),
  types: listOf(SEARCH_TYPES, 'types').default([...SEARCH_TYPES]),
  limit: queryInt(1, 20).default(5),
  includeArchived: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A run of a field's text; `mark` is true where it matched what was typed. Rendered as text, never as HTML. */
export const highlightPartSchema = z.object({ text: z.string(), mark: z.boolean() });
export type HighlightPart = z.infer<typeof highlightPartSchema>;

export const searchItemSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** The field that matched best and its text in parts. */
  highlight: z.object({ field: z.string(), parts: z.array(highlightPartSchema) }),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

export const searchResultSchema = z.object({ items: z.array(searchItemSchema) });
