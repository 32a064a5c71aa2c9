import type { Favorite, RecentItem, UserItemInput } from '../../../../domain/users/user-items.schema';
import type { List } from '../../../../domain/pagination';
import { api } from '../../lib/api-client';

export type { Favorite, RecentItem };
export type ItemType = UserItemInput['entityType'];

export const FAVORITES_KEY = ['me', 'favorites'] as const;
export const RECENT_KEY = ['me', 'recent'] as const;

export const listFavorites = (): Promise<List<Favorite>> => api.get('/api/me/favorites');
export const listRecentItems = (): Promise<List<RecentItem>> => api.get('/api/me/recent');
export const addFavorite = (item: UserItemInput): Promise<unknown> => api.post('/api/me/favorites', item);
export const removeFavorite = (item: UserItemInput): Promise<void> => api.post('/api/me/favorites/remove', item);
