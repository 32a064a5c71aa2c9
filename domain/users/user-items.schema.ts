import { z } from 'zod';

export const ITEM_TYPES = ['lead', 'buyer', 'task', 'offer'] as const;

export const userItemInputSchema = z.object({
  entityType: z.enum(ITEM_TYPES),
  entityId: z.string().min(1, 'is required').max(100),
});
export type UserItemInput = z.infer<typeof userItemInputSchema>;

export const userItemSchema = z.object({ entityType: z.enum(ITEM_TYPES), entityId: z.string() });
/** `title`: what the item is called (a lead by its seller); null when it no longer exists. */
const namedItemSchema = userItemSchema.extend({ title: z.string().nullable() });
export const favoriteSchema = namedItemSchema.extend({ createdAt: z.string() });
export type Favorite = z.infer<typeof favoriteSchema>;
export const recentItemSchema = namedItemSchema.extend({ viewedAt: z.string() });
/** What recording a view answers. */
export const recordedViewSchema = userItemSchema.extend({ viewedAt: z.string() });
export type RecentItem = z.infer<typeof recentItemSchema>;

export const SAVED_VIEW_PAGES = ['leads', 'buyers', 'tasks'] as const;

/** `GET /api/me/saved-views?page=`: one list page's views, or all. */
export const savedViewsQuerySchema = z.object({ page: z.enum(SAVED_VIEW_PAGES).optional() });

export const savedViewInputSchema = z.object({
  page: z.enum(SAVED_VIEW_PAGES),
  name: z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters'),
  /** The list's filters and sort, as its query string parameters. */
  query: z.record(z.string(), z.string().max(500)).refine((query) => Object.keys(query).length <= 30, 'has too many parameters'),
});

export const savedViewSchema = z.object({
  id: z.string(),
  page: z.enum(SAVED_VIEW_PAGES),
  name: z.string(),
  query: z.record(z.string(), z.string()),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const historyParamsSchema = z.object({
  entityType: z.enum(['lead', 'buyer', 'task', 'offer', 'deal', 'note', 'user']),
  id: z.string().min(1),
});
